// Comparing two stores by content, for "the merged campaign equals a single-machine run":
// pages, records and field values keyed by (rel_path, page, record, field key).
#pragma once
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace ledger {

struct StoreComparison {
  size_t pages_a = 0, pages_b = 0;
  size_t records_a = 0, records_b = 0;
  size_t fields_compared = 0;
  std::vector<std::string> differences;  // the first `max_differences`, one line each
  size_t difference_count = 0;           // all of them
  bool equal() const { return difference_count == 0; }
};

/// Compares the stores `a` and `b`.
/// Returns the counts and the differences.
/// Notes:
///   1. Compared: each page's status, error, layout and issues; each record's issues; each
///      field's value, raw text, status, confidence (to 1e-9) and reasons.
///   2. Ignored: row ids, batches, timings, written_at, absolute paths (pages are keyed by
///      rel_path and page), and "possible-duplicate:" issues (a merge marks them, a plain run
///      does not).
///   3. Throws InputError naming a file that is absent or not a store.
StoreComparison compare_stores(const std::filesystem::path& a, const std::filesystem::path& b,
                               size_t max_differences = 20);

}  // namespace ledger
