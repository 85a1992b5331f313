// The store's group tables (see group_store.hpp).
#include "groups/group_store.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "core/clock.hpp"

namespace ledger::groups {

namespace {

// The groups table under `name` (the rebuild in ensure_group_tables makes it under another).
std::string groups_table(const std::string& name) {
  return "CREATE TABLE IF NOT EXISTS " + name + R"SQL( (
  id INTEGER PRIMARY KEY,
  book_id TEXT NOT NULL,
  field_type TEXT NOT NULL,
  field_key TEXT NOT NULL DEFAULT '',
  proposed_value TEXT NOT NULL DEFAULT '',
  confidence REAL NOT NULL DEFAULT 0,
  source TEXT NOT NULL CHECK (source IN ('reading', 'clerk', 'none')),
  kind TEXT NOT NULL DEFAULT 'look-alike' CHECK (kind IN ('look-alike', 'sequence', 'agreeing')),
  confirmed_by TEXT, confirmed_at TEXT,
  created_at TEXT NOT NULL
);
)SQL";
}

// The rest: indexes and the members table.
const char* kSchema = R"SQL(
CREATE INDEX IF NOT EXISTS field_groups_book ON field_groups (book_id, field_type);
CREATE TABLE IF NOT EXISTS field_group_members (
  group_id INTEGER NOT NULL REFERENCES field_groups(id) ON DELETE CASCADE,
  field_id INTEGER NOT NULL,
  role TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'evidence')),
  removed INTEGER NOT NULL DEFAULT 0,
  proposed TEXT,
  PRIMARY KEY (group_id, field_id)
);
CREATE INDEX IF NOT EXISTS field_group_members_field ON field_group_members (field_id);
)SQL";

// Columns of a group row, in the order group_of_row() reads them.
constexpr const char* kGroupCols =
    "id, book_id, field_type, field_key, proposed_value, confidence, source, confirmed_by, confirmed_at, "
    "created_at, kind";

FieldGroup group_of_row(sql::Stmt& s) {
  FieldGroup g;
  g.id = s.int64(0);
  g.book_id = s.text(1);
  g.field_type = s.text(2);
  g.field_key = s.text(3);
  g.proposed_value = s.text(4);
  g.confidence = s.real(5);
  g.source = s.text(6);
  g.confirmed_by = s.is_null(7) ? "" : s.text(7);
  g.confirmed_at = s.is_null(8) ? "" : s.text(8);
  g.created_at = s.text(9);
  g.kind = s.text(10);
  return g;
}

void load_members(sql::Db& db, FieldGroup& g) {
  sql::Stmt s(db, "SELECT m.field_id, f.record_id, r.page_id, f.key, f.value, f.confidence, f.status, "
                  "f.reviewed_value, f.box_x, f.box_y, f.box_w, f.box_h, m.role, m.removed, p.commune, m.proposed "
                  "FROM field_group_members m JOIN fields f ON f.id = m.field_id "
                  "JOIN records r ON r.id = f.record_id JOIN pages p ON p.id = r.page_id "
                  "WHERE m.group_id = ?1 ORDER BY CASE WHEN ?2 = 'look-alike' THEN m.role ELSE '' END DESC, "
                  "p.rel_path, p.page, r.record");
  s.bind(1, g.id).bind(2, g.kind);
  while (s.step()) {
    GroupMember m;
    m.field_id = s.int64(0);
    m.record_id = s.int64(1);
    m.page_id = s.int64(2);
    m.key = s.text(3);
    m.value = s.text(4);
    m.confidence = s.real(5);
    m.status = s.text(6);
    if (!s.is_null(7)) m.reviewed_value = s.text(7);
    m.box = {int(s.int64(8)), int(s.int64(9)), int(s.int64(10)), int(s.int64(11))};
    m.role = s.text(12);
    m.removed = s.int64(13) != 0;
    g.commune = s.text(14);
    if (!s.is_null(15)) m.proposed = s.text(15);
    g.members.push_back(std::move(m));
  }
}

// Whether `table` has a column named `column` (stores made by earlier versions lack some).
bool has_column(sql::Db& db, const std::string& table, const std::string& column) {
  sql::Stmt cols(db, "PRAGMA table_info(" + table + ")");
  while (cols.step())
    if (cols.text(1) == column) return true;
  return false;
}

}  // namespace

int FieldGroup::open_members() const {
  return int(std::count_if(members.begin(), members.end(),
                           [](const GroupMember& m) { return m.role == "member" && !m.removed; }));
}

