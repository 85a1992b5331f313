// Background estimate by closing at 1/8 scale, then division (see illumination.hpp).
#include "preprocess/illumination.hpp"

#include <algorithm>
#include <opencv2/imgproc.hpp>

namespace ledger {

cv::Mat flatten_illumination(const cv::Mat& gray, int dpi) {
  CV_Assert(gray.type() == CV_8UC1);
  if (gray.empty()) return gray.clone();
  const int shrink = 8;
  cv::Mat small;
  cv::resize(gray, small, cv::Size(std::max(1, gray.cols / shrink), std::max(1, gray.rows / shrink)), 0,
             0, cv::INTER_AREA);
  // ~80 px at 300 dpi: wider than a handwritten stroke cluster, narrower than a shading change.
  int k = std::max(3, int(std::lround(80.0 * std::max(dpi, 50) / 300.0 / shrink)) | 1);
  cv::Mat kernel = cv::getStructuringElement(cv::MORPH_RECT, {k, k});
  cv::Mat bg;
  cv::morphologyEx(small, bg, cv::MORPH_CLOSE, kernel, {-1, -1}, 1, cv::BORDER_REPLICATE);
  cv::blur(bg, bg, {k, k}, {-1, -1}, cv::BORDER_REPLICATE);
  cv::max(bg, 1, bg);
  cv::resize(bg, bg, gray.size(), 0, 0, cv::INTER_LINEAR);
  cv::Mat out;
  cv::divide(gray, bg, out, 255.0);
  return out;
}

}  // namespace ledger
