// The SQLite store of a run (see store.hpp).
#include "records/store.hpp"

#include "core/clock.hpp"

#include <chrono>
#include <nlohmann/json.hpp>
#include <system_error>

#include "core/error.hpp"
#include "records/sqlite_db.hpp"

namespace ledger {

namespace {

// Schema version 1. Review columns (fields.reviewed_value, records.reviewed_at/by) are here
// from the start so that a review station only adds its own `reviews`/`audit` tables.
const char* kSchema = R"SQL(
CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS batches (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  args TEXT NOT NULL DEFAULT '',
  pages_done INTEGER, pages_failed INTEGER, pages_skipped INTEGER
);
CREATE TABLE IF NOT EXISTS pages (
  id INTEGER PRIMARY KEY,
  batch_id INTEGER REFERENCES batches(id),
  path TEXT NOT NULL, rel_path TEXT NOT NULL, page INTEGER NOT NULL, page_count INTEGER NOT NULL,
  file_size INTEGER NOT NULL, mtime INTEGER NOT NULL,
  sha256 TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('done', 'failed', 'duplicate')),
  error TEXT NOT NULL DEFAULT '',
  book_type TEXT NOT NULL DEFAULT '', book_year INTEGER, book_volume TEXT NOT NULL DEFAULT '',
  province TEXT NOT NULL DEFAULT '', district TEXT NOT NULL DEFAULT '',
  commune TEXT NOT NULL DEFAULT '', reg_date TEXT NOT NULL DEFAULT '',
  entry TEXT NOT NULL DEFAULT '', book_page INTEGER, book_id TEXT NOT NULL DEFAULT '',
  layout_hint TEXT NOT NULL DEFAULT '',
  layout_id TEXT NOT NULL DEFAULT '',
  width INTEGER NOT NULL DEFAULT 0, height INTEGER NOT NULL DEFAULT 0, dpi INTEGER NOT NULL DEFAULT 0,
  seconds REAL NOT NULL DEFAULT 0,
  issues TEXT NOT NULL DEFAULT '[]',
  written_at TEXT NOT NULL,
  UNIQUE (path, page)
);
CREATE INDEX IF NOT EXISTS pages_sha ON pages (sha256);
CREATE INDEX IF NOT EXISTS pages_book ON pages (book_id, rel_path, page);
CREATE TABLE IF NOT EXISTS records (
  id INTEGER PRIMARY KEY,
  page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
  record INTEGER NOT NULL,
  issues TEXT NOT NULL DEFAULT '[]',
  reviewed_at TEXT, reviewed_by TEXT,
  UNIQUE (page_id, record)
);
CREATE TABLE IF NOT EXISTS fields (
  id INTEGER PRIMARY KEY,
  record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  key TEXT NOT NULL, type TEXT NOT NULL,
  value TEXT NOT NULL, raw TEXT NOT NULL,
  confidence REAL NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('accept', 'review', 'blank')),
  box_x INTEGER NOT NULL, box_y INTEGER NOT NULL, box_w INTEGER NOT NULL, box_h INTEGER NOT NULL,
  hand INTEGER NOT NULL,
  reasons TEXT NOT NULL DEFAULT '[]',
  evidence TEXT NOT NULL DEFAULT '{}',
  reviewed_value TEXT
);
CREATE INDEX IF NOT EXISTS fields_record ON fields (record_id, ord);
)SQL";

std::string json_list(const std::vector<std::string>& v) { return nlohmann::json(v).dump(); }

std::vector<std::string> parse_list(const std::string& text) {
  std::vector<std::string> out;
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_array())
    for (const auto& e : j)
      if (e.is_string()) out.push_back(e.get<std::string>());
  return out;
}

FieldStatus parse_status(const std::string& s) {
  if (s == "accept") return FieldStatus::Accept;
  if (s == "blank") return FieldStatus::Blank;
  return FieldStatus::Review;
}

