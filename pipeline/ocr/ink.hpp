// Measuring ink in a field crop without OCR: how much ink, how much of it is coloured pen, and
// whether any blob is the size of a letter. Decides "blank" and "ticked" before Tesseract runs.
#pragma once
#include <opencv2/core.hpp>

#include "core/geometry.hpp"

namespace ledger {

/// Thresholds of measure_ink.
struct InkOptions {
  int ink_level = 128;              // gray below this is always ink (crops are cleaned, paper ~255)
  int max_ink_level = 200;          // a crop's Otsu level, up to this, when higher: faded or
                                    // thin pen strokes (synthetic handwriting, 150 dpi) are
                                    // mostly lighter than 128 and broke into specks
  double min_text_height = 0.1;     // a letter-sized blob is at least this share of the crop height
                                    // (0.2 lost 10-17 px digits in 56-88 px crops of synthetic
                                    // ks-ledger cells and ks-2006 trangSo at 150 dpi)
  int min_text_height_px = 6;       // ... and at least this many pixels tall
  int min_text_area_px = 15;        // ... and covers at least this many pixels (drops specks)
  double hanging_share = 1.0 / 3;   // a blob wholly in the crop's lowest (highest) this share
                                    // hangs in from the next line (the tops of its tall digits)
                                    // or the one above, and is not the field's
};

struct InkStats {
  double ink_ratio = 0;   // ink pixels / crop pixels
  double pen_ratio = 0;   // pen pixels among the ink pixels / ink pixels (0 when no pen mask)
  int text_blobs = 0;     // connected ink components of letter size, not hanging in from
                          // the lines above or below (InkOptions::hanging_share)
  long ink_pixels = 0;
};

/// The gray level below which a pixel of `gray` is ink: the crop's Otsu level clamped to
/// [ink_level, max_ink_level].
int ink_threshold(const cv::Mat& gray, const InkOptions& opts = {});

/// Measures `gray` (8-bit, dark ink on light paper); `pen` is the pen-ink mask of the same size
/// (255 = coloured pen) or empty.
InkStats measure_ink(const cv::Mat& gray, const cv::Mat& pen, const InkOptions& opts = {});

/// Share of ink pixels inside `gray` after cutting `inset` (fraction of each side) off every
/// edge: a tick box's inside without its printed frame.
double inner_ink_ratio(const cv::Mat& gray, double inset, int ink_level = 128);

/// Dominant slant of the ink strokes in degrees (positive = tops lean right, as in italics and
/// most handwriting), searched over +-30 degrees in 3-degree steps: the shear that makes the
/// column histogram of ink sharpest. 0 when there is too little ink to tell.
double estimate_slant(const cv::Mat& gray, int ink_level = 128);

/// Maps a clean-page box to source-image pixels through the 2x3 CV_64F affine `to_source`:
/// the bounding box of the four mapped corners. An empty matrix means identity.
Box map_box(const Box& box, const cv::Mat& to_source);

}  // namespace ledger
