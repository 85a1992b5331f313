// Orientation: generated pages turned by quarter turns come back upright
// (preprocess/orientation.hpp, preprocess/preprocess.hpp).
#include "preprocess/orientation.hpp"

#include <gtest/gtest.h>

#include "core/page.hpp"
#include "preprocess/preprocess.hpp"
#include "synthetic_page.hpp"

namespace ledger {
namespace {

const cv::Mat& upright() {
  static const cv::Mat p = testpage::form_page(1240, 1754);  // A4 at 150 dpi: faster, same cues
  return p;
}

// Mean absolute difference between two grey pages, shrunk (0 = same).
double page_difference(const cv::Mat& a, const cv::Mat& b) {
  cv::Mat ga, gb;
  cv::cvtColor(a, ga, cv::COLOR_BGR2GRAY);
  cv::cvtColor(b, gb, cv::COLOR_BGR2GRAY);
  cv::resize(ga, ga, {200, 283}, 0, 0, cv::INTER_AREA);
  cv::resize(gb, gb, {200, 283}, 0, 0, cv::INTER_AREA);
  return cv::mean(cv::abs(ga - gb))[0];
}

class Orientation : public ::testing::TestWithParam<std::tuple<int, double>> {};

TEST_P(Orientation, TurnedPageComesBackUpright) {
  auto [turn_cw, skew] = GetParam();
  PageImage img;
  img.dpi = 150;
  img.bgr = rotate_quarter(testpage::skewed(upright(), skew), turn_cw);
  CleanPage clean = preprocess(std::move(img));
  EXPECT_EQ(clean.rotation, (360 - turn_cw) % 360) << "page turned " << turn_cw;
  EXPECT_NEAR(clean.skew_degrees, skew, 0.2);
  ASSERT_EQ(clean.color.size(), upright().size());
  // Upright again: close to the original page, far from it turned by half a turn.
  double same = page_difference(clean.color, upright());
  double flipped = page_difference(rotate_quarter(clean.color, 180), upright());
  EXPECT_LT(same * 2, flipped) << same << " vs " << flipped;
}

INSTANTIATE_TEST_SUITE_P(Turns, Orientation,
                         ::testing::Combine(::testing::Values(0, 90, 180, 270),
                                            ::testing::Values(0.0, 1.5)));

TEST(OrientationCues, DirectCalls) {
  cv::Mat gray, bin;
  cv::cvtColor(upright(), gray, cv::COLOR_BGR2GRAY);
  cv::threshold(gray, bin, 128, 255, cv::THRESH_BINARY_INV);
  cv::Mat text = text_components(bin);
  EXPECT_FALSE(lines_run_vertically(text, 5));
  EXPECT_TRUE(lines_run_vertically(rotate_quarter(text, 90), 5));
  EXPECT_TRUE(lines_run_vertically(rotate_quarter(text, 270), 5));
  EXPECT_FALSE(looks_upside_down(text));
  EXPECT_TRUE(looks_upside_down(rotate_quarter(text, 180)));
}

TEST(OrientationCues, QuarterTurnMatrixMatchesRotate) {
  cv::Mat img(5, 8, CV_8UC1, cv::Scalar(0));
  img.at<uchar>(1, 6) = 255;  // (x=6, y=1)
  for (int deg : {0, 90, 180, 270}) {
    cv::Mat r = rotate_quarter(img, deg), m = quarter_turn_matrix(img.size(), deg);
    double x = m.at<double>(0, 0) * 6 + m.at<double>(0, 1) * 1 + m.at<double>(0, 2);
    double y = m.at<double>(1, 0) * 6 + m.at<double>(1, 1) * 1 + m.at<double>(1, 2);
    EXPECT_EQ(r.at<uchar>(int(y), int(x)), 255) << deg;
  }
}

TEST(OrientationCues, BlankPageStaysAsIs) {
  PageImage img;
  img.bgr = cv::Mat(600, 400, CV_8UC3, testpage::kPaper);
  CleanPage clean = preprocess(std::move(img));
  EXPECT_EQ(clean.rotation, 0);
  EXPECT_EQ(clean.skew_degrees, 0);
  EXPECT_EQ(cv::countNonZero(clean.binary), 0);
}

}  // namespace
}  // namespace ledger
