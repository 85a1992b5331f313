// Comma-separated files as spreadsheets write them (RFC 4180: quotes, doubled quotes, line
// breaks inside quotes): exports, earlier exports read back, lists of done books, reports.
#pragma once
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace ledger {

/// A CSV file with a header row: `header` names the columns, `rows` hold the cells.
struct CsvTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;

  /// Index of the column named `name` (exact, after trimming), or -1.
  int column(const std::string& name) const;
  /// The cell of `row` in column `col`, "" when the column is -1 or the row is short.
  const std::string& cell(const std::vector<std::string>& row, int col) const;
};

/// Parses CSV text (first row = header). Strips a UTF-8 BOM; accepts \n and \r\n.
CsvTable parse_csv(const std::string& text);
/// Reads and parses a CSV file; throws InputError naming the file when it cannot be read.
CsvTable read_csv(const std::filesystem::path& file);

/// One cell, quoted when it holds a comma, quote or line break.
std::string csv_cell(const std::string& value);
/// One line (with the final "\n") of cells.
std::string csv_line(const std::vector<std::string>& cells);
/// Writes header + rows; throws InputError naming the file when it cannot be written.
void write_csv(const std::filesystem::path& file, const std::vector<std::string>& header,
               const std::vector<std::vector<std::string>>& rows);

}  // namespace ledger
