// One value written twice in a record: a parent's name read with slips as the declarant's is
// one person, a grandparent with the father's surname is not; parents at one address read
// with slips are one address, parents in two hamlets of one commune are not.
#include <gtest/gtest.h>

#include "groups/written_twice.hpp"

namespace ledger::groups {
namespace {

TEST(WrittenTwice, ANameReadWithSlipsIsOnePerson) {
  EXPECT_TRUE(same_name("Nguyễn Văn Tài", "Nguyễn Văn Tới"));
  EXPECT_TRUE(same_name("Trần 7n/khương", "Trần Thị Khương"));
  EXPECT_TRUE(same_name("Õminh Dương", "Vũ Minh Dương")) << "surname and middle name run together";
  EXPECT_TRUE(same_name("PHẠM VĂN HUY", "Phạm Văn Huy")) << "case-blind";
}

TEST(WrittenTwice, AnotherGivenNameIsAnotherPerson) {
  EXPECT_FALSE(same_name("Lâm Văn Tú", "Lâm Văn Nam"));
  EXPECT_FALSE(same_name("Tôn Văn Dũng", "Tôn Văn Khánh"));
  EXPECT_FALSE(same_name("Nguyễn Thanh", "Nguyễn Thanh Huy")) << "the given name unread";
  EXPECT_FALSE(same_name("", "Nguyễn Thanh Huy"));
}

TEST(WrittenTwice, OneAddressReadWithSlipsIsOneAddress) {
  EXPECT_TRUE(same_place("Thôn Long Hưng, xố 8ø lồng, huyện Hướng Hóa, tỉnh Quảng Trị",
                         "Thôn Long Hưng, xã Ba Tầng, huyện Hướng Hóa, tỉnh Quảng Trị"));
  EXPECT_TRUE(same_place("Thôn Lân Hiện, xã Yên Hóa, huyện Minh Hóa, tỉnh Quảng Bình",
                         "Thôn Tân Hiệp, xã Yên Hóa, huyện Minh Hóa, tỉnh Quảng Bình"));
}

TEST(WrittenTwice, AnotherHamletOrAnotherCommuneIsAnotherAddress) {
  const std::string place = "Thôn 1, xã Gio Hòa, huyện Gio Linh, tỉnh Quảng Trị";
  EXPECT_FALSE(same_place(place, "Thôn 3, xã Gio Hòa, huyện Gio Linh, tỉnh Quảng Trị"));
  EXPECT_FALSE(same_place(place, "Bản Cheng, xã Gio Hòa, huyện Gio Linh, tỉnh Quảng Trị"));
  EXPECT_FALSE(same_place("Thôn Phú Thành, xã Ba Tầng, huyện Hướng Hóa, tỉnh Quảng Trị",
                          "Thôn Tân Hiệp, xã Ba Tầng, huyện Hướng Hóa, tỉnh Quảng Trị"));
  EXPECT_FALSE(same_place(place, "Thôn 1, xã Hải Tân, huyện Hải Lăng, tỉnh Quảng Trị"));
  EXPECT_FALSE(same_place(place, "Thôn 1, huyện Gio Linh, tỉnh Quảng Trị")) << "a part missing";
}

TEST(WrittenTwice, TheTwinIsTheOnePartnerReadAsTheSameValue) {
  EXPECT_EQ(twin_of("Trần 7n/khương", {{"Phạm 7/ến Cảnh"}, {"Trần Thị Khương"}}, FieldType::Name), 1);
  EXPECT_EQ(twin_of("Trần Thị Khương", {{""}, {"Phạm Tiến Cảnh"}}, FieldType::Name), -1) << "no partner alike";
  EXPECT_EQ(twin_of("Lê Văn An", {{"Lê Văn An"}, {"Lê Văn Ân"}}, FieldType::Name), -1) << "alike both: unknown";
}

TEST(WrittenTwice, ACropThatLooksAlikeIsTheTwinWhateverItReads) {
  const std::vector<TwinCandidate> partners = {{"Mai Lan Nữ Jun", 0.3}, {"Trần Thị Hương", 0.9}};
  EXPECT_EQ(twin_of("Mai An 21 'jñrưởïig", partners, FieldType::Name), 0);
  EXPECT_EQ(twin_of("Mai An 21 'jñrưởïig", {{"Mai Lan Nữ Jun", 0.6}, {"Trần Thị Hương", 0.9}}, FieldType::Name), -1)
      << "neither read nor looking alike";
  EXPECT_EQ(twin_of("Trần Văn Tú", {{"Trần Văn Tú", 0.9}, {"Lê Thị Hoa", 0.3}}, FieldType::Name), -1)
      << "one reads alike, the other looks alike: unknown";
}

}  // namespace
}  // namespace ledger::groups
