// Form field regions from the fitted transform and the printed leaders (see form_regions.hpp).
#include "layout/form_regions.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <map>

namespace ledger {

std::optional<Leader> find_leader(const cv::Mat& binary, const Box& line, int text_height_px,
                                  int min_dots) {
  if (binary.empty() || line.empty()) return std::nullopt;
  int th = std::max(4, text_height_px);
  Box area{line.x - 3 * th, line.y, line.w + 3 * th, line.h + line.h / 2};
  area = intersect(area, Box{0, 0, binary.cols, binary.rows});
  if (area.w < 4 || area.h < 4) return std::nullopt;
  cv::Mat labels, stats, centroids;
  int n = cv::connectedComponentsWithStats(binary(cv::Rect(area.x, area.y, area.w, area.h)), labels,
                                           stats, centroids, 8, CV_32S);
  int dot_max = std::max(3, th / 3);
  struct Dot {
    double y;
    int x0, x1;
  };
  std::vector<Dot> dots;
  for (int i = 1; i < n; ++i) {
    int w = stats.at<int>(i, cv::CC_STAT_WIDTH), h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
    int x = stats.at<int>(i, cv::CC_STAT_LEFT);
    // Dots, or a thin printed rule (a leader drawn as a line counts as many dots).
    if ((w <= dot_max && h <= dot_max && w <= 3 * h + 1 && h <= 3 * w + 1) ||
        (h <= std::max(3, th / 4) && w >= 3 * th))
      dots.push_back({centroids.at<double>(i, 1), x, x + w});
  }
  double tol = std::max(1.5, th / 8.0);
  std::optional<Leader> best;
  double best_y = 0;
  for (const auto& d : dots) {
    int count = 0, members = 0;
    double ysum = 0;
    for (const auto& e : dots)
      if (std::abs(e.y - d.y) <= tol) {
        count += std::max(1, (e.x1 - e.x0) / std::max(1, th / 2));
        ysum += e.y, ++members;
      }
    if (count >= min_dots && (!best || count > best->dots)) {
      best = Leader{area.y + int(std::lround(ysum / members)), 0, 0, count};
      best_y = ysum / members;
    }
  }
  if (!best) return best;
  // The dots of that row (tight: a label's colon sits a fifth of a text height higher), along
  // a line fitted through the row, so a little residual skew does not lose the row's ends.
  double row_tol = std::max(2.0, th / 6.0);
  double a = best_y, slope = 0, fit_tol = std::max(row_tol, th / 2.5);
  for (int round = 0; round < 2; ++round) {
    double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (const auto& e : dots) {
      double x = (e.x0 + e.x1) / 2.0;
      if (std::abs(e.y - (a + slope * x)) > fit_tol) continue;
      n += 1, sx += x, sy += e.y, sxx += x * x, sxy += x * e.y;
    }
    double det = n * sxx - sx * sx;
    if (n < 3 || std::abs(det) < 1e-9) break;
    slope = std::clamp((n * sxy - sx * sy) / det, -0.05, 0.05);  // within ~3 degrees
    a = (sy - slope * sx) / n;
    fit_tol = row_tol * 1.5;
  }
  best->x0 = INT32_MAX, best->x1 = 0;
  for (const auto& e : dots)
    if (std::abs(e.y - (a + slope * (e.x0 + e.x1) / 2.0)) <= row_tol) {
      best->starts.push_back(area.x + e.x0);
      best->x0 = std::min(best->x0, area.x + e.x0), best->x1 = std::max(best->x1, area.x + e.x1);
    }
  std::sort(best->starts.begin(), best->starts.end());
  return best;
}

namespace {

// True when something taller than half a text height crosses the leader's row between x0 and
// x1: writing that hides the first dots (a printed label stays above the row), so the line must
// not start later than the template says. Where the page's pen ink is known (`pen` not empty:
// a coloured pen, a mask of the binary's size), only pen ink is writing: a label printed wider
// than the template thought reaches the row too (the nặng dot of `mẹ:`: 8 of 45 mothers' names
// on the ks-2016 tuning books, seed 101, were read with the label's `ẹ:` before them).
bool writing_on_row(const cv::Mat& binary, const cv::Mat& pen, int x0, int x1, int row_y, int th) {
  Box band = intersect(Box{x0, row_y - th, x1 - x0, 2 * th}, Box{0, 0, binary.cols, binary.rows});
  if (band.empty()) return false;
  const cv::Rect rect(band.x, band.y, band.w, band.h);
  cv::Mat labels, stats, centroids;
  int n = cv::connectedComponentsWithStats(binary(rect), labels, stats, centroids, 8, CV_32S);
  int row = row_y - band.y;
  for (int i = 1; i < n; ++i) {
    int top = stats.at<int>(i, cv::CC_STAT_TOP), h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
    if (h <= th / 2 || top > row || top + h < row) continue;
    if (pen.empty()) return true;
    const int pen_px = cv::countNonZero(pen(rect) & (labels == i));
    if (3 * pen_px >= stats.at<int>(i, cv::CC_STAT_AREA)) return true;
  }
  return false;
}

}  // namespace

RecordRegions form_regions(const CleanPage& page, const LayoutTemplate& layout, const Transform& t,
                           const std::vector<AnchorMatch>& matches, bool snap) {
  RecordRegions rec;
  int th = std::max(4, int(std::lround(layout.text_height * std::abs(t.m[4]))));
  std::map<std::string, double> label_right;  // field key -> measured end of its label
  // A black pen leaves no pen mask: then any ink on a leader's row may be writing.
  const bool pen_known = !page.pen_ink.empty() && page.pen_ink.size() == page.binary.size() &&
                         cv::countNonZero(page.pen_ink) > 0;
  const cv::Mat pen = pen_known ? page.pen_ink : cv::Mat();
  for (const auto& m : matches)
    if (!m.anchor.key.empty() && m.right >= 0) label_right[m.anchor.key] = m.right;

  for (const auto& f : layout.fields) {
    if (f.type == FieldType::Checkbox) {
      for (const auto& c : f.choices) {
        FieldRegion r;
        r.key = f.key, r.type = f.type, r.required = f.required, r.choice_code = c.code;
        r.lines.push_back(t.apply(PageRect{c.at.x + c.box.x, c.at.y + c.box.y, c.box.w, c.box.h}));
        rec.fields.push_back(std::move(r));
      }
      continue;
    }
    FieldRegion r;
    r.key = f.key, r.type = f.type, r.required = f.required;
    for (size_t i = 0; i < f.lines.size(); ++i) {
      const PageRect& l = f.lines[i];
      Box b = t.apply(PageRect{f.at.x + l.x, f.at.y + l.y, l.w, l.h});
      // The label's own row: its line starts where the label ends.
      bool label_row = i == 0 && std::abs(l.y) < layout.text_height * 1.5 && l.x > 0;
      bool moved_start = false;
      if (snap && !page.binary.empty()) {
        if (auto leader = find_leader(page.binary, b, th)) {
          int bottom = leader->y + int(std::lround(0.3 * th));
          if (std::abs(bottom - (b.y + b.h)) <= b.h / 2) b.y = bottom - b.h;
          // The first dot near where the template starts the line: a label printed wider or
          // narrower moves it a few characters; farther away, the dots are hidden by writing.
          int x1 = b.x + b.w;
          if (label_row) {
            // Dot pitch: the median step; a stray speck on the row is not followed by the next
            // dot at that pitch.
            const auto& st = leader->starts;
            std::vector<int> steps;
            for (size_t k = 1; k < st.size(); ++k) steps.push_back(st[k] - st[k - 1]);
            std::nth_element(steps.begin(), steps.begin() + steps.size() / 2, steps.end());
            int pitch = steps.empty() ? th : std::max(1, steps[steps.size() / 2]);
            for (size_t k = 0; k < st.size(); ++k) {
              int x = st[k];
              if (x < b.x - 3 * th) continue;
              if (k + 1 < st.size() && st[k + 1] - x > 2 * pitch) continue;
              int to = x - th / 4;
              bool right_ok = to <= b.x || !writing_on_row(page.binary, pen, b.x, to, leader->y, th);
              if (x <= b.x + 4 * th && x < x1 - b.w / 2 && right_ok) {
                b.x = std::max(0, x - th / 4);
                b.w = x1 - b.x;
                moved_start = true;
              }
              break;
            }
          }
        }
      }
      if (label_row && !moved_start) {
        auto it = label_right.find(f.key);
        if (it != label_right.end()) {
          int start = int(std::lround(it->second + 0.3 * th));
          int x1 = b.x + b.w;
          if (std::abs(start - b.x) < 6 * th && start < x1 - th) b.x = start, b.w = x1 - start;
        }
      }
      // Handwritten capitals with Vietnamese marks rise ~2 text heights above the dots, a little
      // over the template's box (measured on generated handwriting pages): give them room.
      int extra = int(std::lround(0.3 * th));
      b.y -= extra, b.h += extra;
      r.lines.push_back(b);
    }
    rec.fields.push_back(std::move(r));
  }
  return rec;
}

}  // namespace ledger
