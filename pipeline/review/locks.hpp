// Record locks with expiry: a record opened by one clerk is not handed to another until that
// clerk finishes, releases it, or goes quiet for the lock's lifetime.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "records/sqlite_db.hpp"
#include "review/accounts.hpp"

namespace ledger::review {

/// How long a lock lives without activity (seconds); each save renews it.
inline constexpr std::int64_t kLockSeconds = 300;

/// Takes or renews the lock of `record_id` for `clerk`. Returns the name of the other clerk
/// holding a live lock (and takes nothing), or nothing when the lock is now the clerk's.
std::optional<std::string> acquire_lock(sql::Db& db, const Clerk& clerk, std::int64_t record_id);
/// The clerk holding a live lock on the record other than `clerk`, or nothing.
std::optional<std::string> other_holder(sql::Db& db, const Clerk& clerk, std::int64_t record_id);
/// Drops the clerk's lock on the record (no-op when not theirs).
void release_lock(sql::Db& db, const Clerk& clerk, std::int64_t record_id);

}  // namespace ledger::review
