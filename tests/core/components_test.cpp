// Tests for ink components picked by the marked pixels they hold: a stroke is kept whole from
// a few marked pixels, a component holding too few is dropped, and the thresholds count.
#include "core/components.hpp"

#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

namespace ledger {
namespace {

TEST(Components, AComponentHoldingEnoughMarkedPixelsIsKeptWhole) {
  cv::Mat binary = cv::Mat::zeros(40, 100, CV_8U), marked = cv::Mat::zeros(40, 100, CV_8U);
  cv::rectangle(binary, cv::Rect(10, 10, 10, 20), cv::Scalar(255), cv::FILLED);  // 200 px: a pen stroke
  cv::rectangle(binary, cv::Rect(50, 10, 10, 20), cv::Scalar(255), cv::FILLED);  // 200 px: print
  cv::rectangle(marked, cv::Rect(12, 12, 5, 4), cv::Scalar(255), cv::FILLED);    // 20 of the stroke's
  marked.at<uchar>(15, 55) = 255;                                                // 1 of the print's
  const cv::Mat kept = components_holding(binary, marked, 0.05, 2);
  EXPECT_EQ(cv::countNonZero(kept(cv::Rect(10, 10, 10, 20))), 200) << "the whole stroke, not its 20 marked pixels";
  EXPECT_EQ(cv::countNonZero(kept(cv::Rect(50, 10, 10, 20))), 0);
  EXPECT_EQ(cv::countNonZero(kept), 200);
}

TEST(Components, TheShareAndTheLeastCountBothBind) {
  cv::Mat binary = cv::Mat::zeros(40, 100, CV_8U), marked = cv::Mat::zeros(40, 100, CV_8U);
  cv::rectangle(binary, cv::Rect(10, 10, 10, 20), cv::Scalar(255), cv::FILLED);  // 200 px
  cv::rectangle(marked, cv::Rect(10, 10, 10, 3), cv::Scalar(255), cv::FILLED);   // 30 marked: 15%
  EXPECT_EQ(cv::countNonZero(components_holding(binary, marked, 0.1)), 200);
  EXPECT_EQ(cv::countNonZero(components_holding(binary, marked, 0.3)), 0) << "15% < 30%";
  EXPECT_EQ(cv::countNonZero(components_holding(binary, marked, 0.1, 31)), 0) << "30 < 31 marked pixels";
  EXPECT_EQ(cv::countNonZero(components_holding(binary, cv::Mat::zeros(40, 100, CV_8U), 0)), 200)
      << "share 0 keeps every component";
  EXPECT_EQ(cv::countNonZero(components_holding(cv::Mat::zeros(40, 100, CV_8U), marked, 0)), 0)
      << "the paper is never kept";
}

TEST(Components, TheMaskHoldsEachPixelsComponentsEntry) {
  cv::Mat labels = (cv::Mat_<int>(2, 3) << 0, 1, 1, 2, 2, 0);
  const cv::Mat mask = components_mask(labels, {0, 255, 0});
  EXPECT_EQ(mask.type(), CV_8U);
  EXPECT_EQ(cv::countNonZero(mask), 2);
  EXPECT_EQ(mask.at<uchar>(0, 1), 255);
  EXPECT_EQ(mask.at<uchar>(1, 0), 0);
}

}  // namespace
}  // namespace ledger
