// Campaign progress: per unit, book and day, what was scanned, processed, pre-filled, accepted,
// reviewed, failed and flagged as duplicate, and when each unit will finish at its recent rate.
#pragma once
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace ledger {

/// A unit's goal (`targets.yaml`: `units: [{unit: "Xã A", target_records: N, deadline: 2026-12-20}]`).
struct UnitTarget {
  std::string unit;          // commune, district or province name, with or without "Xã"/"Huyện"...
  long target_records = 0;
  std::string deadline;      // "yyyy-mm-dd", "" when none
};

/// Reads targets.yaml; throws ConfigError naming the file and the bad entry.
std::vector<UnitTarget> read_targets(const std::filesystem::path& file);

/// The raw facts progress is computed from (one row per stored page / record).
struct PageFact {
  std::string province, district, commune, book_id;
  std::string day;      // yyyy-mm-dd it was processed (stored)
  std::string status;   // "done", "failed", "duplicate"
};
struct RecordFact {
  std::string province, district, commune, book_id;
  std::string day;           // yyyy-mm-dd its page was processed
  std::string reviewed_day;  // yyyy-mm-dd a clerk finished it, "" while not reviewed
  int fields_accepted = 0, fields_review = 0;
  bool duplicate = false;    // has a "possible-duplicate:" issue
};
/// A book found on disk (inventory), whether or not processing has started.
struct ScannedBook {
  std::string province, district, commune;
  int pages = 0;
};
struct ProgressFacts {
  std::vector<PageFact> pages;
  std::vector<RecordFact> records;
  std::map<std::string, ScannedBook> scanned;  // book_id -> pages on disk (inventory), may be empty
};

/// Reads the facts from a store (plain SQL on its pages/records/fields tables, read-only use).
/// Throws InputError naming the file when it is absent or not a store.
ProgressFacts read_progress_facts(const std::filesystem::path& store);

struct ProgressCounts {
  long pages_scanned = 0, pages_processed = 0, pages_failed = 0;
  long records = 0, fields_accepted = 0, fields_review = 0, records_reviewed = 0, duplicates = 0;
  ProgressCounts& operator+=(const ProgressCounts& o);
};

/// What "done" means for the target and the forecast.
enum class DoneMeasure {
  Reviewed,   // records a clerk has reviewed (entered): the campaign's real output
  Prefilled,  // records the pipeline pre-filled
};

struct UnitProgress {
  std::string unit;             // the target's name, or the store's unit text
  ProgressCounts counts;
  long target = 0;              // 0 when no target
  std::string deadline;
  long done = 0;                // by the measure
  long remaining = 0;           // target - done, >= 0 (0 when no target)
  double rate_per_day = 0;      // done per day over the recent window
  std::string forecast;         // finish date at that rate; "done", or "" when the rate is 0
  bool on_track = false;        // forecast on or before the deadline (or done)
  std::vector<std::pair<std::string, long>> cumulative;  // day -> done so far, every day
};
struct BookProgress {
  std::string unit, book_id;
  ProgressCounts counts;
};
struct DayProgress {
  std::string unit, day;
  ProgressCounts counts;  // that day only
};

struct ProgressOptions {
  std::string as_of;                          // yyyy-mm-dd; "" = the latest day in the facts
  DoneMeasure measure = DoneMeasure::Reviewed;
  int recent_days = 3;                        // the window the rate is measured over
};

struct ProgressReport {
  std::string as_of, first_day;
  DoneMeasure measure = DoneMeasure::Reviewed;
  std::vector<UnitProgress> units;
  std::vector<BookProgress> books;
  std::vector<DayProgress> days;
  ProgressCounts total;
};

/// Computes the report as of a day: facts after `as_of` are ignored.
/// Notes:
///  1. With targets, units are the targets: a target named after a commune, district or province
///     gathers every stored page below it (names compared ignoring case, tone placement and the
///     "Xã"/"Huyện"/... prefix). Stored units under no target get rows of their own.
///  2. Rate = done in the last `recent_days` days up to `as_of`, divided by `recent_days`;
///     forecast = as_of + ceil(remaining / rate) days.
///  3. Pages scanned: from `facts.scanned` when given for a book (books not started count too),
///     else pages stored.
ProgressReport compute_progress(const ProgressFacts& facts, const std::vector<UnitTarget>& targets,
                                const ProgressOptions& options);

/// Days between two yyyy-mm-dd dates (b - a); throws InputError on a malformed date.
long days_between(const std::string& a, const std::string& b);
/// `day` plus `n` days, yyyy-mm-dd.
std::string add_days(const std::string& day, long n);
/// True for a valid yyyy-mm-dd calendar date.
bool is_iso_date(const std::string& day);

}  // namespace ledger
