// Tests for CSV cells and parsing: what the exports write must read back to the same values.
#include "core/csv.hpp"

#include <gtest/gtest.h>

namespace ledger {

TEST(Csv, CellsWithCommasQuotesAndLineBreaksRoundTrip) {
  std::vector<std::string> cells{"Xã Hướng Phùng, huyện Hướng Hóa", "say \"hi\"", "two\nlines", ""};
  std::string text = "\xEF\xBB\xBF" + csv_line({"a", "b", "c", "d"}) + csv_line(cells);
  CsvTable t = parse_csv(text);
  ASSERT_EQ(t.header, (std::vector<std::string>{"a", "b", "c", "d"}));
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0], cells);
  EXPECT_EQ(t.cell(t.rows[0], t.column("b")), "say \"hi\"");
}

TEST(Csv, PlainCellIsNotQuoted) { EXPECT_EQ(csv_cell("Nguyễn Văn An"), "Nguyễn Văn An"); }

}  // namespace ledger
