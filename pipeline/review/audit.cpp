// The review audit trail (see audit.hpp).
#include "review/audit.hpp"

#include "core/clock.hpp"

namespace ledger::review {

void insert_audit(sql::Db& db, std::int64_t record_id, const std::string& key, const std::string& action,
                  const std::string& clerk, const std::string* old_value, const std::string* new_value) {
  sql::Stmt a(db, "INSERT INTO audit (record_id, field_key, action, clerk, at, old_value, new_value) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?)");
  a.bind(1, record_id).bind(2, key).bind(3, action).bind(4, clerk).bind(5, utc_now());
  old_value ? a.bind(6, *old_value) : a.bind_null(6);
  new_value ? a.bind(7, *new_value) : a.bind_null(7);
  a.run();
}

}  // namespace ledger::review
