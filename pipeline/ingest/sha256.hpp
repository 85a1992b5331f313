// SHA-256, used to give every decoded page a stable identity for resume and de-duplication.
// Backed by OpenSSL's libcrypto (SHA-NI where the CPU has it: ~20 ms for a 300-dpi A4 page).
#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace ledger {

/// Incremental SHA-256: feed bytes with update(), then hex() once.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  /// Adds `n` bytes at `data` to the message.
  void update(const void* data, size_t n);
  void update(std::string_view s) { update(s.data(), s.size()); }
  /// Finishes the message and returns the digest as 64 lower-case hex digits.
  /// Notes: 1. The object is spent afterwards; calling update() again is a logic error.
  std::string hex();

 private:
  struct Ctx;
  std::unique_ptr<Ctx> ctx_;
};

/// SHA-256 of a byte string, hex.
std::string sha256_hex(std::string_view bytes);

}  // namespace ledger
