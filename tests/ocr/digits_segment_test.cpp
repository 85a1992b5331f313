// Segmentation of handwritten digit strings: touching digits split, separators kept, leader
// dots dropped.
#include <gtest/gtest.h>

#include <filesystem>
#include <opencv2/imgproc.hpp>

#include "ocr/digits_segment.hpp"
#include "ocr/digits_strings.hpp"

namespace {

using ledger::GlyphKind;

// The pattern of a segmentation: 'd' per digit, the separator character otherwise.
std::string pattern(const ledger::DigitSegmentation& s) {
  std::string p;
  for (const auto& g : s.glyphs) p += g.kind == GlyphKind::Digit ? 'd' : g.separator();
  return p;
}

std::string pattern_of(const std::string& text) {
  std::string p;
  for (char c : text) p += (c >= '0' && c <= '9') ? 'd' : c;
  return p;
}

std::vector<std::vector<cv::Mat>> heldout_pool() {
  if (!std::filesystem::exists(ledger::kDefaultDigitsPng)) return {};
  std::vector<ledger::DigitSample> held;
  for (auto& s : ledger::load_digits_png(ledger::kDefaultDigitsPng))
    if (ledger::is_heldout(s)) held.push_back(s);
  return ledger::digit_pool(held);
}

TEST(DigitsSegment, TwoTouchingRingsAreSplit) {
  cv::Mat img(80, 160, CV_8U, cv::Scalar(240));
  cv::ellipse(img, {50, 40}, {15, 24}, 0, 0, 360, 20, 4);
  cv::ellipse(img, {80, 40}, {15, 24}, 0, 0, 360, 20, 4);  // touches the first
  auto s = ledger::segment_digits(img);
  EXPECT_EQ(pattern(s), "dd");
}

// A scorer that likes every piece alike: the cuttings' priors alone decide.
double every_piece_alike(const cv::Mat&) { return 0.0; }

// A written "10": a "1" stroke at x 40 and, touching it, a "0" ring centred at `ring_x` with a
// half-width `ring_rx`.
ledger::DigitSegmentation one_touching_a_ring(int ring_x, int ring_rx) {
  cv::Mat img(80, 160, CV_8U, cv::Scalar(240));
  cv::line(img, {40, 15}, {40, 64}, 20, 3);
  cv::ellipse(img, {ring_x, 40}, {ring_rx, 24}, 0, 0, 360, 20, 3);
  return ledger::segment_digits(img, {}, every_piece_alike);
}

// A '1' touching a ring at the top (a written "10"): hardly wider than one digit, so the
// width alone says one glyph; the straight stroke makes the cutting in two a real contender,
// cut beside the stroke rather than through the ring.
TEST(DigitsSegment, TouchingOneGetsALikelyCutting) {
  auto s = one_touching_a_ring(56, 12);  // a narrow "0"
  ASSERT_FALSE(s.glyphs.empty());
  // The cutting beside the stroke: its first piece the stroke (and where it touches), not the
  // ring, and likelier than the 0.05 of the even cutting's guess.
  bool found = false;
  for (const auto& [w, pieces] : s.glyphs.front().splits)
    if (pieces.size() == 2 && pieces[0].cols <= 12 && w >= 0.08) found = true;
  EXPECT_TRUE(found);
  // A single ring of that width gets no such contender.
  cv::Mat ring(80, 160, CV_8U, cv::Scalar(240));
  cv::ellipse(ring, {50, 40}, {16, 24}, 0, 0, 360, 20, 3);
  auto r = ledger::segment_digits(ring, {}, every_piece_alike);
  ASSERT_FALSE(r.glyphs.empty());
  for (const auto& [w, pieces] : r.glyphs.front().splits)
    if (pieces.size() == 2) EXPECT_LT(w, 0.08);
}

// The same with a wide ring: the component is wide enough for two digits, and the even cut
// would fall through the ring ("10" read "8 3"); the cut beside the stroke is offered too.
TEST(DigitsSegment, OneTouchingAWideDigitIsCutBesideItsStem) {
  auto s = one_touching_a_ring(62, 20);  // a wide "0"
  ASSERT_FALSE(s.glyphs.empty());
  ASSERT_GT(s.glyphs.front().box.w, 0.8 * s.text_height) << "the wide path, not the narrow one";
  bool beside = false;
  for (const auto& [w, pieces] : s.glyphs.front().splits)
    if (pieces.size() == 2 && pieces[0].cols <= 12 && w >= 0.2) beside = true;
  EXPECT_TRUE(beside);
}

TEST(DigitsSegment, HandDrawnSeparatorsKept) {
  cv::Mat img(80, 300, CV_8U, cv::Scalar(240));
  cv::line(img, {20, 15}, {20, 62}, 20, 4);            // a "1"
  cv::line(img, {45, 64}, {68, 14}, 20, 4);            // '/'
  cv::line(img, {90, 15}, {90, 62}, 20, 4);            // "1"
  cv::line(img, {110, 40}, {132, 40}, 20, 4);          // '-'
  cv::line(img, {150, 15}, {150, 62}, 20, 4);          // "1"
  cv::circle(img, {168, 59}, 4, 20, cv::FILLED);       // '.'
  cv::line(img, {185, 15}, {185, 62}, 20, 4);          // "1"
  auto s = ledger::segment_digits(img);
  EXPECT_EQ(pattern(s), "d/d-d.d");
}

TEST(DigitsSegment, DottedLeaderAloneIsNothing) {
  cv::Mat img(60, 400, CV_8U, cv::Scalar(240));
  for (int x = 5; x < 400; x += 9) cv::circle(img, {x, 45}, 1, 60, cv::FILLED);
  auto s = ledger::segment_digits(img);
  EXPECT_TRUE(s.glyphs.empty()) << pattern(s);
}

TEST(DigitsSegment, LeaderDotsDroppedUnderDigits) {
  cv::Mat img(80, 400, CV_8U, cv::Scalar(240));
  for (int x = 5; x < 400; x += 11) cv::circle(img, {x, 67}, 2, 60, cv::FILLED);
  cv::line(img, {100, 15}, {100, 62}, 20, 4);
  cv::ellipse(img, {140, 38}, {14, 23}, 0, 0, 360, 20, 4);
  auto s = ledger::segment_digits(img);
  EXPECT_EQ(pattern(s), "dd");
  EXPECT_GE(s.leader_dots, 20);  // 37 dots, some touch the digits
}

TEST(DigitsSegment, SyntheticStringsKeepTheirShape) {
  auto pool = heldout_pool();
  if (pool.empty()) GTEST_SKIP() << "opencv-doc digits.png not installed";
  std::mt19937_64 rng(3);
  // No '1' here: a slanted 1 and '/' are told apart by the decoder (digits_reader_test).
  const std::vector<std::string> texts = {"26/8/2008", "04-03-2027", "3.12.2009", "52/2007", "245"};
  int ok = 0, n = 0;
  for (int rep = 0; rep < 8; ++rep)
    for (const auto& t : texts) {
      ledger::StringStyle st;
      st.touch_rate = 0;  // separated digits: the pattern must come out exactly
      cv::Mat img = ledger::render_digit_string(t, pool, rng, st);
      auto s = ledger::segment_digits(img);
      ok += pattern(s) == pattern_of(t);
      ++n;
    }
  EXPECT_GE(ok, n * 8 / 10) << ok << " of " << n;  // 35 of 40 when written
}

TEST(DigitsSegment, SyntheticTouchingDigitsAreSplit) {
  auto pool = heldout_pool();
  if (pool.empty()) GTEST_SKIP() << "opencv-doc digits.png not installed";
  std::mt19937_64 rng(5);
  int ok = 0, n = 0;
  for (int rep = 0; rep < 30; ++rep) {
    ledger::StringStyle st;
    st.touch_rate = 1.0;  // every neighbour touches
    st.degrade = false;
    std::string t = std::to_string(20 + rep * 3);
    if (t.find('1') != std::string::npos) continue;
    cv::Mat img = ledger::render_digit_string(t, pool, rng, st);
    ok += pattern(ledger::segment_digits(img)) == pattern_of(t);
    ++n;
  }
  EXPECT_GE(ok, n * 3 / 4) << ok << " of " << n;
}

}  // namespace
