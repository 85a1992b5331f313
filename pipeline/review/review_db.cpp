// The review station's tables and connection pool (see review_db.hpp).
#include "review/review_db.hpp"

#include <chrono>
#include <ctime>

#include "records/store.hpp"

namespace ledger::review {

namespace {

// The store's own schema (records/store.cpp) already has fields.reviewed_value and
// records.reviewed_at/by; these tables hold what only the review station needs.
const char* kReviewSchema = R"SQL(
CREATE TABLE IF NOT EXISTS clerks (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  pw_hash TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS clerk_units (
  clerk_id INTEGER NOT NULL REFERENCES clerks(id) ON DELETE CASCADE,
  unit TEXT NOT NULL,
  PRIMARY KEY (clerk_id, unit)
);
CREATE TABLE IF NOT EXISTS sessions (
  token_hash TEXT PRIMARY KEY,
  clerk_id INTEGER NOT NULL REFERENCES clerks(id) ON DELETE CASCADE,
  csrf TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS audit (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  record_id INTEGER NOT NULL,
  field_key TEXT NOT NULL DEFAULT '',
  action TEXT NOT NULL,
  clerk TEXT NOT NULL,
  at TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT
);
CREATE INDEX IF NOT EXISTS audit_field ON audit (record_id, field_key, seq);
CREATE TABLE IF NOT EXISTS locks (
  record_id INTEGER PRIMARY KEY,
  clerk_id INTEGER NOT NULL,
  clerk TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS review_fields_conf ON fields (status, confidence);
DROP INDEX IF EXISTS review_pages_commune;
CREATE INDEX IF NOT EXISTS review_pages_unit ON pages (commune, book_id, rel_path, page);
)SQL";

void tune(sql::Db& db) {
  sqlite3_busy_timeout(db.handle(), 10000);
  // 32 MiB of page cache per connection keeps a 100,000-record store's indexes in memory.
  db.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
          "PRAGMA cache_size=-32000;");
}

}  // namespace

sql::Db open_review_db(const std::filesystem::path& store) {
  { auto s = Store::open(store); }  // creates or upgrades the store's own schema
  sql::Db db(store);
  tune(db);
  db.exec(kReviewSchema);
  return db;
}

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

DbPool::DbPool(const std::filesystem::path& store, int size) : path_(store) {
  free_.push_back(std::make_unique<sql::Db>(open_review_db(store)));
  for (int i = 1; i < size; ++i) {
    auto db = std::make_unique<sql::Db>(store);
    tune(*db);
    free_.push_back(std::move(db));
  }
}

DbPool::Lease DbPool::acquire() {
  std::unique_lock lock(mutex_);
  cv_.wait(lock, [&] { return !free_.empty(); });
  auto db = std::move(free_.back());
  free_.pop_back();
  return Lease(*this, std::move(db));
}

DbPool::Lease::~Lease() {
  if (!db_) return;
  {
    std::lock_guard lock(pool_->mutex_);
    pool_->free_.push_back(std::move(db_));
  }
  pool_->cv_.notify_one();
}

}  // namespace ledger::review
