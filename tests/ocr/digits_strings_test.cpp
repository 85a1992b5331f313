// The synthetic digit strings of the benchmark: touching digits must touch, not overlap, or the
// ground truth asks for what no reader could see ("11" drawn as one thick bar).
#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include "ocr/digits_strings.hpp"

namespace {

// A pool with one drawn glyph per digit: a '1' is an upright bar, a '0' a ring.
std::vector<std::vector<cv::Mat>> bar_and_ring_pool() {
  std::vector<std::vector<cv::Mat>> pool(10);
  for (int d = 0; d < 10; ++d) {
    cv::Mat cell = cv::Mat::zeros(20, 20, CV_8U);
    if (d == 1) cv::line(cell, {10, 3}, {10, 16}, 255, 2);
    else cv::ellipse(cell, {10, 10}, {4, 7}, 0, 0, 360, 255, 2);
    pool[size_t(d)].push_back(cell);
  }
  return pool;
}

// Ink of a clean rendering (no scan degradation, no leader): its bounding box and component count.
struct Ink {
  cv::Rect box;
  int components = 0;
};

Ink ink_of(const std::string& text, double touch_rate) {
  ledger::StringStyle st;
  st.touch_rate = touch_rate;
  st.dotted_line = false;
  st.degrade = false;
  std::mt19937_64 rng(3);
  cv::Mat mask = ledger::render_digit_string(text, bar_and_ring_pool(), rng, st) < 160, labels;
  Ink ink;
  ink.box = cv::boundingRect(mask);
  ink.components = cv::connectedComponents(mask, labels) - 1;
  return ink;
}

TEST(DigitStrings, TouchingDigitsMeetWithoutCoveringEachOther) {
  for (const std::string pair : {"11", "10", "01"}) {
    const Ink apart = ink_of(pair, 0), touching = ink_of(pair, 1);
    const Ink one_a = ink_of(pair.substr(0, 1), 0), one_b = ink_of(pair.substr(1, 1), 0);
    EXPECT_EQ(apart.components, 2) << pair;
    EXPECT_EQ(touching.components, 1) << pair << ": touching digits are one blob of ink";
    // Side by side they span both widths less about the one shared column.
    EXPECT_GE(touching.box.width, one_a.box.width + one_b.box.width - 3) << pair;
    EXPECT_LE(touching.box.width, one_a.box.width + one_b.box.width) << pair;
  }
}

}  // namespace
