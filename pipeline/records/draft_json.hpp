// The `ledger-draft/1` JSON form of a stored record (shared/spec/draft-records.md), one record a
// line, and the JSON Lines export of a whole store.
#pragma once
#include <nlohmann/json.hpp>
#include <ostream>

#include "records/store.hpp"

namespace ledger {

/// The `ledger-draft/1` object of one stored record.
/// Notes:
///   1. A field a clerk reviewed carries the reviewed value as `value`; `raw` stays as read.
///   2. Page-level issues (e.g. "layout-unsure") are added to the record's `issues`.
///   3. `box`, `hand` and `reasons` are left out of blank fields, `box` when it is empty.
nlohmann::ordered_json draft_json(const StoredRecord& record);

/// Writes every record matching `filter` as one `ledger-draft/1` line. Returns the line count.
size_t export_jsonl(const Store& store, std::ostream& out, const RecordFilter& filter = {});

}  // namespace ledger
