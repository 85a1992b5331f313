// Clerk accounts (see accounts.hpp).
#include "review/accounts.hpp"

#include <sodium.h>

#include <cstdlib>
#include <stdexcept>

#include "core/error.hpp"
#include "core/text.hpp"
#include "review/review_db.hpp"

namespace ledger::review {

namespace {

void init_sodium() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

std::string hash_password(const std::string& password, HashCost cost) {
  init_sodium();
  char out[crypto_pwhash_STRBYTES];
  auto ops = cost == HashCost::Moderate ? crypto_pwhash_OPSLIMIT_MODERATE
                                        : crypto_pwhash_OPSLIMIT_INTERACTIVE;
  auto mem = cost == HashCost::Moderate ? crypto_pwhash_MEMLIMIT_MODERATE
                                        : crypto_pwhash_MEMLIMIT_INTERACTIVE;
  if (crypto_pwhash_str(out, password.data(), password.size(), ops, mem) != 0)
    throw std::runtime_error("password hashing ran out of memory");
  return out;
}

std::vector<std::string> units_of(sql::Db& db, std::int64_t clerk_id) {
  std::vector<std::string> out;
  sql::Stmt s(db, "SELECT unit FROM clerk_units WHERE clerk_id = ? ORDER BY unit");
  s.bind(1, clerk_id);
  while (s.step()) out.push_back(s.text(0));
  return out;
}

}  // namespace

HashCost parse_hash_cost(const std::string& text) {
  if (text == "interactive") return HashCost::Interactive;
  if (text == "moderate") return HashCost::Moderate;
  throw ConfigError("hash cost must be 'interactive' or 'moderate', not '" + text + "'");
}

HashCost hash_cost_from_env(HashCost fallback) {
  const char* v = std::getenv("LEDGER_CLERK_HASH_COST");
  return v && *v ? parse_hash_cost(v) : fallback;
}

std::vector<std::string> parse_units(const std::string& text) { return split_cleaned(text, ';'); }

Clerk add_clerk(sql::Db& db, const std::string& name, const std::string& password,
                const std::vector<std::string>& units, HashCost cost) {
  std::string clean = clean_text(name);
  if (clean.empty()) throw InputError(db.file(), "a clerk needs a name");
  if (utf8_length(password) < 8)
    throw InputError(db.file(), "the password of clerk '" + clean + "' is shorter than 8 characters");
  std::string hash = hash_password(password, cost);
  sql::Transaction tx(db);
  sql::Stmt up(db,
               "INSERT INTO clerks (name, pw_hash, created_at) VALUES (?, ?, ?) "
               "ON CONFLICT(name) DO UPDATE SET pw_hash = excluded.pw_hash");
  up.bind(1, clean).bind(2, hash).bind(3, utc_now()).run();
  sql::Stmt id(db, "SELECT id FROM clerks WHERE name = ?");
  id.bind(1, clean);
  id.step();
  Clerk c{id.int64(0), clean, {}};
  id.reset();
  sql::Stmt del(db, "DELETE FROM clerk_units WHERE clerk_id = ?");
  del.bind(1, c.id).run();
  sql::Stmt ins(db, "INSERT OR IGNORE INTO clerk_units (clerk_id, unit) VALUES (?, ?)");
  for (const auto& u : units) ins.bind(1, c.id).bind(2, clean_text(u)).run();
  // A changed password ends every open session of the clerk.
  sql::Stmt ses(db, "DELETE FROM sessions WHERE clerk_id = ?");
  ses.bind(1, c.id).run();
  tx.commit();
  c.units = units_of(db, c.id);
  return c;
}

bool remove_clerk(sql::Db& db, const std::string& name) {
  sql::Stmt s(db, "DELETE FROM clerks WHERE name = ?");
  s.bind(1, clean_text(name)).run();
  return sqlite3_changes(db.handle()) > 0;
}

std::vector<Clerk> list_clerks(sql::Db& db) {
  std::vector<Clerk> out;
  sql::Stmt s(db, "SELECT id, name FROM clerks ORDER BY name");
  while (s.step()) out.push_back({s.int64(0), s.text(1), {}});
  for (auto& c : out) c.units = units_of(db, c.id);
  return out;
}

std::optional<Clerk> find_clerk(sql::Db& db, std::int64_t id) {
  sql::Stmt s(db, "SELECT id, name FROM clerks WHERE id = ?");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  Clerk c{s.int64(0), s.text(1), {}};
  s.reset();
  c.units = units_of(db, c.id);
  return c;
}

std::optional<Clerk> verify_login(sql::Db& db, const std::string& name, const std::string& password) {
  init_sodium();
  sql::Stmt s(db, "SELECT id, pw_hash FROM clerks WHERE name = ?");
  s.bind(1, clean_text(name));
  if (!s.step()) {
    // Spend the time a real check would take.
    static const std::string dummy = hash_password("not-a-password", HashCost::Interactive);
    (void)!crypto_pwhash_str_verify(dummy.c_str(), password.data(), password.size());
    return std::nullopt;
  }
  std::int64_t id = s.int64(0);
  std::string hash = s.text(1);
  s.reset();
  if (crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) != 0)
    return std::nullopt;
  return find_clerk(db, id);
}

}  // namespace ledger::review
