// Calibrated confidence: the features of one recognised field, and a logistic model that turns
// them into the probability that the field's value is exactly right (models/calibration.json).
#pragma once
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/field_type.hpp"
#include "core/ground_truth.hpp"
#include "core/page.hpp"
#include "fields/normalize.hpp"

namespace ledger {

/// Field types grouped by how their values are made (one intercept / model per group).
enum class TypeGroup { Name, Date, Code, Place, Number };
TypeGroup type_group(FieldType t);
std::string_view to_string(TypeGroup g);

/// Names of the features, in the order of every feature vector. The measured ones come from
/// the reading and the normaliser and are stored by these names in DraftField::evidence; the
/// last five are the type group one-hot ("group_name", ...), made from the field's type.
const std::vector<std::string>& feature_names();
/// Number of measured features (the ones stored in evidence), i.e. the index of "group_name".
size_t measured_feature_count();

/// What calibration knows about a field besides the reading and the normalised value.
struct FeatureContext {
  int rule_reasons = 0;   // reasons added by the record rules
  int date_words = 0;     // +1 the digits and words of a date agree, -1 they differ, 0 n/a
};

/// The measured features of a field, by name (see feature_names()), for DraftField::evidence.
std::vector<std::pair<std::string, double>> measure_features(const FieldReading& reading,
                                                             const NormalizedValue& value,
                                                             const FeatureContext& ctx);
/// The full feature vector of a draft field: its evidence (missing names read 0) plus the
/// one-hot of its type group.
std::vector<double> features_of(const DraftField& field);

/// A field with a known outcome, for fitting.
struct CalibrationSample {
  std::vector<double> features;  // as features_of
  bool correct = false;          // the normalised value equals the ground truth
  FieldType type = FieldType::Text;
  bool hand = false;
};

/// Blank calls checked against the truth: how far "blank" can be trusted.
struct BlankTally {
  int calls = 0;  // fields the pipeline called blank whose key the truth has
  int right = 0;  // ... and the truth is blank too
  /// (right + 1) / (calls + 2): the share of right blank calls, pulled towards 1/2 when few.
  double confidence() const { return (right + 1.0) / (calls + 2.0); }
};

/// Adds what one draft record teaches against its ground truth: a sample per field that was
/// read (has evidence, not blank) and whose key the truth has, right when values_match
/// (core/compare.hpp); each blank call to `blanks`.
void collect_samples(const DraftRecord& draft, const GtRecord& truth,
                     std::vector<CalibrationSample>& samples, BlankTally& blanks);

/// Where a fitted model came from; written into the model file.
struct CalibrationProvenance {
  unsigned seed = 0;
  int pages = 0;
  int samples = 0;
  std::string date;           // ISO date of the fit
  std::string source;         // what the samples were: "synth KS pages, seed 7", ...
  double heldout_ece = -1;    // expected calibration error on the held-out split (-1 unknown)
  double heldout_accept_error = -1;  // error rate among held-out fields over the threshold
  double heldout_coverage = -1;      // share of held-out fields over the threshold
};

/// One logistic regression: p = sigmoid(intercept + sum_i w_i (x_i - mean_i) / scale_i).
struct LogisticModel {
  std::vector<double> mean, scale, weights;
  double intercept = 0;
  double predict(const std::vector<double>& x) const;
};

/// Turns features into calibrated probabilities. Default-constructed it is the conservative
/// model used when no fit exists: probability = half the OCR's own mean confidence, and an
/// accept threshold no probability reaches (nothing is accepted).
class CalibrationModel {
 public:
  /// Probability (0..1) that the field with `features` (as features_of) is exactly right.
  /// The type group's own model is used when one was fitted, the global one otherwise.
  double predict(const std::vector<double>& features, FieldType type) const;

  /// Names of the features of `features` outside the range seen when fitting (a margin of 10%
  /// of the range either side): the fit extrapolates there, so such a field is not accepted.
  /// Features that never varied while fitting are not checked (they got no weight).
  /// Empty for the default model and for files without ranges.
  std::vector<std::string> out_of_range(const std::vector<double>& features) const;

  /// True when fitted (loaded or made by fit_calibration), false for the conservative default.
  bool fitted() const { return fitted_; }
  /// Probability at or above which a field is accepted (> 1 = never).
  double accept_threshold() const { return accept_threshold_; }
  /// Target residual error the threshold was chosen for (accepted wrong / accepted).
  double max_error_rate() const { return max_error_rate_; }
  /// Confidence given to a blank call (share of blank calls that were right when fitted).
  double blank_confidence() const { return blank_confidence_; }
  const CalibrationProvenance& provenance() const { return provenance_; }

  /// Reads a model file. Throws ConfigError naming the file when unreadable, not
  /// `ledger-calibration/1`, or its feature names differ from feature_names().
  static CalibrationModel load(const std::filesystem::path& file);
  /// Writes the model as JSON (stable key order).
  void save(const std::filesystem::path& file) const;
  std::string to_json() const;

 private:
  friend struct CalibrationFitter;
  bool fitted_ = false;
  LogisticModel global_;
  std::map<TypeGroup, LogisticModel> per_group_;
  std::vector<double> feature_min_, feature_max_;  // over the fitting samples
  double accept_threshold_ = 1.01;
  double max_error_rate_ = 0.005;
  double blank_confidence_ = 0.95;
  CalibrationProvenance provenance_;
};

/// How to fit.
struct FitOptions {
  double l2 = 1.0;               // ridge penalty on the standardised weights
  int max_iterations = 50;       // Newton steps
  double heldout_share = 0.3;    // samples kept out to measure ECE and choose the threshold
  unsigned seed = 1;             // shuffles the split (the fit itself is deterministic)
  double max_error_rate = 0.005; // routing target: 1 wrong in 200 accepted
  int min_group_samples = 400;   // a type group gets its own model from this many samples...
  int min_group_class = 20;      // ... with at least this many right and this many wrong
  double blank_confidence = 0.95;  // stored as is (measure blank precision separately)
};

/// Fits a model on `samples`. Notes:
///   1. Samples are shuffled with `seed` and split; the model fitted on the training part gives
///      the held-out ECE and the accept threshold (choose_threshold), then the model is refitted
///      on all samples and keeps that threshold.
///   2. Logistic regression by Newton's method with L2 on standardised features: deterministic.
///   3. With fewer than 20 samples or only one class, the result is the conservative default
///      (with provenance filled).
CalibrationModel fit_calibration(const std::vector<CalibrationSample>& samples,
                                 const FitOptions& opts = {},
                                 CalibrationProvenance provenance = {});

/// Collects samples from matched (draft, truth) record pairs and fits: the blank confidence is
/// the tally's, `provenance.samples` the number of samples. See fit_calibration.
CalibrationModel calibrate_from_matches(
    const std::vector<std::pair<const DraftRecord*, const GtRecord*>>& matches, FitOptions opts = {},
    CalibrationProvenance provenance = {});

/// Fits one logistic regression (rows of `x`, labels `y`); `l2` on standardised weights.
LogisticModel fit_logistic(const std::vector<std::vector<double>>& x, const std::vector<int>& y,
                           double l2 = 1.0, int max_iterations = 50);

/// Expected calibration error: over `bins` equal-width probability bins, the sample-weighted
/// mean of |share correct - mean probability|. 0 for no samples.
double expected_calibration_error(const std::vector<double>& probs, const std::vector<int>& labels,
                                  int bins = 10);

}  // namespace ledger
