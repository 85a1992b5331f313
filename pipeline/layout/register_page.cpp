// The layout stage's entry point (see register_page.hpp).
#include "layout/register_page.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

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

Attempt try_form(const CleanPage& page, const LayoutTemplate& L, OcrEngine& ocr,
                 const RegisterOptions& opts, int* failures) {
  Attempt a;
  a.layout = &L;
  int W = page.gray.cols, H = page.gray.rows;
  // Coarse guess: the template's page is the scan's page (scans are cut to the page).
  a.transform = Transform::scale(W, H);
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
  for (const auto* L : candidates) {
    Attempt a;
    if (L->kind == LayoutKind::Form) {
      a = try_form(P, *L, ocr, opts, &failures);
    } else {
      if (!grid) grid = detect_grid(P.binary, opts.grid);
      a = try_table(P, *L, *grid);
    }
    if (!best || a.score > best->score) best = std::move(a);
    if (best->sure && best->score >= opts.clear_score) break;
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
