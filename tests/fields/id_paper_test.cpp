// Tests for identity papers written as text: the paper type read badly is set out from the
// nearest type the number's length allows; other text is left alone.
#include "fields/id_paper.hpp"

#include <gtest/gtest.h>

#include "fields/lexicons.hpp"
#include "fields/simple_fields.hpp"

namespace ledger {
namespace {

FieldContext ctx() {
  FieldContext c;
  c.key = "nycGiayTo";
  c.lexicons = &Lexicons::builtin();
  return c;
}

// Readings of the generated ks-2016 books (seeds 101, 201, 801) and the values written.
TEST(IdPaper, ATypeReadBadlyIsTheNearestTypeTheNumberAllows) {
  EXPECT_EQ(normalize_text("CMMND số 195481524", ctx()).value, "CMND số 195481524");
  EXPECT_EQ(normalize_text("C10 số 194755186", ctx()).value, "CMND số 194755186");
  EXPECT_EQ(normalize_text("ŒŒ2 số 045903242460", ctx()).value, "CCCD số 045903242460");
  EXPECT_EQ(normalize_text("C€CC?2 số 045125443496", ctx()).value, "CCCD số 045125443496");
  EXPECT_EQ(normalize_text("ŒX? số 199533927", ctx()).value, "CMND số 199533927");
  EXPECT_EQ(normalize_text("CMN số 012345678901", ctx()).value, "CMND số 012345678901")
      << "a 12-digit CMND (issued from 2012)";
  auto v = normalize_text("CMMND số 195481524", ctx());
  EXPECT_TRUE(v.corrected);
  EXPECT_TRUE(v.parsed);
}

TEST(IdPaper, TheWordSoIsSetOutAsWritten) {
  EXPECT_EQ(normalize_text("CMNDsố 191256250", ctx()).value, "CMND số 191256250");
  EXPECT_EQ(normalize_text("CCCD số045266578504", ctx()).value, "CCCD số 045266578504");
  EXPECT_EQ(normalize_text("CCCD SỐ 045864682202", ctx()).value, "CCCD số 045864682202");
  EXPECT_EQ(normalize_text("CMND 197337660", ctx()).value, "CMND 197337660") << "no số written, none added";
  auto right = normalize_text("CMND số 197337660", ctx());
  EXPECT_EQ(right.value, "CMND số 197337660");
  EXPECT_FALSE(right.corrected);
}

TEST(IdPaper, OtherTextIsLeftAlone) {
  // A number of another length, a type too far to tell, a 12-digit type between the two, notes.
  EXPECT_FALSE(normalize_id_paper("CMND số 1989444334"));
  EXPECT_FALSE(normalize_id_paper("XYZ số 199533927"));
  EXPECT_FALSE(normalize_id_paper("Giấy khai sinh số 199533927")) << "another paper";
  EXPECT_FALSE(normalize_id_paper("CXXD số 045903242460"));
  EXPECT_FALSE(normalize_id_paper("Đăng ký lại theo CMND số 123456789"));
  EXPECT_FALSE(normalize_id_paper("Đã cấp bản sao"));
  EXPECT_EQ(normalize_text("Đăng ký lại theo CMND số 123456789", ctx()).value, "Đăng ký lại theo CMND số 123456789");
}

}  // namespace
}  // namespace ledger
