// Tests for line crops: dotted leaders and ruling whitened, writing kept.
#include "layout/leader_removal.hpp"

#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

namespace ledger {
namespace {

struct Drawn {
  CleanPage page;
  cv::Mat writing;  // where the handwriting-like strokes are
  cv::Mat printed;  // where dots and the rule are
};

// A 600x60 line: dots at y=44 every 8 px, a thin rule at y=52, and pen strokes on top.
Drawn draw_line() {
  Drawn d;
  d.page.gray = cv::Mat(60, 600, CV_8U, cv::Scalar(235));
  d.printed = cv::Mat::zeros(60, 600, CV_8U);
  d.writing = cv::Mat::zeros(60, 600, CV_8U);
  for (int x = 4; x < 596; x += 8) cv::circle(d.printed, {x, 44}, 1, 255, cv::FILLED);
  cv::line(d.printed, {0, 52}, {599, 52}, 255, 1);
  std::vector<cv::Point> stroke;
  for (int x = 60; x < 420; x += 12) stroke.push_back({x, 20 + ((x / 12) % 2) * 20});
  cv::polylines(d.writing, stroke, false, 255, 3);
  cv::ellipse(d.writing, {480, 30}, {25, 16}, 0, 0, 360, 255, 3);
  cv::line(d.writing, {520, 8}, {525, 50}, 255, 3);
  d.page.gray.setTo(40, d.printed);
  d.page.gray.setTo(30, d.writing);
  d.page.binary = d.page.gray < 128;
  d.page.pen_ink = d.writing.clone();
  return d;
}

TEST(LeaderRemoval, WhitensDotsAndRulesKeepsWriting) {
  Drawn d = draw_line();
  LeaderOptions opts;
  opts.text_height_px = 20;
  LineCrop c = cut_line(d.page, {0, 0, 600, 60}, opts);
  ASSERT_EQ(c.gray.cols, 600 + 2 * opts.border);
  ASSERT_EQ(c.gray.rows, 60 + 2 * opts.border);
  cv::Mat inner = c.gray(cv::Rect(opts.border, opts.border, 600, 60));
  // Printed pixels away from the writing are gone.
  cv::Mat near_writing;
  cv::dilate(d.writing, near_writing, cv::Mat(), {-1, -1}, 3);
  cv::Mat printed_only = d.printed & ~near_writing;
  cv::Mat dark = inner < 128;
  EXPECT_EQ(cv::countNonZero(dark & printed_only), 0);
  // Most of the writing stays (strokes crossing the rule lose only the crossing).
  double kept = double(cv::countNonZero(dark & d.writing)) / cv::countNonZero(d.writing);
  EXPECT_GT(kept, 0.95);
  // The border is white and the pen mask follows the crop.
  EXPECT_EQ(cv::countNonZero(c.gray.row(0) < 255), 0);
  ASSERT_EQ(c.pen.size(), c.gray.size());
  EXPECT_GT(cv::countNonZero(c.pen), 0);
}

TEST(LeaderRemoval, OffPageLineGivesWhiteImage) {
  Drawn d = draw_line();
  LineCrop c = cut_line(d.page, {900, 900, 50, 20});
  ASSERT_FALSE(c.gray.empty());
  EXPECT_EQ(cv::countNonZero(c.gray < 255), 0);
  FieldRegion r;
  r.lines = {{0, 0, 300, 60}, {300, 0, 300, 60}};
  fill_line_images(d.page, r);
  EXPECT_EQ(r.line_images.size(), 2u);
  EXPECT_EQ(r.line_pen.size(), 2u);
}

}  // namespace
}  // namespace ledger
