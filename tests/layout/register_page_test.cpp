// Tests for form registration: the template found again on shifted, scaled and rotated pages.
#include "layout/register_page.hpp"

#include <gtest/gtest.h>

#include "layout/layout_fixtures.hpp"
#include "layout/transform_fit.hpp"
#include "testkit.hpp"

namespace ledger {
namespace {

const LayoutLibrary& library() {
  static LayoutLibrary lib = LayoutLibrary::load_dir(testkit::source_dir() / "config/layouts");
  return lib;
}

struct Case {
  double px_per_mm, deg, tx, ty;
};

// Draws ks-2016 under a known transform, registers it, and compares every line box.
void check_registration(const Case& c, bool snap, int tol_px) {
  const LayoutTemplate& L = *library().find("ks-2016");
  Transform truth = testfix::similarity(L, c.px_per_mm, c.deg, c.tx, c.ty);
  int W = int(L.page_width_mm * 5), H = int(L.page_height_mm * 5);  // a 127-dpi page
  CleanPage page = testfix::blank_page(W, H, 7);
  auto words = testfix::draw_labels(page, L, truth);
  testfix::draw_leaders(page, L, truth);
  testfix::update_binary(page);
  testfix::PlacedWordsEngine ocr(page.gray.clone(), words);
  RegisterOptions opts;
  opts.anchors.text_px = 0;  // the placed-words engine reads full-resolution crops only
  opts.snap_to_leaders = snap;
  RegisteredPage r = register_page(page, library(), ocr, opts);
  ASSERT_EQ(r.layout_id, "ks-2016");
  EXPECT_GE(r.anchors_found, 3);
  // At most both form layouts' windows, each searched twice (page scale, then ink extent).
  EXPECT_LE(ocr.calls, 4 * opts.anchors.max_anchors);
  EXPECT_TRUE(std::find(r.issues.begin(), r.issues.end(), "layout-unsure") == r.issues.end());
  ASSERT_EQ(r.records.size(), 1u);
  int checked = 0;
  for (const auto& region : r.records[0].fields) {
    const FormField* f = L.find_field(region.key);
    ASSERT_NE(f, nullptr) << region.key;
    if (f->type == FieldType::Checkbox) continue;
    ASSERT_EQ(region.lines.size(), f->lines.size()) << region.key;
    ASSERT_EQ(region.line_images.size(), region.lines.size()) << region.key;
    for (size_t i = 0; i < f->lines.size(); ++i) {
      Box want = testfix::line_box(truth, *f, f->lines[i]);
      // Lines get 0.3 text heights of headroom for tall handwriting (form_regions).
      int extra = int(std::lround(0.3 * std::lround(L.text_height * std::abs(truth.m[4]))));
      want.y -= extra, want.h += extra;
      const Box& got = region.lines[i];
      EXPECT_NEAR(got.x, want.x, tol_px) << region.key << " line " << i;
      EXPECT_NEAR(got.y, want.y, tol_px) << region.key << " line " << i;
      EXPECT_NEAR(got.x + got.w, want.x + want.w, tol_px) << region.key << " line " << i;
      EXPECT_NEAR(got.y + got.h, want.y + want.h, tol_px) << region.key << " line " << i;
      ++checked;
    }
  }
  EXPECT_GT(checked, 30);
}

TEST(RegisterPage, RecoversShiftedPage) {
  check_registration({4.6, 0.0, 25, -18}, false, 3);
}

TEST(RegisterPage, RecoversScaledAndRotatedPage) {
  // The page is 5 px/mm: printings and scans differ by a few percent of scale and position.
  check_registration({4.85, 1.2, 40, 30}, false, 3);
  check_registration({5.12, -0.8, -20, 10}, false, 3);
}

TEST(RegisterPage, PageWithWideMarginsIsFoundFromItsInk) {
  // 20% smaller than the page scale and off-centre: labels fall outside the windows of the page-scale guess,
  // the ink's extent gives a guess close enough.
  check_registration({4.0, 0.3, 150, 200}, false, 3);
}

TEST(RegisterPage, LeaderSnappingKeepsLinesOnTheirLeaders) {
  // Snapping moves starts to the first dot (minus a quarter text height): a few pixels.
  check_registration({4.6, 0.5, 20, 12}, true, 5);
}

TEST(RegisterPage, UnknownPageHasNoLayoutAndNoRecords) {
  CleanPage page = testfix::blank_page(1000, 1400, 3);
  cv::putText(page.gray, "some other document", {100, 300}, cv::FONT_HERSHEY_SIMPLEX, 2, 0, 3);
  testfix::update_binary(page);
  testfix::PlacedWordsEngine ocr(page.gray.clone(), {{"Hello", 0.9, {100, 260, 200, 50}}});
  RegisteredPage r = register_page(page, library(), ocr);
  EXPECT_EQ(r.layout_id, "");
  EXPECT_TRUE(r.records.empty());
  EXPECT_NE(std::find(r.issues.begin(), r.issues.end(), "no-layout"), r.issues.end());
  // An empty page and a failing engine do not crash either.
  class Throwing : public OcrEngine {
   public:
    OcrResult recognize(const OcrRequest&) override { throw std::runtime_error("boom"); }
    std::string name() const override { return "throwing"; }
  } bad;
  RegisteredPage e = register_page(CleanPage{}, library(), bad);
  EXPECT_EQ(e.layout_id, "");
  RegisteredPage f = register_page(page, library(), bad);
  EXPECT_NE(std::find(f.issues.begin(), f.issues.end(), "anchor-ocr-failed"), f.issues.end());
}

TEST(RegisterPage, HintedLayoutWithoutAnchorsIsUnsureButMapped) {
  CleanPage page = testfix::blank_page(1000, 1435, 5);
  testfix::update_binary(page);
  page.source.ref.layout_hint = "ks-2006";
  testfix::PlacedWordsEngine ocr(page.gray.clone(), {});
  RegisteredPage r = register_page(page, library(), ocr);
  EXPECT_EQ(r.layout_id, "ks-2006");
  EXPECT_NE(std::find(r.issues.begin(), r.issues.end(), "layout-unsure"), r.issues.end());
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].fields.size(), library().find("ks-2006")->fields.size());
}

TEST(TransformFit, RejectsOutliersAndFitsAffine) {
  const LayoutTemplate& L = *library().find("ks-2016");
  Transform truth{{1000 * 1.01, 0, 12, 0, 1400 * 0.99, -7}};  // x and y scaled differently
  std::vector<PagePoint> from;
  std::vector<Point> to;
  for (const auto& a : L.all_anchors()) {
    from.push_back(a.at);
    to.push_back(truth.apply(a.at.x, a.at.y));
  }
  to[2].x += 80, to[5].y -= 60;  // two misread anchors
  FitResult fit = fit_transform(from, to, L.page_width_mm, L.page_height_mm, 15, 3);
  ASSERT_TRUE(fit.ok);
  EXPECT_TRUE(fit.affine);
  EXPECT_EQ(fit.inliers.size(), from.size() - 2);
  Point p = fit.transform.apply(0.9, 0.9), q = truth.apply(0.9, 0.9);
  EXPECT_NEAR(p.x, q.x, 0.5);
  EXPECT_NEAR(p.y, q.y, 0.5);
}

}  // namespace
}  // namespace ledger
