// Which records a clerk may see: those whose page's commune matches one of the clerk's units
// (NFC comparison), or every record for a clerk with the unit "*".
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "records/sqlite_db.hpp"
#include "review/accounts.hpp"

namespace ledger::review {

/// The communes as written in the store that a clerk may see.
struct UnitScope {
  bool all = false;
  std::vector<std::string> communes;  // raw `pages.commune` values whose NFC form is a unit
};

/// Works out the scope of `clerk` against the communes present in the store.
UnitScope scope_of(sql::Db& db, const Clerk& clerk);
/// An SQL condition on `column` restricting rows to the scope ("1", "0" or "col IN (...)"),
/// with values quoted by SQLite (never raw user text).
std::string scope_sql(const UnitScope& scope, const std::string& column);
/// Checks that record `record_id` exists (else HttpError 404) and lies in the clerk's units
/// (else HttpError 403). Returns the record's page id.
std::int64_t check_record_access(sql::Db& db, const Clerk& clerk, std::int64_t record_id);
/// The same for a page.
void check_page_access(sql::Db& db, const Clerk& clerk, std::int64_t page_id);

}  // namespace ledger::review
