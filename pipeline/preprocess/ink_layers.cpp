// Per-pixel hue/saturation classification in one pass (see ink_layers.hpp).
#include "preprocess/ink_layers.hpp"

#include <algorithm>

namespace ledger {

InkLayers separate_inks(const cv::Mat& bgr, const PreprocessOptions& opts) {
  CV_Assert(bgr.type() == CV_8UC3);
  InkLayers out{cv::Mat::zeros(bgr.size(), CV_8UC1), cv::Mat::zeros(bgr.size(), CV_8UC1)};
  const int min_chroma = opts.min_chroma;
  const float pen_lo = float(opts.pen_hue_min), pen_hi = float(opts.pen_hue_max);
  const float seal_w = float(opts.seal_hue_width);
  for (int y = 0; y < bgr.rows; ++y) {
    const uchar* p = bgr.ptr<uchar>(y);
    uchar* pen = out.pen.ptr<uchar>(y);
    uchar* seal = out.seal.ptr<uchar>(y);
    for (int x = 0; x < bgr.cols; ++x, p += 3) {
      int b = p[0], g = p[1], r = p[2];
      int mx = std::max({b, g, r}), mn = std::min({b, g, r}), c = mx - mn;
      if (c < min_chroma) continue;
      int sat = c * 255 / mx;
      float h;
      if (mx == r) h = 60.0f * float(g - b) / float(c);
      else if (mx == g) h = 60.0f * (float(b - r) / float(c) + 2.0f);
      else h = 60.0f * (float(r - g) / float(c) + 4.0f);
      if (h < 0) h += 360.0f;
      if (sat >= opts.pen_sat && h >= pen_lo && h <= pen_hi) pen[x] = 255;
      else if (sat >= opts.seal_sat && mx >= opts.seal_min_value && (h <= seal_w || h >= 360.0f - seal_w))
        seal[x] = 255;
    }
  }
  return out;
}

}  // namespace ledger
