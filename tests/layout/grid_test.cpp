// Tests for ruling detection and table registration on generated and real ruled registers.
#include "layout/grid_detect.hpp"

#include <gtest/gtest.h>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "layout/layout_fixtures.hpp"
#include "layout/register_page.hpp"
#include "layout/table_regions.hpp"
#include "testkit.hpp"

namespace ledger {
namespace {

const LayoutLibrary& library() {
  static LayoutLibrary lib = LayoutLibrary::load_dir(testkit::source_dir() / "config/layouts");
  return lib;
}

// Handwriting-like scribble: a few joined arcs inside `b`.
void scribble(cv::Mat& gray, const cv::Rect& b, cv::RNG& rng) {
  std::vector<cv::Point> pts;
  for (int i = 0; i < 8; ++i)
    pts.push_back({b.x + b.width * i / 8 + rng.uniform(0, 4), b.y + rng.uniform(b.height / 4, b.height * 3 / 4)});
  cv::polylines(gray, pts, false, cv::Scalar(30), 2, cv::LINE_AA);
}

struct RuledTable {
  CleanPage page;
  std::vector<int> xs, ys;       // rule positions (ys[0] top, ys[1] header bottom, ...)
  std::vector<int> inked_rows;   // body row indices holding writing
};

// A ks-ledger page: region and columns from the template, shifted a little, 10 ruled rows.
RuledTable ruled_table(int W, int H, double shift_x, double shift_y) {
  const LayoutTemplate& L = *library().find("ks-ledger");
  RuledTable t;
  t.page = testfix::blank_page(W, H, 11);
  const auto& R = L.table.region;
  double x0 = (R.x + shift_x) * W, y0 = (R.y + shift_y) * H, w = R.w * W, h = R.h * H;
  for (const auto& c : L.column_rects()) t.xs.push_back(int(x0 + (c.x - R.x) * W));
  t.xs.push_back(int(x0 + w));
  int header = int(L.table.header_height * H);
  t.ys = {int(y0), int(y0) + header};
  for (int r = 1; r <= 10; ++r) t.ys.push_back(int(y0 + header + (h - header) * r / 10));
  for (int x : t.xs) cv::line(t.page.gray, {x, t.ys.front()}, {x, t.ys.back()}, cv::Scalar(20), 2);
  for (int y : t.ys) cv::line(t.page.gray, {t.xs.front(), y}, {t.xs.back(), y}, cv::Scalar(20), 2);
  cv::RNG rng(5);
  t.inked_rows = {0, 1, 2, 4, 7};
  for (int r : t.inked_rows)
    for (size_t c = 0; c + 1 < t.xs.size(); c += 2) {
      int top = t.ys[size_t(r) + 1], bottom = t.ys[size_t(r) + 2];
      scribble(t.page.gray, {t.xs[c] + 6, top + 8, t.xs[c + 1] - t.xs[c] - 12, (bottom - top) / 2 - 8}, rng);
    }
  testfix::update_binary(t.page);
  return t;
}

TEST(Grid, FindsEveryRuleOfAGeneratedTable) {
  RuledTable t = ruled_table(1400, 990, 0.01, -0.015);
  Grid g = detect_grid(t.page.binary);
  ASSERT_EQ(g.vertical.size(), t.xs.size());
  ASSERT_EQ(g.horizontal.size(), t.ys.size());
  for (size_t i = 0; i < t.xs.size(); ++i) EXPECT_NEAR(g.vertical[i].pos, t.xs[i], 2);
  for (size_t i = 0; i < t.ys.size(); ++i) EXPECT_NEAR(g.horizontal[i].pos, t.ys[i], 2);
}

TEST(Grid, TableRegistrationFindsEveryCellOfInkedRows) {
  RuledTable t = ruled_table(1400, 990, -0.01, 0.01);
  testfix::PlacedWordsEngine ocr(t.page.gray.clone(), {});
  RegisteredPage r = register_page(t.page, library(), ocr);  // no hint: chosen by its ruling
  ASSERT_EQ(r.layout_id, "ks-ledger");
  ASSERT_EQ(r.records.size(), t.inked_rows.size());
  const LayoutTemplate& L = *library().find("ks-ledger");
  for (size_t k = 0; k < r.records.size(); ++k) {
    int row = t.inked_rows[k];
    const auto& rec = r.records[k];
    ASSERT_EQ(rec.fields.size(), L.table.columns.size());
    for (size_t c = 0; c < rec.fields.size(); ++c) {
      Box cell{t.xs[c], t.ys[size_t(row) + 1], t.xs[c + 1] - t.xs[c], t.ys[size_t(row) + 2] - t.ys[size_t(row) + 1]};
      Box got;
      for (const auto& l : rec.fields[c].lines) got = unite(got, l);
      EXPECT_GE(iou(got, cell), 0.8) << "row " << row << " column " << c;
      EXPECT_EQ(rec.fields[c].key, L.table.columns[c].key);
      EXPECT_LE(rec.fields[c].lines.size(), size_t(L.table.lines_per_row));
      EXPECT_EQ(rec.fields[c].line_images.size(), rec.fields[c].lines.size());
    }
  }
}

TEST(Grid, FormPageHasNoGrid) {
  CleanPage p = testfix::blank_page(1000, 1400, 2);
  cv::putText(p.gray, "Ho va ten: ..........", {100, 200}, cv::FONT_HERSHEY_SIMPLEX, 1, 0, 2);
  testfix::update_binary(p);
  EXPECT_FALSE(detect_grid(p.binary).found());
}

// Real ruled registers (Paris notaries, shared/data): printed column rules, handwritten rows
// without row rules. Not our layout: only that a grid with rows and columns is found.
TEST(Grid, RealRuledRegistersGiveRowsAndColumns) {
  auto dir = testkit::shared_dir() / "data/real-scans/lectaurep-registers";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << dir << " absent";
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
    if (e.path().extension() == ".jpg") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  ASSERT_FALSE(files.empty());
  // Every other file keeps the test short; both collections are sampled.
  int tried = 0;
  for (size_t i = 0; i < files.size(); i += 2) {
    cv::Mat img = cv::imread(files[i].string(), cv::IMREAD_GRAYSCALE);
    ASSERT_FALSE(img.empty()) << files[i];
    // Half resolution (~150 dpi) is plenty for ruling and keeps the test fast.
    cv::resize(img, img, {}, 0.5, 0.5, cv::INTER_AREA);
    CleanPage page;
    page.gray = img;
    cv::adaptiveThreshold(img, page.binary, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY_INV, 31, 15);
    page.source.ref.layout_hint = "ks-ledger";
    testfix::PlacedWordsEngine ocr(cv::Mat(8, 8, CV_8U, cv::Scalar(255)), {});
    RegisteredPage r = register_page(page, library(), ocr);
    Grid g = detect_grid(page.binary);
    EXPECT_GE(g.vertical.size(), 4u) << files[i];
    EXPECT_GE(r.records.size(), 3u) << files[i];
    EXPECT_EQ(r.layout_id, "ks-ledger");
    ++tried;
  }
  EXPECT_GT(tried, 3);
}

}  // namespace
}  // namespace ledger
