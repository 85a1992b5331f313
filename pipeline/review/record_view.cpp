// The record view (see record_view.hpp).
#include "review/record_view.hpp"

#include "review/access.hpp"
#include "review/locks.hpp"
#include "review/queue.hpp"
#include "review/review_db.hpp"

namespace ledger::review {

namespace {
nlohmann::json list_of(const std::string& text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  return j.is_array() ? j : nlohmann::json::array();
}
nlohmann::json text_or_null(const sql::Stmt& s, int col) {
  return s.is_null(col) ? nlohmann::json() : nlohmann::json(s.text(col));
}
}  // namespace

std::map<std::string, std::int64_t> field_versions(sql::Db& db, std::int64_t record_id) {
  std::map<std::string, std::int64_t> out;
  sql::Stmt s(db, "SELECT field_key, MAX(seq) FROM audit WHERE record_id = ? AND field_key <> '' "
                  "GROUP BY field_key");
  s.bind(1, record_id);
  while (s.step()) out[s.text(0)] = s.int64(1);
  return out;
}

nlohmann::json record_view(sql::Db& db, const Clerk& clerk, std::int64_t record_id, bool lock) {
  std::int64_t page_id = check_record_access(db, clerk, record_id);
  nlohmann::json out;
  sql::Stmt r(db,
              "SELECT r.record, r.issues, r.reviewed_at, r.reviewed_by, p.book_id, p.rel_path, "
              "p.page, p.width, p.height, p.commune, p.district, p.province, p.layout_id "
              "FROM records r JOIN pages p ON p.id = r.page_id WHERE r.id = ?");
  r.bind(1, record_id);
  r.step();
  out["id"] = record_id;
  out["record"] = r.int64(0);
  out["issues"] = list_of(r.text(1));
  out["reviewed_at"] = text_or_null(r, 2);
  out["reviewed_by"] = text_or_null(r, 3);
  std::string book = r.text(4);
  out["page"] = {{"id", page_id}, {"book", book}, {"file", r.text(5)}, {"page", r.int64(6)},
                 {"width", r.int64(7)}, {"height", r.int64(8)}, {"unit", r.text(9)},
                 {"district", r.text(10)}, {"province", r.text(11)}, {"layout", r.text(12)}};
  r.reset();

  auto versions = field_versions(db, record_id);
  nlohmann::json fields = nlohmann::json::array();
  sql::Stmt f(db,
              "SELECT key, type, value, raw, confidence, status, box_x, box_y, box_w, box_h, hand, "
              "reasons, reviewed_value FROM fields WHERE record_id = ? ORDER BY ord");
  f.bind(1, record_id);
  while (f.step()) {
    std::string key = f.text(0);
    bool reviewed = !f.is_null(12);
    auto v = versions.find(key);
    fields.push_back({{"key", key}, {"type", f.text(1)},
                      {"value", reviewed ? f.text(12) : f.text(2)}, {"original", f.text(2)},
                      {"raw", f.text(3)}, {"confidence", f.real(4)}, {"status", f.text(5)},
                      {"box", {{"x", f.int64(6)}, {"y", f.int64(7)}, {"w", f.int64(8)}, {"h", f.int64(9)}}},
                      {"hand", f.int64(10) != 0}, {"reasons", list_of(f.text(11))},
                      {"reviewed", reviewed}, {"version", v == versions.end() ? 0 : v->second}});
  }
  out["fields"] = fields;
  out["progress"] = book_progress(db, book);
  std::optional<std::string> holder =
      lock ? acquire_lock(db, clerk, record_id) : other_holder(db, clerk, record_id);
  out["locked_by"] = holder ? nlohmann::json(*holder) : nlohmann::json();
  out["readonly"] = holder.has_value();
  return out;
}

nlohmann::json record_audit(sql::Db& db, const Clerk& clerk, std::int64_t record_id) {
  check_record_access(db, clerk, record_id);
  nlohmann::json out = nlohmann::json::array();
  sql::Stmt s(db, "SELECT seq, field_key, action, clerk, at, old_value, new_value FROM audit "
                  "WHERE record_id = ? ORDER BY seq");
  s.bind(1, record_id);
  while (s.step())
    out.push_back({{"seq", s.int64(0)}, {"key", s.text(1)}, {"action", s.text(2)},
                   {"clerk", s.text(3)}, {"at", s.text(4)}, {"old", text_or_null(s, 5)},
                   {"new", text_or_null(s, 6)}});
  return out;
}

}  // namespace ledger::review
