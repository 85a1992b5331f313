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

TEST(VocabularyVote, InVocabularyMeansAnEntryAsWritten) {
  const Lexicons& lx = Lexicons::builtin();
  EXPECT_TRUE(in_vocabulary("Nữ", FieldType::Sex, lx));
  EXPECT_FALSE(in_vocabulary("Nứ", FieldType::Sex, lx));
  EXPECT_FALSE(in_vocabulary("Cha", FieldType::Text, lx));  // no vocabulary
  EXPECT_FALSE(has_vocabulary(FieldType::Name));
  EXPECT_TRUE(has_vocabulary(FieldType::Ethnicity));
  if (lx.ethnic_groups().empty()) GTEST_SKIP() << "no ethnic-group lexicon";
  EXPECT_TRUE(in_vocabulary("Kinh", FieldType::Ethnicity, lx));
  EXPECT_TRUE(in_vocabulary("Mạ", FieldType::Ethnicity, lx));  // two letters, and an entry
  EXPECT_TRUE(in_vocabulary("Bru-Vân Kiều", FieldType::Ethnicity, lx));  // the canonical name
  EXPECT_TRUE(in_vocabulary("Tà-ôi", FieldType::Ethnicity, lx));
  EXPECT_FALSE(in_vocabulary("rh", FieldType::Ethnicity, lx));
  EXPECT_FALSE(in_vocabulary("Kính", FieldType::Ethnicity, lx));
  EXPECT_TRUE(in_vocabulary("Việt Nam", FieldType::Nationality, lx));
  EXPECT_FALSE(in_vocabulary("iét Nạm", FieldType::Nationality, lx));
}

}  // namespace
}  // namespace ledger::groups
