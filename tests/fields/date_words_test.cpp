// Tests for dates in Vietnamese words: number words with their spoken variants and the tricky
// cases (mốt, lăm, tư, lẻ/linh, ngàn/nghìn, giêng/chạp, "năm" as five and as year).
#include "fields/date_words.hpp"

#include <gtest/gtest.h>

#include "core/text.hpp"

namespace ledger {
namespace {
std::optional<int> num(const char* s) { return parse_number_words(split_words(s)); }
}  // namespace

TEST(DateWords, NumberWords) {
  EXPECT_EQ(num("mười lăm"), 15);
  EXPECT_EQ(num("hai mươi tư"), 24);
  EXPECT_EQ(num("hai mươi mốt"), 21);
  EXPECT_EQ(num("ba mươi"), 30);
  EXPECT_EQ(num("mười"), 10);
  EXPECT_EQ(num("mười một"), 11);
  EXPECT_EQ(num("hai mốt"), 21);
  EXPECT_EQ(num("hai nghìn không trăm linh tám"), 2008);
  EXPECT_EQ(num("hai ngàn lẻ tám"), 2008);
  EXPECT_EQ(num("hai nghìn mười"), 2010);
  EXPECT_EQ(num("hai nghìn không trăm mười lăm"), 2015);
  EXPECT_EQ(num("một nghìn chín trăm chín mươi lăm"), 1995);
  EXPECT_EQ(num("một nghìn chín trăm bẩy mươi"), 1970);
  EXPECT_EQ(num("hai không không tám"), 2008);  // digit by digit
  EXPECT_EQ(num("một chín tám lăm"), std::nullopt);  // "lăm" is never a digit read alone
  EXPECT_FALSE(num("không tám"));
  EXPECT_FALSE(num("mươi"));
  EXPECT_FALSE(num("hai con"));
}

TEST(DateWords, IssueExamples) {
  EXPECT_EQ(date_words_to_date("ngày chín, tháng một, năm hai ngàn lẻ tám"), "09.01.2008");
  EXPECT_EQ(date_words_to_date("ngày hai mươi mốt tháng mười hai năm một nghìn chín trăm chín mươi lăm"),
            "21.12.1995");
  EXPECT_EQ(date_words_to_date("năm hai ngàn lẻ tám"), "2008");
}

TEST(DateWords, MonthNamesAndFive) {
  EXPECT_EQ(date_words_to_date("ngày mười lăm tháng giêng năm hai nghìn linh năm"), "15.01.2005");
  EXPECT_EQ(date_words_to_date("Ngày mồng bốn tháng chạp năm hai nghìn"), "04.12.2000");
  EXPECT_EQ(date_words_to_date("ngày mùng một tháng năm năm hai nghìn mười"), "01.05.2010");
  EXPECT_EQ(date_words_to_date("ngày hai mươi tư tháng tư năm hai nghìn không trăm mười chín"), "24.04.2019");
  EXPECT_EQ(date_words_to_date("NGÀY BA MƯƠI MỐT THÁNG MƯỜI NĂM MỘT NGHÌN CHÍN TRĂM TÁM MƯƠI"), "31.10.1980");
}

TEST(DateWords, MisspeltWordsAreCorrectedAndFlagged) {
  auto p = parse_date_words("ngay chin thang mot nam hai ngan le tam");
  ASSERT_TRUE(p.date);
  EXPECT_EQ(format_date(*p.date), "09.01.2008");
  EXPECT_TRUE(p.corrected);
  EXPECT_EQ(p.text, "ngày chín tháng một năm hai ngàn lẻ tám");
  auto exact = parse_date_words("ngày chín tháng một năm hai ngàn lẻ tám");
  EXPECT_FALSE(exact.corrected);
  auto caps = parse_date_words("NGAY CHIN, THÁNG MỘT, NĂM 2008");
  EXPECT_EQ(caps.text, "NGÀY CHÍN, THÁNG MỘT, NĂM 2008");
  EXPECT_EQ(format_date(*caps.date), "09.01.2008");
}

TEST(DateWords, GrammarSettlesMuoiAndMot) {
  auto p = parse_date_words("ngay hai muoi mot thang muoi mot nam mot nghin chin tram chin muoi");
  ASSERT_TRUE(p.date);
  EXPECT_EQ(format_date(*p.date), "21.11.1990");
  EXPECT_FALSE(p.ambiguous);
  EXPECT_EQ(p.text, "ngày hai mươi mốt tháng mười một năm một nghìn chín trăm chín mươi");
}

TEST(DateWords, TensWordWithoutTensIsTen) {
  // "mươi"/"mốt" are real words, but cannot start a number: a tone slip for "mười"/"một".
  auto p = parse_date_words("ngày sáu, thang mươi hai, năm hai nghìn không trăm mươi sáu");
  ASSERT_TRUE(p.date);
  EXPECT_EQ(format_date(*p.date), "06.12.2016");
  EXPECT_TRUE(p.corrected);
  EXPECT_EQ(p.text, "ngày sáu, tháng mười hai, năm hai nghìn không trăm mười sáu");
  auto one = parse_date_words("ngày mốt tháng ba năm hai nghìn");
  ASSERT_TRUE(one.date);
  EXPECT_EQ(format_date(*one.date), "01.03.2000");
}

TEST(DateWords, TensAfterFiveAndFiftyOneStay) {
  auto p = parse_date_words("năm một nghìn chín trăm năm mươi mốt");
  ASSERT_TRUE(p.date);
  EXPECT_EQ(p.date->year, 1951);
  EXPECT_FALSE(p.corrected);
}

TEST(DateWords, ImpossibleAndGarbage) {
  auto p = parse_date_words("ngày ba mươi tháng hai năm hai nghìn mười");
  EXPECT_FALSE(p.date);
  EXPECT_TRUE(p.impossible);
  EXPECT_EQ(date_words_to_date("không đọc được chữ này"), "");
  EXPECT_EQ(date_words_to_date(""), "");
}

TEST(DateWords, AFullDateIsSetOutInTheWritersStyle) {
  // Slips of case and stray marks go; the writer's commas, capitals and word choices stay.
  EXPECT_EQ(parse_date_words("ngàY mười tám, tháng mười hai, năm haI ngàn khônG trăm mười một").text,
            "ngày mười tám, tháng mười hai, năm hai ngàn không trăm mười một");
  EXPECT_EQ(parse_date_words("ngày/ Bẩy, tháng mười hai, năm hai ngàn không trăm mười lăm").text,
            "ngày bẩy, tháng mười hai, năm hai ngàn không trăm mười lăm");
  EXPECT_EQ(parse_date_words("ngày năm, tháng tư; năm hai ngàn không trăm mười ba").text,
            "ngày năm, tháng tư, năm hai ngàn không trăm mười ba");
  EXPECT_EQ(parse_date_words("ngày mười một tháng một, năm hai nghìn không trăm mười sáu").text,
            "ngày mười một, tháng một, năm hai nghìn không trăm mười sáu");
  EXPECT_EQ(parse_date_words("Ngày hai mươi. tháng bảy, năm hai nghìn lẻ bảy").text,
            "Ngày hai mươi, tháng bảy, năm hai nghìn lẻ bảy");
  EXPECT_EQ(parse_date_words("NGÀY BA tháng BẢY NĂM HAI NGHÌN").text, "NGÀY BA THÁNG BẢY NĂM HAI NGHÌN");
  EXPECT_EQ(parse_date_words("ngày ba tháng bảy năm hai nghìn.").text, "ngày ba tháng bảy năm hai nghìn");
  // A token of marks alone is a speck between words (generated ks-2016 tuning books, seed 101).
  EXPECT_EQ(parse_date_words("ngày hai ` mươi mốt, tháng mươi hai, năm hai ngàn không trăm mười bảy").text,
            "ngày hai mươi mốt, tháng mười hai, năm hai ngàn không trăm mười bảy");
  EXPECT_EQ(date_words_to_date("ngày hai ' mươi tám, tháng sáu, năm hai nghìn không trăm mười ba"), "28.06.2013");
  // A year alone, or words that make no date, keep their text as read.
  EXPECT_EQ(parse_date_words("năm haI nghìn lẻ tám").text, "năm haI nghìn lẻ tám");
}

}  // namespace ledger
