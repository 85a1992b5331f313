// Every layout the program knows (config/layouts/*.yaml), and which of them may fit a book:
// the registration stage asks for candidates by book type and year.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "core/book.hpp"
#include "layout/layout_template.hpp"

namespace ledger {

class LayoutLibrary {
 public:
  LayoutLibrary() = default;
  explicit LayoutLibrary(std::vector<LayoutTemplate> layouts);

  /// Loads every `*.yaml` / `*.yml` in `dir` (not recursive), sorted by file name.
  /// Throws ConfigError listing the problems of ALL broken files (one "FILE:LINE: problem" per
  /// line), or naming `dir` when it is missing; also when two files use the same id.
  static LayoutLibrary load_dir(const std::filesystem::path& dir);

  /// The layout with this id, nullptr when unknown.
  const LayoutTemplate* find(const std::string& id) const;
  const std::vector<LayoutTemplate>& all() const { return layouts_; }
  /// Layouts that may fit a book: same book type (when known) and the book's year within the
  /// layout's years (when known). Notes:
  ///   1. When the book type or year is unknown, that criterion is not applied.
  ///   2. When nothing fits (a book outside every range), all layouts are returned: a wrong
  ///      year in a file name must not stop the page from being recognised.
  std::vector<const LayoutTemplate*> candidates(const BookInfo& book) const;

 private:
  std::vector<LayoutTemplate> layouts_;
};

/// config/layouts under the source tree: the default `--layouts` folder.
std::filesystem::path default_layout_dir();

}  // namespace ledger