void ensure_group_tables(sql::Db& db) {
  // Stores grouped before agreeing groups existed hold a `kind` whose CHECK lacks the kind, and
  // older ones no `kind` at all (all their groups look-alikes). SQLite cannot widen a CHECK:
  // the table is rebuilt with every row and id, its members untouched.
  std::string made;
  {
    sql::Stmt t(db, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'field_groups'");
    if (t.step()) made = t.text(0);
  }
  if (!made.empty() && made.find("'agreeing'") == std::string::npos) {
    if (!sqlite3_get_autocommit(db.handle()))  // foreign_keys cannot be switched off in one
      throw std::logic_error("ensure_group_tables: the group table is rebuilt outside a transaction");
    const bool has_kind = has_column(db, "field_groups", "kind");
    bool keys_on = false;
    {
      sql::Stmt fk(db, "PRAGMA foreign_keys");
      keys_on = fk.step() && fk.int64(0) != 0;
    }
    // Off, or dropping the old table would delete every member (ON DELETE CASCADE).
    db.exec("PRAGMA foreign_keys=OFF");
    {
      sql::Transaction tx(db);
      const std::string cols = "id, book_id, field_type, field_key, proposed_value, confidence, source, "
                               "confirmed_by, confirmed_at, created_at";
      db.exec(groups_table("field_groups_widened"));
      db.exec("INSERT INTO field_groups_widened (" + cols + ", kind) SELECT " + cols + ", " +
              (has_kind ? "kind" : "'look-alike'") + " FROM field_groups");
      db.exec("DROP TABLE field_groups");
      db.exec("ALTER TABLE field_groups_widened RENAME TO field_groups");
      tx.commit();
    }
    if (keys_on) db.exec("PRAGMA foreign_keys=ON");
  }
  db.exec(groups_table("field_groups"));
  db.exec(kSchema);
  // Stores grouped before members had proposals of their own lack the column (all NULL).
  if (!has_column(db, "field_group_members", "proposed"))
    db.exec("ALTER TABLE field_group_members ADD COLUMN proposed TEXT");
}

std::int64_t insert_group(sql::Db& db, const FieldGroup& g) {
  sql::Stmt s(db, "INSERT INTO field_groups (book_id, field_type, field_key, proposed_value, confidence, "
                  "source, confirmed_by, confirmed_at, created_at, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  s.bind(1, g.book_id).bind(2, g.field_type).bind(3, g.field_key).bind(4, g.proposed_value);
  s.bind(5, g.confidence).bind(6, g.source);
  g.confirmed_by.empty() ? s.bind_null(7) : s.bind(7, g.confirmed_by);
  g.confirmed_at.empty() ? s.bind_null(8) : s.bind(8, g.confirmed_at);
  s.bind(9, g.created_at.empty() ? utc_now() : g.created_at);
  s.bind(10, g.kind);
  s.run();
  const std::int64_t id = db.last_insert_id();
  sql::Stmt m(db, "INSERT OR IGNORE INTO field_group_members (group_id, field_id, role, removed, proposed) "
                  "VALUES (?, ?, ?, ?, ?)");
  for (const auto& member : g.members) {
    m.bind(1, id).bind(2, member.field_id).bind(3, member.role).bind(4, member.removed ? 1 : 0);
    member.proposed ? m.bind(5, *member.proposed) : m.bind_null(5);
    m.run();
  }
  return id;
}

int delete_open_groups(sql::Db& db, const std::string& book_id) {
  const std::string where = book_id.empty() ? "confirmed_at IS NULL" : "confirmed_at IS NULL AND book_id = ?";
  sql::Stmt m(db, "DELETE FROM field_group_members WHERE group_id IN (SELECT id FROM field_groups WHERE " + where + ")");
  if (!book_id.empty()) m.bind(1, book_id);
  m.run();
  sql::Stmt g(db, "DELETE FROM field_groups WHERE " + where);
  if (!book_id.empty()) g.bind(1, book_id);
  g.run();
  return sqlite3_changes(db.handle());
}

std::vector<FieldGroup> load_groups(sql::Db& db, const GroupQuery& q) {
  std::string sql = std::string("SELECT ") + kGroupCols + " FROM field_groups WHERE 1";
  if (!q.book_id.empty()) sql += " AND book_id = ?1";
  if (!q.field_type.empty()) sql += " AND field_type = ?2";
  if (q.open_only) sql += " AND confirmed_at IS NULL";
  sql += " ORDER BY book_id, field_type, id";
  sql::Stmt s(db, sql);
  if (!q.book_id.empty()) s.bind(1, q.book_id);
  if (!q.field_type.empty()) s.bind(2, q.field_type);
  std::vector<FieldGroup> out;
  while (s.step()) out.push_back(group_of_row(s));
  for (auto& g : out) load_members(db, g);
  std::erase_if(out, [](const FieldGroup& g) { return g.members.empty(); });
  std::stable_sort(out.begin(), out.end(), [](const FieldGroup& a, const FieldGroup& b) {
    if (a.confirmed() != b.confirmed()) return !a.confirmed();
    return a.open_members() > b.open_members();
  });
  return out;
}

std::optional<FieldGroup> load_group(sql::Db& db, std::int64_t id) {
  sql::Stmt s(db, std::string("SELECT ") + kGroupCols + " FROM field_groups WHERE id = ?");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  FieldGroup g = group_of_row(s);
  s.reset();
  load_members(db, g);
  return g;
}

void mark_confirmed(sql::Db& db, std::int64_t group_id, const std::string& value, const std::string& clerk,
                    const std::string& at, const std::vector<std::int64_t>& removed_field_ids) {
  sql::Stmt g(db, "UPDATE field_groups SET proposed_value = ?, confidence = 1, source = 'clerk', "
                  "confirmed_by = ?, confirmed_at = ? WHERE id = ?");
  g.bind(1, value).bind(2, clerk).bind(3, at).bind(4, group_id).run();
  sql::Stmt m(db, "UPDATE field_group_members SET removed = 1 WHERE group_id = ? AND field_id = ?");
  for (auto f : removed_field_ids) m.bind(1, group_id).bind(2, f).run();
}

}  // namespace ledger::groups
