// A word-image descriptor and its distance (see word_descriptor.hpp).
#include "groups/word_descriptor.hpp"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace ledger::groups {

namespace {

// Block width (about one letter on a 24-row grid), the shifts a block may take (pen jitter),
// and the largest aspect ratio between two writings of one text (tuned with the threshold on
// bench/grouping_bench; 1.35 grouped no more crops and let near misses closer in the tests).
constexpr int kBlock = 12, kShiftX = 4, kShiftY = 2;
constexpr double kMaxAspectRatio = 1.25;

WordGrid grid_of(const cv::Mat& ink) {
  WordGrid w;
  cv::Mat f;
  ink.convertTo(f, CV_32F, 1.0 / 255);
  const int cols = std::clamp(int(std::lround(double(ink.cols) * kGridRows / std::max(1, ink.rows))), kMinCols, kMaxCols);
  cv::resize(f, w.grid, {cols, kGridRows}, 0, 0, cv::INTER_AREA);
  // Blur by about a stroke's width on the grid: pen jitter moves strokes by a pixel or two.
  cv::GaussianBlur(w.grid, w.grid, {0, 0}, 1.0);
  w.aspect = double(ink.cols) / std::max(1, ink.rows);
  return w;
}

}  // namespace

WordDescriptor describe_word(const cv::Mat& ink) {
  WordDescriptor d;
  if (ink.empty() || cv::countNonZero(ink) == 0) return d;
  d.aspect = double(ink.cols) / std::max(1, ink.rows);
  d.whole = grid_of(ink);
  // Words: runs of inked columns separated by gaps wider than a quarter of the ink's height.
  cv::Mat cols;
  cv::reduce(ink, cols, 0, cv::REDUCE_MAX);
  const int min_gap = std::max(2, ink.rows / 6);
  int start = -1, last = -1;
  auto flush = [&](int a, int b) {
    cv::Mat word = ink.colRange(a, b + 1);
    cv::Mat pts;
    cv::findNonZero(word, pts);
    const cv::Rect r = cv::boundingRect(pts);
    d.words.push_back(grid_of(word(r)));
  };
  for (int x = 0; x < ink.cols; ++x) {
    if (cols.at<uchar>(0, x) == 0) continue;
    if (start < 0) start = x;
    else if (x - last - 1 >= min_gap) {
      flush(start, last);
      start = x;
    }
    last = x;
  }
  if (start >= 0) flush(start, last);
  return d;
}

namespace {

// The one-way distance: blocks of `ga`'s columns, `gb` shifted under them.
double one_way(const cv::Mat& ga, const cv::Mat& gb) {
  const int cols = ga.cols;
  // Row bands: tone marks and a letter's top live in the upper third, where they would be a
  // small share of the whole column's ink.
  constexpr int kBands = 3;
  double worst = 0;
  for (int x0 = 0; x0 < cols; x0 += kBlock) {
    const int x1 = std::min(cols, x0 + kBlock);
    double best = 1.0;
    bool inked = false;
    for (int dy = -kShiftY; dy <= kShiftY; ++dy)
      for (int dx = -kShiftX; dx <= kShiftX; ++dx) {
        double diff[kBands] = {}, sum[kBands] = {};
        for (int y = 0; y < kGridRows; ++y) {
          const int band = y * kBands / kGridRows;
          const int yb = y + dy;
          const float* pa = ga.ptr<float>(y);
          const float* pb = yb >= 0 && yb < kGridRows ? gb.ptr<float>(yb) : nullptr;
          for (int x = x0; x < x1; ++x) {
            const int xb = x + dx;
            const float vb = pb && xb >= 0 && xb < cols ? pb[xb] : 0.f;
            diff[band] += std::abs(pa[x] - vb);
            sum[band] += pa[x] + vb;
          }
        }
        double here = 0;
        bool any = false;
        for (int k = 0; k < kBands; ++k)
          if (sum[k] > 1.5) {
            any = true;
            here = std::max(here, diff[k] / sum[k]);
          }
        if (any) {
          inked = true;
          best = std::min(best, here);
        }
      }
    if (inked) worst = std::max(worst, best);
  }
  return worst;
}

}  // namespace

namespace {

double grid_distance(const WordGrid& wa, const WordGrid& wb) {
  const double ratio = std::max(wa.aspect, wb.aspect) / std::max(1e-6, std::min(wa.aspect, wb.aspect));
  if (ratio > kMaxAspectRatio) return 1.0;
  // Both grids at the wider one's width; each block finds its own best small shift. Measured
  // both ways, so symmetric.
  const int cols = std::max(wa.grid.cols, wb.grid.cols);
  cv::Mat ga = wa.grid, gb = wb.grid;
  if (ga.cols != cols) cv::resize(ga, ga, {cols, kGridRows}, 0, 0, cv::INTER_LINEAR);
  if (gb.cols != cols) cv::resize(gb, gb, {cols, kGridRows}, 0, 0, cv::INTER_LINEAR);
  return std::max(one_way(ga, gb), one_way(gb, ga));
}

}  // namespace

double word_distance(const WordDescriptor& a, const WordDescriptor& b) {
  if (a.empty() || b.empty()) return 1.0;
  double whole = grid_distance(a.whole, b.whole);
  if (a.words.size() != b.words.size() || a.words.size() < 2) return whole;
  double worst = 0;
  for (size_t i = 0; i < a.words.size() && worst < whole; ++i)
    worst = std::max(worst, grid_distance(a.words[i], b.words[i]));
  return std::min(whole, worst);
}

}  // namespace ledger::groups
