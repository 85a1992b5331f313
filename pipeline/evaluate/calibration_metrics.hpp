// How far field confidences can be trusted: reliability bins, expected calibration error (ECE),
// and the accepted-share / residual-error curve over acceptance thresholds. Pure functions.
#pragma once
#include <vector>

namespace ledger {

/// One scored field as the trust metrics see it.
struct ConfidencePoint {
  double confidence = 0;  // the draft's calibrated confidence, 0..1
  bool correct = false;   // value matched the ground truth
};

/// One equal-width confidence bin of a reliability diagram.
struct ReliabilityBin {
  double lo = 0, hi = 0;       // confidence range [lo, hi) (the last bin includes 1.0)
  long count = 0;              // fields whose confidence falls here
  double mean_confidence = 0;  // 0 when empty
  double accuracy = 0;         // share correct, 0 when empty
};

/// Splits [0, 1] into `bins` equal-width bins and fills them. Confidences outside [0, 1] are
/// clamped. Returns `bins` bins, empty ones included.
std::vector<ReliabilityBin> reliability_bins(const std::vector<ConfidencePoint>& points, int bins = 10);

/// ECE = sum over bins of (count / total) * |accuracy - mean_confidence|; 0 with no points.
double expected_calibration_error(const std::vector<ReliabilityBin>& bins);

/// What accepting every field with confidence >= threshold would give.
struct ThresholdPoint {
  double threshold = 0;
  long accepted = 0;            // fields at or above the threshold
  long wrong = 0;               // of those, wrong (residual errors)
  double accepted_share = 0;    // accepted / all fields
  double residual_error = 0;    // wrong / accepted (0 when none accepted)
};

/// The curve for thresholds 0, 1/steps, ..., 1 (steps + 1 points).
std::vector<ThresholdPoint> threshold_curve(const std::vector<ConfidencePoint>& points, int steps = 100);

}  // namespace ledger
