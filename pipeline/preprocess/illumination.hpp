// Illumination flattening: divides a grey page by an estimate of its paper background, so that
// shading, yellowing and uneven scanner light become white and ink keeps its contrast.
#pragma once
#include <opencv2/core.hpp>

namespace ledger {

/// Flattens uneven background.
///   gray  8-bit page
///   dpi   resolution, to size the background filter (a little wider than a text line)
/// Returns 8-bit, paper ~255, ink darker.
/// Notes:
///   1. The background is a morphological closing (a max filter then a min filter) of a copy
///      shrunk 8x, which removes strokes up to ~80 px wide at 300 dpi, then smoothed and
///      enlarged back: cheap at full resolution (one resize and one divide).
cv::Mat flatten_illumination(const cv::Mat& gray, int dpi);

}  // namespace ledger
