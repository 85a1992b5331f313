// The review station's side of the store: its own tables (clerks, units, sessions, audit, locks)
// in the same SQLite file, a small pool of connections for the server's threads, and HTTP errors.
#pragma once
#include <condition_variable>
#include <cstdint>
#include <filesystem>

#include "core/clock.hpp"  // utc_now(): audit and session times
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "records/sqlite_db.hpp"

namespace ledger::review {

/// A refusal the server turns into an HTTP status with a JSON body {"error": message, ...extra}.
class HttpError : public std::runtime_error {
 public:
  HttpError(int status, const std::string& message, nlohmann::json extra = nlohmann::json::object())
      : std::runtime_error(message), status_(status), extra_(std::move(extra)) {}
  int status() const { return status_; }
  const nlohmann::json& extra() const { return extra_; }

 private:
  int status_;
  nlohmann::json extra_;
};

/// Opens the store file for review work: creates the store's schema when absent (Store::open),
/// then the review tables and indexes. Throws InputError naming the file.
/// Notes:
///   1. WAL mode and a busy timeout let a pipeline run and several clerks share the file.
///   2. The index on fields(status, confidence) makes "lowest confidence first" a walk, not a sort.
sql::Db open_review_db(const std::filesystem::path& store);

/// Seconds since the epoch (lock and session expiry).
std::int64_t unix_now();

/// A fixed set of connections to one store shared by the server's worker threads.
class DbPool {
 public:
  /// Opens `size` connections (the first one creates the schema).
  DbPool(const std::filesystem::path& store, int size);

  /// A borrowed connection, returned to the pool when it dies.
  class Lease {
   public:
    Lease(DbPool& pool, std::unique_ptr<sql::Db> db) : pool_(&pool), db_(std::move(db)) {}
    Lease(Lease&&) = default;
    ~Lease();
    sql::Db& operator*() { return *db_; }
    sql::Db* operator->() { return db_.get(); }

   private:
    DbPool* pool_;
    std::unique_ptr<sql::Db> db_;
  };
  /// Waits for a free connection.
  Lease acquire();
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  std::mutex mutex_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<sql::Db>> free_;
};

}  // namespace ledger::review
