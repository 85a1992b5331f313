// The inventory a campaign starts from: the books found under a folder tree (unit, type, year,
// volume, pages, files), misnamed files, gaps and repeats in page/entry numbers, books done.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "ingest/book_name.hpp"

namespace ledger {

/// One book found under the root.
struct InventoryBook {
  std::string book_id;                 // BookInfo::book_id(): "KS.2017.01/Tỉnh/Huyện/Xã"
  std::string unit, type, volume;      // unit: "Xã A, Huyện B, Tỉnh C" (commune first)
  std::optional<int> year;
  std::string province, district, commune;  // the unit's parts, from the folders
  std::string folder;                  // folder of its first file, relative to the root
  int files = 0, pages = 0;            // pages: every page of every file (multi-page counted)
  std::vector<int> missing_pages;      // page-per-file books: numbers absent in 1..max
  std::vector<int> repeated_pages;     // page numbers carried by two or more files
  std::vector<std::string> missing_entries;   // record-per-file books: "2008:3" (year:entry)
  std::vector<std::string> repeated_entries;
  std::string done;                    // "" (to do), "earlier-phase" (in the done list),
                                       // "in-store" (the store has done pages of it)
  int stored_pages = 0;                // pages of it stored as done

  bool has_gaps() const { return !missing_pages.empty() || !missing_entries.empty(); }
  bool has_repeats() const { return !repeated_pages.empty() || !repeated_entries.empty(); }
};

struct Inventory {
  std::vector<InventoryBook> books;    // sorted by unit, type, year, volume
  std::vector<std::string> misnamed;   // image files (relative paths) whose names fit no pattern
  std::vector<std::string> unreadable; // "path: reason" of image-named files that cannot be read
};

struct InventoryOptions {
  NamePattern pattern;                 // accepted file names (ingest's defaults)
  std::filesystem::path done_csv;      // books done in an earlier phase ("" = none)
  std::filesystem::path store;         // a store to look for processed books in ("" = none)
};

/// Walks `root` and lists its books.
/// Notes:
///  1. Files are found and page-counted by ingest's `discover_pages` (headers only, no decoding).
///  2. The done list is a CSV with a header: either a `book_id` column, or `type`, `year`,
///     `volume` and optionally `unit` (compared ignoring case and tone placement, against the
///     commune or the whole unit text).
///  3. Throws InputError when the root, the done list or the store cannot be read.
Inventory take_inventory(const std::filesystem::path& root, const InventoryOptions& options = {});

/// "1-3,7,9-10" for sorted numbers.
std::string format_ranges(const std::vector<int>& numbers);

/// A fixed-width text table of the books and the lists of misnamed and unreadable files.
std::string inventory_table(const Inventory& inventory);

/// Writes the books as CSV to `file`, and the misnamed/unreadable files to `<stem>.problems.csv`
/// next to it. Returns the paths written.
std::vector<std::filesystem::path> write_inventory_csv(const Inventory& inventory,
                                                       const std::filesystem::path& file);

}  // namespace ledger
