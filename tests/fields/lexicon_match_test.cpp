// Tests for the weighted edit distance and lexicon lookup: diacritic slips cost less than
// letter changes, OCR alternatives help, frequency breaks ties, margins show ambiguity.
#include "fields/lexicon_match.hpp"

#include <gtest/gtest.h>

#include <chrono>

namespace ledger {

TEST(LexiconMatch, DiacriticSlipsAreCheap) {
  EXPECT_DOUBLE_EQ(weighted_distance("Nguyễn", "Nguyễn"), 0);
  EXPECT_DOUBLE_EQ(weighted_distance("NGUYỄN", "nguyễn"), 0);
  EXPECT_DOUBLE_EQ(weighted_distance("Nguyến", "Nguyễn"), 0.3);  // tone only
  EXPECT_DOUBLE_EQ(weighted_distance("Van", "Văn"), 0.3);         // shape only
  EXPECT_DOUBLE_EQ(weighted_distance("Nguyen", "Nguyễn"), 0.4);   // shape and tone
  EXPECT_DOUBLE_EQ(weighted_distance("Lan", "Tan"), 1.0);
  EXPECT_LT(weighted_distance("Hoa", "Hòa"), weighted_distance("Hoa", "Hoan"));
}

TEST(LexiconMatch, OcrLookalikes) {
  EXPECT_DOUBLE_EQ(weighted_distance("Iam", "lam"), 0.5);
  EXPECT_DOUBLE_EQ(weighted_distance("Narn", "Nam"), 0.5);  // rn read for m
  EXPECT_DOUBLE_EQ(weighted_distance("clung", "dung"), 0.5);
  EXPECT_DOUBLE_EQ(weighted_distance("2O1O", "2010"), 1.0);
}

TEST(LexiconMatch, AlternativesLowerTheCost) {
  CharChoice h{{{"H", 0.5}, {"K", 0.5}}};
  CharAlternatives alts{&h, nullptr, nullptr};
  EXPECT_DOUBLE_EQ(weighted_distance("Hao", "Kao", &alts), 0.2);
  EXPECT_DOUBLE_EQ(weighted_distance("Hao", "Kao"), 1.0);
}

TEST(LexiconMatch, DistantAlternativesLowerTheCostLess) {
  // A tone variant listed at 1% beside a confident reading is hardly evidence for it.
  CharChoice likely{{{"ơ", 0.6}, {"ợ", 0.3}}}, distant{{{"ơ", 0.98}, {"ợ", 0.01}}};
  CharAlternatives a1{nullptr, nullptr, &likely}, a2{nullptr, nullptr, &distant};
  double with_likely = weighted_distance("Thơ", "Thợ", &a1);
  double with_distant = weighted_distance("Thơ", "Thợ", &a2);
  EXPECT_LT(with_likely, with_distant);
  EXPECT_GT(with_distant, 0.29);
  EXPECT_LE(with_distant, weighted_distance("Thơ", "Thợ"));
}

TEST(LexiconMatch, BestPrefersFrequencyOnTies) {
  LexiconIndex idx;
  idx.add("Văn", 900);
  idx.add("Vân", 40);
  idx.add("Vạn", 3);
  auto m = idx.best("Van", nullptr, 1.0);
  ASSERT_TRUE(m.found);
  EXPECT_EQ(m.entry, "Văn");
  EXPECT_LT(m.margin, 0.1);  // decided by frequency only
  ASSERT_TRUE(m.runner_up);
  EXPECT_NE(idx.entry(*m.runner_up), "Văn");
  auto exact = idx.best("vân", nullptr, 1.0);
  EXPECT_EQ(exact.entry, "Vân");
  EXPECT_TRUE(exact.exact);
  EXPECT_GT(exact.margin, 0.2);
}

TEST(LexiconMatch, TonePlacementIsExact) {
  LexiconIndex idx;
  idx.add("Hòa", 10);
  auto m = idx.best("Hoà", nullptr, 0.0);
  ASSERT_TRUE(m.found);
  EXPECT_TRUE(m.exact);
  EXPECT_EQ(m.distance, 0);
}

TEST(LexiconMatch, FarQueryIsNotFound) {
  LexiconIndex idx;
  idx.add("Nguyễn");
  idx.add("Trần");
  EXPECT_FALSE(idx.best("Xyzzq", nullptr, 1.0).found);
  EXPECT_FALSE(LexiconIndex().best("An").found);
}

TEST(LexiconMatch, DuplicateEntriesMerge) {
  LexiconIndex idx;
  idx.add("Hoà", 2);
  idx.add("hòa", 3);
  EXPECT_EQ(idx.size(), 1u);
  EXPECT_DOUBLE_EQ(idx.count(0), 5);
}

TEST(LexiconMatch, WordsWithAlternativesAlign) {
  std::vector<CharChoice> chars(6);
  chars[4].alternatives = {{"n", 0.9}};
  auto w = words_with_alternatives("Ab Cdn", &chars);  // one choice per code point, space included
  ASSERT_EQ(w.size(), 2u);
  EXPECT_EQ(w[1].first, "Cdn");
  ASSERT_EQ(w[1].second.size(), 3u);
  EXPECT_EQ(w[1].second[1], &chars[4]);
  auto none = words_with_alternatives("Ab Cdn", nullptr);
  EXPECT_TRUE(none[0].second.empty());
}

}  // namespace ledger
