// Robust template-to-page transform fitting (see transform_fit.hpp).
#include "layout/transform_fit.hpp"

#include <opencv2/core.hpp>

#include <cmath>

namespace ledger {
namespace {

// Similarity in mm units: X = a u - b v + c, Y = b u + a v + d, with u = x W, v = y H.
Transform similarity_ls(const std::vector<PagePoint>& from, const std::vector<Point>& to,
                        const std::vector<int>& idx, double W, double H) {
  cv::Mat A((int)idx.size() * 2, 4, CV_64F), B((int)idx.size() * 2, 1, CV_64F);
  for (size_t k = 0; k < idx.size(); ++k) {
    double u = from[idx[k]].x * W, v = from[idx[k]].y * H;
    int r = int(2 * k);
    A.at<double>(r, 0) = u, A.at<double>(r, 1) = -v, A.at<double>(r, 2) = 1, A.at<double>(r, 3) = 0;
    A.at<double>(r + 1, 0) = v, A.at<double>(r + 1, 1) = u, A.at<double>(r + 1, 2) = 0,
                        A.at<double>(r + 1, 3) = 1;
    B.at<double>(r) = to[idx[k]].x, B.at<double>(r + 1) = to[idx[k]].y;
  }
  cv::Mat p;
  cv::solve(A, B, p, cv::DECOMP_SVD);
  double a = p.at<double>(0), b = p.at<double>(1), c = p.at<double>(2), d = p.at<double>(3);
  return Transform{{a * W, -b * H, c, b * W, a * H, d}};
}

Transform affine_ls(const std::vector<PagePoint>& from, const std::vector<Point>& to,
                    const std::vector<int>& idx) {
  cv::Mat A((int)idx.size(), 3, CV_64F), BX((int)idx.size(), 1, CV_64F), BY((int)idx.size(), 1, CV_64F);
  for (size_t k = 0; k < idx.size(); ++k) {
    A.at<double>((int)k, 0) = from[idx[k]].x, A.at<double>((int)k, 1) = from[idx[k]].y,
                     A.at<double>((int)k, 2) = 1;
    BX.at<double>((int)k) = to[idx[k]].x, BY.at<double>((int)k) = to[idx[k]].y;
  }
  cv::Mat px, py;
  cv::solve(A, BX, px, cv::DECOMP_SVD);
  cv::solve(A, BY, py, cv::DECOMP_SVD);
  return Transform{{px.at<double>(0), px.at<double>(1), px.at<double>(2), py.at<double>(0),
                    py.at<double>(1), py.at<double>(2)}};
}

double residual(const Transform& t, const PagePoint& f, const Point& p) {
  Point q = t.apply(f.x, f.y);
  return std::hypot(q.x - p.x, q.y - p.y);
}

std::vector<int> inliers_of(const Transform& t, const std::vector<PagePoint>& from,
                            const std::vector<Point>& to, double tol) {
  std::vector<int> in;
  for (size_t i = 0; i < from.size(); ++i)
    if (residual(t, from[i], to[i]) <= tol) in.push_back(int(i));
  return in;
}

bool spread(const std::vector<PagePoint>& from, const std::vector<int>& idx) {
  double x0 = 1, x1 = 0, y0 = 1, y1 = 0;
  for (int i : idx) {
    x0 = std::min(x0, from[i].x), x1 = std::max(x1, from[i].x);
    y0 = std::min(y0, from[i].y), y1 = std::max(y1, from[i].y);
  }
  return x1 - x0 >= 0.1 && y1 - y0 >= 0.1;
}

}  // namespace

FitResult fit_transform(const std::vector<PagePoint>& from, const std::vector<Point>& to,
                        double page_w_mm, double page_h_mm, double inlier_px, int min_inliers) {
  FitResult best;
  size_t n = std::min(from.size(), to.size());
  if (n < 2 || int(n) < min_inliers) return best;
  std::vector<int> best_in;
  double best_err = 1e300;
  for (size_t i = 0; i < n; ++i)
    for (size_t j = i + 1; j < n; ++j) {
      // Two anchors too close together fix the rotation badly.
      if (std::hypot((from[i].x - from[j].x) * page_w_mm, (from[i].y - from[j].y) * page_h_mm) < 20)
        continue;
      Transform t = similarity_ls(from, to, {int(i), int(j)}, page_w_mm, page_h_mm);
      auto in = inliers_of(t, from, to, inlier_px);
      double err = 0;
      for (int k : in) err += residual(t, from[k], to[k]);
      if (in.size() > best_in.size() || (in.size() == best_in.size() && err < best_err))
        best_in = in, best_err = err;
    }
  if (int(best_in.size()) < std::max(2, min_inliers)) return best;
  // Refit on the inliers, then once more with the inliers of the refined model.
  for (int round = 0; round < 2; ++round) {
    bool affine = best_in.size() >= 4 && spread(from, best_in);
    Transform t = affine ? affine_ls(from, to, best_in)
                         : similarity_ls(from, to, best_in, page_w_mm, page_h_mm);
    best.transform = t;
    best.affine = affine;
    auto in = inliers_of(t, from, to, inlier_px);
    if (int(in.size()) < std::max(2, min_inliers)) break;
    best_in = in;
  }
  best.inliers = best_in;
  double ss = 0;
  for (int k : best_in) ss += std::pow(residual(best.transform, from[k], to[k]), 2);
  best.rms_px = std::sqrt(ss / best_in.size());
  best.ok = int(best_in.size()) >= min_inliers;
  return best;
}

}  // namespace ledger
