// The set of known layouts (see layout_library.hpp).
#include "layout/layout_library.hpp"

#include <algorithm>
#include <map>

#include "core/error.hpp"
#include "layout/layout_loader.hpp"

namespace ledger {

LayoutLibrary::LayoutLibrary(std::vector<LayoutTemplate> layouts) : layouts_(std::move(layouts)) {}

LayoutLibrary LayoutLibrary::load_dir(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    throw ConfigError(dir.string() + ": no such layout folder");
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    auto ext = e.path().extension().string();
    if (e.is_regular_file() && (ext == ".yaml" || ext == ".yml")) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<LayoutTemplate> layouts;
  std::string errors;
  std::map<std::string, std::string> seen;  // id -> file
  for (const auto& f : files) {
    try {
      LayoutTemplate t = load_layout(f);
      if (auto it = seen.find(t.id); it != seen.end()) {
        errors += f.string() + ":0: layout id '" + t.id + "' is already used by " + it->second + "\n";
        continue;
      }
      seen[t.id] = f.string();
      layouts.push_back(std::move(t));
    } catch (const ConfigError& e) {
      errors += std::string(e.what()) + "\n";
    }
  }
  if (!errors.empty()) {
    errors.pop_back();
    throw ConfigError(errors);
  }
  if (layouts.empty()) throw ConfigError(dir.string() + ": no layout files (*.yaml)");
  return LayoutLibrary(std::move(layouts));
}

const LayoutTemplate* LayoutLibrary::find(const std::string& id) const {
  for (const auto& t : layouts_)
    if (t.id == id) return &t;
  return nullptr;
}

std::vector<const LayoutTemplate*> LayoutLibrary::candidates(const BookInfo& book) const {
  std::vector<const LayoutTemplate*> out;
  for (const auto& t : layouts_) {
    if (!book.type.empty() && t.book_type != book.type) continue;
    if (book.year && (*book.year < t.year_from || *book.year > t.year_to)) continue;
    out.push_back(&t);
  }
  if (out.empty())
    for (const auto& t : layouts_) out.push_back(&t);
  return out;
}

std::filesystem::path default_layout_dir() {
  return std::filesystem::path(LEDGER_SOURCE_DIR) / "config" / "layouts";
}

}  // namespace ledger
