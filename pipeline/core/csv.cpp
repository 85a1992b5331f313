// Comma-separated files (see csv.hpp).
#include "core/csv.hpp"

#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "core/text.hpp"

namespace ledger {

int CsvTable::column(const std::string& name) const {
  for (size_t i = 0; i < header.size(); ++i)
    if (fold_whitespace(header[i]) == name) return int(i);
  return -1;
}

const std::string& CsvTable::cell(const std::vector<std::string>& row, int col) const {
  static const std::string empty;
  if (col < 0 || size_t(col) >= row.size()) return empty;
  return row[size_t(col)];
}

CsvTable parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> all;
  std::vector<std::string> row;
  std::string cell;
  bool quoted = false, any = false;
  size_t i = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  auto end_row = [&] {
    row.push_back(std::move(cell));
    cell.clear();
    // A line with a single empty cell is a blank line: skip it.
    if (!(row.size() == 1 && row[0].empty())) all.push_back(std::move(row));
    row.clear();
    any = false;
  };
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          cell.push_back('"');
          ++i;
        } else {
          quoted = false;
        }
      } else {
        cell.push_back(c);
      }
      continue;
    }
    if (c == '"') {
      quoted = true;
      any = true;
    } else if (c == ',') {
      row.push_back(std::move(cell));
      cell.clear();
      any = true;
    } else if (c == '\n') {
      end_row();
    } else if (c == '\r') {
      // dropped; the \n that follows ends the row
    } else {
      cell.push_back(c);
      any = true;
    }
  }
  if (any || !cell.empty() || !row.empty()) end_row();
  CsvTable table;
  if (all.empty()) return table;
  table.header = std::move(all.front());
  table.rows.assign(std::make_move_iterator(all.begin() + 1), std::make_move_iterator(all.end()));
  return table;
}

CsvTable read_csv(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw InputError(file.string(), "cannot open CSV file");
  std::stringstream buffer;
  buffer << in.rdbuf();
  return parse_csv(buffer.str());
}

std::string csv_cell(const std::string& value) {
  if (value.find_first_of(",\"\n\r") == std::string::npos) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string csv_line(const std::vector<std::string>& cells) {
  std::string out;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i) out += ',';
    out += csv_cell(cells[i]);
  }
  return out + "\n";
}

void write_csv(const std::filesystem::path& file, const std::vector<std::string>& header,
               const std::vector<std::vector<std::string>>& rows) {
  std::ofstream out(file, std::ios::binary);
  if (!out) throw InputError(file.string(), "cannot write CSV file");
  out << csv_line(header);
  for (const auto& row : rows) out << csv_line(row);
  if (!out) throw InputError(file.string(), "write failed");
}

}  // namespace ledger
