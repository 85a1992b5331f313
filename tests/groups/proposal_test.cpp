// A group's proposal: a clerk's value wins, a sure reading backs a proposal, disagreement lowers
// its confidence, and without sure evidence the proposal is only a suggestion.
#include <gtest/gtest.h>

#include "groups/proposal.hpp"

namespace ledger::groups {
namespace {

TEST(Proposal, ClerkValueWins) {
  auto p = propose({{"Kinh", 0.99, false}, {"Kình", 0.3, true}, {"Kình", 0.2, true}, {"Kinh", 0.1, true}});
  EXPECT_EQ(p.value, "Kình");
  EXPECT_EQ(p.source, "clerk");
  EXPECT_NEAR(p.confidence, 0.99 * 2 / 3, 1e-9);
}

TEST(Proposal, SureReadingBacksTheProposal) {
  auto p = propose({{"Kinh", 0.97}, {"Kiah", 0.3}, {"Kinh", 0.5}}, 0.9, 0.99);
  EXPECT_EQ(p.value, "Kinh");
  EXPECT_EQ(p.source, "reading");
  EXPECT_NEAR(p.confidence, 0.97 * (1 - 0.3) * 0.99, 1e-9);
}

TEST(Proposal, UnsureReadingsAreOnlyASuggestion) {
  auto p = propose({{"Nam", 0.6}, {"Nam", 0.5}, {"Narn", 0.2}});
  EXPECT_EQ(p.value, "Nam");
  EXPECT_EQ(p.source, "none");
  EXPECT_LT(p.confidence, 0.6);
}

TEST(Proposal, ConfidentDisagreementMakesItUnsure) {
  auto p = propose({{"Nam", 0.95}, {"Nữ", 0.9}});
  EXPECT_EQ(p.value, "Nam");
  EXPECT_LT(p.confidence, 0.1);
}

TEST(Proposal, NoValuesNoProposal) {
  auto p = propose({{"", 0.9}, {"", 0.8}});
  EXPECT_EQ(p.value, "");
  EXPECT_EQ(p.source, "none");
  EXPECT_EQ(p.confidence, 0);
}

}  // namespace
}  // namespace ledger::groups
