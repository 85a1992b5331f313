// Registration days in order between the book's sure days: in order agrees, out of order does
// not, a side with no sure day is bounded by the book's year, and no sure day backs nothing.
#include <gtest/gtest.h>

#include "groups/date_order.hpp"

namespace ledger::groups {
namespace {

SequenceEntry sure(const std::string& v) { return {v, true, false}; }
SequenceEntry fill(const std::string& v) { return {v, false, true}; }

std::vector<bool> agreeing(const std::vector<SequenceFit>& fits) {
  std::vector<bool> out;
  for (const auto& f : fits) out.push_back(f.agrees);
  return out;
}

TEST(DateOrder, ADayBetweenTheSureDaysAgreesAndOneOutOfOrderDoesNot) {
  // the hand's 1 read as 7: 13.01 read "13.07", after which 03.02 is sure
  const auto fits = fit_date_order(
      {sure("11.01.2009"), fill("13.01.2009"), fill("13.07.2009"), fill("03.02.2009"), sure("03.02.2009")}, 2009);
  EXPECT_EQ(agreeing(fits), (std::vector<bool>{false, true, false, true, false})) << "ends included";
  EXPECT_EQ(fits[1].before, 0);
  EXPECT_EQ(fits[1].after, 4);
}

TEST(DateOrder, ASideWithoutASureDayIsBoundedByTheBooksYear) {
  const std::vector<SequenceEntry> book = {fill("20.12.2008"), fill("05.01.2009"), sure("10.01.2009"),
                                           fill("02.01.2010"), fill("02.01.2011")};
  EXPECT_EQ(agreeing(fit_date_order(book, 2009)), (std::vector<bool>{false, true, false, true, false}))
      << "from 1 January of the book's year to the end of the next";
  EXPECT_EQ(agreeing(fit_date_order(book, std::nullopt)), (std::vector<bool>{true, true, false, true, true}))
      << "no year: unbounded";
}

TEST(DateOrder, DaysBetweenTheSameSureDaysMustBeInOrderAmongThemselves) {
  // After the last sure day only the book's year bounds them: `25.04.2017` (a 1 read as 4)
  // breaks the order of the readings around it (generated ks-2016, seed 201, book KS.2017.03).
  const auto fits = fit_date_order({sure("24.01.2017"), fill("25.04.2017"), fill("28.01.2017"), fill("28.01.2017"),
                                    fill("29.01.2017")},
                                   2017);
  EXPECT_EQ(agreeing(fits), (std::vector<bool>{false, false, true, true, true}));
  // Two that contradict each other with no third to decide: neither.
  EXPECT_EQ(agreeing(fit_date_order({sure("01.01.2009"), fill("10.01.2009"), fill("05.01.2009"), sure("20.01.2009")}, 2009)),
            (std::vector<bool>{false, false, false, false}));
  // Each stretch between sure days is judged apart: 15.01 after the sure 12.01 is in order.
  EXPECT_EQ(agreeing(fit_date_order({sure("01.01.2009"), fill("10.01.2009"), sure("12.01.2009"), fill("11.01.2009"),
                                     fill("15.01.2009"), sure("20.01.2009")},
                                    2009)),
            (std::vector<bool>{false, true, false, false, true, false}));
}

TEST(DateOrder, WithoutASureDayNothingAgrees) {
  EXPECT_EQ(agreeing(fit_date_order({fill("10.01.2009"), fill("11.01.2009")}, 2009)),
            (std::vector<bool>{false, false}));
  // a sure value that is no day (a year alone, a misreading) bounds nothing
  EXPECT_EQ(agreeing(fit_date_order({sure("2009"), fill("10.01.2009"), sure("3l.O2")}, std::nullopt)),
            (std::vector<bool>{false, false, false}));
}

}  // namespace
}  // namespace ledger::groups
