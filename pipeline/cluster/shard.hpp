// One shard of a plan as work for `ledger-ocr run --plan DIR --shard K`: which shard this job
// is (the option, or the index Slurm / Kubernetes hands an array task), and its pages.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "cluster/plan.hpp"
#include "core/page.hpp"
#include "ingest/book_name.hpp"
#include "run/run_job.hpp"
#include "run/run_summary.hpp"

namespace ledger {

/// Where a shard index came from, for messages.
struct ShardIndex {
  int index = -1;
  std::string source;  // "--shard", "SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX"
};

/// The shard this job runs.
///   given   the --shard option, when given
///   getenv  reads an environment variable (nullptr when unset); defaults to std::getenv
/// Returns the index from `given`, else SLURM_ARRAY_TASK_ID, else JOB_COMPLETION_INDEX (an
/// Indexed Job's), else nullopt. Throws InputError naming the variable when it is set but not
/// a non-negative integer.
std::optional<ShardIndex> resolve_shard_index(
    std::optional<int> given,
    const std::function<const char*(const char*)>& getenv = nullptr);

/// The pages of shard `shard` and those that must fail.
struct ShardWork {
  std::vector<PageRef> pages;        // in plan (= discovery) order
  std::vector<FailedPage> refused;   // files changed or gone since planning, with the reason
};

/// Builds shard `shard`'s work from `plan`: book info parsed from each rel_path with `pattern`
/// (as discovery does), each file's size and SHA-256 checked against the plan.
/// Throws InputError when `shard` is outside 0..plan.shards-1.
/// Notes:
///   1. Each file is hashed once per run (a multi-page file once for all its pages); a file that
///      is missing, or whose size or hash differs from the plan, has all its pages refused with
///      a reason naming what changed, so the merge reports them as failed, not missing.
ShardWork shard_work(const Plan& plan, int shard, const NamePattern& pattern);

/// The ingest settings (file-name patterns, PDF resolution) of a settings file, as `run` uses
/// them: "" = config/pipeline.yaml. Throws ConfigError for a broken file.
IngestOptions ingest_options_from(const std::filesystem::path& config);

/// Points `request` at shard `shard` of `plan`: sets `pages` and `refused` (shard_work() with the
/// file-name patterns of the request's settings). Returns how many pages were refused.
/// Throws InputError for a shard outside the plan, ConfigError for broken settings.
size_t apply_shard(RunRequest& request, const Plan& plan, int shard);

}  // namespace ledger
