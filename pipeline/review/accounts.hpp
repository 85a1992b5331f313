// Clerk accounts of a store: name, Argon2id password hash (libsodium) and the units (communes)
// whose records the clerk may see. Created and removed from the CLI (`ledger-ocr clerk`).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "records/sqlite_db.hpp"

namespace ledger::review {

/// How slow a password hash is. Moderate for real accounts; Interactive for tests and demos
/// (libsodium's OPSLIMIT/MEMLIMIT_INTERACTIVE: ~0.1 s, 64 MiB).
enum class HashCost { Interactive, Moderate };

/// Parses "interactive" / "moderate"; throws ConfigError otherwise.
HashCost parse_hash_cost(const std::string& text);
/// The cost from env LEDGER_CLERK_HASH_COST when set, else `fallback`.
HashCost hash_cost_from_env(HashCost fallback = HashCost::Moderate);

struct Clerk {
  std::int64_t id = 0;
  std::string name;
  std::vector<std::string> units;  // NFC commune names; "*" = every unit
};

/// Splits "Xã A;Xã B" into NFC, trimmed, non-empty unit names.
std::vector<std::string> parse_units(const std::string& text);

/// Adds a clerk, or replaces the password and units of an existing one.
/// Notes:
///   1. The password is hashed with crypto_pwhash_str (Argon2id); only the hash is stored.
///   2. Throws InputError for an empty name or a password shorter than 8 characters.
Clerk add_clerk(sql::Db& db, const std::string& name, const std::string& password,
                const std::vector<std::string>& units, HashCost cost);
/// Removes a clerk (and their sessions and units); false when there was none.
bool remove_clerk(sql::Db& db, const std::string& name);
/// Every clerk, by name.
std::vector<Clerk> list_clerks(sql::Db& db);
/// A clerk by id, or nothing.
std::optional<Clerk> find_clerk(sql::Db& db, std::int64_t id);
/// The clerk when `password` matches the stored hash; nothing otherwise (unknown names take
/// about as long as wrong passwords, so names cannot be probed by timing).
std::optional<Clerk> verify_login(sql::Db& db, const std::string& name, const std::string& password);

}  // namespace ledger::review
