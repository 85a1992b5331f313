// Tests for restoring the accents of fixed phrases: case kept per letter, punctuation kept, only
// whole words, longest phrase first.
#include "fields/phrases.hpp"

#include <gtest/gtest.h>

namespace ledger {

TEST(Phrases, RestoresAccentsKeepingCase) {
  bool changed = false;
  EXPECT_EQ(restore_phrases("Benh vien Đa khoa", place_phrases(), &changed), "Bệnh viện Đa khoa");
  EXPECT_TRUE(changed);
  EXPECT_EQ(restore_phrases("TRAM Y TE xã A", place_phrases()), "TRẠM Y TẾ xã A");
  EXPECT_EQ(restore_phrases("thon 3,", place_phrases()), "thôn 3,");
  EXPECT_EQ(restore_phrases("CMND so", id_paper_phrases()), "CMND số");
}

TEST(Phrases, LeavesOtherWordsAlone) {
  bool changed = false;
  EXPECT_EQ(restore_phrases("Bệnh viện Trung ương Huế", place_phrases(), &changed), "Bệnh viện Trung ương Huế");
  EXPECT_FALSE(changed);
  EXPECT_EQ(restore_phrases("Thonx 3", place_phrases()), "Thonx 3");  // not a whole word
  EXPECT_EQ(restore_phrases("", place_phrases()), "");
}

}  // namespace ledger
