// Exports of a store for people and other tools: `ledger-draft/1` JSON Lines, the MoJ
// "DL Import" workbook (one per birth book) and the same columns as CSV (UTF-8 with BOM).
#pragma once
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "records/store.hpp"

namespace ledger {

enum class ExportFormat { Jsonl, Csv, Xlsx };

/// "jsonl", "csv", "xlsx" -> the format; throws ConfigError naming the unknown format.
ExportFormat parse_export_format(const std::string& name);

struct ExportOptions {
  ExportFormat format = ExportFormat::Jsonl;
  /// jsonl/csv: the file to write ("" or "-" = the stream given to export_store);
  /// xlsx: the folder that receives one workbook per book.
  std::filesystem::path out;
  RecordFilter filter;  // book, reviewed only
};

/// What an export wrote.
struct ExportSummary {
  size_t records = 0;                       // rows / lines written
  size_t skipped = 0;                       // records left out (xlsx/csv: not a birth book)
  std::vector<std::filesystem::path> files; // files written (not the stream)
};

/// Writes the records of `store` that match `options.filter` in `options.format`.
///   stream  where jsonl/csv go when `options.out` is "" or "-"
/// Notes:
///   1. xlsx: one workbook per book, named after the book ("KS.2017.01.xlsx", unit folders
///      joined with '_'), sheet "DL Import", header row of the 70 columns; cells a clerk must
///      still check are filled yellow.
///   2. csv: the same 70 columns for every book in one file, UTF-8 with a BOM so that Excel
///      reads the Vietnamese text right; RFC 4180 quoting.
///   3. xlsx and csv hold birth books (type KS, or unknown type); other books are counted in
///      `skipped`.
/// Throws InputError naming the file when an output cannot be written.
ExportSummary export_store(const Store& store, const ExportOptions& options, std::ostream& stream);

}  // namespace ledger
