// Tests for the page canvas: the ink box returned for a string covers every pixel drawn, typed
// or with handwriting jitter, and is not much larger; Vietnamese diacritics are drawn (stacked
// marks reach above the capitals).
#include "synth/text_renderer.hpp"

#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

namespace ledger::synth {
namespace {

cv::Rect drawn_bounds(const cv::Mat& bgr) {
  cv::Mat gray, ink;
  cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
  cv::threshold(gray, ink, 250, 255, cv::THRESH_BINARY_INV);
  return cv::boundingRect(ink);
}

void expect_covers(const Box& box, const cv::Rect& ink, int max_margin) {
  ASSERT_GT(ink.area(), 0);
  EXPECT_LE(box.x, ink.x);
  EXPECT_LE(box.y, ink.y);
  EXPECT_GE(box.x + box.w, ink.x + ink.width);
  EXPECT_GE(box.y + box.h, ink.y + ink.height);
  EXPECT_LE(ink.x - box.x, max_margin);
  EXPECT_LE(ink.y - box.y, max_margin);
}

}  // namespace

TEST(TextRenderer, TypedInkBoxCoversTheInk) {
  Canvas c(900, 200);
  TextStyle st;
  st.family = "Liberation Serif";
  st.size_px = 48;
  const TextExtent e = c.draw_text("Nguyễn Thị Hương", 20, 120, st);
  expect_covers(e.ink, drawn_bounds(c.to_bgr()), 4);
  EXPECT_GT(e.advance, 200);
}

TEST(TextRenderer, HandwritingInkBoxCoversTheInk) {
  for (uint64_t seed : {1, 2, 3}) {
    Canvas c(1200, 300);
    TextStyle st;
    st.family = "TeX Gyre Chorus";
    st.size_px = 56;
    st.hand = true;
    st.shear = 0.2;
    st.drift_deg = 1.5;
    st.ink = Ink{0.1, 0.16, 0.54};
    Rng rng(seed);
    const TextExtent e = c.draw_text("ngày chín, tháng một, năm hai nghìn", 30, 180, st, &rng);
    expect_covers(e.ink, drawn_bounds(c.to_bgr()), 12);
  }
}

TEST(TextRenderer, DiacriticsStackAboveCapitals) {
  // "Ễ" carries a circumflex and a tilde above the cap height: its ink is taller than "E"'s.
  TextStyle st;
  st.family = "DejaVu Sans";
  st.size_px = 60;
  Canvas a(200, 200), b(200, 200);
  const Box plain = a.draw_text("E", 50, 150, st).ink;
  const Box marked = b.draw_text("Ễ", 50, 150, st).ink;
  EXPECT_GT(drawn_bounds(b.to_bgr()).height, drawn_bounds(a.to_bgr()).height + 8);
  EXPECT_LT(marked.y, plain.y);
}

TEST(TextRenderer, MeasureScalesWithSize) {
  Canvas c(10, 10);
  TextStyle st;
  st.size_px = 20;
  const double small = c.measure("Quảng Trị", st);
  st.size_px = 40;
  EXPECT_NEAR(c.measure("Quảng Trị", st), 2 * small, 0.5);
}

}  // namespace ledger::synth
