// Tests for entry numbers, identity numbers, free text and checkboxes.
#include "fields/simple_fields.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "fields/lexicons.hpp"

namespace ledger {
namespace {
bool has(const NormalizedValue& v, const std::string& r) {
  return std::find(v.reasons.begin(), v.reasons.end(), r) != v.reasons.end();
}
}  // namespace

TEST(Number, AsWrittenWithSpacesAroundSlashRemoved) {
  FieldContext c;
  EXPECT_EQ(normalize_number("01 / 2017", c).value, "01/2017");
  EXPECT_EQ(normalize_number("11", c).value, "11");
  EXPECT_EQ(normalize_number("Số: 05/2010", c).value, "05/2010");
  EXPECT_TRUE(normalize_number("01/2017", c).parsed);
  auto ocr = normalize_number("O1/2Ol7", c);
  EXPECT_EQ(ocr.value, "01/2017");
  EXPECT_TRUE(ocr.corrected);
}

TEST(Number, BadShapeIsFlagged) {
  FieldContext c;
  auto v = normalize_number("abc/2017", c);
  EXPECT_TRUE(has(v, "number-format"));
  EXPECT_FALSE(v.parsed);
  EXPECT_FALSE(has(normalize_number("123", c), "number-format"));
  EXPECT_EQ(normalize_number("", c).value, "");
}

TEST(IdNumber, DigitsAndLengths) {
  FieldContext c;
  auto v = normalize_id_number("045 205 001 234", c);
  EXPECT_EQ(v.value, "045205001234");
  EXPECT_TRUE(v.parsed);
  EXPECT_TRUE(normalize_id_number("197.234.567", c).parsed);
  EXPECT_TRUE(has(normalize_id_number("12345", c), "id-length"));
  EXPECT_TRUE(has(normalize_id_number("12345678901", c), "id-length"));  // near miss: 11
  EXPECT_TRUE(has(normalize_id_number("19723X567", c), "id-format"));  // no number after a type
  EXPECT_TRUE(has(normalize_id_number("không có", c), "id-format"));
  auto ocr = normalize_id_number("19723456O", c);
  EXPECT_EQ(ocr.value, "197234560");
  EXPECT_TRUE(ocr.corrected);
}

TEST(IdNumber, PaperTypeKeptAsWritten) {
  FieldContext c;
  auto v = normalize_id_number("CMND số  196 262 029", c);
  EXPECT_EQ(v.value, "CMND số 196262029");
  EXPECT_TRUE(v.parsed);
  EXPECT_EQ(normalize_id_number("CCCD số 045205001234", c).value, "CCCD số 045205001234");
  EXPECT_TRUE(has(normalize_id_number("CMND số 1962620", c), "id-length"));
}

TEST(Text, FoldsAndChecksSyllables) {
  FieldContext c;
  c.lexicons = &Lexicons::builtin();
  auto v = normalize_text("  Đăng   ký  quá hạn ", c);
  EXPECT_EQ(v.value, "Đăng ký quá hạn");
  EXPECT_FALSE(has(v, "unknown-syllables"));
  auto bad = normalize_text("Đăng kqx qxzv wrrp", c);
  EXPECT_TRUE(has(bad, "unknown-syllables"));
  auto one = normalize_text("Đăng ký lại theo Qxz", c);  // one unknown word: fine
  EXPECT_FALSE(has(one, "unknown-syllables"));
}

TEST(Checkbox, PassesTheCodeThrough) {
  FieldContext c;
  EXPECT_EQ(normalize_checkbox(" 4 ", c).value, "4");
  EXPECT_TRUE(normalize_checkbox("1", c).parsed);
  EXPECT_FALSE(normalize_checkbox("", c).parsed);
}

}  // namespace ledger
