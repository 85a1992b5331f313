// The clerk's work queue: records of a book in page order, or fields needing review with the
// lowest confidence first, restricted to the clerk's units; plus books with their progress.
#pragma once
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "records/sqlite_db.hpp"
#include "review/accounts.hpp"

namespace ledger::review {

struct QueueQuery {
  std::string mode = "records";  // "records" (page order) or "fields" (lowest confidence first)
  std::string book;              // "" = every book
  std::string unit;              // "" = every unit of the clerk, else a commune
  std::string status;            // records: "todo", "done" or ""; fields: "review" (default), "blank", "accept"
  std::string reason;            // only items with a field carrying this reason ("" = any)
  int limit = 50, offset = 0;
};

/// The queue page: {"items": [...], "mode": ...}. Record items carry id, page, book, record,
/// done, todo (fields still to review) and locked_by (another clerk editing it, or null).
nlohmann::json queue(sql::Db& db, const Clerk& clerk, const QueueQuery& query);

/// The first record not yet reviewed and not locked by another clerk, in page order (the same
/// filters as `queue`); nothing when the queue is empty. Does not lock it.
std::optional<std::int64_t> next_record(sql::Db& db, const Clerk& clerk, const QueueQuery& query);

/// Books in the clerk's units: [{"book", "unit", "total", "done"}].
nlohmann::json books(sql::Db& db, const Clerk& clerk);

/// {"done", "total"} records of one book.
nlohmann::json book_progress(sql::Db& db, const std::string& book_id);

}  // namespace ledger::review
