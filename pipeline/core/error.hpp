// Errors at a boundary (a file, a config, a page): they carry what failed and why, so that a
// failed page becomes a recorded result with a readable reason instead of a crash.
#pragma once
#include <stdexcept>
#include <string>

namespace ledger {

/// A problem with one input file or page; `where()` names the file (and page when known).
class InputError : public std::runtime_error {
 public:
  InputError(std::string where, const std::string& reason)
      : std::runtime_error(where + ": " + reason), where_(std::move(where)), reason_(reason) {}
  const std::string& where() const { return where_; }
  const std::string& reason() const { return reason_; }

 private:
  std::string where_;
  std::string reason_;
};

/// A broken configuration file (layout, pipeline settings, model): names file and line.
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace ledger
