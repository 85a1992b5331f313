// Helpers shared by the tests: a scratch folder that cleans up after itself, and the paths of
// the source tree and of the project's shared data.
#pragma once
#include <filesystem>
#include <random>
#include <string>

namespace ledger::testkit {

/// The repository root (config/, models/, samples/ live there).
inline std::filesystem::path source_dir() { return LEDGER_SOURCE_DIR; }
/// ../shared next to the repository: public data and specs (may be absent).
inline std::filesystem::path shared_dir() { return source_dir().parent_path() / "shared"; }

/// A fresh empty folder under the system temp dir, removed when the object dies.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("ledger-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

}  // namespace ledger::testkit
