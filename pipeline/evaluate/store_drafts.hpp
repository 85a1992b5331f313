// Draft records read straight from a run's SQLite store (records/store.hpp), as evaluation
// needs them: the pipeline's own values, not values a clerk has since corrected.
#pragma once
#include <filesystem>
#include <vector>

#include "evaluate/draft_reader.hpp"

namespace ledger {

/// Every stored record, grouped by page (rel_path, page) in store order.
/// Notes:
///   1. Uses `StoredRecord::draft`, i.e. what the pipeline wrote; reviewed values are ignored,
///      so a store that clerks have worked on still measures the pipeline.
///   2. Throws InputError naming the file when it does not exist (never creates a store).
std::vector<DraftPage> read_drafts_store(const std::filesystem::path& store_file);

}  // namespace ledger
