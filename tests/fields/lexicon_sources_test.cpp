// Tests that the committed lexicons agree with the shared data they were built from (skipped
// when ../shared is absent): every name syllable is in the source counts with the same count.
#include <gtest/gtest.h>

#include <map>

#include "core/text.hpp"
#include "core/tsv.hpp"
#include "testkit.hpp"

namespace ledger {

TEST(LexiconSources, NameCountsMatchTheSharedLists) {
  auto shared = testkit::shared_dir() / "data" / "vn-names";
  if (!std::filesystem::exists(shared)) GTEST_SKIP() << "no shared data";
  const std::pair<const char*, const char*> files[] = {
      {"surnames.tsv", "surname_counts_DERIVED.tsv"},
      {"middle_names.tsv", "middle_name_syllable_counts_DERIVED.tsv"},
      {"given_names.tsv", "given_name_syllable_counts_DERIVED.tsv"}};
  for (const auto& [ours, theirs] : files) {
    std::map<std::string, long> source;
    auto rows = read_tsv(shared / theirs);
    for (size_t i = 1; i < rows.size(); ++i)  // first row: header
      if (rows[i].size() >= 2) source[nfc(rows[i][0])] += std::stol(rows[i][1]);
    auto committed = read_tsv(testkit::source_dir() / "models" / "lexicons" / ours);
    ASSERT_GT(committed.size(), source.size() * 9 / 10) << ours;  // only typos were dropped
    for (const auto& r : committed) {
      ASSERT_EQ(r.size(), 2u) << ours;
      auto it = source.find(r[0]);
      ASSERT_NE(it, source.end()) << ours << ": " << r[0];
      EXPECT_EQ(std::stol(r[1]), it->second) << ours << ": " << r[0];
      EXPECT_EQ(r[0], nfc(r[0])) << ours;
    }
  }
}

}  // namespace ledger
