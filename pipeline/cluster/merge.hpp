// Merging shard stores into one campaign store (`ledger-ocr merge`): pages, records and fields
// copied in plan order, the plan checked (missing, failed, doubled pages), then the cross-shard
// steps (cross_shard.hpp).
#pragma once
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "cluster/plan.hpp"
#include "ingest/book_name.hpp"
#include "run/run_summary.hpp"

namespace ledger {

struct MergeOptions {
  const Plan* plan = nullptr;        // the plan the shards ran; nullptr: no completeness check
  bool cross_shard = true;           // re-check split books, duplicates, progress report
  std::filesystem::path reports_dir; // where duplicates/ and progress/ go; "" = next to the output
  NamePattern pattern;               // to read units from the plan's rel_paths (progress report)
  std::string args;                  // the command line, stored with the merge's batch
};

struct MergeReport {
  int stores = 0;                    // shard stores read
  long pages = 0, records = 0;       // copied by this merge
  long campaign_pages = 0;           // pages in the campaign store afterwards
  long campaign_records = 0;
  long pixel_duplicates = 0;         // pages stored as "duplicate" in the campaign
  long kept_reviewed = 0;            // shard pages not copied: reviewed in the campaign already
  std::vector<FailedPage> missing;   // plan pages in no store: path, page, rel_path as reason
  std::vector<FailedPage> failed;    // pages stored as failed, with their reason
  std::vector<FailedPage> doubled;   // pages found in two shard stores (reason names both)
  std::vector<std::string> rechecked_books;  // books whose sequence checks ran on the merge
  long duplicate_pairs = 0;          // record pairs the duplicates step reported
  std::vector<std::filesystem::path> reports;  // files written by the cross-shard steps
  double seconds = 0;

  /// True when no plan page is missing or failed.
  bool complete() const { return missing.empty() && failed.empty(); }
};

/// Merges `shards` (store files) into the store `out` (created when absent).
/// Returns what was merged and checked. Throws InputError naming a shard that is absent or not
/// a store.
/// Notes:
///   1. Pages are keyed by (path, page), as the store is: writing a page again replaces its rows,
///      so merging the same shard twice (or a re-run shard again) never duplicates records.
///   2. Pages are written in plan order (discovery order, as a single-machine run writes them;
///      without a plan: shard argument order, then the shard's own order). A page whose pixels
///      equal an earlier one becomes "duplicate" as in a single run, also across shards and
///      merges: a later page stored as done by an earlier merge is demoted when its earlier
///      twin arrives.
///   3. A page found in two shard stores is taken once (a done copy before a failed one, else
///      the first store given) and listed in `doubled`.
///   4. Books split over several shards (by the plan or found in several stores) have their
///      entry-sequence checks re-run over the merged records (run/book_checks.hpp).
///   5. Review state and tables other than pages/records/fields (batches, field groups) are not
///      copied: shard stores are fresh pipeline output, groups are recomputed per book.
///   6. A page of the campaign store with a reviewed record is kept as it is (counted in
///      `kept_reviewed`): re-merging a shard after clerks started must not erase their work.
///   7. A merged page keeps the time its shard read it (`pages.written_at`), so the daily
///      progress report counts it on that day, not on the merge's.
MergeReport merge_stores(const std::vector<std::filesystem::path>& shards,
                         const std::filesystem::path& out, const MergeOptions& options = {});

/// Prints the report: counts, then missing, failed and doubled pages (the first `max_list`
/// of each, with the total).
void print_merge_report(const MergeReport& report, std::ostream& out, size_t max_list = 20);

}  // namespace ledger
