// Tests for the Vietnamese text helpers: NFC, case, accent stripping, tone-placement-blind keys.
#include "core/text.hpp"

#include <gtest/gtest.h>

namespace ledger {

TEST(Text, NfcComposesDecomposedInput) {
  EXPECT_EQ(nfc("Nguye\xCC\x82\xCC\x83n"), "Nguyễn");  // e + circumflex + tilde
}

TEST(Text, FoldWhitespaceTrimsAndCollapses) {
  EXPECT_EQ(fold_whitespace("  Lưu \t Ngọc\n\nTuấn  "), "Lưu Ngọc Tuấn");
  EXPECT_EQ(fold_whitespace("   "), "");
}

TEST(Text, CapitalizeWordsHandlesVietnameseCapitals) {
  EXPECT_EQ(capitalize_words("NGUYỄN VĂN AN"), "Nguyễn Văn An");
  EXPECT_EQ(capitalize_words("đặng thị ánh"), "Đặng Thị Ánh");
  EXPECT_EQ(capitalize_words("bru-vân kiều"), "Bru-Vân Kiều");
}

TEST(Text, StripDiacriticsIncludesDStroke) {
  EXPECT_EQ(strip_diacritics("Đặng Thị Hoà"), "Dang Thi Hoa");
  EXPECT_EQ(strip_diacritics("đường"), "duong");
}

TEST(Text, ToneKeyIgnoresTonePlacementAndCase) {
  EXPECT_EQ(tone_key("Hoà"), tone_key("hòa"));
  EXPECT_EQ(tone_key("Thuỷ"), tone_key("THỦY"));
  EXPECT_NE(tone_key("Hoà"), tone_key("Hoá"));
  EXPECT_NE(tone_key("Nam"), tone_key("Nữ"));
}

TEST(Text, EditDistanceCountsCodePoints) {
  EXPECT_EQ(edit_distance("Nguyễn", "Nguyen"), 1u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  EXPECT_EQ(edit_distance("Hùng", "Hùng"), 0u);
}

TEST(Text, LettersAndDigitsDropCaseAndMarks) {
  EXPECT_EQ(letters_and_digits("ngày mười bảy, Viếng mười Hai năm"), "ngày mười bảy viếng mười hai năm");
  EXPECT_EQ(letters_and_digits(" 7nôn 1/  xã \"Ba\" Nang. "), "7nôn 1 xã ba nang");
  EXPECT_EQ(letters_and_digits("--"), "");
}

TEST(Text, InvalidUtf8IsReplacedNotThrown) {
  std::string bad = "ab\xFF" "c";
  EXPECT_EQ(utf8_length(nfc(bad)), 4u);
}

TEST(Text, JoinWordsUndoesSplitWords) {
  auto words = split_words("  xã  Vĩnh Kim,\thuyện Vĩnh Linh ");
  EXPECT_EQ(join_words(words), "xã Vĩnh Kim, huyện Vĩnh Linh");
  EXPECT_EQ(join_words(words, 3), "huyện Vĩnh Linh");
  EXPECT_EQ(join_words(words, 0, 2), "xã Vĩnh");
  EXPECT_EQ(join_words(words, 9), "");
}

TEST(Text, SplitCleanedTrimsPiecesAndDropsEmptyOnes) {
  EXPECT_EQ(split_cleaned(" Thôn 1,  xã Ba Tầng,,huyện Hướng Hóa , ", ','),
            (std::vector<std::string>{"Thôn 1", "xã Ba Tầng", "huyện Hướng Hóa"}));
  EXPECT_EQ(split_cleaned("Xã A;Xã B", ';'), (std::vector<std::string>{"Xã A", "Xã B"}));
  EXPECT_EQ(split_cleaned("Hie\u0323\u0302p", ';'), (std::vector<std::string>{"Hiệp"})) << "NFC";
  EXPECT_TRUE(split_cleaned(" ; ", ';').empty());
}

}  // namespace ledger
