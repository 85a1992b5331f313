// Tests for dates written in digits: every written form, impossible dates, two-digit years,
// OCR letters read as digits.
#include "fields/dates.hpp"

#include <gtest/gtest.h>

namespace ledger {

TEST(Dates, ReadsEveryWrittenForm) {
  for (const char* s : {"05/3/2010", "05-03-2010", "5.3.2010", "05 / 03 / 2010", "ngày 05 tháng 3 năm 2010",
                        "05 tháng 03 năm 2010", "Ngày 5 tháng 3 năm 2010.", "2010-03-05", "05032010"}) {
    auto d = parse_date(s);
    ASSERT_TRUE(d.has_value()) << s;
    EXPECT_EQ(format_date(*d), "05.03.2010") << s;
  }
}

TEST(Dates, YearAlone) {
  auto d = parse_date("1985");
  ASSERT_TRUE(d);
  EXPECT_TRUE(d->year_only());
  EXPECT_EQ(format_date(*d), "1985");
  EXPECT_EQ(format_date(*parse_date("năm 1985")), "1985");
}

TEST(Dates, ImpossibleDatesAreFlaggedNotFixed) {
  for (const char* s : {"30/02/2010", "31.04.2010", "29/02/2011", "00/05/2010", "12/13/2010"}) {
    auto p = parse_date_text(s);
    EXPECT_TRUE(p.impossible) << s;
    EXPECT_FALSE(p.date.has_value()) << s;
  }
  auto p = parse_date_text("30/02/2010");
  EXPECT_EQ(p.as_written.day, 30);
  EXPECT_EQ(p.as_written.month, 2);
}

TEST(Dates, LeapDayNearMisses) {
  EXPECT_TRUE(parse_date("29/02/2012"));
  EXPECT_TRUE(parse_date("29/02/2000"));
  EXPECT_FALSE(parse_date("29/02/1900"));
  EXPECT_TRUE(parse_date("30/04/2010"));
  EXPECT_TRUE(parse_date("31/12/2010"));
}

TEST(Dates, TwoDigitYearIsExpandedAndFlagged) {
  auto p = parse_date_text("05/03/10", 2010);
  ASSERT_TRUE(p.date);
  EXPECT_TRUE(p.two_digit_year);
  EXPECT_EQ(p.date->year, 2010);
  auto q = parse_date_text("05/03/85", 2010);
  ASSERT_TRUE(q.date);
  EXPECT_EQ(q.date->year, 1985);
}

TEST(Dates, OcrLettersInDigitContext) {
  auto p = parse_date_text("O5/O3/2Ol0");
  ASSERT_TRUE(p.date);
  EXPECT_TRUE(p.ocr_fixed);
  EXPECT_EQ(format_date(*p.date), "05.03.2010");
  auto clean = parse_date_text("05/03/2010");
  EXPECT_FALSE(clean.ocr_fixed);
}

TEST(Dates, GarbageIsNotADate) {
  EXPECT_FALSE(parse_date("không rõ").has_value());
  EXPECT_FALSE(parse_date("03/2010").has_value());
  EXPECT_FALSE(parse_date("").has_value());
  EXPECT_FALSE(parse_date_text("abc").numbers_found);
}

TEST(Dates, NormalizedFormIsStrict) {
  EXPECT_TRUE(parse_normalized_date("05.03.2010"));
  EXPECT_TRUE(parse_normalized_date("2010"));
  EXPECT_FALSE(parse_normalized_date("5.3.2010"));
  EXPECT_FALSE(parse_normalized_date("05/03/2010"));
  EXPECT_FALSE(parse_normalized_date("31.04.2010"));
}

TEST(Dates, CompareYearOnlyByYear) {
  SimpleDate a{5, 3, 2010}, b{0, 0, 2010}, c{1, 1, 2011};
  EXPECT_EQ(compare_dates(a, b), 0);
  EXPECT_LT(compare_dates(a, c), 0);
  EXPECT_GT(compare_dates(c, a), 0);
}

}  // namespace ledger
