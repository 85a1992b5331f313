// Readings that name one value: slips in a long value read alike; a different ID number, an
// extra word, another hamlet or another day do not; short values are left to the images.
#include <gtest/gtest.h>

#include <algorithm>

#include "groups/read_alike.hpp"

namespace ledger::groups {
namespace {

const std::string kPlace = "Thôn Tân Hiệp, xã Hải Tân, huyện Hải Lăng, tỉnh Quảng Trị";

TEST(ReadAlike, SlipsInALongValueReadAlike) {
  EXPECT_TRUE(read_alike(kPlace, kPlace));
  EXPECT_TRUE(read_alike(kPlace, "Thôn Tân Hiệp, xã Hải Tân, huyên Hải Lăng, tỉnh Quảng Tri"));
  EXPECT_TRUE(read_alike(kPlace, "THÔN TÂN HIỆP, XÃ HẢI TÂN, HUYỆN HẢI LĂNG, TỈNH QUẢNG TRỊ"))
      << "case-blind";
  // decomposed (NFD) "ệ" and "ị" against composed ones
  EXPECT_TRUE(read_alike(kPlace, "Thôn Tân Hie\u0323\u0302p, xã Hải Tân, huyện Hải Lăng, tỉnh Quảng Tri\u0323"));
}

TEST(ReadAlike, TooManySlipsDoNot) {
  // 5 edits in 56 letters: more than 8%
  EXPECT_FALSE(read_alike(kPlace, "Thon Tan Hiep, xa Hai Tân, huyện Hải Lăng, tỉnh Quảng Trị"));
}

TEST(ReadAlike, AnotherIdNumberWordOrHamletIsAnotherValue) {
  EXPECT_FALSE(read_alike("CCCD số 045474307230", "CCCD số 045474301230")) << "one digit apart";
  // 4 letters in 55, few enough for slips, but a whole word more
  EXPECT_FALSE(read_alike("Nguyễn Văn An, Phó Chủ tịch Ủy ban nhân dân xã Hải Tân",
                          "Nguyễn Văn An, Chủ tịch Ủy ban nhân dân xã Hải Tân"));
  EXPECT_FALSE(read_alike(kPlace, "Thôn Phú Thành, xã Hải Tân, huyện Hải Lăng, tỉnh Quảng Trị"));
  // 3 letters in 46, but one word wholly another: two communes of one district
  EXPECT_FALSE(read_alike("Xã Triệu Hòa, huyện Triệu Phong, tỉnh Quảng Trị",
                          "Xã Triệu Tài, huyện Triệu Phong, tỉnh Quảng Trị"));
}

TEST(ReadAlike, DatesMustReadTheSame) {
  EXPECT_TRUE(read_alike("12.03.2017", "12.03.2017"));
  EXPECT_FALSE(read_alike("12.03.2017", "12.08.2017"));
  EXPECT_FALSE(read_alike("12.03.2017", "12/03/2017")) << "a date is too short for any slip";
}

TEST(ReadAlike, ShortValuesAreLeftToTheirImages) {
  EXPECT_FALSE(read_alike("Cha", "Cha"));
  EXPECT_FALSE(read_alike("Việt Nam", "Việt Nam")) << "7 letters";
  EXPECT_FALSE(read_alike("", ""));
}

TEST(ReadAlike, ClustersNeverChainTwoValues) {
  // b is 3 slips from a and from c, a and c are 6 apart: complete linkage keeps a and c apart.
  const std::string a = "Trạm Y tế xã Triệu Thượng, huyện Triệu Phong, tỉnh Quảng Trị";
  const std::string b = "Trạm Y tê xã Triêu Thượng, huyện Triệu Phong, tỉnh Quảng Trj";
  const std::string c = "Trạm Y tê xã Triêu Thượng, huyên Triệu Phông, tỉnh Quang Trj";
  ASSERT_TRUE(read_alike(a, b));
  ASSERT_TRUE(read_alike(b, c));
  ASSERT_FALSE(read_alike(a, c));
  const auto clusters = cluster_readings({a, b, c, "Cha", a});
  size_t items = 0;
  for (const auto& cl : clusters) {
    items += cl.size();
    const bool has_a = std::count(cl.begin(), cl.end(), 0), has_c = std::count(cl.begin(), cl.end(), 2);
    EXPECT_FALSE(has_a && has_c) << "a chain of slips joined two values";
  }
  EXPECT_EQ(items, 5u) << "every reading is in one cluster, singletons included";
  ASSERT_FALSE(clusters.empty());
  EXPECT_EQ(clusters.front(), (std::vector<int>{0, 1, 4})) << "largest first: a, b and a again";
}

}  // namespace
}  // namespace ledger::groups
