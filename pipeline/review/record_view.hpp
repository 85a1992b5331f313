// One record as the clerk sees it: its page, each field with its current value (the clerk's if
// reviewed), status, reasons, box and version (for optimistic concurrency), and book progress.
#pragma once
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "records/sqlite_db.hpp"
#include "review/accounts.hpp"

namespace ledger::review {

/// The version of each field of a record: the audit sequence number of its last change (0 when
/// never changed). A save must carry the version the clerk saw.
std::map<std::string, std::int64_t> field_versions(sql::Db& db, std::int64_t record_id);

/// The record view JSON (access checked: HttpError 404/403). When `lock` is true the record is
/// locked for the clerk; if another clerk holds it, "locked_by" names them and "readonly" is true.
nlohmann::json record_view(sql::Db& db, const Clerk& clerk, std::int64_t record_id, bool lock = true);

/// The audit trail of a record, oldest first: [{seq, key, action, clerk, at, old, new}].
nlohmann::json record_audit(sql::Db& db, const Clerk& clerk, std::int64_t record_id);

}  // namespace ledger::review
