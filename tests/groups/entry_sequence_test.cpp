// Entry numbers backed by the sure numbers around them (groups/entry_sequence.hpp).
#include <gtest/gtest.h>

#include "groups/entry_sequence.hpp"

namespace ledger::groups {
namespace {

// Entries from a compact spec: "05" a sure reading, "?05" one to fill.
std::vector<SequenceEntry> book(const std::vector<std::string>& spec) {
  std::vector<SequenceEntry> out;
  for (const auto& s : spec) {
    const bool fill = !s.empty() && s[0] == '?';
    out.push_back({fill ? s.substr(1) : s, !fill, fill});
  }
  return out;
}

std::vector<bool> agreeing(const std::vector<SequenceFit>& fits) {
  std::vector<bool> out;
  for (const auto& f : fits) out.push_back(f.agrees);
  return out;
}

TEST(EntrySequence, ReadingsBetweenSureNumbersThatContinueThemAgree) {
  const auto fits = fit_sequence(book({"01", "?02", "?3", "04", "?05", "06"}));
  EXPECT_EQ(agreeing(fits), (std::vector<bool>{false, true, true, false, true, false}));
  EXPECT_EQ(fits[2].before, 0);
  EXPECT_EQ(fits[2].after, 3);
}

TEST(EntrySequence, AMisreadingIsNotBacked) {
  // "70" for 10 (a 1 written like a 7), and "13" where 12 belongs.
  EXPECT_EQ(agreeing(fit_sequence(book({"09", "?70", "11"}))), (std::vector<bool>{false, false, false}));
  EXPECT_EQ(agreeing(fit_sequence(book({"11", "?13", "13"}))), (std::vector<bool>{false, false, false}));
}

TEST(EntrySequence, NeighboursThatDisagreeBackNothingBetweenThem) {
  // A skipped entry (or a missing page) between 04 and 07: "05" fits 04 but not 07.
  EXPECT_EQ(agreeing(fit_sequence(book({"04", "?05", "07"}))), (std::vector<bool>{false, false, false}));
  // A new year restarts at 01: nothing between 12/2016 and 01/2017 is backed by both.
  EXPECT_EQ(agreeing(fit_sequence(book({"12/2016", "?13/2016", "01/2017"}))),
            (std::vector<bool>{false, false, false}));
}

TEST(EntrySequence, OneSureSideIsEnoughAtTheEndsOfABook) {
  EXPECT_EQ(agreeing(fit_sequence(book({"?01", "02", "03", "?04"}))), (std::vector<bool>{true, false, false, true}));
  // Nothing sure at all: nothing is backed.
  EXPECT_EQ(agreeing(fit_sequence(book({"?01", "?02", "?03"}))), (std::vector<bool>{false, false, false}));
}

TEST(EntrySequence, YearPartsMustMatchAndUnparsableSureEntriesAreSkipped) {
  EXPECT_EQ(agreeing(fit_sequence(book({"01/2017", "?02/2018"}))), (std::vector<bool>{false, false}));
  EXPECT_EQ(agreeing(fit_sequence(book({"01/2017", "?02"}))), (std::vector<bool>{false, true}));
  // "x" is sure but says no number: the neighbour of "?03" is "01", two entries back.
  const auto fits = fit_sequence(book({"01", "x", "?03"}));
  EXPECT_TRUE(fits[2].agrees);
  EXPECT_EQ(fits[2].before, 0);
}

TEST(EntrySequence, AnEntryNeitherSureNorToFillIsSkippedButCounted) {
  // "02" settled in a confirmed group: no neighbour, no member, but one entry of the distance.
  std::vector<SequenceEntry> e = {{"01", true, false}, {"02", false, false}, {"03", false, true}};
  const auto fits = fit_sequence(e);
  EXPECT_EQ(agreeing(fits), (std::vector<bool>{false, false, true}));
  EXPECT_EQ(fits[2].before, 0);
}

}  // namespace
}  // namespace ledger::groups
