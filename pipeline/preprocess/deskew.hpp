// Skew estimation: the small rotation of a scanned page, from the projection profile of its
// ink (text lines, dotted leaders and ruling all make sharp rows when the angle is right).
#pragma once
#include <opencv2/core.hpp>

namespace ledger {

struct SkewEstimate {
  double degrees = 0;  // content rotation, positive = counter-clockwise on screen
  double score = 0;    // sharpness of the row profile at that angle (for comparisons)
};

/// Finds the angle at which ink rows are sharpest.
///   binary       ink = 255 (any size; a ~1600 px copy of the page is plenty)
///   max_degrees  search range +-
///   refine       false: the coarse 0.25 degree search only (enough to compare directions)
/// Returns the angle and its score; 0 and 0 for a blank page.
/// Notes:
///   1. Score = sum of squared differences of adjacent bins of the profile taken along the
///      angle (Postl's criterion), computed by shearing ink-pixel coordinates: no image is
///      rotated. Coarse 0.25 degree steps, then 0.02 degree steps around the best, then a
///      parabola through the three best: within 0.1 degree on the generated golden pages.
///   2. Ink is counted in 8-pixel blocks along rows; each block is one weighted point.
SkewEstimate estimate_skew(const cv::Mat& binary, double max_degrees, bool refine = true);

}  // namespace ledger
