// Table rows and cells from the detected ruling (see table_regions.hpp).
#include "layout/table_regions.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace ledger {
namespace {

long ink_in(const cv::Mat& binary, const cv::Mat& rules, Box b) {
  b = intersect(b, Box{0, 0, binary.cols, binary.rows});
  if (b.empty()) return 0;
  cv::Rect r(b.x, b.y, b.w, b.h);
  cv::Mat ink = binary(r).clone();
  if (!rules.empty()) ink.setTo(0, rules(r));
  return cv::countNonZero(ink);
}

// Splits a cell into at most `max_lines` text lines at the widest gaps between its ink bands.
std::vector<Box> cell_lines(const cv::Mat& binary, const cv::Mat& rules, const Box& cell,
                            int max_lines, int th) {
  if (max_lines <= 1) return {cell};
  auto bands = ink_bands(binary, rules, cell, std::max(2, th / 3), std::max(2, th / 4));
  if (bands.size() < 2) return {cell};
  std::vector<std::pair<int, int>> gaps;  // (gap size, split y)
  for (size_t i = 1; i < bands.size(); ++i)
    gaps.push_back({bands[i].first - bands[i - 1].second, (bands[i].first + bands[i - 1].second) / 2});
  std::sort(gaps.begin(), gaps.end(), std::greater<>());
  gaps.resize(std::min<size_t>(gaps.size(), size_t(max_lines - 1)));
  std::vector<int> cuts;
  for (auto& g : gaps) cuts.push_back(g.second);
  std::sort(cuts.begin(), cuts.end());
  std::vector<Box> out;
  int y = cell.y;
  for (int c : cuts) {
    out.push_back({cell.x, y, cell.w, c - y});
    y = c;
  }
  out.push_back({cell.x, y, cell.w, cell.y + cell.h - y});
  return out;
}

}  // namespace

