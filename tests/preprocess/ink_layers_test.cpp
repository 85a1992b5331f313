// Ink separation and the clean page's layers (preprocess/ink_layers.hpp, preprocess.hpp).
#include "preprocess/ink_layers.hpp"

#include <gtest/gtest.h>

#include "core/page.hpp"
#include "preprocess/preprocess.hpp"
#include "synthetic_page.hpp"

namespace ledger {
namespace {

struct Sheet {
  cv::Mat bgr{600, 900, CV_8UC3, testpage::kPaper};
  cv::Rect blue{60, 60, 300, 40}, violet{60, 160, 300, 40}, black{60, 260, 300, 40},
      faint_blue{60, 360, 300, 40};
  cv::Point disc{650, 300};
  int radius = 120;
  Sheet() {
    for (int y = blue.y; y < blue.y + blue.height; y += 8)  // pen strokes
      cv::line(bgr, {blue.x, y}, {blue.x + blue.width, y + 4}, testpage::kPen, 3);
    for (int y = violet.y; y < violet.y + violet.height; y += 8)
      cv::line(bgr, {violet.x, y}, {violet.x + violet.width, y + 4}, {150, 40, 110}, 3);
    for (int y = faint_blue.y; y < faint_blue.y + faint_blue.height; y += 8)
      cv::line(bgr, {faint_blue.x, y}, {faint_blue.x + faint_blue.width, y + 4}, {215, 160, 130}, 3);
    cv::putText(bgr, "Ho va ten:", {black.x, black.y + 34}, cv::FONT_HERSHEY_SIMPLEX, 1.2,
                testpage::kPrint, 3);
    cv::circle(bgr, disc, radius, testpage::kSeal, cv::FILLED);
  }
};

double share(const cv::Mat& mask, const cv::Mat& where) {
  int n = cv::countNonZero(where);
  cv::Mat both;
  cv::bitwise_and(mask, where, both);
  return n ? double(cv::countNonZero(both)) / n : 0;
}

TEST(InkLayers, PenSealAndPrintSeparate) {
  Sheet s;
  InkLayers inks = separate_inks(s.bgr, PreprocessOptions{});
  cv::Mat gray;
  cv::cvtColor(s.bgr, gray, cv::COLOR_BGR2GRAY);
  cv::Mat ink = gray < 200;  // every drawn stroke

  auto in_rect = [&](cv::Rect r) {
    cv::Mat m = cv::Mat::zeros(s.bgr.size(), CV_8UC1);
    m(r).setTo(255);
    cv::Mat out;
    cv::bitwise_and(m, ink, out);
    return out;
  };
  EXPECT_GT(share(inks.pen, in_rect(s.blue)), 0.9);
  EXPECT_GT(share(inks.pen, in_rect(s.violet)), 0.9);
  EXPECT_EQ(share(inks.seal, in_rect(s.blue)), 0);
  EXPECT_EQ(share(inks.pen, in_rect(s.black)), 0);
  EXPECT_EQ(share(inks.seal, in_rect(s.black)), 0);

  cv::Mat disc = cv::Mat::zeros(s.bgr.size(), CV_8UC1);
  cv::circle(disc, s.disc, s.radius - 3, 255, cv::FILLED);
  EXPECT_GT(share(inks.seal, disc), 0.99);
  EXPECT_EQ(share(inks.pen, disc), 0);

  // Paper (yellowed) is in neither layer.
  cv::Mat paper = cv::Mat::zeros(s.bgr.size(), CV_8UC1);
  paper(cv::Rect(420, 20, 60, 500)).setTo(255);
  EXPECT_EQ(share(inks.pen, paper) + share(inks.seal, paper), 0);
}

TEST(InkLayers, SealIsRemovedFromBinaryButPenStays) {
  Sheet s;
  PageImage img;
  img.bgr = s.bgr;
  PreprocessOptions opts;  // geometry is tested elsewhere; this sheet's strokes slope on purpose
  opts.deskew = false;
  opts.fix_orientation = false;
  CleanPage clean = preprocess(std::move(img), opts);
  ASSERT_EQ(clean.skew_degrees, 0);
  cv::Mat disc = cv::Mat::zeros(s.bgr.size(), CV_8UC1);
  cv::circle(disc, s.disc, s.radius, 255, cv::FILLED);
  EXPECT_LT(share(clean.binary, disc), 0.01);
  EXPECT_GT(share(clean.seal, disc), 0.95);
  cv::Mat blue = cv::Mat::zeros(s.bgr.size(), CV_8UC1);
  blue(s.blue).setTo(255);
  cv::Mat pen_in_binary;
  cv::bitwise_and(clean.pen_ink, clean.binary, pen_in_binary);
  EXPECT_GT(cv::countNonZero(pen_in_binary), 0.5 * cv::countNonZero(clean.pen_ink));
  // Faint blue ballpoint is still ink after flattening and Sauvola.
  cv::Mat faint = cv::Mat::zeros(s.bgr.size(), CV_8UC1);
  faint(s.faint_blue).setTo(255);
  EXPECT_GT(share(clean.binary, faint), 0.15);
  // Black print is ink in binary.
  cv::Mat black = cv::Mat::zeros(s.bgr.size(), CV_8UC1);
  black(s.black).setTo(255);
  EXPECT_GT(share(clean.binary, black), 0.1);
  // Gray is flattened: the yellowed paper becomes (near) white.
  EXPECT_GT(clean.gray.at<uchar>(20, 450), 245);
}

TEST(InkLayers, PrintUnderASealStaysText) {
  // A stamp printed over text multiplies colours: black print under red ink reads dark red.
  cv::Mat page(300, 600, CV_8UC3, testpage::kPaper);
  cv::putText(page, "Dang ky ngay 11", {40, 170}, cv::FONT_HERSHEY_SIMPLEX, 1.4, testpage::kPrint, 4);
  cv::Mat print_mask;
  cv::inRange(page, cv::Scalar::all(0), cv::Scalar::all(120), print_mask);
  cv::Mat stamp(page.size(), CV_8UC3, cv::Scalar::all(255));
  cv::circle(stamp, {300, 150}, 140, testpage::kSeal, cv::FILLED);
  cv::multiply(page, stamp, page, 1.0 / 255);
  PageImage img;
  img.bgr = page;
  PreprocessOptions opts;
  opts.deskew = opts.fix_orientation = false;
  CleanPage clean = preprocess(std::move(img), opts);
  EXPECT_LT(share(clean.seal, print_mask), 0.05);     // the print is not seal
  EXPECT_GT(share(clean.binary, print_mask), 0.8);    // and is still ink
  cv::Mat paper_in_disc = cv::Mat::zeros(page.size(), CV_8UC1);
  cv::circle(paper_in_disc, {300, 150}, 130, 255, cv::FILLED);
  paper_in_disc.setTo(0, print_mask);
  cv::dilate(print_mask, print_mask, cv::Mat(), {-1, -1}, 3);
  paper_in_disc.setTo(0, print_mask);
  EXPECT_GT(share(clean.seal, paper_in_disc), 0.95);  // the stamp itself is seal
  EXPECT_LT(share(clean.binary, paper_in_disc), 0.01);
}

}  // namespace
}  // namespace ledger
