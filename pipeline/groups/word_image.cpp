// The ink of one field value as a word image (see word_image.hpp).
#include "groups/word_image.hpp"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>
#include <vector>

#include "core/components.hpp"
#include "layout/leader_removal.hpp"
#include "preprocess/ink_layers.hpp"
#include "preprocess/preprocess_options.hpp"

namespace ledger::groups {

namespace {

struct Blobs {
  cv::Mat labels;
  std::vector<cv::Rect> rects;  // index = label; [0] is the paper
};

// The ink of one line band [top, bottom) of the crop (crop pixels), as a mask cropped to it.
cv::Mat line_ink(const Blobs& b, int top, int bottom, int left, int right, int line_h) {
  const int n = int(b.rects.size());
  const int small = std::max(2, line_h / 12);
  std::vector<char> keep(static_cast<size_t>(n), 0);
  // Letter-sized blobs whose vertical centre lies in the band (the lines above and below reach
  // into the margin), except those touching the crop's side mostly outside the box (a label's
  // last letters).
  std::vector<int> bottoms;
  for (int i = 1; i < n; ++i) {
    const cv::Rect& r = b.rects[size_t(i)];
    if (r.width < small && r.height < small) continue;
    const int cy = r.y + r.height / 2;
    if (cy < top || cy >= bottom) continue;
    const int inside = std::min(r.x + r.width, right) - std::max(r.x, left);
    if (inside * 2 < r.width) continue;
    keep[size_t(i)] = 1;
    if (r.height * 4 >= line_h) bottoms.push_back(r.br().y);
  }
  // A blob that starts below the writing's baseline is the next line's ascender or a stray
  // mark; the baseline is the median bottom of the letter-high blobs.
  if (!bottoms.empty()) {
    std::nth_element(bottoms.begin(), bottoms.begin() + long(bottoms.size() / 2), bottoms.end());
    const int baseline = bottoms[bottoms.size() / 2];
    for (int i = 1; i < n; ++i)
      if (keep[size_t(i)] && b.rects[size_t(i)].y >= baseline - 2) keep[size_t(i)] = 0;
  }
  // A speck more than a line's height from every letter-high blob is a stray mark: kept, it
  // would stretch the value's length (its aspect ratio) by the whole gap.
  for (int i = 1; i < n; ++i) {
    const cv::Rect& r = b.rects[size_t(i)];
    if (!keep[size_t(i)] || r.height * 4 >= line_h) continue;
    bool near = false;
    for (int j = 1; j < n && !near; ++j) {
      const cv::Rect& o = b.rects[size_t(j)];
      if (j == i || !keep[size_t(j)] || o.height * 4 < line_h) continue;
      near = std::max(o.x - r.br().x, r.x - o.br().x) <= line_h;
    }
    if (!near) keep[size_t(i)] = 0;
  }
  cv::Rect box;
  for (int i = 1; i < n; ++i)
    if (keep[size_t(i)]) box = box.area() == 0 ? b.rects[size_t(i)] : (box | b.rects[size_t(i)]);
  if (box.area() == 0) return {};
  // Small marks just above the kept ink (tone marks float above the letters).
  for (int i = 1; i < n; ++i) {
    const cv::Rect& r = b.rects[size_t(i)];
    // A tone mark is under a quarter of a line high and a third wide; an x-height letter of the
    // line above drifting down is larger.
    if (keep[size_t(i)] || r.height * 4 > line_h || r.width * 3 > line_h || (r.width < 2 && r.height < 2)) continue;
    const int cy = r.y + r.height / 2;
    if (cy >= box.y + box.height / 2 || cy < box.y - line_h / 4) continue;
    if (r.x + r.width <= box.x || r.x >= box.x + box.width) continue;
    keep[size_t(i)] = 1;
  }
  cv::Mat mask = cv::Mat::zeros(b.labels.size(), CV_8U);
  box = {};
  for (int i = 1; i < n; ++i)
    if (keep[size_t(i)]) {
      mask.setTo(255, b.labels == i);
      box = box.area() == 0 ? b.rects[size_t(i)] : (box | b.rects[size_t(i)]);
    }
  return mask(box).clone();
}

// Ink per row of the crop over the box's columns [left, left + width).
cv::Mat row_profile(const cv::Mat& binary, int left, int width) {
  cv::Mat rows;
  cv::reduce(binary(cv::Rect(left, 0, width, binary.rows)), rows, 1, cv::REDUCE_SUM, CV_32S);
  return rows;
}

// The row of [from, to) holding the least ink in `rows` (a row_profile), `start` unless some
// row holds strictly less (the first such).
int emptiest_row(const cv::Mat& rows, int from, int to, int start) {
  int best = start;
  for (int y = from; y < to; ++y)
    if (rows.at<int>(y, 0) < rows.at<int>(best, 0)) best = y;
  return best;
}

// The line above, written low into the box, reaches into the crop's top margin (its descenders
// may touch the value's tone marks). When the margin holds a dense band of its own, clearly
// apart from the value's, everything above the emptiest row between the two is erased, and so
// are the tails of its descenders left hanging under that row.
void cut_line_above(cv::Mat& binary, int top, int left, int width, int line_h) {
  if (top <= 0) return;
  const cv::Mat rows = row_profile(binary, left, width);
  auto ink = [&](int y) { return rows.at<int>(y, 0); };
  auto densest = [&](int from, int to) {  // [from, to)
    int best = from;
    for (int y = from; y < to; ++y)
      if (ink(y) > ink(best)) best = y;
    return best;
  };
  const int above = densest(0, top), ours = densest(top, std::min(binary.rows, top + line_h));
  if (ink(above) * 4 <= ink(ours) || ours - above < line_h / 3) return;
  const int cut = emptiest_row(rows, above, ours, above);
  if (ink(cut) * 2 >= ink(above)) return;  // no gap between the two bands
  binary.rowRange(0, cut).setTo(0);
  cv::Mat labels, stats, centroids;
  const int n = cv::connectedComponentsWithStats(binary, labels, stats, centroids, 8, CV_32S);
  for (int i = 1; i < n; ++i)
    if (stats.at<int>(i, cv::CC_STAT_TOP) == cut && stats.at<int>(i, cv::CC_STAT_HEIGHT) * 4 < line_h)
      binary.setTo(0, labels == i);
}

}  // namespace

cv::Mat word_image(const cv::Mat& page_bgr, const Box& box, int line_height_px) {
  if (page_bgr.empty() || box.empty()) return {};
  const int lines = line_height_px > 0 && box.h * 2 > line_height_px * 3
                        ? std::max(2, int(std::lround(double(box.h) / line_height_px)))
                        : 1;
  const int line_h = box.h / lines;
  const int my = std::max(2, line_h / 4), mx = std::max(2, line_h / 4);
  const cv::Rect want(box.x - mx, box.y - my, box.w + 2 * mx, box.h + 2 * my);
  const cv::Rect r = want & cv::Rect(0, 0, page_bgr.cols, page_bgr.rows);
  if (r.width < 4 || r.height < 4) return {};
  cv::Mat crop = page_bgr(r), gray, binary;
  cv::cvtColor(crop, gray, cv::COLOR_BGR2GRAY);
  cv::threshold(gray, binary, 0, 255, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
  const int ink = cv::countNonZero(binary);
  if (ink == 0) return {};

  // A red seal is never the value (note 2): its ring would join the strokes it crosses. Only
  // its red pixels go; where it crosses a stroke the stroke is dark, not red, and stays whole.
  const InkLayers inks = separate_inks(crop, PreprocessOptions{});
  binary.setTo(0, inks.seal);
  // Coloured pen: keep only its strokes (note 2). The pen mask misses the grey edges of
  // strokes, hence the dilation before measuring its share of the binary.
  cv::Mat pen_ink;
  cv::dilate(inks.pen, pen_ink, cv::getStructuringElement(cv::MORPH_RECT, {3, 3}));
  cv::bitwise_and(pen_ink, binary, pen_ink);
  // Rules and leaders (note 2), found on the whole binary: a pen stroke may touch them.
  const cv::Mat printed = rule_and_leader_mask(binary, std::max(6, line_h / 2));
  // The pen's strokes, whole: the binary's components that hold pen ink (at least 2 pixels and
  // 5% of their own), so a stroke whose thin parts lost their colour stays one. Printed text a
  // stroke touches joins its component: the rules and leaders go again just below.
  if (cv::countNonZero(pen_ink) >= ink * 0.3) binary = components_holding(binary, inks.pen, 0.05, 2);
  binary.setTo(0, printed);

  const int top = box.y - r.y, left = box.x - r.x, box_cols = std::min(box.w, binary.cols - left);
  cut_line_above(binary, top, left, box_cols, line_h);

  // Blobs are found on a slightly thickened copy: the pen mask breaks faint strokes into
  // pieces, and a piece of a letter must follow its letter into the letter's line.
  Blobs b;
  cv::Mat stats, centroids, thick;
  cv::dilate(binary, thick, cv::getStructuringElement(cv::MORPH_RECT, {3, 3}));
  const int n = cv::connectedComponentsWithStats(thick, b.labels, stats, centroids, 8, CV_32S);
  b.labels.setTo(0, binary == 0);
  b.rects.resize(size_t(n));
  for (int i = 1; i < n; ++i)
    b.rects[size_t(i)] = {stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
                          stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT)};
  std::vector<cv::Mat> parts;
  int height = 0, width = 0;
  const int gap = line_h / 3;  // about a word space: a value wrapped elsewhere reads the same
  // Line boundaries: the emptiest row near each nominal one (writing drifts off its line).
  std::vector<int> cuts = {top};
  if (lines > 1) {
    const cv::Mat rows = row_profile(binary, left, box_cols);
    for (int i = 1; i < lines; ++i) {
      const int nominal = top + box.h * i / lines;
      cuts.push_back(emptiest_row(rows, std::max(0, nominal - line_h / 3),
                                  std::min(binary.rows, nominal + line_h / 3 + 1), nominal));
    }
  }
  cuts.push_back(top + box.h);
  for (int i = 0; i < lines; ++i) {
    cv::Mat part = line_ink(b, cuts[size_t(i)], cuts[size_t(i) + 1], left, left + box.w, line_h);
    if (part.empty()) continue;
    height = std::max(height, part.rows);
    width += part.cols + (parts.empty() ? 0 : gap);
    parts.push_back(part);
  }
  if (parts.empty()) return {};
  if (parts.size() == 1) return parts[0];
  // Several lines side by side in reading order, bottoms aligned.
  cv::Mat out = cv::Mat::zeros(height, width, CV_8U);
  int x = 0;
  for (const auto& part : parts) {
    part.copyTo(out(cv::Rect(x, height - part.rows, part.cols, part.rows)));
    x += part.cols + gap;
  }
  return out;
}

int form_line_height(int page_height_px) { return int(std::lround(0.03 * std::max(0, page_height_px))); }

}  // namespace ledger::groups
