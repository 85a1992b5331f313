// Tests for the ground-truth comparison key: NFC, whitespace, names case- and tone-placement-
// blind, dates in words compared by their date.
#include "core/compare.hpp"

#include <gtest/gtest.h>

namespace ledger {

TEST(Compare, NamesIgnoreCaseAndTonePlacement) {
  EXPECT_TRUE(values_match(FieldType::Name, "Lê Thị Hoà", "LÊ THỊ HÒA"));
  EXPECT_TRUE(values_match(FieldType::Name, "Nguye\xCC\x82\xCC\x83n  Văn An", "Nguyễn Văn An"));
  EXPECT_FALSE(values_match(FieldType::Name, "Lê Thị Hoà", "Lê Thị Hoá"));
}

TEST(Compare, PlacesLikeNamesOtherTypesExact) {
  EXPECT_TRUE(values_match(FieldType::Place, " Xã  Hướng Phùng ", "Xã Hướng Phùng"));
  EXPECT_TRUE(values_match(FieldType::Place, "xã Hướng Phùng, huyện Hướng Hoá", "Xã Hướng Phùng, huyện Hướng Hóa"));
  EXPECT_FALSE(values_match(FieldType::Place, "Xã Hướng Phùng", "Xã Hướng Phúng"));
  EXPECT_FALSE(values_match(FieldType::Text, "quá hạn", "Quá hạn"));
  EXPECT_FALSE(values_match(FieldType::Date, "05.03.2010", "5.3.2010"));
}

TEST(Compare, DateWordsAsText) {
  EXPECT_TRUE(values_match(FieldType::DateWords, "ngày chín,  tháng một", "ngày chín, tháng một"));
  EXPECT_FALSE(values_match(FieldType::DateWords, "ngày chín tháng một năm hai ngàn lẻ tám", "09.01.2008"));
}

TEST(Compare, BlankIsBlank) {
  EXPECT_EQ(comparison_key(FieldType::Name, "   "), "");
  EXPECT_FALSE(values_match(FieldType::Text, "", "x"));
}

}  // namespace ledger
