// Ruling detection for table pages (see grid_detect.hpp).
#include "layout/grid_detect.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace ledger {
namespace {

struct Piece {
  double pos;
  int from, to;
  double thickness;
};

// Groups pieces lying at about the same position into rules; a rule's length is the union of
// its pieces' extents (a faint rule breaks into pieces after opening).
std::vector<RuleLine> group(std::vector<Piece> pieces, double merge, int min_length, double min_fill) {
  std::sort(pieces.begin(), pieces.end(), [](const Piece& a, const Piece& b) { return a.pos < b.pos; });
  std::vector<RuleLine> out;
  size_t i = 0;
  while (i < pieces.size()) {
    size_t j = i;
    double last = pieces[i].pos;
    while (j + 1 < pieces.size() && pieces[j + 1].pos - last <= merge) last = pieces[++j].pos;
    // Union of extents, and a length-weighted position.
    std::vector<std::pair<int, int>> ext;
    double wsum = 0, psum = 0, tsum = 0;
    for (size_t k = i; k <= j; ++k) {
      ext.push_back({pieces[k].from, pieces[k].to});
      double w = pieces[k].to - pieces[k].from + 1;
      wsum += w, psum += w * pieces[k].pos, tsum += w * pieces[k].thickness;
    }
    std::sort(ext.begin(), ext.end());
    int covered = 0, cur_from = ext[0].first, cur_to = ext[0].second;
    for (size_t k = 1; k < ext.size(); ++k) {
      if (ext[k].first <= cur_to) {
        cur_to = std::max(cur_to, ext[k].second);
      } else {
        covered += cur_to - cur_from;
        cur_from = ext[k].first, cur_to = ext[k].second;
      }
    }
    covered += cur_to - cur_from;
    int span = std::max(1, std::max_element(ext.begin(), ext.end(), [](auto& a, auto& b) {
                             return a.second < b.second;
                           })->second - ext.front().first);
    // A printed rule is mostly continuous; strokes of letters that happen to line up down a
    // page of text cover only a fraction of their span.
    if (covered >= min_length && covered >= min_fill * span)
      out.push_back({int(std::lround(psum / wsum)), ext.front().first,
                     std::max_element(ext.begin(), ext.end(),
                                      [](auto& a, auto& b) { return a.second < b.second; })->second,
                     tsum / wsum});
    i = j + 1;
  }
  return out;
}

std::vector<Piece> pieces_of(const cv::Mat& mask, bool horizontal) {
  cv::Mat labels, stats, centroids;
  int n = cv::connectedComponentsWithStats(mask, labels, stats, centroids, 8, CV_32S);
  std::vector<Piece> out;
  for (int i = 1; i < n; ++i) {
    int x = stats.at<int>(i, cv::CC_STAT_LEFT), y = stats.at<int>(i, cv::CC_STAT_TOP);
    int w = stats.at<int>(i, cv::CC_STAT_WIDTH), h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
    // Thickness: ink area over length (the box's cross size overstates it on a skewed rule).
    double area = stats.at<int>(i, cv::CC_STAT_AREA);
    if (horizontal)
      out.push_back({centroids.at<double>(i, 1), x, x + w, area / std::max(1, w)});
    else
      out.push_back({centroids.at<double>(i, 0), y, y + h, area / std::max(1, h)});
  }
  return out;
}

}  // namespace

Box Grid::bounds() const {
  if (vertical.empty()) return {};
  int x0 = vertical.front().pos, x1 = vertical.back().pos;
  std::vector<int> tops, bottoms;
  for (const auto& v : vertical) tops.push_back(v.from), bottoms.push_back(v.to);
  std::nth_element(tops.begin(), tops.begin() + tops.size() / 2, tops.end());
  std::nth_element(bottoms.begin(), bottoms.begin() + bottoms.size() / 2, bottoms.end());
  int y0 = tops[tops.size() / 2], y1 = bottoms[bottoms.size() / 2];
  int reach = std::max(3, (y1 - y0) * 3 / 100);
  int top = y0, bottom = y1;
  for (const auto& h : horizontal) {
    if (h.length() < (x1 - x0) / 2) continue;
    if (h.pos < top && h.pos >= y0 - reach) top = h.pos;
    if (h.pos > bottom && h.pos <= y1 + reach) bottom = h.pos;
  }
  return {x0, top, x1 - x0, bottom - top};
}

