// `report.json`: every number of an evaluation, nested as overall / by_layout / by_field /
// by_hand / layout / trust (reliability bins, curve) / baseline, for scripts and dashboards.
#pragma once
#include <filesystem>
#include <nlohmann/json.hpp>

#include "evaluate/eval_report.hpp"

namespace ledger {

/// The report as JSON (ordered keys: deterministic bytes for the same report).
nlohmann::ordered_json report_json(const EvalReport& report);

/// Writes `report_json` to `file` (2-space indent). Throws InputError naming it when it fails.
void write_report_json(const EvalReport& report, const std::filesystem::path& file);

}  // namespace ledger
