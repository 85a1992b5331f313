// Page numbers that the scans' file names confirm (groups/file_names.hpp).
#include <gtest/gtest.h>

#include "groups/file_names.hpp"

namespace ledger::groups {
namespace {

// One page per entry, its file numbered `first_file` + i: "5" a sure reading, "?5" one to fill.
std::vector<SequenceEntry> pages(const std::vector<std::string>& spec, int first_file = 1) {
  std::vector<SequenceEntry> out;
  for (size_t i = 0; i < spec.size(); ++i) {
    const bool fill = !spec[i].empty() && spec[i][0] == '?';
    SequenceEntry e{fill ? spec[i].substr(1) : spec[i], !fill, fill};
    e.file_page = first_file + int(i);
    out.push_back(e);
  }
  return out;
}

std::vector<bool> agreeing(const std::vector<SequenceFit>& fits) {
  std::vector<bool> out;
  for (const auto& f : fits) out.push_back(f.agrees);
  return out;
}

TEST(FileNames, PageNumbersEqualToTheirFilesNumberAgreeWithoutASureOne) {
  // a hand's 1 read as 7 on pages 10 and 11: 70 and 77 are not their files' numbers
  const auto fits = fit_page_numbers(pages({"?7", "?8", "?9", "?70", "?77", "?12"}, 7));
  EXPECT_EQ(agreeing(fits), (std::vector<bool>{true, true, true, false, false, true}));
  EXPECT_EQ(fits[0].before, -1);
  EXPECT_EQ(fits[0].after, -1);
}

TEST(FileNames, PageNumbersWithTooFewReadingsOfTheFilesNumbersConfirmNothing) {
  // files numbered by scan order (a cover first): most readings are one more than the file
  EXPECT_EQ(agreeing(fit_page_numbers(pages({"?2", "?3", "?4", "?5", "?5", "?7", "?8"}))),
            std::vector<bool>(7, false));
  // two readings are not enough to trust the names
  EXPECT_EQ(agreeing(fit_page_numbers(pages({"?1", "?2"}))), std::vector<bool>(2, false));
}

TEST(FileNames, SurePageNumbersSetTheOffset) {
  // the scanning started at the register's page 11: the sure ones show files = pages - 10
  const auto fits = fit_page_numbers(pages({"11", "?12", "?73", "14", "?15"}));
  EXPECT_EQ(agreeing(fits), (std::vector<bool>{false, true, false, false, true}));
  EXPECT_EQ(fits[1].before, 0);
  EXPECT_EQ(fits[1].after, 3);
  // sure ones that disagree (a page missing between them) confirm nothing
  EXPECT_EQ(agreeing(fit_page_numbers(pages({"1", "?2", "4"}))), std::vector<bool>(3, false));
}

TEST(FileNames, PageEntriesWithoutAFilePageOrANumberNeverAgree) {
  auto e = pages({"?1", "?2", "?3", "?4", "?5/2017", "?x"});
  e[1].file_page.reset();
  EXPECT_EQ(agreeing(fit_page_numbers(e)), (std::vector<bool>{true, false, true, true, false, false}));
}

TEST(FileNames, EntryNumbersOnOneRecordPagesAdvanceWithTheFilesPage) {
  // entries 01.. on pages 1..; a hand's 1 read as 7 from entry 10: `70/2017` and `71/2017` agree
  // with each other (offset 60), not with their files
  const auto fits = fit_entry_pages(pages({"?017/2017", "?02/2017", "?3", "?04/2017", "?05/2017", "?06/2017",
                                           "?07/2017", "?08/2017", "?09/2017", "?70/2017", "?71/2017"}),
                                    2017);
  EXPECT_EQ(agreeing(fits),
            (std::vector<bool>{false, true, true, true, true, true, true, true, true, false, false}));
}

TEST(FileNames, EntryNumbersOfAnotherYearOrAnotherOffsetConfirmNothing) {
  // another year than the book's: a misread year, or the book running into the next one
  EXPECT_EQ(agreeing(fit_entry_pages(pages({"?1/2017", "?2/2017", "?3/2077", "?4/2017"}), 2017)),
            (std::vector<bool>{true, true, false, true}));
  EXPECT_EQ(agreeing(fit_entry_pages(pages({"?1/2018", "?2/2018", "?3/2018"}), 2017)), std::vector<bool>(3, false));
  // a volume continuing its year's numbering (entry 37 on page 1): no sure entry, no offset
  EXPECT_EQ(agreeing(fit_entry_pages(pages({"?37", "?38", "?39", "?40"}), 2017)), std::vector<bool>(4, false));
  // ... unless a sure one shows it
  EXPECT_EQ(agreeing(fit_entry_pages(pages({"37", "?38", "?39", "?70"}), 2017)),
            (std::vector<bool>{false, true, true, false}));
  // a ledger: the rows of a page share its number, so few entries can equal it
  auto rows = pages({"?1", "?2", "?3", "?4", "?5", "?6"});
  for (size_t i = 0; i < rows.size(); ++i) rows[i].file_page = 1 + int(i) / 3;
  EXPECT_EQ(agreeing(fit_entry_pages(rows, 2017)), std::vector<bool>(6, false));
}

std::vector<std::string> proposals(const std::vector<SequenceFit>& fits) {
  std::vector<std::string> out;
  for (const auto& f : fits) out.push_back(f.proposed);
  return out;
}

TEST(FileNames, ReadingsTheFilesPagesContradictAreProposedThePagesValue) {
  // the hand's 1 read as 7 on pages 10 and 11, written as the book writes its numbers
  EXPECT_EQ(proposals(fit_page_numbers(pages({"?7", "?8", "?9", "?70", "?77", "?12"}, 7))),
            (std::vector<std::string>{"", "", "", "10", "11", ""}));
  EXPECT_EQ(proposals(fit_entry_pages(pages({"?01/2017", "?02/2017", "?03/2017", "?04/2017", "?75/2017", "?"}), 2017)),
            (std::vector<std::string>{"", "", "", "", "05/2017", "06/2017"}));
  EXPECT_EQ(proposals(fit_entry_pages(pages({"?01", "?02", "?03", "?04", "?75"}), 2009)),  // ks-2006: no year
            (std::vector<std::string>{"", "", "", "", "05"}));
  // from the offset sure entries show; a sure entry is never proposed anything
  EXPECT_EQ(proposals(fit_entry_pages(pages({"37", "?38", "?39", "?70"}), 2017)),
            (std::vector<std::string>{"", "", "", "40"}));
}

TEST(FileNames, NoOffsetNoProposal) {
  // a volume continuing its year's numbering, no sure entry: the pages say nothing
  EXPECT_EQ(proposals(fit_entry_pages(pages({"?37", "?38", "?39", "?70"}), 2017)), std::vector<std::string>(4));
  // the year a book writes with its numbers, unknown: nothing to write
  EXPECT_EQ(proposals(fit_entry_pages(pages({"?01/2017", "?02/2017", "?03/2017", "?74/2017"}), std::nullopt)),
            std::vector<std::string>(4));
  // sure entries showing two offsets (a page skipped): no offset
  EXPECT_EQ(proposals(fit_page_numbers(pages({"1", "2", "4", "?70"}))), std::vector<std::string>(4));
}

// One record per file: `named[i]` is what file i's name says, `spec` the readings as above.
std::vector<SequenceEntry> named(const std::vector<std::string>& spec, const std::vector<std::string>& names) {
  auto out = pages(spec);
  for (size_t i = 0; i < out.size(); ++i) {
    out[i].file_page.reset();
    out[i].named = names[i];
  }
  return out;
}

TEST(FileNames, EntryNumbersTheNamesCarryAgree) {
  // "71" for 11 (a hand's 1 read as 7); "03/2008" carries the year the name's date has
  const auto fits = fit_named_values(named({"?01", "?02", "?03/2008", "?71", "?05"}, {"01", "02", "03", "11", "05"}),
                                     NamedPart::Entry);
  EXPECT_EQ(agreeing(fits), (std::vector<bool>{true, true, true, false, true}));
}

TEST(FileNames, RegistrationDaysTheNamesCarryAgree) {
  const auto fits = fit_named_values(
      named({"05.01.2008", "?07.01.2008", "?11.07.2008", "?12.01.2008"},
            {"2008-01-05", "2008-01-07", "2008-01-11", "2008-01-12"}),
      NamedPart::Day);
  EXPECT_EQ(agreeing(fits), (std::vector<bool>{false, true, false, true}));
  EXPECT_EQ(fits[1].before, 0) << "the sure day that agrees backs it";
}

TEST(FileNames, BooksWhoseNamesDoNotHoldConfirmNothing) {
  // files named by scan order: most readings differ from their names
  EXPECT_EQ(agreeing(fit_named_values(named({"?02", "?03", "?04", "?04", "?06"}, {"01", "02", "03", "04", "05"}),
                                      NamedPart::Entry)),
            std::vector<bool>(5, false));
  // page-named files say nothing of entries
  EXPECT_EQ(agreeing(fit_named_values(pages({"?1", "?2", "?3"}), NamedPart::Entry)), std::vector<bool>(3, false));
}

}  // namespace
}  // namespace ledger::groups
