// Routing a field to accept / review / blank: the accept threshold that meets a target
// residual error on calibration data, and the reasons that send a field to a clerk whatever
// its probability.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/page.hpp"

namespace ledger {

/// The threshold chosen on calibration data and what it did there.
struct ThresholdChoice {
  double threshold = 1.01;  // accept when probability >= threshold (> 1: accept nothing)
  int accepted = 0;         // samples at or over the threshold
  int errors = 0;           // wrong ones among them
  double coverage = 0;      // accepted / all samples
};

/// The lowest threshold whose accepted samples meet `max_error_rate`.
///   probs, labels  calibrated probabilities and 1 = right, 0 = wrong (same length)
///   prior_errors   pessimism: the error rate is judged as (errors + prior_errors) /
///                  (accepted + prior_errors), so that with no error seen at all a threshold
///                  needs 1/max_error_rate accepted samples (199 for 1 in 200) before anything is
///                  accepted; few samples never justify accepting
/// Notes:
///   1. Cuts are only made between distinct probabilities (ties are accepted together).
///   2. When no cut meets the target, threshold > 1: nothing is accepted.
ThresholdChoice choose_threshold(const std::vector<double>& probs, const std::vector<int>& labels,
                                 double max_error_rate = 0.005, int prior_errors = 1);

/// Status of a field: Blank when `blank`, else Accept when probability >= threshold, else Review.
FieldStatus route(double probability, bool blank, double threshold);

/// Least engine confidence (the OCR's own mean word confidence) of a field that may be
/// accepted: on real registers unlike the synthetic fitting pages (lectaurep scans) the fit
/// extrapolated garbage read at confidence 0.0-0.13 to p = 1; on 24 held-out synthetic pages this
/// floor sent 6 of 358 accepted (and right) fields to review.
constexpr double kMinEngineConfidence = 0.5;

/// Reasons a read field must not be accepted although nothing doubts its value: the engine
/// itself was unsure ("low-ocr-confidence", under kMinEngineConfidence), a free-text value
/// (name, place, text, date in words) with fewer than 3 letters or digits ("too-short": on real
/// scans these were ruling and specks read as "m", "|", "R"). Empty when none.
std::vector<std::string> acceptance_vetoes(const DraftField& field, double engine_confidence);

/// True when `reason` (a normaliser's, a rule's, or the reader's) must send the field to review
/// whatever its probability. Only reasons that do not doubt the value are exempt
/// ("place-name-era": an old unit name is right in an old book; "date-words-agree").
bool forces_review(std::string_view reason);

}  // namespace ledger
