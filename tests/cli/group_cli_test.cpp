// `ledger-ocr group STORE`: groups the sample store's look-alike crops and entry numbers in
// sequence (one group per book; the keys from the settings file) and says how many; a
// missing store is an error exit naming it; `run --group` groups the books the run wrote.
#include <gtest/gtest.h>

#include <fstream>

#include "cli_runner.hpp"
#include "testkit.hpp"

namespace ledger {
namespace {

TEST(GroupCli, GroupsTheSampleStore) {
  testkit::TempDir tmp;
  auto sample = testkit::run_binary({"review", "--sample", (tmp / "sample").string()}, tmp.path());
  ASSERT_EQ(sample.code, 0) << sample.err;
  std::string store = sample.out.substr(0, sample.out.find_last_not_of("\n") + 1);
  auto r = testkit::run_binary({"group", store}, tmp.path());
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("2 book(s)"), std::string::npos) << r.out;
  // per book: its entry numbers and its page numbers (the first page's proposed by its file)
  EXPECT_NE(r.out.find(" groups (4 of entry numbers in sequence, "), std::string::npos) << r.out;
  auto book = testkit::run_binary({"group", store, "--book", "no-such-book"}, tmp.path());
  EXPECT_EQ(book.code, 0);
  EXPECT_NE(book.out.find("0 book(s)"), std::string::npos) << book.out;
}

TEST(GroupCli, SequenceKeysComeFromTheSettingsFile) {
  testkit::TempDir tmp;
  auto sample = testkit::run_binary({"review", "--sample", (tmp / "sample").string()}, tmp.path());
  ASSERT_EQ(sample.code, 0) << sample.err;
  std::string store = sample.out.substr(0, sample.out.find_last_not_of("\n") + 1);
  std::ofstream(tmp / "none.yaml") << "groups:\n  sequence_keys: []\n  order_keys: []\n  page_keys: []\n  named_entry_keys: []\n  named_day_keys: []\n  page_entry_keys: []\n  twin_keys: {}\n";
  auto r = testkit::run_binary({"group", store, "--config", (tmp / "none.yaml").string()}, tmp.path());
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("(0 of entry numbers in sequence, 0 of days in order, "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(" 0 written twice in a record)"), std::string::npos) << r.out;
  std::ofstream(tmp / "bad.yaml") << "groups:\n  sequence_keys: so\n";
  auto bad = testkit::run_binary({"group", store, "--config", (tmp / "bad.yaml").string()}, tmp.path());
  EXPECT_EQ(bad.code, 3) << bad.out;
  EXPECT_NE(bad.err.find("groups.sequence_keys"), std::string::npos) << bad.err;
  std::ofstream(tmp / "bad_twins.yaml") << "groups:\n  twin_keys: [nycHoTen, chaHoTen]\n";
  auto twins = testkit::run_binary({"group", store, "--config", (tmp / "bad_twins.yaml").string()}, tmp.path());
  EXPECT_EQ(twins.code, 3) << twins.out;
  EXPECT_NE(twins.err.find("groups.twin_keys"), std::string::npos) << twins.err;
}

TEST(GroupCli, RunWithGroupGroupsOnlyTheBooksItWrote) {
  testkit::TempDir tmp;
  auto pages = tmp / "pages";
  auto s = testkit::run_binary({"synth", "--layout", "ks-2006", "--pages", "3", "--seed", "7", "--hand-ratio", "1",
                                "--dpi-min", "150", "--dpi-max", "200", "--out", pages.string()}, tmp.path());
  ASSERT_EQ(s.code, 0) << s.err;
  auto store = (tmp / "s.sqlite").string();
  auto first = testkit::run_binary({"run", pages.string(), "--out", store, "--group", "-q"}, tmp.path());
  ASSERT_EQ(first.code, 0) << first.err;
  EXPECT_NE(first.out.find("grouping: 1 book(s)"), std::string::npos) << first.out;
  // A second run writes no page, so it has no book to group.
  auto again = testkit::run_binary({"run", pages.string(), "--out", store, "--group", "-q"}, tmp.path());
  ASSERT_EQ(again.code, 0) << again.err;
  EXPECT_NE(again.out.find("grouping: 0 book(s)"), std::string::npos) << again.out;
}

TEST(GroupCli, MissingStoreFails) {
  testkit::TempDir tmp;
  auto r = testkit::run_binary({"group", (tmp / "none.sqlite").string()}, tmp.path());
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.err.find("none.sqlite"), std::string::npos) << r.err;
  EXPECT_EQ(testkit::run_binary({"group", "x", "--threshold", "2"}, tmp.path()).code, 2);
}

}  // namespace
}  // namespace ledger
