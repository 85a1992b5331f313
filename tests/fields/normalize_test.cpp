// Tests for the per-type dispatch and the date normalisers: every type reaches its normaliser,
// dates become dd.mm.yyyy / yyyy, impossible or unreadable dates keep their text and say why.
#include "fields/normalize.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "core/text.hpp"
#include "fields/lexicons.hpp"

namespace ledger {
namespace {
FieldContext ctx(std::optional<int> year = 2010) {
  FieldContext c;
  c.book_year = year;
  c.lexicons = &Lexicons::builtin();
  return c;
}
bool has(const NormalizedValue& v, const std::string& r) {
  return std::find(v.reasons.begin(), v.reasons.end(), r) != v.reasons.end();
}
}  // namespace

TEST(NormalizeDate, WrittenFormsToMoJForm) {
  EXPECT_EQ(normalize_field(FieldType::Date, "05/3/2010", ctx()).value, "05.03.2010");
  EXPECT_EQ(normalize_field(FieldType::Date, "05-03-2010", ctx()).value, "05.03.2010");
  EXPECT_EQ(normalize_field(FieldType::Date, "ngày 05 tháng 3 năm 2010", ctx()).value, "05.03.2010");
  auto y = normalize_field(FieldType::Date, "1982", ctx());
  EXPECT_EQ(y.value, "1982");
  EXPECT_TRUE(y.parsed);
  EXPECT_TRUE(y.reasons.empty());
}

TEST(NormalizeDate, ImpossibleKeptAsWrittenAndFlagged) {
  auto v = normalize_field(FieldType::Date, "30/02/2010", ctx());
  EXPECT_EQ(v.value, "30/02/2010");
  EXPECT_FALSE(v.parsed);
  EXPECT_TRUE(has(v, "impossible-date"));
  EXPECT_TRUE(has(normalize_field(FieldType::Date, "31.04.2010", ctx()), "impossible-date"));
  EXPECT_FALSE(has(normalize_field(FieldType::Date, "30.04.2010", ctx()), "impossible-date"));
}

TEST(NormalizeDate, UnparsedTwoDigitAndImplausibleYears) {
  EXPECT_TRUE(has(normalize_field(FieldType::Date, "mùa xuân", ctx()), "unparsed-date"));
  auto two = normalize_field(FieldType::Date, "05/03/09", ctx());
  EXPECT_EQ(two.value, "05.03.2009");
  EXPECT_TRUE(has(two, "two-digit-year"));
  EXPECT_TRUE(has(normalize_field(FieldType::Date, "05/03/5005", ctx()), "implausible-year"));
  EXPECT_FALSE(has(normalize_field(FieldType::Date, "05/03/2015", ctx()), "implausible-year"));
  EXPECT_EQ(normalize_field(FieldType::Date, "", ctx()).value, "");
}

TEST(NormalizeDate, WordsInADigitsField) {
  EXPECT_EQ(normalize_field(FieldType::Date, "ngày chín tháng một năm hai ngàn lẻ tám", ctx()).value, "09.01.2008");
}

TEST(NormalizeDateWords, KeepsTheWordsCorrected) {
  auto v = normalize_field(FieldType::DateWords, "Ngày chín,  tháng một, năm hai ngàn lẻ tám", ctx());
  EXPECT_EQ(v.value, "Ngày chín, tháng một, năm hai ngàn lẻ tám");
  EXPECT_TRUE(v.parsed);
  EXPECT_FALSE(v.corrected);
  auto fixed = normalize_field(FieldType::DateWords, "ngay chin, thang mot, năm hai ngàn lẻ tám", ctx());
  EXPECT_EQ(fixed.value, "ngày chín, tháng một, năm hai ngàn lẻ tám");
  EXPECT_TRUE(fixed.corrected);
  auto bad = normalize_field(FieldType::DateWords, "ngày ba mươi mốt tháng tư năm hai nghìn", ctx());
  EXPECT_TRUE(has(bad, "impossible-date"));
  EXPECT_EQ(bad.value, "ngày ba mươi mốt tháng tư năm hai nghìn");
  EXPECT_TRUE(has(normalize_field(FieldType::DateWords, "xyz abc", ctx()), "unparsed-date"));
}

TEST(NormalizeField, EveryTypeIsNfcAndFolded) {
  const std::string decomposed = "Nguye\xCC\x82\xCC\x83n   Va\xCC\x86n  An";  // NFD input
  for (FieldType t : {FieldType::Name, FieldType::Text, FieldType::Place}) {
    auto v = normalize_field(t, decomposed, ctx());
    EXPECT_EQ(v.value, nfc(v.value));
    EXPECT_EQ(v.value.find("  "), std::string::npos);
  }
  EXPECT_EQ(normalize_field(FieldType::Name, decomposed, ctx()).value, "Nguyễn Văn An");
}

TEST(NormalizeField, DispatchesByType) {
  auto c = ctx();
  EXPECT_EQ(normalize_field(FieldType::Sex, "NỮ", c).code, "2");
  EXPECT_EQ(normalize_field(FieldType::Ethnicity, "Vân Kiều", c).value, "Bru-Vân Kiều");
  EXPECT_EQ(normalize_field(FieldType::Nationality, "Viet Nam", c).value, "Việt Nam");
  EXPECT_EQ(normalize_field(FieldType::Number, "11 / 2017", c).value, "11/2017");
  EXPECT_EQ(normalize_field(FieldType::IdNumber, "045 205 001 234", c).value, "045205001234");
  EXPECT_EQ(normalize_field(FieldType::Checkbox, "4", c).value, "4");
  EXPECT_EQ(normalize_field(FieldType::Place, "xã Hướng Phùng", c).value, "xã Hướng Phùng");
}

TEST(NormalizeField, BadTextNeverThrows) {
  FieldContext bare;
  std::vector<CharChoice> odd(2);  // alternatives that align with nothing
  FieldContext full = ctx();
  full.chars = &odd;
  for (const FieldContext* c : {&bare, &full}) {
    for (int t = 0; t <= static_cast<int>(FieldType::Checkbox); ++t) {
      for (const char* raw : {"\xFF\xFE ??", "", "   ", ",,,", "-- / --", "ngày tháng năm"}) {
        EXPECT_NO_THROW(normalize_field(static_cast<FieldType>(t), raw, *c)) << t << " " << raw;
      }
    }
  }
}

}  // namespace ledger
