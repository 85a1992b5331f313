// Ink separation by colour: blue/violet pen (the handwritten values) and red seals, found on
// the colour page so later stages can tell hand from print and ignore stamps.
#pragma once
#include <opencv2/core.hpp>

#include "preprocess/preprocess_options.hpp"

namespace ledger {

struct InkLayers {
  cv::Mat pen;   // 255 where blue/violet pen ink
  cv::Mat seal;  // 255 where red seal/stamp ink
};

/// Splits coloured inks out of a BGR page.
///   bgr   8-bit colour page
///   opts  hue, saturation and chroma limits (preprocess_options.hpp)
/// Returns two 8-bit masks of the page's size. Black/grey print and paper are in neither.
/// Notes:
///   1. Hue and saturation are computed per pixel only where the chroma (max - min channel)
///      reaches min_chroma: grey pixels have an unstable hue and are never ink of colour.
///   2. Black print under a red stamp reads dark red; it is kept out of `seal` by its low value
///      (seal_min_value), so removing the seal does not erase the text beneath it.
InkLayers separate_inks(const cv::Mat& bgr, const PreprocessOptions& opts);

}  // namespace ledger