// Columns of a page row, in the order read_page() expects.
const char* kPageCols =
    "p.id, p.batch_id, p.path, p.rel_path, p.page, p.page_count, p.file_size, p.mtime, p.sha256, "
    "p.status, p.error, p.book_type, p.book_year, p.book_volume, p.province, p.district, "
    "p.commune, p.reg_date, p.entry, p.layout_hint, p.layout_id, p.width, p.height, p.dpi, "
    "p.seconds, p.issues, p.book_page, p.written_at";
constexpr int kPageColCount = 28;

StoredPage read_page(const sql::Stmt& s) {
  StoredPage p;
  p.id = s.int64(0);
  p.batch_id = s.int64(1);
  p.ref.path = s.text(2);
  p.ref.rel_path = s.text(3);
  p.ref.page = int(s.int64(4));
  p.ref.page_count = int(s.int64(5));
  p.stamp = {s.int64(6), s.int64(7)};
  p.sha256 = s.text(8);
  p.status = s.text(9);
  p.error = s.text(10);
  p.ref.book.type = s.text(11);
  if (!s.is_null(12)) p.ref.book.year = int(s.int64(12));
  p.ref.book.volume = s.text(13);
  p.ref.book.province = s.text(14);
  p.ref.book.district = s.text(15);
  p.ref.book.commune = s.text(16);
  p.ref.book.reg_date = s.text(17);
  p.ref.book.entry = s.text(18);
  p.ref.layout_hint = s.text(19);
  p.layout_id = s.text(20);
  p.width = int(s.int64(21));
  p.height = int(s.int64(22));
  p.dpi = int(s.int64(23));
  p.seconds = s.real(24);
  p.issues = parse_list(s.text(25));
  if (!s.is_null(26)) p.ref.book.book_page = int(s.int64(26));
  p.written_at = s.text(27);
  return p;
}

}  // namespace

SourceStamp source_stamp(const std::filesystem::path& file) {
  std::error_code ec;
  auto size = std::filesystem::file_size(file, ec);
  if (ec) return {};
  auto mtime = std::filesystem::last_write_time(file, ec);
  if (ec) return {};
  return {std::int64_t(size), std::int64_t(mtime.time_since_epoch().count())};
}

struct Store::Impl {
  std::filesystem::path path;
  sql::Db db;
  sql::Stmt find_sha, find_source, delete_source, insert_page, insert_record, insert_field;

  Impl(const std::filesystem::path& p, sql::Db d)
      : path(p),
        db(std::move(d)),
        find_sha(db, "SELECT rel_path, page, path FROM pages WHERE sha256 = ? AND sha256 <> '' "
                     "AND status = 'done' LIMIT 1"),
        find_source(db, "SELECT file_size, mtime FROM pages WHERE path = ? AND page = ? "
                        "AND status IN ('done', 'duplicate')"),
        delete_source(db, "DELETE FROM pages WHERE path = ? AND page = ?"),
        insert_page(db,
                    "INSERT INTO pages (batch_id, path, rel_path, page, page_count, file_size, mtime, "
                    "sha256, status, error, book_type, book_year, book_volume, province, district, "
                    "commune, reg_date, entry, book_id, layout_hint, layout_id, width, height, dpi, "
                    "seconds, issues, written_at, book_page) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,"
                    "?,?,?,?,?,?,?,?,?,?)"),
        insert_record(db, "INSERT INTO records (page_id, record, issues) VALUES (?,?,?)"),
        insert_field(db,
                     "INSERT INTO fields (record_id, ord, key, type, value, raw, confidence, status, "
                     "box_x, box_y, box_w, box_h, hand, reasons, evidence) VALUES "
                     "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)") {}
};

