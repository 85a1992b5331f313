// The clerk's work queue (see queue.hpp).
#include "review/queue.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "review/access.hpp"
#include "review/review_db.hpp"

namespace ledger::review {

namespace {

// The WHERE clause shared by the record queue and next_record; binds ?1 book, ?2 unit, ?3 reason.
std::string record_filter(sql::Db& db, const Clerk& clerk, const QueueQuery& q) {
  std::string w = " WHERE p.status = 'done' AND " + scope_sql(scope_of(db, clerk), "p.commune");
  if (!q.book.empty()) w += " AND p.book_id = ?1";
  if (!q.unit.empty()) w += " AND p.commune = ?2";
  if (q.status == "todo") w += " AND r.reviewed_at IS NULL";
  if (q.status == "done") w += " AND r.reviewed_at IS NOT NULL";
  if (!q.reason.empty())
    w += " AND EXISTS (SELECT 1 FROM fields g WHERE g.record_id = r.id AND "
         "g.reasons LIKE '%\"' || ?3 || '\"%')";
  return w;
}

void bind_filter(sql::Stmt& s, const QueueQuery& q) {
  if (!q.book.empty()) s.bind(1, q.book);
  if (!q.unit.empty()) s.bind(2, nfc(q.unit));
  if (!q.reason.empty()) s.bind(3, q.reason);
}

nlohmann::json list_of(const std::string& text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  return j.is_array() ? j : nlohmann::json::array();
}

}  // namespace

nlohmann::json queue(sql::Db& db, const Clerk& clerk, const QueueQuery& q) {
  nlohmann::json items = nlohmann::json::array();
  int limit = std::clamp(q.limit, 1, 500), offset = std::max(q.offset, 0);
  if (q.mode == "fields") {
    std::string status = q.status.empty() ? "review" : q.status;
    std::string sql =
        "SELECT f.id, r.id, f.key, COALESCE(f.reviewed_value, f.value), f.confidence, f.reasons, "
        "p.book_id, p.page, p.rel_path, r.record, f.status "
        "FROM fields f JOIN records r ON r.id = f.record_id JOIN pages p ON p.id = r.page_id" +
        record_filter(db, clerk, q) +
        " AND f.status = ?4 AND f.reviewed_value IS NULL AND r.reviewed_at IS NULL"
        " ORDER BY f.confidence, f.id LIMIT ?5 OFFSET ?6";
    sql::Stmt s(db, sql);
    bind_filter(s, q);
    s.bind(4, status).bind(5, limit).bind(6, offset);
    while (s.step())
      items.push_back({{"field_id", s.int64(0)}, {"id", s.int64(1)}, {"key", s.text(2)},
                       {"value", s.text(3)}, {"confidence", s.real(4)},
                       {"reasons", list_of(s.text(5))}, {"book", s.text(6)}, {"page", s.int64(7)},
                       {"file", s.text(8)}, {"record", s.int64(9)}, {"status", s.text(10)}});
    return {{"mode", "fields"}, {"items", items}};
  }
  std::string sql =
      "SELECT r.id, p.id, p.book_id, p.rel_path, p.page, r.record, r.reviewed_at, r.reviewed_by, "
      "p.commune, (SELECT COUNT(*) FROM fields f WHERE f.record_id = r.id AND f.status <> 'accept' "
      "AND f.reviewed_value IS NULL), l.clerk "
      "FROM pages p JOIN records r ON r.page_id = p.id "
      "LEFT JOIN locks l ON l.record_id = r.id AND l.expires_at >= ?7 AND l.clerk_id <> ?8" +
      record_filter(db, clerk, q) +
      " ORDER BY p.book_id, p.rel_path, p.page, r.record LIMIT ?5 OFFSET ?6";
  sql::Stmt s(db, sql);
  bind_filter(s, q);
  s.bind(5, limit).bind(6, offset).bind(7, unix_now()).bind(8, clerk.id);
  while (s.step())
    items.push_back({{"id", s.int64(0)}, {"page_id", s.int64(1)}, {"book", s.text(2)},
                     {"file", s.text(3)}, {"page", s.int64(4)}, {"record", s.int64(5)},
                     {"done", !s.is_null(6)}, {"reviewed_by", s.text(7)}, {"unit", s.text(8)},
                     {"todo", s.int64(9)},
                     {"locked_by", s.is_null(10) ? nlohmann::json() : nlohmann::json(s.text(10))}});
  return {{"mode", "records"}, {"items", items}};
}

std::optional<std::int64_t> next_record(sql::Db& db, const Clerk& clerk, const QueueQuery& query) {
  QueueQuery q = query;
  q.status = "todo";
  std::string sql = "SELECT r.id FROM pages p JOIN records r ON r.page_id = p.id" +
                    record_filter(db, clerk, q) +
                    " AND NOT EXISTS (SELECT 1 FROM locks l WHERE l.record_id = r.id AND "
                    "l.expires_at >= ?4 AND l.clerk_id <> ?5)"
                    " ORDER BY p.book_id, p.rel_path, p.page, r.record LIMIT 1";
  sql::Stmt s(db, sql);
  bind_filter(s, q);
  s.bind(4, unix_now()).bind(5, clerk.id);
  if (!s.step()) return std::nullopt;
  auto id = s.int64(0);
  s.reset();
  return id;
}

nlohmann::json books(sql::Db& db, const Clerk& clerk) {
  nlohmann::json out = nlohmann::json::array();
  sql::Stmt s(db,
              "SELECT p.book_id, p.commune, p.district, p.province, COUNT(r.id), "
              "COUNT(r.reviewed_at) FROM pages p JOIN records r ON r.page_id = p.id "
              "WHERE p.status = 'done' AND " + scope_sql(scope_of(db, clerk), "p.commune") +
                  " GROUP BY p.book_id ORDER BY p.book_id");
  while (s.step())
    out.push_back({{"book", s.text(0)}, {"unit", s.text(1)}, {"district", s.text(2)},
                   {"province", s.text(3)}, {"total", s.int64(4)}, {"done", s.int64(5)}});
  return out;
}

nlohmann::json book_progress(sql::Db& db, const std::string& book_id) {
  sql::Stmt s(db,
              "SELECT COUNT(r.id), COUNT(r.reviewed_at) FROM pages p JOIN records r "
              "ON r.page_id = p.id WHERE p.book_id = ? AND p.status = 'done'");
  s.bind(1, book_id);
  s.step();
  nlohmann::json out = {{"total", s.int64(0)}, {"done", s.int64(1)}};
  s.reset();
  return out;
}

}  // namespace ledger::review
