// The layout stage's entry point (see register_page.hpp).
#include "layout/register_page.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include <opencv2/core.hpp>

#include "layout/form_regions.hpp"
#include "layout/leader_removal.hpp"
#include "layout/table_regions.hpp"
#include "layout/transform_fit.hpp"

namespace ledger {
namespace {

// One template tried on the page.
struct Attempt {
  const LayoutTemplate* layout = nullptr;
  double score = 0;
  Transform transform;
  bool sure = false;
  int found = 0, expected = 0;
  std::vector<AnchorMatch> matches;
  std::optional<TableMatch> table;
};

// The template's printed content (labels, value lines, tick boxes), page fractions.
PageRect template_content(const LayoutTemplate& L) {
  double x0 = 1, y0 = 1, x1 = 0, y1 = 0;
  auto add = [&](double x, double y) {
    x0 = std::min(x0, x), y0 = std::min(y0, y), x1 = std::max(x1, x), y1 = std::max(y1, y);
  };
  for (const auto& a : L.all_anchors()) add(a.at.x, a.at.y);
  for (const auto& f : L.fields)
    for (const auto& l : f.lines) add(f.at.x + l.x + l.w, f.at.y + l.y + l.h), add(f.at.x + l.x, f.at.y + l.y);
  return {x0, y0, std::max(0.0, x1 - x0), std::max(0.0, y1 - y0)};
}

// A second guess for pages not cut to the paper (wide margins, a spread cut off-centre): the
// template's content box onto the page's ink box (0.5%..99.5% of the ink, so specks and a seal
// on the margin move it little). Empty when the page has too little ink to say.
std::optional<Transform> content_transform(const CleanPage& page, const LayoutTemplate& L) {
  if (page.binary.empty()) return std::nullopt;
  cv::Mat cols, rows;
  cv::reduce(page.binary, cols, 0, cv::REDUCE_SUM, CV_64F);
  cv::reduce(page.binary, rows, 1, cv::REDUCE_SUM, CV_64F);
  auto range = [](const cv::Mat& v, int n) -> std::pair<int, int> {
    double total = cv::sum(v)[0], acc = 0;
    int lo = 0, hi = n - 1;
    for (int i = 0; i < n; ++i) {
      acc += v.at<double>(i);
      if (acc < total * 0.005) lo = i;
      if (acc <= total * 0.995) hi = i;
    }
    return {lo, hi};
  };
  auto [x0, x1] = range(cols.reshape(1, cols.cols), cols.cols);
  auto [y0, y1] = range(rows, rows.rows);
  PageRect c = template_content(L);
  if (c.w < 0.2 || c.h < 0.2 || x1 - x0 < page.binary.cols / 4 || y1 - y0 < page.binary.rows / 4)
    return std::nullopt;
  double sx = (x1 - x0) / c.w, sy = (y1 - y0) / c.h;
  return Transform{{sx, 0, x0 - sx * c.x, 0, sy, y0 - sy * c.y}};
}

// True when two transforms put the page's corners more than `tol` pixels apart.
bool differ(const Transform& a, const Transform& b, double tol) {
  for (double x : {0.0, 1.0})
    for (double y : {0.0, 1.0}) {
      Point p = a.apply(x, y), q = b.apply(x, y);
      if (std::hypot(p.x - q.x, p.y - q.y) > tol) return true;
    }
  return false;
}

// Searches the labels of form `L` around `coarse` and fits the transform.
Attempt try_form(const CleanPage& page, const LayoutTemplate& L, const Transform& coarse,
                 OcrEngine& ocr, const RegisterOptions& opts, int* failures) {
  Attempt a;
  a.layout = &L;
  int W = page.gray.cols, H = page.gray.rows;
  a.transform = coarse;
  int windows = 0;
  a.matches = find_anchors(page, L, a.transform, ocr, opts.anchors, failures, &windows);
  a.expected = windows;
  std::vector<PagePoint> from;
  std::vector<Point> to;
  for (const auto& m : a.matches) from.push_back(m.anchor.at), to.push_back(m.found);
  FitResult fit = fit_transform(from, to, L.page_width_mm, L.page_height_mm, opts.inlier * H,
                                opts.min_anchors);
  if (fit.ok) {
    // A fit far from the page's own size is a coincidence of a few words, not this layout.
    double sx = std::hypot(fit.transform.m[0], fit.transform.m[3]) / std::max(1, W);
    double sy = std::hypot(fit.transform.m[1], fit.transform.m[4]) / std::max(1, H);
    if (sx > 0.6 && sx < 1.6 && sy > 0.6 && sy < 1.6 && std::abs(fit.transform.angle_degrees()) < 10) {
      a.transform = fit.transform;
      a.sure = true;
      std::vector<AnchorMatch> inl;
      for (int i : fit.inliers) inl.push_back(a.matches[size_t(i)]);
      a.matches = inl;
    }
  }
  if (!a.sure) a.matches.clear();  // labels not confirmed by a fit may be chance readings
  a.found = a.sure ? int(a.matches.size()) : 0;
  a.score = a.expected ? double(a.found) / a.expected : 0;
  return a;
}

Attempt try_table(const CleanPage& page, const LayoutTemplate& L, const Grid& grid) {
  Attempt a;
  a.layout = &L;
  a.transform = Transform::scale(page.gray.cols, page.gray.rows);
  TableMatch tm = table_regions(page, L, grid);
  a.expected = int(L.table.columns.size()) + 1;
  if (tm.ok) {
    a.transform = tm.transform;
    a.found = tm.columns_matched;
    a.score = tm.score;
    a.sure = tm.columns_matched >= std::max(3, a.expected / 2);
  }
  a.table = std::move(tm);
  return a;
}

}  // namespace

RegisteredPage register_page(CleanPage page, const LayoutLibrary& layouts, OcrEngine& ocr,
                             const RegisterOptions& opts) {
  RegisteredPage out;
  out.page = std::move(page);
  const CleanPage& P = out.page;
  if (P.gray.empty()) {
    out.issues.push_back("no-layout");
    return out;
  }
  out.transform = Transform::scale(P.gray.cols, P.gray.rows);

  // Which templates to try.
  std::vector<const LayoutTemplate*> candidates;
  bool told = false;
  std::string want = !opts.layout_id.empty() ? opts.layout_id : P.source.ref.layout_hint;
  if (!want.empty()) {
    told = true;
    if (const auto* t = layouts.find(want)) candidates.push_back(t);
  } else {
    candidates = layouts.candidates(P.source.ref.book);
  }
  if (candidates.empty()) {
    out.issues.push_back("no-layout");
    return out;
  }

  // Tables first: the ruling costs no OCR, and a page that clearly is a ruled table need not
  // pay for form anchor windows. Forms stop at the first clear match.
  std::stable_partition(candidates.begin(), candidates.end(),
                        [](const LayoutTemplate* t) { return t->kind == LayoutKind::Table; });
  std::optional<Grid> grid;
  int failures = 0;
  std::optional<Attempt> best;
  // Coarse guess: the template's page is the scan's page (scans are cut to the page).
  const Transform page_scale = Transform::scale(P.gray.cols, P.gray.rows);
  for (const auto* L : candidates) {
    Attempt a;
    if (L->kind == LayoutKind::Form) {
      a = try_form(P, *L, page_scale, ocr, opts, &failures);
    } else {
      if (!grid) grid = detect_grid(P.binary, opts.grid);
      a = try_table(P, *L, *grid);
    }
    if (!best || a.score > best->score) best = std::move(a);
    if (best->sure && best->score >= opts.clear_score) break;
  }
  // Nothing sure where the page scale puts the labels: the page may not be cut to the paper.
  // Search again around the ink's extent, when that differs by more than half the window.
  if (!best->sure) {
    for (const auto* L : candidates) {
      if (L->kind != LayoutKind::Form) continue;
      auto content = content_transform(P, *L);
      if (!content || !differ(*content, page_scale, opts.anchors.window * P.gray.rows / 2)) continue;
      Attempt a = try_form(P, *L, *content, ocr, opts, &failures);
      if (a.sure && (!best->sure || a.score > best->score)) best = std::move(a);
      if (best->sure && best->score >= opts.clear_score) break;
    }
  }
  if (failures) out.issues.push_back("anchor-ocr-failed");
  // A layout the user or the file name named is kept even when unsure; a guessed one must score.
  if (!told && best->score < opts.min_layout_score) {
    out.issues.push_back("no-layout");
    out.layout_score = best->score;
    return out;
  }
  const LayoutTemplate& L = *best->layout;
  out.layout_id = L.id;
  out.layout_score = best->score;
  out.transform = best->transform;
  out.anchors_found = best->found;
  out.anchors_expected = best->expected;
  int th = std::max(4, int(std::lround(L.text_height * std::abs(out.transform.m[4]))));
  if (L.kind == LayoutKind::Form) {
    if (!best->sure) out.issues.push_back("layout-unsure");
    out.records.push_back(form_regions(P, L, out.transform, best->matches, opts.snap_to_leaders));
  } else {
    if (!best->table || !best->table->ok) {
      out.issues.push_back("no-grid");
      out.issues.push_back("layout-unsure");
    } else {
      if (!best->sure) out.issues.push_back("layout-unsure");
      out.records = best->table->records;
    }
  }
  if (opts.line_images) {
    LeaderOptions lo;
    lo.text_height_px = th;
    for (auto& rec : out.records)
      for (auto& f : rec.fields) fill_line_images(P, f, lo);
  }
  return out;
}

}  // namespace ledger
