// to_source maps clean pixels back to the stored image (preprocess/preprocess.hpp).
#include <gtest/gtest.h>

#include "core/page.hpp"
#include "preprocess/orientation.hpp"
#include "preprocess/preprocess.hpp"
#include "synthetic_page.hpp"

namespace ledger {
namespace {

// Centre of the green pixels (a marker no ink layer claims).
cv::Point2d green_centre(const cv::Mat& bgr) {
  cv::Mat mask;
  cv::inRange(bgr, cv::Scalar(0, 120, 0), cv::Scalar(110, 255, 110), mask);
  cv::Moments m = cv::moments(mask, true);
  return {m.m10 / m.m00, m.m01 / m.m00};
}

class ToSource : public ::testing::TestWithParam<std::tuple<int, double>> {};

TEST_P(ToSource, MarkerMapsBackToWhereItIsInTheSource) {
  auto [turn_cw, skew] = GetParam();
  cv::Mat page = testpage::form_page(1240, 1754);
  cv::Point marker{900, 1500};
  cv::circle(page, marker, 9, {40, 200, 40}, cv::FILLED);
  PageImage img;
  img.dpi = 150;
  img.bgr = rotate_quarter(testpage::skewed(page, skew), turn_cw);
  cv::Point2d in_source = green_centre(img.bgr);
  CleanPage clean = preprocess(std::move(img));
  ASSERT_EQ(clean.to_source.type(), CV_64F);
  ASSERT_EQ(clean.to_source.size(), cv::Size(3, 2));
  cv::Point2d in_clean = green_centre(clean.color);
  Point back = clean_to_source(clean, {in_clean.x, in_clean.y});
  EXPECT_NEAR(back.x, in_source.x, 1.5);
  EXPECT_NEAR(back.y, in_source.y, 1.5);
  // And the clean page put the marker back near where it was drawn upright.
  EXPECT_NEAR(in_clean.x, marker.x, 4);
  EXPECT_NEAR(in_clean.y, marker.y, 4);
}

INSTANTIATE_TEST_SUITE_P(Cases, ToSource,
                         ::testing::Values(std::make_tuple(0, 0.0), std::make_tuple(0, 2.0),
                                           std::make_tuple(90, -1.0), std::make_tuple(180, 0.5)));

}  // namespace
}  // namespace ledger
