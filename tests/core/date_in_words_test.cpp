// Tests for dates in Vietnamese words: the spellings of registers.md ("ngày chín, tháng một, năm
// hai ngàn lẻ tám"), the irregular units (mốt, tư, lăm) and the ngàn/nghìn, lẻ/linh variants.
#include "core/date_in_words.hpp"

#include <gtest/gtest.h>

namespace ledger {

TEST(DateWords, UnitsAndTens) {
  EXPECT_EQ(number_in_words(9), "chín");
  EXPECT_EQ(number_in_words(10), "mười");
  EXPECT_EQ(number_in_words(15), "mười lăm");
  EXPECT_EQ(number_in_words(21), "hai mươi mốt");
  EXPECT_EQ(number_in_words(24), "hai mươi tư");
  EXPECT_EQ(number_in_words(11), "mười một");  // "mốt" only after twenty
  EXPECT_EQ(number_in_words(30), "ba mươi");
}

TEST(DateWords, YearsWithZeroDigits) {
  EXPECT_EQ(number_in_words(2008), "hai nghìn không trăm linh tám");
  EXPECT_EQ(number_in_words(2008, {true, true}), "hai ngàn không trăm lẻ tám");
  EXPECT_EQ(number_in_words(2010), "hai nghìn không trăm mười");
  EXPECT_EQ(number_in_words(2000), "hai nghìn");
  EXPECT_EQ(number_in_words(1995), "một nghìn chín trăm chín mươi lăm");
  EXPECT_EQ(number_in_words(2105), "hai nghìn một trăm linh năm");
}

TEST(DateWords, WholeDateMatchesTheSpecExample) {
  EXPECT_EQ(date_in_words(9, 1, 2008, {true, true}), "ngày chín, tháng một, năm hai ngàn không trăm lẻ tám");
  EXPECT_EQ(date_in_words(30, 4, 2015), "ngày ba mươi, tháng tư, năm hai nghìn không trăm mười lăm");
}

}  // namespace ledger
