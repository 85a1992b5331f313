// The signer's line (nguoiKy): a misread title becomes the title, the name is corrected as names
// are, and text that is no signer's line is left to normalize_text.
#include "fields/signer.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "fields/lexicons.hpp"

namespace ledger {
namespace {

FieldContext ctx() {
  FieldContext c;
  c.key = "nguoiKy";
  c.book_year = 2016;
  c.lexicons = &Lexicons::builtin();
  return c;
}

bool has(const NormalizedValue& v, const std::string& r) {
  return std::find(v.reasons.begin(), v.reasons.end(), r) != v.reasons.end();
}

TEST(Signer, ALineReadRightStaysAsWritten) {
  auto v = normalize_signer("Phan Đình Tâm, Phó Chủ tịch UBND xã", ctx());
  ASSERT_TRUE(v);
  EXPECT_EQ(v->value, "Phan Đình Tâm, Phó Chủ tịch UBND xã");
  EXPECT_FALSE(v->corrected);
  EXPECT_TRUE(v->parsed);
  EXPECT_TRUE(v->reasons.empty());
}

TEST(Signer, AMisreadTitleIsTheTitle) {
  // a hand's N read as W, and "xã" as "xố"
  auto v = normalize_signer("Ngô Thành Dũng, Phó Chủ tịch UBWD xố", ctx());
  ASSERT_TRUE(v);
  EXPECT_EQ(v->value, "Ngô Thành Dũng, Phó Chủ tịch UBND xã");
  EXPECT_TRUE(v->corrected);
  auto words = normalize_signer("Võ Thị Tài, Chủ tịch Ủy ban nhân đân xã", ctx());
  ASSERT_TRUE(words);
  EXPECT_EQ(words->value, "Võ Thị Tài, Chủ tịch Ủy ban nhân dân xã");
  // "Phó" is four letters: a line without it is the committee's chairman, not the deputy
  auto chair = normalize_signer("Lê Phi Thành, Chủ tịch UBND xã", ctx());
  ASSERT_TRUE(chair);
  EXPECT_EQ(chair->value, "Lê Phi Thành, Chủ tịch UBND xã");
}

TEST(Signer, TheNameIsCorrectedAsNamesAre) {
  auto v = normalize_signer("Ngô Thành Dững, Phó Chủ tịch UBND xã", ctx());
  ASSERT_TRUE(v);
  EXPECT_EQ(v->value, "Ngô Thành Dũng, Phó Chủ tịch UBND xã");
  EXPECT_TRUE(v->corrected);
}

TEST(Signer, TextThatIsNoSignersLineIsLeftAlone) {
  EXPECT_FALSE(normalize_signer("Đăng ký quá hạn", ctx()));
  EXPECT_FALSE(normalize_signer("Đăng ký quá hạn, Con ngoài giá thú", ctx()));
  EXPECT_FALSE(normalize_signer("Lê Phi Thành, Phó Chủ tịch ND xố", ctx())) << "too far from every title";
  // normalize_text passes other text through unchanged
  EXPECT_EQ(normalize_field(FieldType::Text, "Đã cấp bản sao, lần 2", ctx()).value, "Đã cấp bản sao, lần 2");
  EXPECT_EQ(normalize_field(FieldType::Text, "Lê Phi Thành, Phó Chủ tịch UBWD xã", ctx()).value,
            "Lê Phi Thành, Phó Chủ tịch UBND xã");
}

TEST(Signer, WithoutLexiconsTheTitleIsStillMatched) {
  FieldContext bare;
  auto v = normalize_signer("Lê Phi Thành, Phó Chủ tịch UBWD xã", bare);
  ASSERT_TRUE(v);
  EXPECT_EQ(v->value, "Lê Phi Thành, Phó Chủ tịch UBND xã");
  EXPECT_EQ(v->lexicon_distance, 0);
}

}  // namespace
}  // namespace ledger
