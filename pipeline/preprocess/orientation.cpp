// Quarter-turn and half-turn cues on a small binary page (see orientation.hpp).
#include "preprocess/orientation.hpp"

#include <algorithm>
#include <opencv2/imgproc.hpp>
#include <vector>

#include "core/components.hpp"
#include "preprocess/deskew.hpp"

namespace ledger {

cv::Mat text_components(const cv::Mat& binary) {
  cv::Mat labels, stats, centroids;
  int n = cv::connectedComponentsWithStats(binary, labels, stats, centroids, 8, CV_32S);
  const int long_side = std::max(binary.rows, binary.cols);
  std::vector<uchar> keep(size_t(n), 0);
  for (int i = 1; i < n; ++i) {
    int w = stats.at<int>(i, cv::CC_STAT_WIDTH), h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
    int area = stats.at<int>(i, cv::CC_STAT_AREA);
    int lo = std::min(w, h), hi = std::max(w, h);
    bool too_big = hi > long_side / 10;           // frames, blots, whole ruled grids
    bool rule = hi > 30 && hi > 15 * lo;           // ruling and underlines
    bool speck = area < 2;
    keep[size_t(i)] = (too_big || rule || speck) ? 0 : 255;
  }
  return components_mask(labels, keep);
}

bool lines_run_vertically(const cv::Mat& text, double max_degrees) {
  double rows = estimate_skew(text, max_degrees, false).score;
  double cols = estimate_skew(text.t(), max_degrees, false).score;
  return cols > 1.4 * rows;
}

bool looks_upside_down(const cv::Mat& text) {
  std::vector<int> prof(size_t(text.rows), 0);
  for (int y = 0; y < text.rows; ++y) prof[size_t(y)] = cv::countNonZero(text.row(y));
  int peak_all = *std::max_element(prof.begin(), prof.end());
  if (peak_all == 0) return false;
  // Line bands: runs of rows with more than a trace of ink (2% of the fullest row).
  const int trace = std::max(1, peak_all / 50);
  double up = 0, down = 0;
  int votes = 0;
  for (int y = 0; y < text.rows;) {
    if (prof[size_t(y)] <= trace) { ++y; continue; }
    int a = y;
    while (y < text.rows && prof[size_t(y)] > trace) ++y;
    int b = y - 1;  // band [a, b]
    if (b - a < 4) continue;
    int peak = *std::max_element(prof.begin() + a, prof.begin() + b + 1);
    int t = a, u = b;
    while (prof[size_t(t)] * 2 < peak) ++t;  // core band: rows at half the line's peak
    while (prof[size_t(u)] * 2 < peak) --u;
    double above = 0, below = 0;
    for (int i = a; i < t; ++i) above += prof[size_t(i)];
    for (int i = u + 1; i <= b; ++i) below += prof[size_t(i)];
    if (above + below < 10) continue;
    ++votes;
    if (below > above) down += below - above;
    else up += above - below;
  }
  return votes >= 3 && down >= 2 * up && down > 0;
}

cv::Mat rotate_quarter(const cv::Mat& img, int degrees_cw) {
  cv::Mat out;
  switch (((degrees_cw % 360) + 360) % 360) {
    case 90: cv::rotate(img, out, cv::ROTATE_90_CLOCKWISE); break;
    case 180: cv::rotate(img, out, cv::ROTATE_180); break;
    case 270: cv::rotate(img, out, cv::ROTATE_90_COUNTERCLOCKWISE); break;
    default: out = img.clone();
  }
  return out;
}

cv::Mat quarter_turn_matrix(cv::Size size, int degrees_cw) {
  const double w1 = size.width - 1, h1 = size.height - 1;
  switch (((degrees_cw % 360) + 360) % 360) {
    case 90: return (cv::Mat_<double>(2, 3) << 0, -1, h1, 1, 0, 0);
    case 180: return (cv::Mat_<double>(2, 3) << -1, 0, w1, 0, -1, h1);
    case 270: return (cv::Mat_<double>(2, 3) << 0, 1, 0, -1, 0, w1);
    default: return (cv::Mat_<double>(2, 3) << 1, 0, 0, 0, 1, 0);
  }
}

}  // namespace ledger
