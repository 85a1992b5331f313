// Saving a clerk's work: one field at a time (optimistic concurrency on the field's version,
// audit row with who/when/old/new), and finishing a record (remaining fields confirmed, done).
#pragma once
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "records/sqlite_db.hpp"
#include "review/accounts.hpp"

namespace ledger::review {

/// Saves `value` (cleaned to NFC, folded whitespace) as the clerk's value of field `key`.
/// Notes:
///   1. `version` is the field version the clerk saw (record_view); if the field changed since,
///      HttpError 409 carries {"current": value, "version": v, "by": clerk} and nothing is written.
///   2. A record locked by another clerk is refused with 409 {"locked_by": name}.
///   3. Saving the value unchanged is a confirmation (audit action "confirm").
/// Returns {"key", "value", "version"}.
nlohmann::json save_field(sql::Db& db, const Clerk& clerk, std::int64_t record_id,
                          const std::string& key, const std::string& value, std::int64_t version);

/// Marks a record reviewed by `clerk`: every field not yet reviewed keeps its value as the
/// reviewed one, records.reviewed_at/by are set, an audit row "done" is written and the lock is
/// released. Refused with 409 when another clerk holds the lock. Returns the book progress.
nlohmann::json finish_record(sql::Db& db, const Clerk& clerk, std::int64_t record_id);

}  // namespace ledger::review
