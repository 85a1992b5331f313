// A campaign plan for a cluster: every page of the inputs (path, page, file size and hash) split
// into N shards balanced by page count, books kept whole where possible (`ledger-ocr plan`).
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "ingest/ingest_options.hpp"

namespace ledger {

/// One page of the plan (a row of manifest.tsv).
struct PlanPage {
  int shard = 0;           // 0-based shard that processes it
  long order = 0;          // position in discovery order: the order a single-machine run uses
  std::string book_id;     // BookInfo::book_id() of the page
  std::string rel_path;    // relative to the input root (as a run stores it)
  std::string path;        // absolute path, so a job started in any folder finds it
  int page = 1, page_count = 1;
  std::int64_t size = 0;   // file bytes when planned
  std::string sha256;      // of the file bytes when planned, hex
};

/// A book too large for one shard, split over several.
struct SplitBook {
  std::string book_id;
  int pages = 0;
  std::vector<int> shards;
};

struct Plan {
  std::vector<std::string> inputs;    // as given (absolute)
  int shards = 1;
  std::vector<PlanPage> pages;        // sorted by shard, then order
  std::vector<std::string> failures;  // "where: reason" of inputs that could not be listed
  std::vector<SplitBook> split_books;
  std::string created_at;             // plan.json only: manifest.tsv has no timestamp

  /// Pages per shard (size `shards`).
  std::vector<long> shard_sizes() const;
};

/// A book's size, the unit of balancing.
struct BookSize {
  std::string book_id;
  long pages = 0;
};

/// Assigns books to `shards` shards, balanced by page count.
///   books   every book with its page count, in any order
///   shards  N >= 1
/// Returns, per book (same order as `books`), the shards its pages go to, in page order, with
/// how many pages go to each: {(shard, pages), ...}; one entry unless the book was split.
/// Notes:
///   1. Greedy largest-first (ties by book id) into the least-loaded shard (ties by lowest
///      index): deterministic, and within 4/3 of optimal (Graham's LPT bound).
///   2. A book larger than the mean shard size (ceil(total / N)) is split into chunks of the
///      mean (the last one smaller), each placed like a book of its own; smaller books are never
///      split, so the entry sequence checks of a book stay within one shard.
std::vector<std::vector<std::pair<int, long>>> balance_books(const std::vector<BookSize>& books,
                                                             int shards);

/// Plans `inputs`: discovers every page (ingest/discover.hpp, so the order and the rel_paths
/// are exactly those of a single-machine `run`), hashes each file once, balances books into
/// `shards` shards.
/// Throws ConfigError when shards < 1. Files that cannot be read are listed in `failures`.
Plan make_plan(const std::vector<std::filesystem::path>& inputs, int shards,
               const IngestOptions& ingest);

/// Writes `dir`/manifest.tsv (byte-identical for the same inputs) and `dir`/plan.json.
/// Throws InputError naming a file that cannot be written.
void write_plan(const Plan& plan, const std::filesystem::path& dir);

/// Reads a plan written by write_plan(); throws InputError naming the file and the bad line.
Plan read_plan(const std::filesystem::path& dir);

/// SHA-256 of a file's bytes (hex); throws InputError naming the file when it cannot be read.
std::string file_sha256(const std::filesystem::path& file);

}  // namespace ledger
