// Tests for form field regions: where a value's first line starts on its dotted leader.
#include "layout/form_regions.hpp"

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

#include "layout/layout_fixtures.hpp"

namespace ledger {
namespace {

// One label and its dotted line on a 1000 x 1435 page (5 px/mm): the template starts the line at
// x 270, its dots are printed from `first_dot` on, at row `row`.
struct LabelRow {
  LayoutTemplate layout;
  Transform t;
  CleanPage page = testfix::blank_page(1000, 1435, 3);
  int row = 0;
  int th = 0;

  explicit LabelRow(int first_dot) {
    layout.page_width_mm = 200, layout.page_height_mm = 287, layout.text_height = 0.01;
    FormField f;
    f.key = "meHoTen";
    f.type = FieldType::Name;
    f.label = "Họ, chữ đệm, tên mẹ:";
    f.at = {0.10, 0.30};
    f.lines = {PageRect{0.17, -0.006, 0.50, 0.021}};
    layout.fields = {f};
    t = testfix::similarity(layout, 5, 0, 0, 0);
    th = int(std::lround(layout.text_height * 1435));
    row = int(std::lround((0.30 - 0.006 + 0.021 - 0.003) * 1435));
    for (int x = first_dot; x < 770; x += 7) cv::circle(page.gray, {x, row}, 1, cv::Scalar(40), cv::FILLED);
  }
  // Printed label glyphs (black) from x0 to x1, standing on the row's baseline, a little above it.
  void print_label(int x0, int x1) {
    for (int x = x0; x + 6 <= x1; x += 9) cv::rectangle(page.gray, cv::Rect(x, row - th, 6, th - 2), cv::Scalar(30), cv::FILLED);
  }
  // Ink from x0 to x1 that reaches down across the row (a letter's tail or a dot below it).
  void ink_across_row(int x0, int x1, bool pen) {
    cv::Rect r(x0, row - th, x1 - x0, th + 3);
    cv::rectangle(page.gray, r, cv::Scalar(30), cv::FILLED);
    if (pen) cv::rectangle(page.pen_ink, r, cv::Scalar(255), cv::FILLED);
  }
  // A blue pen's writing further along the line (so the page has pen ink at all).
  void write_value_in_pen(int x0, int x1) {
    cv::Rect r(x0, row - 2 * th, x1 - x0, 2 * th - 3);
    cv::rectangle(page.gray, r, cv::Scalar(60), cv::FILLED);
    cv::rectangle(page.pen_ink, r, cv::Scalar(255), cv::FILLED);
  }
  int start() {
    testfix::update_binary(page);
    RecordRegions rec = form_regions(page, layout, t, {}, true);
    EXPECT_EQ(rec.fields.size(), 1u);
    EXPECT_EQ(rec.fields.at(0).lines.size(), 1u);
    return rec.fields.at(0).lines.at(0).x;
  }
};

TEST(FormRegions, TemplateStartIsWhereTheTemplateSaysWithoutALeaderNearby) {
  LabelRow page(/*first_dot=*/700);  // dots far from the start: nothing to snap to nearby
  page.print_label(100, 262);
  EXPECT_EQ(page.start(), 270);
}

TEST(FormRegions, ALineStartsAtItsFirstDotAfterALabelPrintedWider) {
  // The label runs past the template's start, and its last glyph reaches the dots' row (the
  // nặng dot of `mẹ:`); the value is written in blue further on.
  LabelRow page(/*first_dot=*/310);
  page.print_label(100, 290);
  page.ink_across_row(291, 300, /*pen=*/false);
  page.write_value_in_pen(330, 480);
  EXPECT_NEAR(page.start(), 310 - page.th / 4, 1);
}

TEST(FormRegions, WritingThatHidesTheFirstDotsKeepsTheTemplateStart) {
  // The label ends before the template's start; the writer began on the first dots, so the
  // first dot seen is not where the line starts.
  for (bool blue : {true, false}) {
    LabelRow page(/*first_dot=*/310);
    page.print_label(100, 262);
    page.ink_across_row(272, 302, /*pen=*/blue);
    if (blue) page.write_value_in_pen(320, 480);
    EXPECT_EQ(page.start(), 270) << (blue ? "blue pen" : "black pen");
  }
}

TEST(FormRegions, WithoutAPenMaskInkOnTheRowCountsAsWriting) {
  // A black pen leaves no pen mask: a label's glyph on the row cannot be told from writing, and
  // the line keeps the template's start (the safe side: a crop a little too long).
  LabelRow page(/*first_dot=*/310);
  page.print_label(100, 290);
  page.ink_across_row(291, 300, /*pen=*/false);
  EXPECT_EQ(page.start(), 270);
}

}  // namespace
}  // namespace ledger
