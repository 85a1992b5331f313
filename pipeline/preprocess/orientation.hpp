// Page orientation: whether text lines run across or down the page (a quarter turn), and
// whether an upright-looking page is upside down (half turn). Cheap cues on a small binary.
#pragma once
#include <opencv2/core.hpp>

namespace ledger {

/// Keeps ink components of text size: drops ruling lines, frames, big blots and specks, whose
/// direction or mass would outvote the text.
///   binary  ink = 255 (a downscaled page)
/// Returns a mask of the same size.
cv::Mat text_components(const cv::Mat& binary);

/// True when text lines run vertically (the page is turned by 90 or 270 degrees).
///   text         text_components() of a downscaled binary page
///   max_degrees  skew range tolerated in either direction
/// Notes:
///   1. Compares the sharpness of the text's row profile with that of its column profile (best
///      over the skew range). Lines give sharp rows; columns of a turned page give sharp
///      columns. A quarter turn is only reported when the columns win by 40%; on the shared
///      real scans upright rows beat columns by 1.3-7.7x (a lone word: 1.2x), so a page without
///      clear lines stays as scanned.
bool lines_run_vertically(const cv::Mat& text, double max_degrees);

/// True when a page whose lines run across is upside down.
///   text    text_components() of a downscaled binary page, deskewed, lines horizontal
/// Notes:
///   1. In Latin-script (and even more in Vietnamese) text more ink sits above the x-height band
///      (ascenders, capitals, tone marks) than below it (descenders). Each text line votes by
///      its ink above vs below its core band; the page is flipped only when at least 3 lines
///      vote and two thirds of the votes, weighted by ink, say "below".
///   2. Decisive on print (shared real scans: 14000 against 2), not on cursive handwriting
///      (French registers: 3000 against 4900, the wrong way): a handwritten page without print
///      is left as it is, so a handwritten page turned by 90 may come out turned by 180.
bool looks_upside_down(const cv::Mat& text);

/// Rotates by a multiple of 90 degrees clockwise (0, 90, 180, 270).
cv::Mat rotate_quarter(const cv::Mat& img, int degrees_cw);

/// The 2x3 affine that rotate_quarter(img of size `size`, degrees_cw) applies to pixel
/// coordinates (source pixel -> rotated pixel).
cv::Mat quarter_turn_matrix(cv::Size size, int degrees_cw);

}  // namespace ledger
