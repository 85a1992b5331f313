// Tests for the closed-vocabulary fields: sex (with MoJ codes), ethnicity (54 groups, aliases,
// official codes), nationality (Việt Nam and others).
#include <gtest/gtest.h>

#include <algorithm>

#include "fields/ethnicity.hpp"
#include "fields/lexicons.hpp"
#include "fields/nationality.hpp"
#include "fields/sex.hpp"

namespace ledger {
namespace {
FieldContext ctx() {
  FieldContext c;
  c.lexicons = &Lexicons::builtin();
  return c;
}
bool has(const NormalizedValue& v, const std::string& r) {
  return std::find(v.reasons.begin(), v.reasons.end(), r) != v.reasons.end();
}
}  // namespace

TEST(Sex, VariantsToCanonicalAndCode) {
  for (const char* s : {"Nam", "NAM", "nam.", " nam "}) {
    auto v = normalize_sex(s, ctx());
    EXPECT_EQ(v.value, "Nam") << s;
    EXPECT_EQ(v.code, "1") << s;
  }
  for (const char* s : {"Nữ", "NỮ", "nu", "Nử", "Nứ"}) {
    auto v = normalize_sex(s, ctx());
    EXPECT_EQ(v.value, "Nữ") << s;
    EXPECT_EQ(v.code, "2") << s;
  }
  EXPECT_EQ(normalize_sex("Không xác định", ctx()).code, "3");
  EXPECT_EQ(normalize_sex("Nan", ctx()).value, "Nam");
}

TEST(Sex, UnknownKeepsTextAndFlags) {
  auto v = normalize_sex("xyz", ctx());
  EXPECT_EQ(v.value, "xyz");
  EXPECT_TRUE(has(v, "sex-unknown"));
  EXPECT_FALSE(v.parsed);
  EXPECT_EQ(normalize_sex("", ctx()).value, "");
}

TEST(Ethnicity, CanonicalAliasesAndCodes) {
  struct Case {
    const char* raw;
    const char* value;
    const char* code;
  } cases[] = {{"Kinh", "Kinh", "01"},         {"KINH", "Kinh", "01"},
               {"Vân Kiều", "Bru-Vân Kiều", "23"}, {"bru vân kiều", "Bru-Vân Kiều", "23"},
               {"Pa Kô", "Tà-ôi", "31"},       {"Tà Ôi", "Tà-ôi", "31"},
               {"Tà-ôi", "Tà-ôi", "31"},       {"H'Mông", "Mông", "08"},
               {"Khmer", "Khơ-me", "05"},      {"Dân tộc: Kinh", "Kinh", "01"}};
  for (const auto& c : cases) {
    auto v = normalize_ethnicity(c.raw, ctx());
    EXPECT_EQ(v.value, c.value) << c.raw;
    EXPECT_EQ(v.code, c.code) << c.raw;
    EXPECT_TRUE(v.parsed) << c.raw;
  }
}

TEST(Ethnicity, SpellingsOfOneGroupAreNotAmbiguous) {
  auto v = normalize_ethnicity("Van Kiều", ctx());  // near "Vân Kiều" and "Bru Vân Kiều": one group
  EXPECT_EQ(v.value, "Bru-Vân Kiều");
  EXPECT_TRUE(v.corrected);
  EXPECT_TRUE(v.reasons.empty());
}

TEST(Ethnicity, MisreadIsCorrectedFarIsMissed) {
  auto v = normalize_ethnicity("Kjnh", ctx());
  EXPECT_EQ(v.value, "Kinh");
  EXPECT_TRUE(v.corrected);
  auto far = normalize_ethnicity("Xyzwq Qrst", ctx());
  EXPECT_EQ(far.value, "Xyzwq Qrst");
  EXPECT_TRUE(has(far, "lexicon-miss"));
  EXPECT_EQ(far.code, "");
}

TEST(Nationality, VietNamAndOthers) {
  for (const char* s : {"Việt Nam", "Viet Nam", "VIỆT NAM", "Việt nam", "Vietnam"}) {
    auto v = normalize_nationality(s, ctx());
    EXPECT_EQ(v.value, "Việt Nam") << s;
    EXPECT_EQ(v.code, "VN") << s;
  }
  EXPECT_EQ(normalize_nationality("Lào", ctx()).value, "Lào");
  EXPECT_EQ(normalize_nationality("Lào", ctx()).code, "LA");
  EXPECT_EQ(normalize_nationality("Trung Quoc", ctx()).value, "Trung Quốc");
  EXPECT_TRUE(has(normalize_nationality("Atlantis", ctx()), "lexicon-miss"));
}

TEST(Nationality, AFarReadingNoOtherCountryComesNearIsAGuessForReview) {
  // "Việt Nưmn": 2 edits from Việt Nam, beyond a correction, but no other country is near
  for (const char* s : {"Việt Nưmn", "iệt Nm", "it Nam"}) {
    auto v = normalize_nationality(s, ctx());
    EXPECT_EQ(v.value, "Việt Nam") << s;
    EXPECT_TRUE(has(v, "lexicon-far")) << s;
  }
  EXPECT_FALSE(has(normalize_nationality("Việt Nam", ctx()), "lexicon-far"));
  EXPECT_TRUE(has(normalize_nationality("tam", ctx()), "lexicon-miss")) << "too far from any";
}

TEST(Ethnicity, AFarReadingOfOneGroupIsAGuessForReview) {
  // a hand's B read as 8 and "Ki" as a quote: only Bru-Vân Kiều (in either spelling) is near
  auto v = normalize_ethnicity("8ru Vân “ều", ctx());
  EXPECT_EQ(v.value, "Bru-Vân Kiều");
  EXPECT_TRUE(has(v, "lexicon-far"));
  EXPECT_TRUE(has(normalize_ethnicity("nh", ctx()), "lexicon-miss")) << "too short to guess";
}

TEST(Nationality, WithoutLexiconsStillKnowsVietNam) {
  FieldContext c;
  EXPECT_EQ(normalize_nationality("viet nam", c).value, "Việt Nam");
  EXPECT_EQ(normalize_nationality("Lào", c).value, "Lào");
}

}  // namespace ledger
