// Record locks (see locks.hpp).
#include "review/locks.hpp"

#include "review/review_db.hpp"

namespace ledger::review {

std::optional<std::string> other_holder(sql::Db& db, const Clerk& clerk, std::int64_t record_id) {
  sql::Stmt s(db, "SELECT clerk FROM locks WHERE record_id = ? AND clerk_id <> ? AND expires_at >= ?");
  s.bind(1, record_id).bind(2, clerk.id).bind(3, unix_now());
  if (!s.step()) return std::nullopt;
  std::string who = s.text(0);
  s.reset();
  return who;
}

std::optional<std::string> acquire_lock(sql::Db& db, const Clerk& clerk, std::int64_t record_id) {
  // One statement: take the lock when free, expired or ours; otherwise leave it alone.
  sql::Stmt s(db,
              "INSERT INTO locks (record_id, clerk_id, clerk, expires_at) VALUES (?1, ?2, ?3, ?4) "
              "ON CONFLICT(record_id) DO UPDATE SET clerk_id = ?2, clerk = ?3, expires_at = ?4 "
              "WHERE locks.clerk_id = ?2 OR locks.expires_at < ?5");
  std::int64_t now = unix_now();
  s.bind(1, record_id).bind(2, clerk.id).bind(3, clerk.name).bind(4, now + kLockSeconds).bind(5, now);
  s.run();
  if (sqlite3_changes(db.handle()) > 0) return std::nullopt;
  return other_holder(db, clerk, record_id);
}

void release_lock(sql::Db& db, const Clerk& clerk, std::int64_t record_id) {
  sql::Stmt s(db, "DELETE FROM locks WHERE record_id = ? AND clerk_id = ?");
  s.bind(1, record_id).bind(2, clerk.id).run();
}

}  // namespace ledger::review
