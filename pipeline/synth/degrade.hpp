// Making a clean generated page look scanned: uneven paper tint, bleed-through of the verso,
// skew and a little perspective, blur, sensor noise and JPEG artefacts. The geometric part is a
// recorded homography, so ground-truth boxes follow the ink.
#pragma once
#include <opencv2/core.hpp>

#include "core/geometry.hpp"
#include "synth/rng.hpp"

namespace ledger::synth {

/// How hard the scan effects are; the defaults were chosen by looking at the results next to
/// the real scans of shared/data/real-scans (not fitted).
struct DegradeOptions {
  double max_skew_deg = 2.0;        // |skew| drawn from N(0, 0.8°), clipped here
  double max_perspective = 0.006;   // corner displacement, fraction of the page size
  double max_shift = 0.01;          // translation, fraction of the page size
  double bleed_probability = 0.6;   // faint mirror image of the other side
  double jpeg_probability = 0.5;    // a JPEG round trip (quality 45–90)
};

struct Degraded {
  cv::Mat bgr;       // same size as the input
  cv::Matx33d H;     // clean-page pixel -> degraded-image pixel
};

/// Applies the scan effects to `page` (8-bit BGR); `dpi` scales blur and noise grain.
Degraded degrade(const cv::Mat& page, int dpi, Rng& rng, const DegradeOptions& options = {});

/// The box around `b`'s four corners mapped by `H`, clipped to a `width` x `height` image
/// (empty when it falls outside).
Box transform_box(const Box& b, const cv::Matx33d& H, int width, int height);

}  // namespace ledger::synth
