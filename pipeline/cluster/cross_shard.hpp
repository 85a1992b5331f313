// The campaign steps that need every shard's records at once, run after a merge: duplicates
// across books (campaign/duplicates*) and the progress report (campaign/progress*).
#pragma once
#include <filesystem>
#include <vector>

#include "cluster/plan.hpp"
#include "ingest/book_name.hpp"

namespace ledger {

struct CrossShardResult {
  long duplicate_pairs = 0;                    // pairs found by the duplicates step
  int marked = 0;                              // records marked "possible-duplicate:"
  std::vector<std::filesystem::path> reports;  // files written
};

/// Finds duplicates over the whole campaign store (marking the records, writing
/// `dir`/duplicates/) and writes the progress report (`dir`/progress/report.csv, .html).
///   plan     when given, pages scanned per book come from it (books not started count too)
///   pattern  reads units from the plan's rel_paths
/// Throws InputError naming a store or report file that cannot be read or written.
CrossShardResult run_cross_shard_steps(const std::filesystem::path& store,
                                       const std::filesystem::path& dir, const Plan* plan,
                                       const NamePattern& pattern);

}  // namespace ledger
