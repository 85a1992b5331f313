// Entry numbers as registers write them (fields/entry_number.hpp).
#include <gtest/gtest.h>

#include "fields/entry_number.hpp"

namespace ledger {
namespace {

TEST(EntryNumber, ParsesNumbersAsWritten) {
  EXPECT_EQ(parse_entry_number("07")->number, 7);
  EXPECT_FALSE(parse_entry_number("07")->year);
  EXPECT_EQ(parse_entry_number("11/2017")->number, 11);
  EXPECT_EQ(parse_entry_number("11/2017")->year, 2017);
  EXPECT_EQ(parse_entry_number(" 143 ")->number, 143);
  for (const char* bad : {"", "1a", "12/20", "3-4", "/2017", "12/", "1234567", "12/2017/1"})
    EXPECT_FALSE(parse_entry_number(bad)) << bad;
}

}  // namespace
}  // namespace ledger
