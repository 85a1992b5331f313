// Tests for name normalisation: capitalisation, per-position syllable correction, tone placement
// kept, far readings kept raw with "lexicon-miss", OCR alternatives.
#include "fields/names.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "core/text.hpp"
#include "fields/lexicons.hpp"

namespace ledger {
namespace {
FieldContext ctx() {
  FieldContext c;
  c.key = "nksHoTen";
  c.lexicons = &Lexicons::builtin();
  return c;
}
bool has(const NormalizedValue& v, const std::string& r) {
  return std::find(v.reasons.begin(), v.reasons.end(), r) != v.reasons.end();
}
}  // namespace

TEST(Names, CapitalisesWhateverCase) {
  auto v = normalize_name("  NGUYỄN   văn an ", ctx());
  EXPECT_EQ(v.value, "Nguyễn Văn An");
  EXPECT_TRUE(v.parsed);
  EXPECT_FALSE(v.corrected);
  EXPECT_TRUE(v.reasons.empty());
  EXPECT_DOUBLE_EQ(v.lexicon_distance, 0);
}

TEST(Names, CorrectsDiacriticSlips) {
  auto v = normalize_name("Nguyến Thị Hoa", ctx());
  EXPECT_EQ(v.value, "Nguyễn Thị Hoa");
  EXPECT_TRUE(v.corrected);
  EXPECT_GT(v.lexicon_distance, 0);
  auto w = normalize_name("Nguyen Van An", ctx());
  EXPECT_EQ(w.value, "Nguyễn Văn An");
  EXPECT_TRUE(w.corrected);
  EXPECT_TRUE(has(w, "lexicon-ambiguous"));  // Van: Văn or Vân, decided by frequency only
}

TEST(Names, TonePlacementIsKeptAsWritten) {
  auto a = normalize_name("Lê Thị Hoà", ctx());
  auto b = normalize_name("Lê Thị Hòa", ctx());
  EXPECT_EQ(a.value, "Lê Thị Hoà");
  EXPECT_EQ(b.value, "Lê Thị Hòa");
  EXPECT_FALSE(a.corrected);
  EXPECT_FALSE(b.corrected);
}

TEST(Names, RareSpellingNextToAFrequentOneIsAmbiguous) {
  auto v = normalize_name("Lê Thi Hà", ctx());  // "Thi" exists, but "Thị" is far more likely
  EXPECT_EQ(v.value, "Lê Thi Hà");
  EXPECT_TRUE(has(v, "lexicon-ambiguous"));
  EXPECT_FALSE(has(normalize_name("Lê Thị Hà", ctx()), "lexicon-ambiguous"));
}

TEST(Names, SyllablesRunTogetherAreSplit) {
  // A capital after a small letter starts a syllable.
  EXPECT_EQ(normalize_name("Thạch ThếNhung", ctx()).value, "Thạch Thế Nhung");
  // Capitals: where the word parts into two known syllables, in one place only.
  auto v = normalize_name("PHAMMINH NHI", ctx());
  EXPECT_EQ(v.value, "Phạm Minh Nhi");
  EXPECT_TRUE(v.corrected);  // "PHAM" took its mark from the list
  EXPECT_EQ(normalize_name("PHAN PHÚCLỘC", ctx()).value, "Phan Phúc Lộc");
  // A syllable the lists know is never split, even where its halves are syllables too.
  EXPECT_EQ(normalize_name("Nguyễn Thị Thanh", ctx()).value, "Nguyễn Thị Thanh");
  EXPECT_EQ(normalize_name("Trần Văn Quang", ctx()).value, "Trần Văn Quang");
}

TEST(Names, AWordThatPartsTwoWaysIsNotSplit) {
  // "THANHAN" parts as Thanh|An and as Than|Hân: a guess either way, so it stays one word.
  auto v = normalize_name("Lê THANHAN", ctx());
  EXPECT_EQ(split_words(v.value).size(), 2u) << v.value;
}

TEST(Names, FarReadingKeepsRawAndGoesToReview) {
  auto v = normalize_name("Nguyễn Văn Xqzrw", ctx());
  EXPECT_EQ(v.value, "Nguyễn Văn Xqzrw");
  EXPECT_FALSE(v.parsed);
  EXPECT_TRUE(has(v, "lexicon-miss"));
}

TEST(Names, OcrAlternativesPickTheLexiconLetter) {
  // "Vô" is nearer to "Võ" than to "Vũ", unless OCR offered 'ũ' as the second choice for 'ô'.
  std::string raw = "Vô Văn Nam";
  std::vector<CharChoice> chars(10);  // one per code point including spaces
  chars[1].alternatives = {{"ô", 0.5}, {"ũ", 0.45}};
  FieldContext c = ctx();
  EXPECT_EQ(normalize_name(raw, c).value, "Võ Văn Nam");
  c.chars = &chars;
  auto v = normalize_name(raw, c);
  EXPECT_EQ(v.value, "Vũ Văn Nam");
  EXPECT_TRUE(v.corrected);
}

TEST(Names, TitleAfterACommaIsKeptAsWritten) {
  auto v = normalize_name("TRẦN VĂN ĐỊNH,  Chủ tịch Ủy ban nhân dân xã", ctx());
  EXPECT_EQ(v.value, "Trần Văn Định, Chủ tịch Ủy ban nhân dân xã");
  EXPECT_TRUE(v.reasons.empty());
}

TEST(Names, WorksWithoutLexicons) {
  FieldContext c;
  auto v = normalize_name("LƯU NGỌC TUẤN", c);
  EXPECT_EQ(v.value, "Lưu Ngọc Tuấn");
  EXPECT_TRUE(v.reasons.empty());
  EXPECT_EQ(normalize_name("  ", c).value, "");
}

TEST(Names, LeaderDotsAreDropped) {
  auto v = normalize_name("...Phạm Thị Lan...", ctx());
  EXPECT_EQ(v.value, "Phạm Thị Lan");
}

}  // namespace ledger
