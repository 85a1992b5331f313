// Grammar decoding of digit strings: alternatives that make a valid date win over an invalid
// top-1, impossible values are rejected, context (book year, rising entries) is used.
#include <gtest/gtest.h>

#include "ocr/digits_grammar.hpp"

namespace {

using ledger::DigitGrammar;
using ledger::DigitSlot;

DigitSlot digit(std::vector<std::pair<int, double>> alts) { return DigitSlot{0, std::move(alts)}; }
DigitSlot sep(char c) { return DigitSlot{c, {}}; }
DigitSlot sure(int d) { return digit({{d, 0.97}, {(d + 1) % 10, 0.02}}); }

TEST(DigitsGrammar, DateRules) {
  ledger::DigitContext c;
  EXPECT_TRUE(ledger::grammar_allows("26/8/2008", DigitGrammar::Date, c));
  EXPECT_TRUE(ledger::grammar_allows("29.02.2008", DigitGrammar::Date, c));
  EXPECT_FALSE(ledger::grammar_allows("29.02.2009", DigitGrammar::Date, c));  // not a leap year
  EXPECT_FALSE(ledger::grammar_allows("12/13/2008", DigitGrammar::Date, c));
  EXPECT_FALSE(ledger::grammar_allows("12/1-2008", DigitGrammar::Date, c));   // mixed separators
  EXPECT_FALSE(ledger::grammar_allows("1/1/1850", DigitGrammar::Date, c));
  c.book_year = 2008;
  EXPECT_FALSE(ledger::grammar_allows("1/1/2012", DigitGrammar::Date, c));    // after the book
  c.not_before = 20080310;
  EXPECT_FALSE(ledger::grammar_allows("9/3/2008", DigitGrammar::Date, c));
  EXPECT_TRUE(ledger::grammar_allows("10/3/2008", DigitGrammar::Date, c));
}

TEST(DigitsGrammar, EntryNumberRules) {
  ledger::DigitContext c;
  EXPECT_TRUE(ledger::grammar_allows("12", DigitGrammar::EntryNumber, c));
  EXPECT_TRUE(ledger::grammar_allows("12/2017", DigitGrammar::EntryNumber, c));
  EXPECT_FALSE(ledger::grammar_allows("12-2017", DigitGrammar::EntryNumber, c));
  EXPECT_FALSE(ledger::grammar_allows("12345", DigitGrammar::EntryNumber, c));
  c.previous_entry = 40;
  EXPECT_FALSE(ledger::grammar_allows("38", DigitGrammar::EntryNumber, c));
  EXPECT_TRUE(ledger::grammar_allows("41", DigitGrammar::EntryNumber, c));
  EXPECT_TRUE(ledger::grammar_allows("1/2018", DigitGrammar::EntryNumber, c));  // a new year
}

TEST(DigitsGrammar, AlternativeMakesValidMonth) {
  // 26/13/2008 by top-1; the second choice of the month's last digit gives 12.
  std::vector<DigitSlot> s = {sure(2), sure(6), sep('/'), sure(1), digit({{3, 0.6}, {2, 0.35}, {8, 0.05}}),
                              sep('/'), sure(2), sure(0), sure(0), sure(8)};
  auto r = ledger::decode_digits(s, DigitGrammar::Date, {});
  EXPECT_FALSE(r.rejected);
  EXPECT_EQ(r.text, "26/12/2008");
  ASSERT_EQ(r.chars.size(), r.text.size());
  EXPECT_EQ(r.chars[4].alternatives.front().first, "2");
  // The same string without grammar trouble is surer.
  s[4] = digit({{2, 0.6}, {3, 0.35}, {8, 0.05}});
  auto r2 = ledger::decode_digits(s, DigitGrammar::Date, {});
  EXPECT_EQ(r2.text, "26/12/2008");
  EXPECT_GT(r2.probability, r.probability);
}

TEST(DigitsGrammar, ImpossibleDateRejected) {
  std::vector<DigitSlot> s = {sure(3), digit({{1, 1.0}}), sep('/'), sure(2), sep('/'), sure(2), sure(0), sure(0), sure(9)};
  // 31/2/2009 (or 32/3/2009 ...) : the alternatives only give impossible dates.
  s[0] = digit({{3, 1.0}});
  s[3] = digit({{2, 1.0}});
  auto r = ledger::decode_digits(s, DigitGrammar::Date, {});
  EXPECT_TRUE(r.rejected);
  EXPECT_EQ(r.reason, "grammar");
  EXPECT_EQ(r.probability, 0);
}

TEST(DigitsGrammar, YearWithinBookEra) {
  ledger::DigitContext c;
  c.book_year = 2010;
  std::vector<DigitSlot> s = {sure(2), sure(0), digit({{7, 0.55}, {1, 0.45}}), sure(0)};
  auto r = ledger::decode_digits(s, DigitGrammar::Year, c);  // 2070 is after the book: 2010
  EXPECT_EQ(r.text, "2010");
  EXPECT_LT(r.probability, 0.9);
}

TEST(DigitsGrammar, ARegistrationIsDatedInTheBooksYear) {
  // "14.4.2009" in a 2009 book, the last digit read 7 (p 0.6) rather than 9 (p 0.4): 2007 is a
  // date the grammar allows, but a registration of a 2009 book is most likely dated 2009.
  std::vector<DigitSlot> s = {sure(1), sure(4), sep('.'), sure(4), sep('.'), sure(2), sure(0), sure(0),
                              digit({{7, 0.6}, {9, 0.4}})};
  ledger::DigitContext c;
  c.book_year = 2009;
  EXPECT_EQ(ledger::decode_digits(s, DigitGrammar::Date, c).text, "14.4.2007");  // a birth date
  c.in_book_year = true;
  auto r = ledger::decode_digits(s, DigitGrammar::Date, c);
  EXPECT_EQ(r.text, "14.4.2009");
  EXPECT_LT(r.probability, 0.9);  // still not sure
  // Strong ink still wins: a registration of the next year in a book that ran over.
  s.back() = digit({{0, 0.02}, {1, 0.97}});
  s[7] = sure(1);
  c.book_year = 2010;
  EXPECT_EQ(ledger::decode_digits(s, DigitGrammar::Date, c).text, "14.4.2011");
  // A farther year needs much stronger ink: "2001" in a 2007 book is a 7 written like a 1 far
  // more often than a registration six years before the book opened...
  s = {sure(2), sep('.'), sure(3), sep('.'), sure(2), sure(0), sure(0), digit({{1, 0.9}, {7, 0.1}})};
  c.book_year = 2007;
  EXPECT_EQ(ledger::decode_digits(s, DigitGrammar::Date, c).text, "2.3.2007");
  // ...while the next year, with the same ink, is a book that ran over.
  s.back() = digit({{8, 0.9}, {7, 0.1}});
  EXPECT_EQ(ledger::decode_digits(s, DigitGrammar::Date, c).text, "2.3.2008");
  // The year of an entry number too.
  std::vector<DigitSlot> e = {sure(1), sure(2), sep('/'), sure(2), sure(0), sure(1), digit({{3, 0.6}, {8, 0.4}})};
  c.book_year = 2018;
  EXPECT_EQ(ledger::decode_digits(e, DigitGrammar::EntryNumber, c).text, "12/2018");
}

TEST(DigitsGrammar, SlantedOneOrSlashDecidedByGrammar) {
  // "12/2017" where the first stroke looks like '/' (p=0.6) but could be a '1'.
  DigitSlot amb{'/', {{1, 0.9}, {7, 0.1}}, 0.6};
  std::vector<DigitSlot> s = {amb, sure(2), sep('/'), sure(2), sure(0), sure(1), sure(7)};
  auto r = ledger::decode_digits(s, DigitGrammar::EntryNumber, {});
  EXPECT_EQ(r.text, "12/2017");
  ASSERT_FALSE(r.chars.empty());
  EXPECT_EQ(r.chars[0].alternatives.front().first, "1");
  // Between two groups of a date, the same stroke is the separator.
  std::vector<DigitSlot> d = {sure(2), amb, sure(8), sep('/'), sure(2), sure(0), sure(0), sure(8)};
  EXPECT_EQ(ledger::decode_digits(d, DigitGrammar::Date, {}).text, "2/8/2008");
}

TEST(DigitsGrammar, NoSlotsIsNoInk) {
  auto r = ledger::decode_digits({}, DigitGrammar::Digits, {});
  EXPECT_TRUE(r.rejected);
  EXPECT_EQ(r.reason, "no-ink");
}

}  // namespace
