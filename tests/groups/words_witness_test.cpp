// Tests for a date's garbled words witnessing the date its digits were read as: readings taken
// from generated books' stores (bench/grouping_bench, ks-2016), and the ways a witness fails.
#include "groups/words_witness.hpp"

#include <gtest/gtest.h>

namespace ledger::groups {
namespace {

const SimpleDate kDec17{17, 12, 2017};

TEST(WordsWitness, GarbledWordsNearestTheDigitsDayWitnessIt) {
  EXPECT_TRUE(words_witness("ngày mười bảy, Viếng mười Hai năm hai nghìn không trăm mười bảy", kDec17));
  EXPECT_TRUE(words_witness("ngày mười lăm, T mười một, năm, hai nghìn không trăm mười bảv", {15, 11, 2017}));
  EXPECT_TRUE(words_witness("741 Hai, tháng hai, năm Hai tụjiin KHông trăm tườilăm", {2, 2, 2015}));
}

TEST(WordsWitness, TheWritersSpellingOfThousandsAndZeroTensCounts) {
  EXPECT_TRUE(words_witness("ngày chín, thang một, năm hai ngàn khong trăm lẻ tám", {9, 1, 2008}));
  EXPECT_TRUE(words_witness("ngày chín, thang một, năm hai nghìn khong trăm linh tám", {9, 1, 2008}));
}

TEST(WordsWitness, WordsNearerAnotherDayMonthOrYearWitnessNothing) {
  const std::string words = "ngày mười bảy, Viếng mười Hai năm hai nghìn không trăm mười bảy";
  EXPECT_FALSE(words_witness(words, {18, 12, 2017})) << "another day";
  EXPECT_FALSE(words_witness(words, {17, 11, 2017})) << "another month";
  EXPECT_FALSE(words_witness(words, {17, 12, 2016})) << "another year";
  // a hand's 1 read as 7 in the digits: its words say "tháng một"
  EXPECT_FALSE(words_witness("2/4 øđ/ tháng một, ăm hai ngàn không trăm mười Đả", {7, 7, 2017}));
}

TEST(WordsWitness, AGarbledPartIsATieAndNoWitness) {
  // "xx" is as near "hai" or "ba" as the day written, so the day is not witnessed
  EXPECT_FALSE(words_witness("ngày xx, tháng mười hai, năm hai nghìn không trăm mười bảy", kDec17));
}

TEST(WordsWitness, TooFewOrTooFarWordsWitnessNothing) {
  EXPECT_FALSE(words_witness("", kDec17));
  EXPECT_FALSE(words_witness("ngà tháng hăm", {20, 5, 2010})) << "more than half the reading edited";
  EXPECT_FALSE(words_witness("ngày mười bảy, tháng mười hai, năm hai nghìn không trăm mười bảy", {0, 0, 2017}))
      << "a year alone";
}

}  // namespace
}  // namespace ledger::groups
