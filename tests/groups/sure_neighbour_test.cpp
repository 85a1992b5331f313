// The nearest sure crop of a group: another writing of the group's word lends its value; a
// different word, or a crop read without confidence, does not.
#include "groups/sure_neighbour.hpp"

#include <gtest/gtest.h>

#include "hand_book.hpp"

namespace ledger::groups {
namespace {

TEST(SureNeighbour, AnotherWritingOfTheWordLendsItsValue) {
  const WordDescriptor a = test::written("Kinh", 1), b = test::written("Kinh", 2), c = test::written("Kinh", 3);
  const WordDescriptor nam = test::written("Nam", 4), muong = test::written("Mường", 5);
  const std::vector<const WordDescriptor*> group = {&a, &b};
  EXPECT_EQ(nearest_sure_value(group, {{&nam, "Nam"}, {&c, "Kinh"}, {&muong, "Mường"}}), "Kinh");
  EXPECT_EQ(nearest_sure_value(group, {{&nam, "Nam"}, {&muong, "Mường"}}), "");  // only other words
  EXPECT_EQ(nearest_sure_value(group, {{&c, ""}}), "");                           // nothing read
  EXPECT_EQ(nearest_sure_value({}, {{&c, "Kinh"}}), "");
  EXPECT_EQ(nearest_sure_value(group, {{&c, "Kinh"}}, 0.0), "");  // not that near
}

}  // namespace
}  // namespace ledger::groups
