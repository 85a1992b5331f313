// A word-image descriptor and its distance (see word_descriptor.hpp).
#include "groups/word_descriptor.hpp"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>
#include <opencv2/imgproc.hpp>

namespace ledger::groups {

namespace {

// Block width (about one letter on a 24-row grid), the shifts a block may take (pen jitter),
// and the largest aspect ratio between two writings of one text (tuned with the threshold on
// bench/grouping_bench; 1.35 grouped no more crops and let near misses closer in the tests).
constexpr int kBlock = 12, kShiftX = 4, kShiftY = 2;
// Blocks start every half block: a letter that one block's edge cuts in two (the digit of
// `Thôn 1` / `Thôn 2`) is whole in the next, where its difference counts in full.
constexpr int kBlockStep = kBlock / 2;
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
  // Words: runs of inked columns separated by gaps wider than a sixth of the ink's height.
  cv::Mat cols;
  cv::reduce(ink, cols, 0, cv::REDUCE_MAX);
  const int min_gap = std::max(2, ink.rows / 6);
  // Each word's ink box; the tallest sets the height of the straightened value below.
  std::vector<cv::Rect> boxes;
  int height = 1;
  auto flush = [&](int a, int b) {
    cv::Mat pts;
    cv::findNonZero(ink.colRange(a, b + 1), pts);
    cv::Rect r = cv::boundingRect(pts);
    r.x += a;
    boxes.push_back(r);
    height = std::max(height, r.height);
  };
  int start = -1, last = -1;
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
  // Each word moved onto one centre line: a hand's words wander up and down the dotted line
  // differently each time, which changes the value's height and so its length / height.
  cv::Mat straight = cv::Mat::zeros(height, ink.cols, CV_8U);
  for (const auto& r : boxes) ink(r).copyTo(straight(cv::Rect(r.x, (height - r.height) / 2, r.width, r.height)));
  // The whole value keeps its own drawing (straightening moves a tone mark's word against its
  // neighbours as much as the wander it removes), but its length is measured on the straight one.
  d.aspect = double(straight.cols) / height;
  d.whole = grid_of(ink);
  d.whole.aspect = d.aspect;
  // A pair is two neighbours with the gap between them set to half the word cut: another
  // writing that ran them together left a gap anywhere below the cut.
  const int pair_gap = std::max(1, min_gap / 2);
  for (size_t i = 0; i < boxes.size(); ++i) {
    d.words.push_back(grid_of(ink(boxes[i])));
    if (i + 1 == boxes.size()) continue;
    const cv::Mat left = straight.colRange(boxes[i].x, boxes[i].br().x);
    const cv::Mat right = straight.colRange(boxes[i + 1].x, boxes[i + 1].br().x);
    cv::Mat pair = cv::Mat::zeros(height, left.cols + pair_gap + right.cols, CV_8U), pts;
    left.copyTo(pair.colRange(0, left.cols));
    right.copyTo(pair.colRange(left.cols + pair_gap, pair.cols));
    cv::findNonZero(pair, pts);
    d.pairs.push_back(grid_of(pair(cv::boundingRect(pts))));
  }
  return d;
}

namespace {

// Every shift (dx, dy) a block may take, smallest first.
const std::vector<std::pair<int, int>> kShifts = [] {
  std::vector<std::pair<int, int>> out;
  for (int dy = -kShiftY; dy <= kShiftY; ++dy)
    for (int dx = -kShiftX; dx <= kShiftX; ++dx) out.emplace_back(dx, dy);
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return std::abs(a.first) + std::abs(a.second) < std::abs(b.first) + std::abs(b.second);
  });
  return out;
}();

// The one-way distance: blocks of `ga`'s columns, `gb` shifted under them; at least `floor`
// (the other way's, so that a block's search stops as soon as it cannot raise the answer).
double one_way(const cv::Mat& ga, const cv::Mat& gb, double floor = 0) {
  const int cols = ga.cols;
  // Row bands: tone marks and a letter's top live in the upper third, where they would be a
  // small share of the whole column's ink.
  constexpr int kBands = 3;
  double worst = floor;
  for (int x0 = 0; x0 < cols; x0 += kBlockStep) {
    const int x1 = std::min(cols, x0 + kBlock);
    double best = 1.0;
    bool inked = false;
    // The answer is the worst block's best shift: once a shift brings this block to the worst
    // so far, the other shifts cannot change the answer (same result, far fewer shifts tried),
    // and the small shifts, tried first, are the likeliest to.
    for (const auto [dx, dy] : kShifts) {
      if (inked && best <= worst) break;
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
  return one_way(gb, ga, one_way(ga, gb));
}

// The words of `a` and `b` aligned in order, one word against one or against two neighbours
// (WordDescriptor::pairs): the smallest possible worst distance of an aligned pair, or 1 when
// none is below `cap` (the caller has that already).
double aligned_words(const WordDescriptor& a, const WordDescriptor& b, double cap) {
  const size_t n = a.words.size(), m = b.words.size();
  // worst[i][j]: best bottleneck aligning the first i words of a with the first j of b.
  std::vector<std::vector<double>> worst(n + 1, std::vector<double>(m + 1, 2.0));
  worst[0][0] = 0;
  for (size_t i = 0; i <= n; ++i)
    for (size_t j = 0; j <= m; ++j) {
      const double here = worst[i][j];
      if (here >= cap) continue;
      auto step = [&](size_t di, size_t dj, const WordGrid& x, const WordGrid& y) {
        if (i + di > n || j + dj > m) return;
        double& next = worst[i + di][j + dj];
        if (next <= here) return;
        next = std::min(next, std::max(here, grid_distance(x, y)));
      };
      if (i < n && j < m) step(1, 1, a.words[i], b.words[j]);
      if (i < n && j + 1 < m) step(1, 2, a.words[i], b.pairs[j]);
      if (i + 1 < n && j < m) step(2, 1, a.pairs[i], b.words[j]);
    }
  return std::min(1.0, worst[n][m]);
}

}  // namespace

double word_distance(const WordDescriptor& a, const WordDescriptor& b) {
  if (a.empty() || b.empty()) return 1.0;
  const double whole = grid_distance(a.whole, b.whole);
  if (a.words.size() < 2 && b.words.size() < 2) return whole;
  return std::min(whole, aligned_words(a, b, whole));
}

}  // namespace ledger::groups
