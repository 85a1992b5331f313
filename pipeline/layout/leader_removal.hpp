// Cutting the OCR crop of one field line: ruling lines and dotted leaders are found on the binary
// and whitened in the gray crop, so the recogniser sees only what was written on the line.
#pragma once
#include <opencv2/core.hpp>

#include "core/geometry.hpp"
#include "core/page.hpp"

namespace ledger {

struct LeaderOptions {
  int text_height_px = 0;  // printed text height on this page; 0 = guess from the crop (h / 2)
  int border = 10;         // white padding around the crop: Tesseract wants a margin
  int min_dots = 6;        // aligned small blobs needed before a row of them counts as a leader
};

/// A cleaned line crop: gray (white paper, dark ink) and the matching pen-ink mask.
struct LineCrop {
  cv::Mat gray;
  cv::Mat pen;  // empty when the page has no pen mask
};

/// Finds printed structures that are not writing in a binary crop (ink = 255).
///   binary: 8-bit crop, ink 255.
///   text_height_px: height of printed text on the page (sets what "long" and "small" mean).
/// Returns a mask, 255 on ruling lines (thin horizontal runs longer than ~3 text heights, thin
/// vertical runs over most of the crop's height) and on leader dots (small blobs, at least
/// `min_dots` of them on one row).
/// Notes:
///   1. A horizontal run only counts when it is thin (at most ~1/4 text height): a long
///      handwritten stroke or an underlined capital is thicker where it crosses, and stays.
///   2. Dots of i/j and Vietnamese tone marks never make six in a row at one height, leader dots
///      always do (they are evenly spaced over the whole empty line).
///   3. A dot below a vowel (the nặng tone) lies on the leader row itself; it stays when its area
///      is over twice the median of the row's dots (alone, or merged with the dot under it).
cv::Mat rule_and_leader_mask(const cv::Mat& binary, int text_height_px, int min_dots = 6);

/// Cuts `line` (clean-page pixels, clipped to the page) from `page.gray` and `page.pen_ink`,
/// whitens ruling lines and dotted leaders (found on `page.binary`), and pads with a white border.
/// An empty or off-page line gives a small white image (never an empty Mat).
LineCrop cut_line(const CleanPage& page, const Box& line, const LeaderOptions& opts = {});

/// Fills `region.line_images` and `region.line_pen` from `region.lines` (replacing any).
void fill_line_images(const CleanPage& page, FieldRegion& region, const LeaderOptions& opts = {});

}  // namespace ledger
