// Unit scopes of clerks (see access.hpp).
#include "review/access.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "review/review_db.hpp"

namespace ledger::review {

namespace {

bool commune_allowed(sql::Db& db, const Clerk& clerk, const std::string& commune) {
  if (std::find(clerk.units.begin(), clerk.units.end(), "*") != clerk.units.end()) return true;
  std::string key = nfc(commune);
  (void)db;
  return std::find(clerk.units.begin(), clerk.units.end(), key) != clerk.units.end();
}

}  // namespace

UnitScope scope_of(sql::Db& db, const Clerk& clerk) {
  UnitScope scope;
  scope.all = std::find(clerk.units.begin(), clerk.units.end(), "*") != clerk.units.end();
  if (scope.all) return scope;
  // Folder names may be NFD (copied from a Mac): compare in NFC, keep the stored spelling.
  sql::Stmt s(db, "SELECT DISTINCT commune FROM pages");
  while (s.step()) {
    std::string c = s.text(0);
    if (commune_allowed(db, clerk, c)) scope.communes.push_back(c);
  }
  return scope;
}

std::string scope_sql(const UnitScope& scope, const std::string& column) {
  if (scope.all) return "1";
  if (scope.communes.empty()) return "0";
  std::string out = column + " IN (";
  for (size_t i = 0; i < scope.communes.size(); ++i) {
    char* q = sqlite3_mprintf("%Q", scope.communes[i].c_str());
    out += (i ? "," : "") + std::string(q);
    sqlite3_free(q);
  }
  return out + ")";
}

std::int64_t check_record_access(sql::Db& db, const Clerk& clerk, std::int64_t record_id) {
  sql::Stmt s(db, "SELECT p.id, p.commune FROM records r JOIN pages p ON p.id = r.page_id "
                  "WHERE r.id = ?");
  s.bind(1, record_id);
  if (!s.step()) throw HttpError(404, "no record " + std::to_string(record_id));
  std::int64_t page = s.int64(0);
  std::string commune = s.text(1);
  s.reset();
  if (!commune_allowed(db, clerk, commune))
    throw HttpError(403, "record " + std::to_string(record_id) + " is not in your units");
  return page;
}

void check_page_access(sql::Db& db, const Clerk& clerk, std::int64_t page_id) {
  sql::Stmt s(db, "SELECT commune FROM pages WHERE id = ?");
  s.bind(1, page_id);
  if (!s.step()) throw HttpError(404, "no page " + std::to_string(page_id));
  std::string commune = s.text(0);
  s.reset();
  if (!commune_allowed(db, clerk, commune))
    throw HttpError(403, "page " + std::to_string(page_id) + " is not in your units");
}

}  // namespace ledger::review
