// Saving a clerk's work (see save.hpp).
#include "review/save.hpp"

#include "core/text.hpp"
#include "review/access.hpp"
#include "review/audit.hpp"
#include "review/locks.hpp"
#include "review/queue.hpp"
#include "review/record_view.hpp"
#include "review/review_db.hpp"

namespace ledger::review {

namespace {

void take_lock_or_refuse(sql::Db& db, const Clerk& clerk, std::int64_t record_id) {
  if (auto other = acquire_lock(db, clerk, record_id))
    throw HttpError(409, "record is being edited by " + *other, {{"locked_by", *other}});
}

}  // namespace

nlohmann::json save_field(sql::Db& db, const Clerk& clerk, std::int64_t record_id,
                          const std::string& key, const std::string& value, std::int64_t version) {
  check_record_access(db, clerk, record_id);
  std::string clean = clean_text(value);
  sql::Transaction tx(db);  // BEGIN IMMEDIATE: the version check and the write are one step
  take_lock_or_refuse(db, clerk, record_id);
  sql::Stmt f(db, "SELECT id, COALESCE(reviewed_value, value) FROM fields WHERE record_id = ? AND key = ?");
  f.bind(1, record_id).bind(2, key);
  if (!f.step()) throw HttpError(404, "record " + std::to_string(record_id) + " has no field " + key);
  std::int64_t field_id = f.int64(0);
  std::string current = f.text(1);
  f.reset();

  auto versions = field_versions(db, record_id);
  std::int64_t now_version = versions.count(key) ? versions[key] : 0;
  if (now_version != version) {
    std::string by;
    sql::Stmt w(db, "SELECT clerk FROM audit WHERE seq = ?");
    w.bind(1, now_version);
    if (w.step()) by = w.text(0);
    w.reset();
    throw HttpError(409, "field " + key + " was changed by " + (by.empty() ? "someone" : by) +
                             " since you opened it",
                    {{"key", key}, {"current", current}, {"version", now_version}, {"by", by}});
  }
  sql::Stmt u(db, "UPDATE fields SET reviewed_value = ? WHERE id = ?");
  u.bind(1, clean).bind(2, field_id).run();
  insert_audit(db, record_id, key, clean == current ? "confirm" : "correct", clerk.name, &current,
               &clean);
  std::int64_t new_version = db.last_insert_id();
  tx.commit();
  return {{"key", key}, {"value", clean}, {"version", new_version}};
}

nlohmann::json finish_record(sql::Db& db, const Clerk& clerk, std::int64_t record_id) {
  check_record_access(db, clerk, record_id);
  sql::Transaction tx(db);
  take_lock_or_refuse(db, clerk, record_id);
  sql::Stmt u(db, "UPDATE fields SET reviewed_value = value WHERE record_id = ? AND reviewed_value IS NULL");
  u.bind(1, record_id).run();
  std::string at = utc_now();
  sql::Stmt r(db, "UPDATE records SET reviewed_at = ?, reviewed_by = ? WHERE id = ?");
  r.bind(1, at).bind(2, clerk.name).bind(3, record_id).run();
  insert_audit(db, record_id, "", "done", clerk.name, nullptr, nullptr);
  release_lock(db, clerk, record_id);
  sql::Stmt b(db, "SELECT p.book_id FROM records r JOIN pages p ON p.id = r.page_id WHERE r.id = ?");
  b.bind(1, record_id);
  b.step();
  std::string book = b.text(0);
  b.reset();
  tx.commit();
  return {{"id", record_id}, {"reviewed_at", at}, {"reviewed_by", clerk.name},
          {"progress", book_progress(db, book)}};
}

}  // namespace ledger::review
