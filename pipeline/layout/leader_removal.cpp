// Whitening ruling lines and dotted leaders in field line crops (see leader_removal.hpp).
#include "layout/leader_removal.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <vector>

namespace ledger {

cv::Mat rule_and_leader_mask(const cv::Mat& binary, int text_height_px, int min_dots) {
  cv::Mat mask = cv::Mat::zeros(binary.size(), CV_8U);
  if (binary.empty()) return mask;
  int th = std::max(6, text_height_px);
  int thick = std::max(2, th / 4);

  // Long thin horizontal runs: open with a long flat kernel, then drop what is thick.
  int hlen = std::min(binary.cols, std::max(15, 3 * th));
  if (binary.cols >= hlen) {
    cv::Mat horiz, thick_parts;
    cv::morphologyEx(binary, horiz, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_RECT, {hlen, 1}));
    cv::morphologyEx(horiz, thick_parts, cv::MORPH_OPEN,
                     cv::getStructuringElement(cv::MORPH_RECT, {1, thick + 2}));
    mask |= horiz & ~thick_parts;
  }
  // Vertical rules (cell borders of tables) run through most of a line crop's height.
  int vlen = std::max(12, binary.rows * 7 / 10);
  if (binary.rows >= vlen && binary.rows >= 12) {
    cv::Mat vert;
    cv::morphologyEx(binary, vert, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_RECT, {1, vlen}));
    mask |= vert;
  }
  // Leader dots: small blobs, many of them at the same height.
  cv::Mat labels, stats, centroids;
  int n = cv::connectedComponentsWithStats(binary, labels, stats, centroids, 8, CV_32S);
  int dot_max = std::max(3, th / 3);
  std::vector<int> small;
  for (int i = 1; i < n; ++i) {
    int w = stats.at<int>(i, cv::CC_STAT_WIDTH), h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
    if (w <= dot_max && h <= dot_max && w <= 3 * h + 1 && h <= 3 * w + 1) small.push_back(i);
  }
  double tol = std::max(1.5, th / 8.0);
  std::vector<char> is_dot(n, 0);
  std::vector<int> row_areas;
  for (int i : small) {
    double cy = centroids.at<double>(i, 1);
    row_areas.clear();
    for (int j : small)
      if (std::abs(centroids.at<double>(j, 1) - cy) <= tol) row_areas.push_back(stats.at<int>(j, cv::CC_STAT_AREA));
    if (int(row_areas.size()) < min_dots) continue;
    // A tone dot below a vowel (the nang of "Thị", "huyện") sits on the leader row, often merged
    // with the leader dot under it: it is kept when it is clearly bigger than the row's dots.
    // On generated 150-300 dpi pages leader dots are ~7 px, a nang dot alone or merged 15-25.
    auto mid = row_areas.begin() + row_areas.size() / 2;
    std::nth_element(row_areas.begin(), mid, row_areas.end());
    if (stats.at<int>(i, cv::CC_STAT_AREA) > 2 * std::max(*mid, 2)) continue;
    is_dot[i] = 1;
  }
  if (std::any_of(is_dot.begin(), is_dot.end(), [](char c) { return c; })) {
    for (int y = 0; y < labels.rows; ++y) {
      const int* l = labels.ptr<int>(y);
      uchar* m = mask.ptr<uchar>(y);
      for (int x = 0; x < labels.cols; ++x)
        if (l[x] > 0 && is_dot[l[x]]) m[x] = 255;
    }
  }
  // The gray crop's anti-aliased fringe is one pixel wider than the binary.
  cv::dilate(mask, mask, cv::getStructuringElement(cv::MORPH_RECT, {3, 3}));
  return mask;
}

LineCrop cut_line(const CleanPage& page, const Box& line, const LeaderOptions& opts) {
  LineCrop out;
  const cv::Mat& gray = page.gray;
  Box b = intersect(line, Box{0, 0, gray.cols, gray.rows});
  int border = std::max(0, opts.border);
  if (b.empty() || gray.empty()) {
    out.gray = cv::Mat(2 * border + 8, 2 * border + 8, CV_8U, cv::Scalar(255));
    if (!page.pen_ink.empty()) out.pen = cv::Mat::zeros(out.gray.size(), CV_8U);
    return out;
  }
  cv::Rect r(b.x, b.y, b.w, b.h);
  cv::Mat crop = gray(r).clone();
  cv::Mat mask;
  if (!page.binary.empty() && page.binary.size() == gray.size()) {
    int th = opts.text_height_px > 0 ? opts.text_height_px : std::max(6, b.h / 2);
    mask = rule_and_leader_mask(page.binary(r), th, opts.min_dots);
    crop.setTo(255, mask);
  }
  cv::copyMakeBorder(crop, out.gray, border, border, border, border, cv::BORDER_CONSTANT, 255);
  if (!page.pen_ink.empty() && page.pen_ink.size() == gray.size()) {
    cv::Mat pen = page.pen_ink(r).clone();
    if (!mask.empty()) pen.setTo(0, mask);
    cv::copyMakeBorder(pen, out.pen, border, border, border, border, cv::BORDER_CONSTANT, 0);
  }
  return out;
}

void fill_line_images(const CleanPage& page, FieldRegion& region, const LeaderOptions& opts) {
  region.line_images.clear();
  region.line_pen.clear();
  for (const auto& l : region.lines) {
    LineCrop c = cut_line(page, l, opts);
    region.line_images.push_back(c.gray);
    region.line_pen.push_back(c.pen);
  }
}

}  // namespace ledger
