// The handwritten digits the recogniser is trained and tested on: OpenCV's digits.png
// (5,000 MNIST digits in 20x20 cells, Debian package opencv-doc), split deterministically.
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
