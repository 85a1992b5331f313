// Features of one handwritten digit for the digit classifier: a glyph is normalised to the
// 20x20 MNIST-like cell of OpenCV's digits.png, deskewed, and described by HOG.
#pragma once
#include <opencv2/core.hpp>
#include <vector>

namespace ledger {

/// Side of the normalised digit cell (OpenCV's digits.png uses 20x20 cells).
inline constexpr int kDigitCell = 20;

/// Puts a glyph mask into a 20x20 cell the way digits.png was made from MNIST.
/// \param mask  8-bit, ink > 0 on 0 background, cropped to the glyph (any size)
/// \return      20x20 CV_8U, ink bright on black, glyph height ~14 px, centred by mass
/// Notes:
///   1. The longer side is scaled to 14 px (digits.png: 5th-95th percentile height 13-15 px)
///      with INTER_AREA, which gives the same grey anti-aliased strokes as the training data.
///   2. Thin pen strokes are thickened before scaling so that strokes end ~2 px wide.
cv::Mat normalize_glyph(const cv::Mat& mask);

/// Removes the slant of a 20x20 digit by shearing it so that its second moments are upright
/// (as in OpenCV's digits sample). Returns a 20x20 CV_8U cell.
cv::Mat deskew_digit(const cv::Mat& cell);

/// HOG descriptor of a deskewed 20x20 cell (cells 5x5 px, blocks 10x10, stride 5, 9 bins:
/// 324 values). Chosen on the validation split of digits.png (see models/digits/).
std::vector<float> digit_features(const cv::Mat& cell);

}  // namespace ledger