Grid detect_grid(const cv::Mat& binary, const GridOptions& opts) {
  Grid g;
  if (binary.empty()) return g;
  int W = binary.cols, H = binary.rows;
  // Kernels longer than any letter: at least 3 typical ink heights (the median height of the
  // page's connected components), which matters on small or low-resolution pages where 3% of
  // the page is only a letter or two.
  int ink_h = 0;
  {
    cv::Mat labels, stats, centroids;
    int n = cv::connectedComponentsWithStats(binary, labels, stats, centroids, 8, CV_32S);
    std::vector<int> hs;
    for (int i = 1; i < n; ++i)
      if (stats.at<int>(i, cv::CC_STAT_AREA) >= 8) hs.push_back(stats.at<int>(i, cv::CC_STAT_HEIGHT));
    if (!hs.empty()) {
      std::nth_element(hs.begin(), hs.begin() + hs.size() / 2, hs.end());
      ink_h = hs[hs.size() / 2];
    }
  }
  int hk = std::max({15, int(W * opts.kernel), std::min(3 * ink_h, int(W * 0.08))});
  int vk = std::max({15, int(H * opts.kernel), std::min(3 * ink_h, int(H * 0.08))});
  cv::Mat hmask, vmask;
  cv::morphologyEx(binary, hmask, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_RECT, {hk, 1}));
  cv::morphologyEx(binary, vmask, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_RECT, {1, vk}));
  // Bridge small breaks along the rule (faint print, crossing handwriting) before grouping.
  int bridge = std::clamp(ink_h / 2, 3, 9);
  cv::dilate(hmask, hmask, cv::getStructuringElement(cv::MORPH_RECT, {bridge, 1}));
  cv::dilate(vmask, vmask, cv::getStructuringElement(cv::MORPH_RECT, {1, bridge}));
  double merge = std::max(3.0, opts.merge * W);
  g.horizontal = group(pieces_of(hmask, true), merge, int(opts.min_horizontal * W), opts.min_fill);
  g.vertical = group(pieces_of(vmask, false), merge, int(opts.min_vertical * H), opts.min_fill);
  double max_thick = std::max(4.0, opts.max_thickness * W);
  auto thin = [&](std::vector<RuleLine>& v) {
    v.erase(std::remove_if(v.begin(), v.end(), [&](const RuleLine& r) { return r.thickness > max_thick; }),
            v.end());
  };
  thin(g.horizontal);
  thin(g.vertical);
  g.mask = hmask | vmask;
  cv::dilate(g.mask, g.mask, cv::getStructuringElement(cv::MORPH_RECT, {3, 3}));
  return g;
}

std::vector<std::pair<int, int>> ink_bands(const cv::Mat& binary, const cv::Mat& rule_mask,
                                           const Box& area, int min_height, int min_gap) {
  std::vector<std::pair<int, int>> bands;
  Box a = intersect(area, Box{0, 0, binary.cols, binary.rows});
  if (a.empty()) return bands;
  cv::Rect r(a.x, a.y, a.w, a.h);
  cv::Mat ink = binary(r).clone();
  if (!rule_mask.empty()) ink.setTo(0, rule_mask(r));
  cv::Mat rows;
  cv::reduce(ink, rows, 1, cv::REDUCE_SUM, CV_32S);
  // A row holds text when it has a few inked pixels (stray specks do not count) and at least a
  // fifth of a well-filled text row's ink: on dense registers ascenders, descenders and faint
  // printed guide lines leave no empty row between two lines of writing, only a valley.
  std::vector<int> sorted_rows(rows.begin<int>(), rows.end<int>());
  std::sort(sorted_rows.begin(), sorted_rows.end());
  int p80 = sorted_rows.empty() ? 0 : sorted_rows[sorted_rows.size() * 8 / 10];
  int min_ink = std::max(255 * 4, p80 / 5);
  int start = -1, last_ink = -1;
  auto close = [&](int end) {
    if (start >= 0 && end - start >= min_height) bands.push_back({a.y + start, a.y + end});
    start = -1;
  };
  for (int y = 0; y < a.h; ++y) {
    bool inked = rows.at<int>(y) >= min_ink;
    if (inked) {
      if (start >= 0 && y - last_ink > min_gap) close(last_ink + 1);
      if (start < 0) start = y;
      last_ink = y;
    }
  }
  if (start >= 0) close(last_ink + 1);
  return bands;
}

}  // namespace ledger
