// Ink measures of field crops (see ink.hpp).
#include "ocr/ink.hpp"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace ledger {
namespace {
cv::Mat to_gray(const cv::Mat& img) {
  if (img.channels() == 1) return img;
  cv::Mat g;
  cv::cvtColor(img, g, img.channels() == 4 ? cv::COLOR_BGRA2GRAY : cv::COLOR_BGR2GRAY);
  return g;
}
}  // namespace

int ink_threshold(const cv::Mat& image, const InkOptions& opts) {
  if (image.empty()) return opts.ink_level;
  cv::Mat gray = to_gray(image), unused;
  int otsu = int(cv::threshold(gray, unused, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU));
  return std::max(opts.ink_level, std::min(opts.max_ink_level, otsu));
}

InkStats measure_ink(const cv::Mat& image, const cv::Mat& pen, const InkOptions& opts) {
  InkStats s;
  if (image.empty()) return s;
  cv::Mat gray = to_gray(image);
  cv::Mat ink = gray < ink_threshold(gray, opts);
  s.ink_pixels = cv::countNonZero(ink);
  s.ink_ratio = double(s.ink_pixels) / double(gray.total());
  if (s.ink_pixels == 0) return s;
  if (!pen.empty() && pen.size() == gray.size() && pen.type() == CV_8UC1) {
    cv::Mat both = ink & (pen > 0);
    s.pen_ratio = double(cv::countNonZero(both)) / double(s.ink_pixels);
  }
  cv::Mat labels, stats, centroids;
  int n = cv::connectedComponentsWithStats(ink, labels, stats, centroids, 8, CV_32S);
  int min_h = std::max(opts.min_text_height_px, int(std::lround(opts.min_text_height * gray.rows)));
  for (int i = 1; i < n; ++i) {
    int h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
    int area = stats.at<int>(i, cv::CC_STAT_AREA);
    // A letter-sized blob that is not the whole crop's width at hair thickness (a leftover rule).
    int w = stats.at<int>(i, cv::CC_STAT_WIDTH);
    bool rule_like = w > gray.cols * 0.8 && h < min_h;
    // A blob wholly in the crop's lowest (highest) band is the top of the next line's tall
    // letters (the feet of the line above) reaching into the field's box, not the field's value:
    // a value's letters stand on its line, in the middle of the crop.
    const int top = stats.at<int>(i, cv::CC_STAT_TOP), band = int(std::lround(opts.hanging_share * gray.rows));
    const bool hanging = top >= gray.rows - band || top + h <= band;
    if (h >= min_h && area >= opts.min_text_area_px && !rule_like && !hanging) ++s.text_blobs;
  }
  return s;
}

double inner_ink_ratio(const cv::Mat& image, double inset, int ink_level) {
  if (image.empty()) return 0;
  cv::Mat gray = to_gray(image);
  int dx = int(std::lround(gray.cols * inset)), dy = int(std::lround(gray.rows * inset));
  cv::Rect inner(dx, dy, gray.cols - 2 * dx, gray.rows - 2 * dy);
  if (inner.width <= 0 || inner.height <= 0) return 0;
  cv::Mat ink = gray(inner) < ink_level;
  return double(cv::countNonZero(ink)) / double(inner.area());
}

double estimate_slant(const cv::Mat& image, int ink_level) {
  if (image.empty()) return 0;
  cv::Mat gray = to_gray(image);
  std::vector<cv::Point> ink;
  cv::findNonZero(gray < ink_level, ink);
  if (ink.size() < 50) return 0;
  double cy = gray.rows / 2.0;
  int pad = gray.rows;  // sheared columns may leave the image by up to rows * tan(30)
  std::vector<double> hist(gray.cols + 2 * pad);
  double best_score = -1, best_angle = 0;
  for (int deg = -30; deg <= 30; deg += 3) {
    std::fill(hist.begin(), hist.end(), 0.0);
    double t = std::tan(deg * CV_PI / 180.0);
    for (const auto& p : ink) {
      int x = int(std::lround(p.x + (p.y - cy) * t)) + pad;
      if (x >= 0 && x < int(hist.size())) hist[x] += 1;
    }
    double score = 0;
    for (double h : hist) score += h * h;
    // Ties go to the smaller angle: upright unless the evidence says otherwise.
    if (score > best_score * 1.0001 || (score >= best_score && std::abs(deg) < std::abs(best_angle))) {
      best_score = score;
      best_angle = deg;
    }
  }
  return best_angle;
}

Box map_box(const Box& box, const cv::Mat& to_source) {
  if (to_source.empty() || to_source.rows != 2 || to_source.cols != 3) return box;
  cv::Mat m;
  to_source.convertTo(m, CV_64F);
  double xs[2] = {double(box.x), double(box.x + box.w)};
  double ys[2] = {double(box.y), double(box.y + box.h)};
  double x0 = 1e18, y0 = 1e18, x1 = -1e18, y1 = -1e18;
  for (double x : xs)
    for (double y : ys) {
      double px = m.at<double>(0, 0) * x + m.at<double>(0, 1) * y + m.at<double>(0, 2);
      double py = m.at<double>(1, 0) * x + m.at<double>(1, 1) * y + m.at<double>(1, 2);
      x0 = std::min(x0, px), y0 = std::min(y0, py), x1 = std::max(x1, px), y1 = std::max(y1, py);
    }
  int ix = int(std::floor(x0)), iy = int(std::floor(y0));
  return Box{ix, iy, int(std::ceil(x1)) - ix, int(std::ceil(y1)) - iy};
}

}  // namespace ledger
