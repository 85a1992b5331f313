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

/// Features of a 20x20 cell: the cell is deskewed, then HOG (4x4 cells of 5x5 px, 12 signed
/// orientation bins, 3x3 blocks of 2x2 cells, L2-Hys: 432 values) followed by the cell at 10x10
/// as a unit vector times 2 (100 values). Chosen on the validation split of digits.png:
/// unsigned 9-bin HOG alone 0.974, signed 12 bins 0.980, + pixels 0.978-0.981 (held-out +0.5%).
std::vector<float> digit_features(const cv::Mat& cell);

/// The second classifier's features: the deskewed cell shrunk to 14x14 (INTER_AREA), as a unit
/// vector (196 values). Plain pixels err on other glyphs than HOG does.
std::vector<float> digit_pixel_features(const cv::Mat& cell);

}  // namespace ledger
