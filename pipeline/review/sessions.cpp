// Login sessions (see sessions.hpp).
#include "review/sessions.hpp"

#include <sodium.h>

#include "review/review_db.hpp"

namespace ledger::review {

namespace {

std::string random_token() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  char hex[2 * sizeof bytes + 1];
  sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
  return hex;
}

// Only a hash of the cookie token is stored, so a copy of the store opens no session.
std::string token_hash(const std::string& token) {
  unsigned char out[32];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(token.data()),
                     token.size(), nullptr, 0);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, out, sizeof out);
  return hex;
}

}  // namespace

std::pair<std::string, std::string> create_session(sql::Db& db, const Clerk& clerk,
                                                   std::int64_t ttl_seconds) {
  std::string token = random_token(), csrf = random_token();
  sql::Stmt purge(db, "DELETE FROM sessions WHERE expires_at < ?");
  purge.bind(1, unix_now()).run();
  sql::Stmt s(db,
              "INSERT INTO sessions (token_hash, clerk_id, csrf, created_at, expires_at) "
              "VALUES (?, ?, ?, ?, ?)");
  s.bind(1, token_hash(token)).bind(2, clerk.id).bind(3, csrf).bind(4, utc_now());
  s.bind(5, unix_now() + ttl_seconds).run();
  return {token, csrf};
}

std::optional<Session> find_session(sql::Db& db, const std::string& token) {
  if (token.size() != 64) return std::nullopt;
  sql::Stmt s(db, "SELECT clerk_id, csrf FROM sessions WHERE token_hash = ? AND expires_at >= ?");
  s.bind(1, token_hash(token)).bind(2, unix_now());
  if (!s.step()) return std::nullopt;
  std::int64_t clerk_id = s.int64(0);
  std::string csrf = s.text(1);
  s.reset();
  auto clerk = find_clerk(db, clerk_id);
  if (!clerk) return std::nullopt;
  return Session{std::move(*clerk), std::move(csrf)};
}

void end_session(sql::Db& db, const std::string& token) {
  sql::Stmt s(db, "DELETE FROM sessions WHERE token_hash = ?");
  s.bind(1, token_hash(token)).run();
}

std::string cookie_value(const std::string& header, const std::string& name) {
  size_t pos = 0;
  while (pos < header.size()) {
    size_t end = header.find(';', pos);
    if (end == std::string::npos) end = header.size();
    std::string part = header.substr(pos, end - pos);
    size_t a = part.find_first_not_of(' ');
    if (a != std::string::npos) part = part.substr(a);
    if (part.rfind(name + "=", 0) == 0) return part.substr(name.size() + 1);
    pos = end + 1;
  }
  return "";
}

bool same_token(const std::string& a, const std::string& b) {
  return a.size() == b.size() && !a.empty() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace ledger::review
