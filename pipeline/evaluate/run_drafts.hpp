// Evaluation without a prior run: runs the pipeline (run/run_job.hpp) on the ground-truth folder
// into a store beside the report, then reads the drafts back from it.
#pragma once
#include <filesystem>
#include <optional>
#include <ostream>
#include <vector>

#include "evaluate/draft_reader.hpp"

namespace ledger {

/// Runs the pipeline on every page under `gt_dir` into `store` (re-using pages already stored
/// there, so a second eval is quick), then returns its drafts.
///   threads   worker threads (nullopt: the config's)
///   log       progress and the run's summary
/// Notes:
///   1. Throws what run_job throws (ConfigError, InputError) when the run cannot start; pages
///      that fail are simply missing from the drafts and show as unmatched in the report.
std::vector<DraftPage> run_pipeline_drafts(const std::filesystem::path& gt_dir, const std::filesystem::path& store,
                                           std::optional<int> threads, std::ostream& log);

}  // namespace ledger
