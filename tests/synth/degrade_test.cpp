// Tests for the scan effects: the recorded homography says where the ink went, boxes mapped
// through it stay inside the image, and the effects are deterministic for a seed.
#include "synth/degrade.hpp"

#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

namespace ledger::synth {

TEST(Degrade, HomographyTracksTheInk) {
  for (uint64_t seed : {1, 5, 9}) {
    cv::Mat page(800, 600, CV_8UC3, cv::Scalar::all(255));
    const Box square{400, 600, 40, 30};
    cv::rectangle(page, cv::Rect(square.x, square.y, square.w, square.h), cv::Scalar::all(0), cv::FILLED);
    Rng rng(seed);
    DegradeOptions o;
    o.bleed_probability = 0;  // only the square's own ink
    const Degraded d = degrade(page, 150, rng, o);
    ASSERT_EQ(d.bgr.size(), page.size());
    const Box mapped = transform_box(square, d.H, d.bgr.cols, d.bgr.rows);
    ASSERT_FALSE(mapped.empty());
    cv::Mat gray, ink;
    cv::cvtColor(d.bgr, gray, cv::COLOR_BGR2GRAY);
    cv::threshold(gray, ink, 80, 255, cv::THRESH_BINARY_INV);
    // ignore a dark scanner bed around the page
    cv::Mat inside = cv::Mat::zeros(ink.size(), CV_8U);
    std::vector<cv::Point> corners;
    for (auto [x, y] : {std::pair{0, 0}, {600, 0}, {600, 800}, {0, 800}}) {
      const cv::Vec3d p = d.H * cv::Vec3d(x, y, 1);
      corners.emplace_back(int(p[0] / p[2]), int(p[1] / p[2]));
    }
    cv::fillConvexPoly(inside, corners, cv::Scalar(255));
    cv::erode(inside, inside, cv::Mat(), cv::Point(-1, -1), 6);
    ink &= inside;
    const cv::Rect found = cv::boundingRect(ink);
    ASSERT_GT(found.area(), 0);
    EXPECT_GE(found.x, mapped.x - 2);
    EXPECT_GE(found.y, mapped.y - 2);
    EXPECT_LE(found.x + found.width, mapped.x + mapped.w + 2);
    EXPECT_LE(found.y + found.height, mapped.y + mapped.h + 2);
  }
}

TEST(Degrade, SameSeedSamePixels) {
  cv::Mat page(300, 200, CV_8UC3, cv::Scalar::all(255));
  cv::putText(page, "So 01", {20, 150}, cv::FONT_HERSHEY_SIMPLEX, 1.5, cv::Scalar::all(0), 3);
  Rng a(3), b(3), c(4);
  const cv::Mat x = degrade(page, 200, a).bgr, y = degrade(page, 200, b).bgr, z = degrade(page, 200, c).bgr;
  EXPECT_EQ(cv::norm(x, y, cv::NORM_INF), 0);
  EXPECT_GT(cv::norm(x, z, cv::NORM_INF), 0);
}

TEST(Degrade, TransformBoxClipsToTheImage) {
  const cv::Matx33d shift(1, 0, -50, 0, 1, -50, 0, 0, 1);
  const Box b = transform_box({20, 20, 100, 100}, shift, 60, 60);
  EXPECT_EQ(b.x, 0);
  EXPECT_EQ(b.y, 0);
  EXPECT_LE(b.x + b.w, 60);
  EXPECT_LE(b.y + b.h, 60);
  EXPECT_TRUE(transform_box({0, 0, 10, 10}, shift, 60, 60).empty());
  EXPECT_EQ(transform_box({10, 10, 5, 5}, cv::Matx33d::eye(), 60, 60), (Box{9, 9, 7, 7}));
}

}  // namespace ledger::synth
