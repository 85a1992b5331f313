// Login sessions: a random 32-byte token in an HttpOnly SameSite=Strict cookie (only its hash is
// stored) and a per-session CSRF token that every write must echo in a header.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "records/sqlite_db.hpp"
#include "review/accounts.hpp"

namespace ledger::review {

inline constexpr const char* kSessionCookie = "ledger_session";
inline constexpr const char* kCsrfHeader = "X-CSRF-Token";

struct Session {
  Clerk clerk;
  std::string csrf;
};

/// Starts a session for `clerk` lasting `ttl_seconds`. Returns {cookie token, csrf token}.
std::pair<std::string, std::string> create_session(sql::Db& db, const Clerk& clerk,
                                                   std::int64_t ttl_seconds = 12 * 3600);
/// The session of a cookie token, or nothing when unknown or expired.
std::optional<Session> find_session(sql::Db& db, const std::string& token);
/// Ends a session (logout).
void end_session(sql::Db& db, const std::string& token);
/// The value of cookie `name` in a Cookie header, "" when absent.
std::string cookie_value(const std::string& header, const std::string& name);
/// Constant-time comparison of two tokens.
bool same_token(const std::string& a, const std::string& b);

}  // namespace ledger::review
