// The daily progress report's outputs: report.csv (every number, per unit, book and day) and a
// self-contained report.html with inline SVG charts (no external URLs: it opens offline).
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "campaign/progress.hpp"

namespace ledger {

/// Rows of report.csv: `level` is "unit", "book" or "day"; the header names every column.
std::vector<std::vector<std::string>> progress_csv_rows(const ProgressReport& report);
std::vector<std::string> progress_csv_header();

/// The HTML page: a table per unit with target, remaining and forecast, a chart of progress
/// over days per unit, a chart of done vs target per unit, then the books and days tables.
std::string progress_html(const ProgressReport& report);

/// Writes `dir`/report.csv and `dir`/report.html (creating `dir`); returns the two paths.
/// Throws InputError naming a file that cannot be written.
std::vector<std::filesystem::path> write_progress_report(const ProgressReport& report,
                                                         const std::filesystem::path& dir);

/// A short text summary (one line per unit) for the terminal.
std::string progress_summary(const ProgressReport& report);

}  // namespace ledger
