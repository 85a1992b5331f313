// The SQLite store of a run: batches, pages (source, hash, book, status, error), draft records
// and their fields (value, raw, confidence, status, box, reasons), one transaction per page.
#pragma once
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/book.hpp"
#include "core/page.hpp"

namespace ledger {

/// A cheap identity of a source file, known without decoding it: lets a re-run skip pages that
/// are already stored before paying for decoding and hashing.
struct SourceStamp {
  std::int64_t size = -1;   // bytes, -1 when the file could not be stat'ed
  std::int64_t mtime = 0;   // last write time, file clock ticks (opaque, compared for equality)
  bool operator==(const SourceStamp&) const = default;
};

/// The stamp of a file on disk; size -1 when it cannot be stat'ed (never throws).
SourceStamp source_stamp(const std::filesystem::path& file);

/// Settings of the store's connection.
struct StoreOptions {
  int busy_timeout_ms = 10000;  // how long to wait for another writer (a review station) to finish
};

/// One stored page (a row of `pages`).
struct StoredPage {
  std::int64_t id = 0;
  std::int64_t batch_id = 0;
  PageRef ref;                 // path, rel_path, page, page_count, book
  SourceStamp stamp;
  std::string sha256;          // "" when the page could not be decoded
  std::string status;          // "done", "failed", "duplicate"
  std::string error;           // failed pages: the reason
  std::string layout_id;
  int width = 0, height = 0, dpi = 0;
  double seconds = 0;
  std::vector<std::string> issues;
  int record_count = 0;
  std::string written_at;      // UTC, when the page was read (ISO 8601)
};

/// One stored draft record with the page it came from and any review state.
struct StoredRecord {
  std::int64_t id = 0;
  StoredPage page;             // record_count and issues filled as stored
  DraftRecord draft;
  std::map<std::string, std::string> reviewed_values;  // field key -> value a clerk confirmed
  std::string reviewed_at, reviewed_by;                // "" while not reviewed
};

/// Which records to read.
struct RecordFilter {
  std::string book_id;           // "" = every book (BookInfo::book_id())
  bool reviewed_only = false;    // only records with reviewed_at set
  std::optional<std::int64_t> page_id;
};

/// What a page write did.
enum class WriteOutcome { Stored, Duplicate };

/// The store: one SQLite file in WAL mode. Not thread-safe: one thread uses one Store at a time
/// (the pipeline's serial writer); other processes may read it concurrently.
class Store {
 public:
  /// Opens (creating when absent) the store at `path` and brings its schema up to date.
  /// Throws InputError naming the file when it is not a store or cannot be opened.
  static Store open(const std::filesystem::path& path, const StoreOptions& options = {});

  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();

  const std::filesystem::path& path() const;

  /// Starts a batch (one `run`); `args` is the command line, for the record. Returns its id.
  std::int64_t begin_batch(const std::string& args);
  /// Closes a batch with its counts.
  void finish_batch(std::int64_t batch, int done, int failed, int skipped);

  /// True when a page with this pixel hash is stored as done.
  bool has_page(const std::string& sha256) const;
  /// True when (path, page) is stored as done or duplicate with the same stamp: nothing to redo.
  bool is_done(const std::string& path, int page, const SourceStamp& stamp) const;
  /// Every (path, page) stored as done or duplicate, with its stamp (loaded once by a run).
  std::map<std::pair<std::string, int>, SourceStamp> done_sources() const;

  /// Writes a page result in one transaction: page row, records, fields. Rows an earlier run
  /// wrote for the same (path, page) are replaced, so writing twice stores it once.
  /// Notes:
  ///   1. A page whose pixels (sha256) are already stored as done under another path is stored
  ///      as status "duplicate" with an issue "duplicate-of:<rel_path>#<page>" and no records.
  ///   2. A page with a non-empty `error` is stored as "failed" with that reason.
  /// Returns what was stored.
  WriteOutcome write_page(const PageResult& result, const SourceStamp& stamp, std::int64_t batch);

  /// The page stored as done with these pixels (sha256), if any: path, rel_path and page only.
  std::optional<PageRef> done_page_with(const std::string& sha256) const;
  /// Turns the done page (path, page) into a duplicate of `original` ("<rel_path>#<page>", as
  /// write_page does): its records go, the issue "duplicate-of:<original>" is added, one
  /// transaction. Used when merging shard stores brings in an earlier page with the same pixels.
  /// Returns false when no such done page is stored.
  bool mark_duplicate(const std::string& path, int page, const std::string& original);

  /// Pages in book, path, page order.
  std::vector<StoredPage> pages() const;
  std::vector<StoredPage> failed_pages() const;
  /// Calls `visit` for each record matching `filter`, in book, path, page, record order.
  void for_each_record(const RecordFilter& filter,
                       const std::function<void(const StoredRecord&)>& visit) const;
  std::vector<StoredRecord> records(const RecordFilter& filter = {}) const;

  /// Book ids of the pages written by `batch`.
  std::vector<std::string> books_of_batch(std::int64_t batch) const;
  /// Rewrites the record-level `issues` and every field's `reasons` and `status` of stored
  /// records (book-level checks run after the pages are written), in one transaction.
  void update_flags(const std::vector<StoredRecord>& records);

  /// Current schema version of this code.
  static constexpr int kSchemaVersion = 1;

 private:
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace ledger
