// Writing an evaluation's outputs into a folder: report.json and report.html (and for ALTO
// line-level runs, alto-report.json).
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "evaluate/alto_adapter.hpp"
#include "evaluate/eval_report.hpp"

namespace ledger {

/// Creates `out_dir` when needed and writes `report.json` and `report.html` there.
/// Throws InputError naming the file that could not be written.
void write_report_files(const EvalReport& report, const std::filesystem::path& out_dir);

/// Writes `alto-report.json` (line counts, exact share, CER, warnings) into `out_dir`.
void write_alto_report(const AltoScore& score, const std::vector<std::string>& warnings,
                       const std::filesystem::path& out_dir);

/// Terminal lines for an ALTO run (<= 4 lines).
std::string alto_summary(const AltoScore& score, size_t warnings);

}  // namespace ledger
