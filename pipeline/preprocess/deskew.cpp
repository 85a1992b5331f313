// Projection-profile skew search over sheared ink coordinates (see deskew.hpp).
#include "preprocess/deskew.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <opencv2/core.hpp>
#include <vector>

namespace ledger {
namespace {

constexpr double kPi = 3.14159265358979323846;

// Ink counted in blocks of kBlock pixels along each row: one weighted point per block with ink.
// Shearing a block instead of its pixels moves them by at most kBlock/2 * tan(angle): under
// 0.4 px at 5 degrees, nothing at the fine steps; 3-6x fewer points on text pages.
constexpr int kBlock = 8;

struct Cell {
  float x, y;
  int weight;
};

struct Profile {
  std::vector<Cell> cells;
  int rows = 0, cols = 0;
  std::vector<int64_t> hist;

  // Postl's criterion for the profile along `deg` (content rotated counter-clockwise by deg).
  double score(double deg) {
    // A line y = y0 - (x - cx) * tan(deg) falls in one bin of y + (x - cx) * tan(deg).
    double t = std::tan(deg * kPi / 180.0);
    int offset = int(std::ceil(std::abs(t) * cols / 2.0)) + 2;
    hist.assign(size_t(rows + 2 * offset), 0);
    float ft = float(t), cx = cols / 2.0f, base = float(offset) + 0.5f;
    for (const Cell& c : cells) hist[size_t(c.y + (c.x - cx) * ft + base)] += c.weight;
    int64_t s = 0;
    for (size_t i = 1; i < hist.size(); ++i) {
      int64_t d = hist[i] - hist[i - 1];
      s += d * d;
    }
    return double(s);
  }
};

}  // namespace

SkewEstimate estimate_skew(const cv::Mat& binary, double max_degrees, bool refine) {
  CV_Assert(binary.type() == CV_8UC1);
  Profile prof;
  prof.rows = binary.rows;
  prof.cols = binary.cols;
  long ink = 0;
  for (int y = 0; y < binary.rows; ++y) {
    const uchar* row = binary.ptr<uchar>(y);
    for (int x0 = 0; x0 < binary.cols; x0 += kBlock) {
      int x1 = std::min(binary.cols, x0 + kBlock), n = 0;
      for (int x = x0; x < x1; ++x) n += row[x] != 0;
      if (n) prof.cells.push_back({(x0 + x1 - 1) / 2.0f, float(y), n});
      ink += n;
    }
  }
  if (ink < 50) return {};

  const double coarse = 0.25, fine = 0.02;
  double best = 0, best_score = -1;
  for (double a = -max_degrees; a <= max_degrees + 1e-9; a += coarse) {
    double s = prof.score(a);
    if (s > best_score) best_score = s, best = a;
  }
  if (!refine) return {best, best_score};

  double center = best;
  std::vector<std::pair<double, double>> fine_scores;
  for (double a = center - coarse; a <= center + coarse + 1e-9; a += fine)
    fine_scores.emplace_back(a, prof.score(a));
  size_t bi = 0;
  for (size_t i = 1; i < fine_scores.size(); ++i)
    if (fine_scores[i].second > fine_scores[bi].second) bi = i;
  best = fine_scores[bi].first;
  best_score = fine_scores[bi].second;
  if (bi > 0 && bi + 1 < fine_scores.size()) {
    double l = fine_scores[bi - 1].second, c = best_score, r = fine_scores[bi + 1].second;
    double den = l - 2 * c + r;
    if (den < 0) best += 0.5 * fine * (l - r) / den;
  }
  return {best, best_score};
}

}  // namespace ledger
