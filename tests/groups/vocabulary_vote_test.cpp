// The vocabulary vote: scattered misreadings of one word agree on the entry they are nearest
// to; no clear majority, or a field type without a vocabulary, gives no value.
#include "groups/vocabulary_vote.hpp"

#include <gtest/gtest.h>

namespace ledger::groups {
namespace {

std::vector<MemberReading> readings(const std::vector<std::string>& values) {
  std::vector<MemberReading> out;
  for (const auto& v : values) out.push_back({v, 0.01, false});
  return out;
}

TEST(VocabularyVote, ScatteredMisreadingsOfOneWordAgree) {
  const Lexicons& lx = Lexicons::builtin();
  if (lx.ethnic_groups().empty()) GTEST_SKIP() << "no ethnic-group lexicon";
  // One hand's "Kinh" as the pipeline read it in a generated book (grouping_bench, ks-2006).
  Vote v = vote_vocabulary(readings({"ịnh", "Zqnh", "Kỉnh", "7/)"}), FieldType::Ethnicity, lx);
  EXPECT_EQ(v.value, "Kinh");
  EXPECT_GT(v.share, 0.5);
  // Two-letter remnants point nowhere in particular: no vote, no suggestion.
  EXPECT_EQ(vote_vocabulary(readings({"nh", "nh", "ah"}), FieldType::Ethnicity, lx).value, "");
  v = vote_vocabulary(readings({"iệt Am", "Việt 0411", "ệt Nam", "12227"}), FieldType::Nationality, lx);
  EXPECT_EQ(v.value, "Việt Nam");
  EXPECT_EQ(vote_vocabulary(readings({"Nữa", "Nứ", "Nam"}), FieldType::Sex, lx).value, "Nữ");
}

TEST(VocabularyVote, NoClearMajorityOrNoVocabularyGivesNothing) {
  const Lexicons& lx = Lexicons::builtin();
  EXPECT_EQ(vote_vocabulary(readings({"Nam", "Nữ"}), FieldType::Sex, lx).value, "");      // a tie
  EXPECT_EQ(vote_vocabulary(readings({"Nam"}), FieldType::Sex, lx).value, "");            // one vote
  EXPECT_EQ(vote_vocabulary(readings({"Nam", "Nam", "x/7", "#", "%"}), FieldType::Sex, lx).value, "");
  EXPECT_EQ(vote_vocabulary(readings({"Cha", "Cha", "Cha"}), FieldType::Text, lx).value, "");
  EXPECT_EQ(vote_vocabulary({}, FieldType::Ethnicity, lx).value, "");
}

}  // namespace
}  // namespace ledger::groups
