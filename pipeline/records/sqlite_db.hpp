// A thin RAII layer over the SQLite C API (connection, prepared statement, transaction), so the
// store's code reads as SQL plus bindings and every failure names the database file.
#pragma once
#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace ledger::sql {

/// An open database connection. Failures throw InputError naming the file and SQLite's message.
class Db {
 public:
  /// Opens or creates `path` (read-write).
  explicit Db(const std::filesystem::path& path);
  Db(Db&&) noexcept;
  Db& operator=(Db&&) = delete;
  Db(const Db&) = delete;
  ~Db();

  sqlite3* handle() const { return db_; }
  const std::string& file() const { return file_; }
  /// Runs one or more statements without results.
  void exec(const std::string& sql);
  std::int64_t last_insert_id() const;
  /// Throws InputError(file, what + ": " + sqlite message).
  [[noreturn]] void fail(const std::string& what) const;

 private:
  sqlite3* db_ = nullptr;
  std::string file_;
};

/// A prepared statement; `bind` positions are 1-based. Reset automatically by `step()` returning
/// false or by `reset()`.
class Stmt {
 public:
  Stmt(Db& db, const std::string& sql);
  Stmt(Stmt&&) noexcept;
  Stmt(const Stmt&) = delete;
  ~Stmt();

  Stmt& bind(int i, std::int64_t v);
  Stmt& bind(int i, int v) { return bind(i, std::int64_t(v)); }
  Stmt& bind(int i, double v);
  Stmt& bind(int i, std::string_view v);
  Stmt& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
  Stmt& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
  Stmt& bind_null(int i);
  Stmt& bind(int i, const std::optional<int>& v) { return v ? bind(i, *v) : bind_null(i); }

  /// Advances; true while a row is available. At the end (false) the statement is reset and
  /// its bindings cleared, ready for reuse.
  bool step();
  /// Runs a statement that returns no rows.
  void run();
  void reset();

  std::int64_t int64(int col) const;
  double real(int col) const;
  std::string text(int col) const;
  bool is_null(int col) const;

 private:
  Db* db_;
  sqlite3_stmt* st_ = nullptr;
};

/// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless commit() was called.
class Transaction {
 public:
  explicit Transaction(Db& db);
  Transaction(const Transaction&) = delete;
  ~Transaction();
  void commit();

 private:
  Db& db_;
  bool done_ = false;
};

}  // namespace ledger::sql
