// `report.html`: the evaluation for a campaign manager, one self-contained file (inline CSS and
// SVG, no scripts, no external URLs, opens offline): headline, tables, three charts.
#pragma once
#include <filesystem>
#include <string>

#include "evaluate/eval_report.hpp"

namespace ledger {

/// The whole HTML document. Charts: reliability diagram (id "reliability"), accuracy by field
/// ("accuracy-by-field"), accepted share vs residual error ("trust-curve").
std::string report_html(const EvalReport& report, const std::string& title = "ledger-ocr evaluation");

/// Writes `report_html` to `file`. Throws InputError naming it when it fails.
void write_report_html(const EvalReport& report, const std::filesystem::path& file,
                       const std::string& title = "ledger-ocr evaluation");

}  // namespace ledger
