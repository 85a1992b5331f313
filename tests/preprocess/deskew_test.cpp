// Deskew golden test: generated pages turned by known angles (preprocess/deskew.hpp).
#include "preprocess/deskew.hpp"

#include <gtest/gtest.h>

#include "core/page.hpp"
#include "preprocess/preprocess.hpp"
#include "synthetic_page.hpp"

namespace ledger {
namespace {

class DeskewGolden : public ::testing::TestWithParam<double> {
 protected:
  static const cv::Mat& page() {
    static const cv::Mat p = testpage::form_page();
    return p;
  }
};

TEST_P(DeskewGolden, RecoversAngleWithinTwoTenthsOfADegree) {
  const double angle = GetParam();
  PageImage img;
  img.bgr = testpage::skewed(page(), angle);
  CleanPage clean = preprocess(std::move(img));
  EXPECT_EQ(clean.rotation, 0);
  EXPECT_NEAR(clean.skew_degrees, angle, 0.2);
  std::printf("skew %+.2f -> %+.3f\n", angle, clean.skew_degrees);
}

INSTANTIATE_TEST_SUITE_P(Angles, DeskewGolden,
                         ::testing::Values(-3.0, -1.7, -0.4, 0.0, 0.3, 1.6, 3.0));

TEST(Deskew, BlankPageHasNoSkew) {
  cv::Mat blank(400, 300, CV_8UC1, cv::Scalar(0));
  EXPECT_EQ(estimate_skew(blank, 5).degrees, 0);
}

TEST(Deskew, RuledLinesAlone) {
  // Only ruling: a ledger page without text still gives its angle.
  cv::Mat bin(1200, 900, CV_8UC1, cv::Scalar(0));
  for (int y = 100; y < 1100; y += 60) cv::line(bin, {50, y}, {850, y}, 255, 2);
  cv::Mat m = cv::getRotationMatrix2D({450, 600}, -1.7, 1.0), turned;
  cv::warpAffine(bin, turned, m, bin.size(), cv::INTER_NEAREST);
  EXPECT_NEAR(estimate_skew(turned, 5).degrees, -1.7, 0.1);
}

}  // namespace
}  // namespace ledger
