// Ink components picked by what they hold (see components.hpp).
#include "core/components.hpp"

#include <algorithm>
#include <vector>

#include <opencv2/imgproc.hpp>

namespace ledger {

cv::Mat components_holding(const cv::Mat& binary, const cv::Mat& marked, double share, double min_marked) {
  cv::Mat labels, stats, centroids;
  const int n = cv::connectedComponentsWithStats(binary, labels, stats, centroids, 8, CV_32S);
  std::vector<int> held(size_t(n), 0);
  for (int y = 0; y < labels.rows; ++y) {
    const int* l = labels.ptr<int>(y);
    const uchar* m = marked.ptr<uchar>(y);
    for (int x = 0; x < labels.cols; ++x)
      if (m[x]) ++held[size_t(l[x])];
  }
  std::vector<uchar> keep(size_t(n), 0);  // label 0, the paper, is never kept
  for (int i = 1; i < n; ++i)
    keep[size_t(i)] = held[size_t(i)] >= std::max(min_marked, share * stats.at<int>(i, cv::CC_STAT_AREA)) ? 255 : 0;
  return components_mask(labels, keep);
}

cv::Mat components_mask(const cv::Mat& labels, const std::vector<uchar>& keep) {
  cv::Mat out(labels.size(), CV_8U);
  for (int y = 0; y < labels.rows; ++y) {
    const int* l = labels.ptr<int>(y);
    uchar* o = out.ptr<uchar>(y);
    for (int x = 0; x < labels.cols; ++x) o[x] = keep[size_t(l[x])];
  }
  return out;
}

}  // namespace ledger
