// Fitting the template-to-page transform from matched anchors: a robust similarity (RANSAC over
// pairs), then least squares over the inliers, affine when enough anchors spread over the page.
#pragma once
#include <vector>

#include "core/geometry.hpp"
#include "layout/layout_template.hpp"

namespace ledger {

struct FitResult {
  bool ok = false;
  Transform transform;       // template page fractions -> clean-page pixels
  std::vector<int> inliers;  // indices into the input points
  double rms_px = 0;         // residual over the inliers
  bool affine = false;       // true when the 6-parameter model was used
};

/// Fits page fractions `from` to pixel points `to` (same length).
///   page_w_mm, page_h_mm: the template's page size; the similarity is fitted in millimetres so
///                         that "same scale in x and y" means the same thing as on paper.
///   inlier_px: a match farther than this from the model is an outlier.
///   min_inliers: fewer consistent matches than this -> ok = false.
/// Notes:
///   1. Every pair of points is tried as a similarity hypothesis (n <= ~20 anchors: at most
///      190 hypotheses, deterministic, no random sampling).
///   2. With >= 4 inliers spread over >= 10% of the page in both x and y, the final model is a
///      least-squares affine (scanners and printings scale x and y a little differently);
///      otherwise the similarity.
FitResult fit_transform(const std::vector<PagePoint>& from, const std::vector<Point>& to,
                        double page_w_mm, double page_h_mm, double inlier_px, int min_inliers = 3);

}  // namespace ledger
