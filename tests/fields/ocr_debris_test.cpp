// Tests for dropping ruling-line debris from word-valued readings.
#include "fields/ocr_debris.hpp"

#include <gtest/gtest.h>

#include "core/page.hpp"
#include "fields/normalize.hpp"

namespace ledger {

TEST(OcrDebris, EdgeMarksFromCellBordersAreDropped) {
  EXPECT_EQ(strip_rule_debris("| Khóm 2, xã Vĩnh Kim"), "Khóm 2, xã Vĩnh Kim");
  EXPECT_EQ(strip_rule_debris("“Thôn Tân Hiệp, xã Vĩnh Kim"), "Thôn Tân Hiệp, xã Vĩnh Kim");
  EXPECT_EQ(strip_rule_debris("Thôn 1, tỉnh Quảng Trị |"), "Thôn 1, tỉnh Quảng Trị");
  EXPECT_EQ(strip_rule_debris("¡ Thôn Long Hưng"), "Thôn Long Hưng");
}

TEST(OcrDebris, LoneRuleTokensBetweenWordsAreDropped) {
  EXPECT_EQ(strip_rule_debris("xã Vĩnh Kim, | huyện Vĩnh Linh"), "xã Vĩnh Kim, huyện Vĩnh Linh");
}

TEST(OcrDebris, RealValuesAreKept) {
  EXPECT_EQ(strip_rule_debris("Đăng ký lại."), "Đăng ký lại.");
  EXPECT_EQ(strip_rule_debris("Bru-Vân Kiều"), "Bru-Vân Kiều");
  EXPECT_EQ(strip_rule_debris("CCCD số 045407722304"), "CCCD số 045407722304");
  EXPECT_EQ(strip_rule_debris("|"), "");
}

TEST(OcrDebris, NormaliserDropsDebrisOnPlacesButNotOnNumbers) {
  FieldContext ctx;
  EXPECT_EQ(normalize_field(FieldType::Place, "| Thôn 1, xã Vĩnh Kim", ctx).value, "Thôn 1, xã Vĩnh Kim");
  EXPECT_EQ(normalize_field(FieldType::Number, "11/2017", ctx).value, "11/2017");
}

}  // namespace ledger