namespace {
sql::Db open_db(const std::filesystem::path& path, const StoreOptions& options) {
  sql::Db db(path);
  sqlite3_busy_timeout(db.handle(), options.busy_timeout_ms);
  try {
    // WAL: readers (review, export) never block the writer; NORMAL sync is durable across a
    // process crash (kill -9), which is what one transaction per page must survive.
    db.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
    db.exec(kSchema);
  } catch (const InputError& e) {
    throw InputError(path.string(), "not a ledger-ocr store (" + e.reason() + ")");
  }
  sql::Stmt v(db, "SELECT version FROM schema_version LIMIT 1");
  if (v.step()) {
    auto version = v.int64(0);
    v.reset();
    if (version > Store::kSchemaVersion)
      throw InputError(path.string(), "store schema version " + std::to_string(version) +
                                          " is newer than this program's (" +
                                          std::to_string(Store::kSchemaVersion) + ")");
  } else {
    db.exec("INSERT INTO schema_version (version) VALUES (" +
            std::to_string(Store::kSchemaVersion) + ")");
  }
  return db;
}
}  // namespace

Store Store::open(const std::filesystem::path& path, const StoreOptions& options) {
  if (path.has_parent_path()) {
    std::error_code ec;
    std::filesystem::create_directories(path.parent_path(), ec);
  }
  return Store(std::make_unique<Impl>(path, open_db(path, options)));
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

const std::filesystem::path& Store::path() const { return impl_->path; }

std::int64_t Store::begin_batch(const std::string& args) {
  sql::Stmt s(impl_->db, "INSERT INTO batches (started_at, args) VALUES (?, ?)");
  s.bind(1, utc_now()).bind(2, args).run();
  return impl_->db.last_insert_id();
}

void Store::finish_batch(std::int64_t batch, int done, int failed, int skipped) {
  sql::Stmt s(impl_->db,
              "UPDATE batches SET finished_at = ?, pages_done = ?, pages_failed = ?, "
              "pages_skipped = ? WHERE id = ?");
  s.bind(1, utc_now()).bind(2, done).bind(3, failed).bind(4, skipped).bind(5, batch).run();
}

bool Store::has_page(const std::string& sha256) const {
  if (sha256.empty()) return false;
  auto& s = impl_->find_sha;
  s.bind(1, sha256);
  bool found = s.step();
  s.reset();
  return found;
}

bool Store::is_done(const std::string& path, int page, const SourceStamp& stamp) const {
  auto& s = impl_->find_source;
  s.bind(1, path).bind(2, page);
  bool same = s.step() && SourceStamp{s.int64(0), s.int64(1)} == stamp;
  s.reset();
  return same && stamp.size >= 0;
}

std::map<std::pair<std::string, int>, SourceStamp> Store::done_sources() const {
  std::map<std::pair<std::string, int>, SourceStamp> out;
  sql::Stmt s(impl_->db,
              "SELECT path, page, file_size, mtime FROM pages WHERE status IN ('done', 'duplicate')");
  while (s.step()) out[{s.text(0), int(s.int64(1))}] = {s.int64(2), s.int64(3)};
  return out;
}

WriteOutcome Store::write_page(const PageResult& r, const SourceStamp& stamp, std::int64_t batch) {
  auto& db = impl_->db;
  sql::Transaction tx(db);
  impl_->delete_source.bind(1, r.ref.path).bind(2, r.ref.page).run();

  std::string status = r.error.empty() ? "done" : "failed";
  std::vector<std::string> issues = r.issues;
  if (status == "done" && !r.sha256.empty()) {
    auto& f = impl_->find_sha;
    f.bind(1, r.sha256);
    if (f.step()) {
      status = "duplicate";
      issues.push_back("duplicate-of:" + f.text(0) + "#" + std::to_string(f.int64(1)));
    }
    f.reset();
  }

  const BookInfo& b = r.ref.book;
  auto& p = impl_->insert_page;
  p.bind(1, batch).bind(2, r.ref.path).bind(3, r.ref.rel_path).bind(4, r.ref.page);
  p.bind(5, r.ref.page_count).bind(6, stamp.size).bind(7, stamp.mtime).bind(8, r.sha256);
  p.bind(9, status).bind(10, r.error).bind(11, b.type).bind(12, b.year).bind(13, b.volume);
  p.bind(14, b.province).bind(15, b.district).bind(16, b.commune).bind(17, b.reg_date);
  p.bind(18, b.entry).bind(19, b.book_id()).bind(20, r.ref.layout_hint).bind(21, r.layout_id);
  p.bind(22, r.width).bind(23, r.height).bind(24, r.dpi).bind(25, r.seconds);
  p.bind(26, json_list(issues)).bind(27, r.written_at.empty() ? utc_now() : r.written_at).bind(28, b.book_page);
  p.run();
  std::int64_t page_id = db.last_insert_id();

  if (status == "done") {
    for (const DraftRecord& rec : r.records) {
      impl_->insert_record.bind(1, page_id).bind(2, rec.record).bind(3, json_list(rec.issues)).run();
      std::int64_t record_id = db.last_insert_id();
      int ord = 0;
      for (const auto& [key, f] : rec.fields) {
        nlohmann::ordered_json evidence = nlohmann::ordered_json::object();
        for (const auto& [name, v] : f.evidence) evidence[name] = v;
        auto& s = impl_->insert_field;
        s.bind(1, record_id).bind(2, ord++).bind(3, key).bind(4, to_string(f.type));
        s.bind(5, f.value).bind(6, f.raw).bind(7, f.confidence).bind(8, to_string(f.status));
        s.bind(9, f.box.x).bind(10, f.box.y).bind(11, f.box.w).bind(12, f.box.h);
        s.bind(13, f.hand ? 1 : 0).bind(14, json_list(f.reasons)).bind(15, evidence.dump());
        s.run();
      }
    }
  }
  tx.commit();
  return status == "duplicate" ? WriteOutcome::Duplicate : WriteOutcome::Stored;
}

std::optional<PageRef> Store::done_page_with(const std::string& sha256) const {
  if (sha256.empty()) return std::nullopt;
  auto& f = impl_->find_sha;
  f.bind(1, sha256);
  std::optional<PageRef> out;
  if (f.step()) {
    out.emplace();
    out->rel_path = f.text(0);
    out->page = int(f.int64(1));
    out->path = f.text(2);
  }
  f.reset();
  return out;
}

bool Store::mark_duplicate(const std::string& path, int page, const std::string& original) {
  auto& db = impl_->db;
  sql::Transaction tx(db);
  sql::Stmt find(db, "SELECT id, issues FROM pages WHERE path = ? AND page = ? AND status = 'done'");
  find.bind(1, path).bind(2, page);
  if (!find.step()) return false;
  std::int64_t id = find.int64(0);
  std::vector<std::string> issues = parse_list(find.text(1));
  find.reset();
  issues.push_back("duplicate-of:" + original);
  sql::Stmt(db, "DELETE FROM records WHERE page_id = ?").bind(1, id).run();
  sql::Stmt update(db, "UPDATE pages SET status = 'duplicate', issues = ? WHERE id = ?");
  update.bind(1, json_list(issues)).bind(2, id).run();
  tx.commit();
  return true;
}

std::vector<StoredPage> Store::pages() const {
  std::vector<StoredPage> out;
  sql::Stmt s(impl_->db, std::string("SELECT ") + kPageCols +
                             ", (SELECT COUNT(*) FROM records r WHERE r.page_id = p.id) "
                             "FROM pages p ORDER BY p.book_id, p.rel_path, p.page");
  while (s.step()) {
    out.push_back(read_page(s));
    out.back().record_count = int(s.int64(kPageColCount));
  }
  return out;
}

std::vector<StoredPage> Store::failed_pages() const {
  std::vector<StoredPage> out;
  for (auto& p : pages())
    if (p.status == "failed") out.push_back(std::move(p));
  return out;
}

void Store::for_each_record(const RecordFilter& filter,
                            const std::function<void(const StoredRecord&)>& visit) const {
  std::string q = std::string("SELECT ") + kPageCols +
                  ", r.id, r.record, r.issues, r.reviewed_at, r.reviewed_by, "
                  "f.key, f.type, f.value, f.raw, f.confidence, f.status, f.box_x, f.box_y, "
                  "f.box_w, f.box_h, f.hand, f.reasons, f.evidence, f.reviewed_value "
                  "FROM pages p JOIN records r ON r.page_id = p.id "
                  "LEFT JOIN fields f ON f.record_id = r.id WHERE p.status = 'done'";
  if (!filter.book_id.empty()) q += " AND p.book_id = ?1";
  if (filter.reviewed_only) q += " AND r.reviewed_at IS NOT NULL";
  if (filter.page_id) q += " AND p.id = ?2";
  q += " ORDER BY p.book_id, p.rel_path, p.page, r.record, f.ord";
  sql::Stmt s(impl_->db, q);
  if (!filter.book_id.empty()) s.bind(1, filter.book_id);
  if (filter.page_id) s.bind(2, *filter.page_id);

  constexpr int c = kPageColCount;
  std::optional<StoredRecord> cur;
  while (s.step()) {
    std::int64_t record_id = s.int64(c);
    if (!cur || cur->id != record_id) {
      if (cur) visit(*cur);
      cur.emplace();
      cur->id = record_id;
      cur->page = read_page(s);
      cur->draft.record = int(s.int64(c + 1));
      cur->draft.issues = parse_list(s.text(c + 2));
      cur->reviewed_at = s.text(c + 3);
      cur->reviewed_by = s.text(c + 4);
    }
    if (s.is_null(c + 5)) continue;  // a record without fields
    DraftField f;
    std::string key = s.text(c + 5);
    f.type = parse_field_type(s.text(c + 6)).value_or(FieldType::Text);
    f.value = s.text(c + 7);
    f.raw = s.text(c + 8);
    f.confidence = s.real(c + 9);
    f.status = parse_status(s.text(c + 10));
    f.box = {int(s.int64(c + 11)), int(s.int64(c + 12)), int(s.int64(c + 13)), int(s.int64(c + 14))};
    f.hand = s.int64(c + 15) != 0;
    f.reasons = parse_list(s.text(c + 16));
    auto ev = nlohmann::ordered_json::parse(s.text(c + 17), nullptr, false);
    if (ev.is_object())
      for (auto it = ev.begin(); it != ev.end(); ++it)
        if (it->is_number()) f.evidence.emplace_back(it.key(), it->get<double>());
    if (!s.is_null(c + 18)) cur->reviewed_values[key] = s.text(c + 18);
    cur->draft.fields.emplace_back(std::move(key), std::move(f));
  }
  if (cur) visit(*cur);
}

std::vector<std::string> Store::books_of_batch(std::int64_t batch) const {
  std::vector<std::string> out;
  sql::Stmt s(impl_->db, "SELECT DISTINCT book_id FROM pages WHERE batch_id = ? ORDER BY book_id");
  s.bind(1, batch);
  while (s.step()) out.push_back(s.text(0));
  return out;
}

void Store::update_flags(const std::vector<StoredRecord>& records) {
  auto& db = impl_->db;
  sql::Transaction tx(db);
  sql::Stmt rec(db, "UPDATE records SET issues = ? WHERE id = ?");
  sql::Stmt field(db, "UPDATE fields SET reasons = ?, status = ? WHERE record_id = ? AND key = ?");
  for (const auto& r : records) {
    rec.bind(1, json_list(r.draft.issues)).bind(2, r.id).run();
    for (const auto& [key, f] : r.draft.fields)
      field.bind(1, json_list(f.reasons)).bind(2, to_string(f.status)).bind(3, r.id).bind(4, key).run();
  }
  tx.commit();
}

std::vector<StoredRecord> Store::records(const RecordFilter& filter) const {
  std::vector<StoredRecord> out;
  for_each_record(filter, [&](const StoredRecord& r) { out.push_back(r); });
  return out;
}

}  // namespace ledger
