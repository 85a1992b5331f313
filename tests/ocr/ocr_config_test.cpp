// models/ocr.yaml loading: defaults when absent, the committed file parses, broken files name
// themselves.
#include "ocr/ocr_config.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <opencv2/imgproc.hpp>

#include "core/error.hpp"
#include "ocr/ink.hpp"
#include "testkit.hpp"

namespace ledger {
namespace {

TEST(OcrConfig, MissingFileGivesDefaults) {
  testkit::TempDir dir;
  OcrConfig c = load_ocr_config(dir / "none.yaml");
  EXPECT_EQ(c.lang, "vie");
  EXPECT_TRUE(c.tessdata.empty());
}

TEST(OcrConfig, CommittedFileLoads) {
  OcrConfig c = load_ocr_config(testkit::source_dir() / "models/ocr.yaml");
  EXPECT_FALSE(c.lang.empty());
}

TEST(OcrConfig, BrokenFileNamesItself) {
  testkit::TempDir dir;
  std::ofstream(dir / "ocr.yaml") << "lang: [unclosed\n";
  try {
    load_ocr_config(dir / "ocr.yaml");
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("ocr.yaml"), std::string::npos);
  }
}

TEST(Ink, MapBoxRotatesAndTranslates) {
  cv::Mat rot90 = (cv::Mat_<double>(2, 3) << 0, -1, 500, 1, 0, 0);  // (x,y) -> (500-y, x)
  Box b = map_box(Box{10, 20, 100, 40}, rot90);
  EXPECT_EQ(b, (Box{440, 10, 40, 100}));
  EXPECT_EQ(map_box(Box{1, 2, 3, 4}, cv::Mat()), (Box{1, 2, 3, 4}));
}

TEST(Ink, InnerRatioIgnoresTheFrame) {
  cv::Mat box(40, 40, CV_8UC1, cv::Scalar(255));
  cv::rectangle(box, cv::Rect(0, 0, 40, 40), cv::Scalar(0), 3);
  EXPECT_EQ(inner_ink_ratio(box, 0.2), 0.0);
  EXPECT_GT(measure_ink(box, cv::Mat()).ink_ratio, 0.1);
}

TEST(Ink, SlantOfShearedTextIsFound) {
  cv::Mat upright(80, 400, CV_8UC1, cv::Scalar(255));
  cv::putText(upright, "HIJKLMN 1147", {10, 60}, cv::FONT_HERSHEY_SIMPLEX, 1.5, cv::Scalar(0), 3);
  EXPECT_LE(std::abs(estimate_slant(upright)), 3.0);
  // Shear by 20 degrees: tops move right.
  double t = std::tan(20 * CV_PI / 180);
  cv::Mat shear = (cv::Mat_<double>(2, 3) << 1, -t, 40 * t, 0, 1, 0);
  cv::Mat slanted;
  cv::warpAffine(upright, slanted, shear, upright.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(255));
  EXPECT_NEAR(estimate_slant(slanted), 20.0, 4.0);
  EXPECT_EQ(estimate_slant(cv::Mat(20, 20, CV_8UC1, cv::Scalar(255))), 0.0);
}

}  // namespace
}  // namespace ledger
