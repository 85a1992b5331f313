// The review audit trail: one row per clerk action on a field or record (who, when, old, new),
// written in the same transaction as the change it records.
#pragma once
#include <cstdint>
#include <string>

#include "records/sqlite_db.hpp"

namespace ledger::review {

/// Appends an audit row.
///   key        the field key ("" for a record-level action such as "done")
///   action     "confirm" (value kept), "correct" (value changed), "done", ...
///   old_value, new_value   null when the action has none
/// Notes:
///   1. The time is utc_now(); the caller's transaction makes the row and the change one step.
void insert_audit(sql::Db& db, std::int64_t record_id, const std::string& key, const std::string& action,
                  const std::string& clerk, const std::string* old_value, const std::string* new_value);

}  // namespace ledger::review
