// The scoring rule: what counts as the same value (ground-truth.md), field types from keys, edits.
#include "evaluate/scoring.hpp"

#include <gtest/gtest.h>

namespace ledger {

TEST(Scoring, NamesIgnoreCaseAndTonePlacement) {
  EXPECT_TRUE(scores_equal(FieldType::Name, "Hoà", "hòa"));
  EXPECT_TRUE(scores_equal(FieldType::Name, "LƯU NGỌC HÒA", "Lưu Ngọc Hoà"));
  EXPECT_TRUE(scores_equal(FieldType::Name, "  Nguyễn   Văn An ", "Nguyễn Văn An"));
  EXPECT_FALSE(scores_equal(FieldType::Name, "Nguyễn Văn Ân", "Nguyễn Văn An"));
  EXPECT_TRUE(scores_equal(FieldType::Place, "xã hướng phùng", "Xã Hướng Phùng"));
}

TEST(Scoring, OtherTypesKeepCaseButFoldWhitespaceAndNfc) {
  EXPECT_FALSE(scores_equal(FieldType::Sex, "nam", "Nam"));
  EXPECT_TRUE(scores_equal(FieldType::Date, " 19.10.1985 ", "19.10.1985"));
  EXPECT_FALSE(scores_equal(FieldType::Date, "19/10/1985", "19.10.1985"));
  // "Nữ" decomposed (u + horn + tilde) equals the composed form after NFC.
  EXPECT_TRUE(scores_equal(FieldType::Sex, "Nu\u031B\u0303", "Nữ"));
}

TEST(Scoring, BlankRules) {
  EXPECT_TRUE(scores_equal(FieldType::IdNumber, "", ""));
  EXPECT_TRUE(scores_equal(FieldType::IdNumber, "  ", ""));
  EXPECT_FALSE(scores_equal(FieldType::IdNumber, "0123", ""));
  EXPECT_FALSE(scores_equal(FieldType::Name, "", "An"));
}

TEST(Scoring, TypesFromKeys) {
  EXPECT_EQ(field_type_for_key("nksHoTen"), FieldType::Name);
  EXPECT_EQ(field_type_for_key("nguoiKy"), FieldType::Name);
  EXPECT_EQ(field_type_for_key("nksNgaySinhBangChu"), FieldType::DateWords);
  EXPECT_EQ(field_type_for_key("meNgaySinh"), FieldType::Date);
  EXPECT_EQ(field_type_for_key("ngayDangKy"), FieldType::Date);
  EXPECT_EQ(field_type_for_key("nksGioiTinh"), FieldType::Sex);
  EXPECT_EQ(field_type_for_key("chaDanToc"), FieldType::Ethnicity);
  EXPECT_EQ(field_type_for_key("meQuocTich"), FieldType::Nationality);
  EXPECT_EQ(field_type_for_key("meNoiCuTru"), FieldType::Place);
  EXPECT_EQ(field_type_for_key("nksSoDinhDanh"), FieldType::IdNumber);
  EXPECT_EQ(field_type_for_key("so"), FieldType::Number);
  EXPECT_EQ(field_type_for_key("loaiDangKy"), FieldType::Checkbox);
  EXPECT_EQ(field_type_for_key("ghiChu"), FieldType::Text);
}

TEST(Scoring, CharEditsCountCodePointsAndZeroWhenMatching) {
  EXPECT_EQ(char_edits(FieldType::Name, "LƯU NGỌC HÒA", "Lưu Ngọc Hoà"), 0u);
  EXPECT_EQ(char_edits(FieldType::Name, "Lưu Ngọc Hoa", "Lưu Ngọc Hoà"), 1u);
  EXPECT_EQ(char_edits(FieldType::Date, "19/10/1986", "19.10.1985"), 3u);
  EXPECT_EQ(char_edits(FieldType::Sex, "Nữ", "Nam"), 2u);
  EXPECT_EQ(char_edits(FieldType::Text, "", "abc"), 3u);
  EXPECT_EQ(truth_length("Lưu Ngọc Hoà"), 12u);
}

}  // namespace ledger
