// `ledger-ocr eval` as one library call: load the ground truth, get the drafts (a JSONL file, a
// store, or a fresh run), score, write the report folder, return the terminal summary.
#pragma once
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>

#include "evaluate/eval_report.hpp"

namespace ledger {

/// What the user asked for.
struct EvalRequest {
  std::filesystem::path gt_dir;      // pages with ledger-gt/1 sidecars
  std::filesystem::path drafts;      // ledger-draft/1 JSONL ("" = not given)
  std::filesystem::path store;       // a run's store ("" = not given)
  std::filesystem::path report_dir;  // where report.json / report.html go
  std::filesystem::path alto_dir;    // ALTO mode instead of GT_DIR ("" = off)
  bool baseline = true;
  std::string lang;                  // baseline language ("" = vie, or eng for ALTO)
  std::optional<int> threads;        // for a fresh run
};

/// Runs the request and writes the report files; returns the terminal summary (<= 15 lines).
/// Notes:
///   1. Drafts come from `drafts`, else `store`, else a pipeline run on `gt_dir` into
///      `report_dir/eval-run.sqlite` (progress on `log`). Giving both is a ConfigError.
///   2. With `alto_dir` set, scores plain tesseract against the ALTO lines and writes
///      `alto-report.json` instead.
///   3. Throws InputError / ConfigError naming the file when an input cannot be read.
std::string run_eval_job(const EvalRequest& request, std::ostream& log);

}  // namespace ledger
