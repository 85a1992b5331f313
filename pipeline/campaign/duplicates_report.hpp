// Duplicate detection over a store: the store's records as PersonRecords, the duplicates report
// (duplicates.csv + a short duplicates.html), and "possible-duplicate:<id>" issues on records.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "campaign/duplicates.hpp"

namespace ledger {

/// The store's records (pages stored as done), with their row ids in `records`.
struct StorePersons {
  std::vector<PersonRecord> persons;
  std::vector<std::int64_t> record_ids;  // same order
};

/// The draft id of a stored record: "<rel_path>#<record>", or "<rel_path>#<page>#<record>" for a
/// page of a multi-page file (the form `issues` use, draft-records.md).
std::string record_ref(const std::string& rel_path, int page, int page_count, int record);

/// Reads every stored record; a clerk's reviewed value wins over the pre-filled one.
/// Throws InputError naming the file when it is absent or not a store.
StorePersons read_store_persons(const std::filesystem::path& store);

/// Writes `dir`/duplicates.csv (one row per pair: rule, score, both ids and key facts, reasons)
/// and `dir`/duplicates.html (counts and the first pairs). Returns the two paths.
/// `records` and `earlier` must be the inputs the report was computed from.
std::vector<std::filesystem::path> write_duplicates_report(const DuplicateReport& report,
                                                           const std::vector<PersonRecord>& records,
                                                           const std::vector<PersonRecord>& earlier,
                                                           const std::filesystem::path& dir);

/// Replaces the "possible-duplicate:" issues of the store's records by those of `report`
/// (computed over `persons`), in one transaction. Returns how many records carry one now.
/// Note: plain SQL on the store's `records.issues` (a JSON list): the store has no API for it.
int mark_store_duplicates(const std::filesystem::path& store, const StorePersons& persons,
                          const DuplicateReport& report);

}  // namespace ledger