TableMatch table_regions(const CleanPage& page, const LayoutTemplate& layout, const Grid& grid) {
  TableMatch m;
  const TableSpec& spec = layout.table;
  if (!grid.found() || spec.columns.empty() || page.binary.empty()) return m;
  m.bounds = grid.bounds();
  if (m.bounds.w < 10 || m.bounds.h < 10) return m;
  auto rects = layout.column_rects();
  double rx0 = rects.front().x, rw = rects.back().x + rects.back().w - rx0;

  // Template column boundaries over [x0, x1], each snapped to the nearest vertical rule within a
  // third of the narrower neighbouring column. Returns the boundaries and how many met a rule.
  auto snap_columns = [&](double x0, double x1, std::vector<int>* xs) {
    std::vector<double> expected;
    for (const auto& r : rects) expected.push_back(x0 + (r.x - rx0) / rw * (x1 - x0));
    expected.push_back(x1);
    int matched = 0;
    for (size_t k = 0; k < expected.size(); ++k) {
      double left = k > 0 ? expected[k] - expected[k - 1] : 1e9;
      double right = k + 1 < expected.size() ? expected[k + 1] - expected[k] : 1e9;
      double best_d = std::min(left, right) / 3;
      int best = -1;
      for (const auto& v : grid.vertical) {
        double d = std::abs(v.pos - expected[k]);
        if (d <= best_d) best_d = d, best = v.pos;
      }
      matched += best >= 0;
      if (xs) xs->push_back(best >= 0 ? best : int(std::lround(expected[k])));
    }
    return matched;
  };
  // The table's left and right frame: the pair of vertical rules under which most template
  // boundaries find a rule (a scan edge or a margin rule also looks like a vertical rule).
  int best_matched = -1;
  double best_x0 = m.bounds.x, best_x1 = m.bounds.x + m.bounds.w;
  const auto& V = grid.vertical;
  for (size_t i = 0; i < V.size(); ++i)
    for (size_t j = i + 1; j < V.size(); ++j) {
      if (V[j].pos - V[i].pos < m.bounds.w / 3) continue;
      int k = snap_columns(V[i].pos, V[j].pos, nullptr);
      if (k > best_matched || (k == best_matched && V[j].pos - V[i].pos > best_x1 - best_x0))
        best_matched = k, best_x0 = V[i].pos, best_x1 = V[j].pos;
    }
  m.bounds.x = int(best_x0), m.bounds.w = int(best_x1 - best_x0);
  const Box& B = m.bounds;
  double sx = B.w / std::max(1e-9, spec.region.w), sy = B.h / std::max(1e-9, spec.region.h);
  m.transform = Transform{{sx, 0, B.x - sx * spec.region.x, 0, sy, B.y - sy * spec.region.y}};
  int th = std::max(4, int(std::lround(layout.text_height * sy)));
  m.columns_matched = snap_columns(B.x, B.x + B.w, &m.column_x);

  // Header: snap its expected bottom to a long horizontal rule.
  double header_px = spec.header_height * sy;
  m.header_bottom = B.y + int(std::lround(header_px));
  {
    double best_d = std::max(double(th), header_px / 2);
    for (const auto& h : grid.horizontal) {
      if (h.length() < B.w / 2) continue;
      double d = std::abs(h.pos - (B.y + header_px));
      if (d <= best_d) best_d = d, m.header_bottom = h.pos;
    }
  }
  // Body rows: between long horizontal rules, else text bands.
  std::vector<int> rules;
  for (const auto& h : grid.horizontal)
    if (h.length() >= B.w / 2 && h.pos > m.header_bottom + th && h.pos < B.y + B.h - th)
      rules.push_back(h.pos);
  int body_top = m.header_bottom, body_bottom = B.y + B.h;
  std::vector<int> ys{body_top};
  ys.insert(ys.end(), rules.begin(), rules.end());
  ys.push_back(body_bottom);
  // A ruled space much taller than a typical row is not one entry: unruled registers (or rows
  // ruled only now and then) are split into bands of handwriting instead.
  double typical = double(body_bottom - body_top) / std::max(1, spec.typical_rows);
  m.ruled_rows = rules.size() >= 2;
  for (size_t i = 1; i < ys.size(); ++i) {
    int h = ys[i] - ys[i - 1];
    if (h < th) continue;
    if (h <= 2.5 * typical) {
      m.rows.push_back({B.x, ys[i - 1], B.w, h});
      continue;
    }
    m.ruled_rows = false;
    Box band_area{B.x, ys[i - 1] + 2, B.w, h - 4};
    for (auto [top, bottom] : ink_bands(page.binary, grid.mask, band_area, std::max(3, th / 2), th / 3)) {
      int pad = th / 3;
      m.rows.push_back({B.x, top - pad, B.w, bottom - top + 2 * pad});
    }
  }

  // Records: rows with writing in several cells, one region per template column. One inked
  // cell is not an entry: a seal, a stray mark or a note running over from the row above.
  long min_ink = std::max<long>(20, long(th) * th / 4);
  int inset = std::max(2, th / 6);
  int min_cells = std::min<int>(int(spec.columns.size()), std::max(2, int(spec.columns.size()) / 4));
  for (const auto& row : m.rows) {
    int inked = 0;
    for (size_t c = 0; c < spec.columns.size(); ++c) {
      Box cell{m.column_x[c] + inset, row.y + inset, m.column_x[c + 1] - m.column_x[c] - 2 * inset,
               row.h - 2 * inset};
      inked += ink_in(page.binary, grid.mask, cell) >= min_ink;
    }
    if (inked < min_cells) continue;
    RecordRegions rec;
    rec.row = row;
    for (size_t c = 0; c < spec.columns.size(); ++c) {
      const auto& col = spec.columns[c];
      Box cell{m.column_x[c] + inset, row.y + inset, m.column_x[c + 1] - m.column_x[c] - 2 * inset,
               row.h - 2 * inset};
      FieldRegion r;
      r.key = col.key, r.type = col.type, r.required = col.required;
      r.lines = cell.empty() ? std::vector<Box>{cell}
                             : cell_lines(page.binary, grid.mask, cell, spec.lines_per_row, th);
      rec.fields.push_back(std::move(r));
    }
    m.records.push_back(std::move(rec));
  }
  m.ok = true;
  double cols = double(m.columns_matched) / double(m.column_x.size());
  // A table page without any row rules or text rows is probably not this table.
  m.score = cols * (m.rows.empty() ? 0.5 : 1.0);
  return m;
}

}  // namespace ledger
