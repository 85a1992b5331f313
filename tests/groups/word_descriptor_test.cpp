// The word-image descriptor: the same word written twice by one hand is close, different words
// are far, including near misses of the same length, under the grouping threshold in use.
#include <gtest/gtest.h>

#include "groups/group_fields.hpp"
#include <opencv2/imgproc.hpp>

#include "hand_book.hpp"

namespace ledger::groups {
namespace {

const double kThreshold = GroupingOptions{}.threshold;

TEST(WordDescriptor, SameWordSameHandIsClose) {
  for (const char* word : {"Nam", "Nữ", "Kinh", "Việt Nam", "Cha", "Mẹ"}) {
    auto a = test::written(word, 1), b = test::written(word, 2), c = test::written(word, 3, 30);
    ASSERT_FALSE(a.empty()) << word;
    EXPECT_LT(word_distance(a, b), kThreshold) << word;
    EXPECT_LT(word_distance(a, c), kThreshold) << word << " (written smaller)";
    EXPECT_DOUBLE_EQ(word_distance(a, b), word_distance(b, a));
  }
}

TEST(WordDescriptor, NamAndNuAreFar) {
  for (uint64_t s = 1; s <= 4; ++s)
    EXPECT_GT(word_distance(test::written("Nam", s), test::written("Nữ", s + 10)), kThreshold);
}

TEST(WordDescriptor, NearMissesOfTheSameLengthAreFar) {
  // Same letter count, one or two letters apart: the worst block decides, not the average.
  const std::pair<const char*, const char*> pairs[] = {
      {"Nam", "Nữa"}, {"Cha", "Chú"}, {"Thôn 1", "Thôn 2"}, {"Nguyễn Văn An", "Nguyễn Văn Ân"},
      {"Kinh", "Kinh Mường"}, {"Hà Nội", "Hà Tĩnh"}};
  // Known limit: a tone mark alone on a short word ("Hoa" / "Hoà") measures about 0.37, inside
  // the threshold; bench/grouping_bench measures what that costs on generated books.
  for (const auto& [x, y] : pairs)
    EXPECT_GT(word_distance(test::written(x, 5), test::written(y, 6)), kThreshold) << x << " / " << y;
}

TEST(WordDescriptor, StretchedToTheSameShapeNamAndNuStayApart) {
  // Defeat the aspect-ratio gate: the ink of "Nữ" stretched to the size of "Nam" still differs.
  synth::Canvas c1(400, 120), c2(400, 120);
  synth::Rng r1(1), r2(2);
  c1.draw_text("Nam", 30, 80, test::hand_style(), &r1);
  c2.draw_text("Nữ", 30, 80, test::hand_style(), &r2);
  cv::Mat nam = word_image(c1.to_bgr(), {10, 30, 380, 60}), nu = word_image(c2.to_bgr(), {10, 30, 380, 60});
  ASSERT_FALSE(nam.empty());
  ASSERT_FALSE(nu.empty());
  cv::Mat stretched;
  cv::resize(nu, stretched, nam.size(), 0, 0, cv::INTER_LINEAR);
  EXPECT_GT(word_distance(describe_word(nam), describe_word(stretched)), kThreshold);
}

TEST(WordDescriptor, EmptyInkIsFarFromEverything) {
  WordDescriptor none = describe_word(cv::Mat());
  EXPECT_TRUE(none.empty());
  EXPECT_EQ(word_distance(none, test::written("Nam", 1)), 1.0);
  synth::Canvas blank(300, 100);
  blank.dotted_line(10, 290, 70, 2.5);  // only the printed leader: no writing
  EXPECT_TRUE(word_image(blank.to_bgr(), {10, 30, 280, 48}).empty());
}

}  // namespace
}  // namespace ledger::groups
