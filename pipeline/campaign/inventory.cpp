// The campaign's inventory of books (see inventory.hpp).
#include "campaign/inventory.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "core/csv.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "ingest/discover.hpp"
#include "records/sqlite_db.hpp"

namespace ledger {

namespace {

/// Numbers missing from 1..max and numbers seen more than once.
void gaps_and_repeats(std::vector<int> seen, std::vector<int>& missing, std::vector<int>& repeated) {
  std::sort(seen.begin(), seen.end());
  if (seen.empty()) return;
  std::set<int> present(seen.begin(), seen.end());
  for (int n = 1; n < seen.back(); ++n)
    if (!present.count(n)) missing.push_back(n);
  for (size_t i = 1; i < seen.size(); ++i)
    if (seen[i] == seen[i - 1] && (repeated.empty() || repeated.back() != seen[i])) repeated.push_back(seen[i]);
}

int to_int(const std::string& s) {
  int v = 0;
  bool any = false;
  for (char c : s) {
    if (c < '0' || c > '9') break;  // "12a": a suffix letter marks an added entry
    v = v * 10 + (c - '0');
    any = true;
  }
  return any ? v : -1;
}

struct DoneList {
  std::set<std::string> ids;
  struct Row {
    std::string type, volume, unit;
    int year;
  };
  std::vector<Row> rows;

  bool has(const BookInfo& b) const {
    if (ids.count(b.book_id())) return true;
    for (const auto& r : rows) {
      if (tone_key(r.type) != tone_key(b.type) || !b.year || r.year != *b.year) continue;
      if (to_int(r.volume) != to_int(b.volume)) continue;
      if (r.unit.empty() || r.unit == tone_key(b.unit()) || r.unit == tone_key(b.commune)) return true;
    }
    return false;
  }
};

DoneList read_done(const std::filesystem::path& file) {
  DoneList done;
  CsvTable t = read_csv(file);
  int id = t.column("book_id"), type = t.column("type"), year = t.column("year"),
      volume = t.column("volume"), unit = t.column("unit");
  if (id < 0 && (type < 0 || year < 0 || volume < 0))
    throw InputError(file.string(), "done list needs a book_id column or type, year and volume columns");
  for (const auto& row : t.rows) {
    if (id >= 0 && !clean_text(t.cell(row, id)).empty()) {
      done.ids.insert(clean_text(t.cell(row, id)));
      continue;
    }
    int y = to_int(clean_text(t.cell(row, year)));
    if (y < 0) continue;
    done.rows.push_back({clean_text(t.cell(row, type)), clean_text(t.cell(row, volume)),
                         tone_key(t.cell(row, unit)), y});
  }
  return done;
}

/// book_id -> pages stored as done.
std::map<std::string, int> stored_books(const std::filesystem::path& store) {
  if (!std::filesystem::exists(store)) throw InputError(store.string(), "no such store");
  sql::Db db(store);
  sql::Stmt s(db, "SELECT book_id, COUNT(*) FROM pages WHERE status = 'done' GROUP BY book_id");
  std::map<std::string, int> out;
  while (s.step()) out[s.text(0)] = int(s.int64(1));
  return out;
}

std::string pad(const std::string& s, size_t width) {
  size_t len = utf8_length(s);
  return len >= width ? s : s + std::string(width - len, ' ');
}

}  // namespace

std::string format_ranges(const std::vector<int>& numbers) {
  std::string out;
  for (size_t i = 0; i < numbers.size();) {
    size_t j = i;
    while (j + 1 < numbers.size() && numbers[j + 1] == numbers[j] + 1) ++j;
    if (!out.empty()) out += ',';
    out += std::to_string(numbers[i]);
    if (j > i) out += "-" + std::to_string(numbers[j]);
    i = j + 1;
  }
  return out;
}

Inventory take_inventory(const std::filesystem::path& root, const InventoryOptions& options) {
  if (!std::filesystem::is_directory(root)) throw InputError(root.string(), "not a folder");
  IngestOptions ingest;
  ingest.pattern = options.pattern;
  Discovery found = discover_pages({root}, ingest);
  Inventory inv;
  for (const auto& f : found.failures) inv.unreadable.push_back(f.what());

  struct Acc {
    InventoryBook book;
    BookInfo info;  // of its first page: the unit parts the done list is compared with
    std::set<std::string> files;
    std::vector<int> pages;
    std::map<std::string, std::vector<int>> entries;  // registration year -> entry numbers
  };
  std::map<std::string, Acc> books;
  std::set<std::string> misnamed;
  for (const PageRef& ref : found.pages) {
    if (!ref.book.matched) {
      misnamed.insert(ref.rel_path);
      continue;
    }
    Acc& acc = books[ref.book.book_id()];
    InventoryBook& b = acc.book;
    bool first_page_of_file = acc.files.insert(ref.rel_path).second;
    if (b.book_id.empty()) {
      acc.info = ref.book;
      b.book_id = ref.book.book_id();
      b.unit = ref.book.unit();
      b.province = ref.book.province;
      b.district = ref.book.district;
      b.commune = ref.book.commune;
      b.type = ref.book.type;
      b.year = ref.book.year;
      b.volume = ref.book.volume;
      b.folder = std::filesystem::path(ref.rel_path).parent_path().generic_string();
    }
    ++b.pages;
    if (!first_page_of_file) continue;
    if (ref.book.book_page) acc.pages.push_back(*ref.book.book_page);
    int entry = to_int(ref.book.entry);
    if (entry >= 0) acc.entries[ref.book.reg_date.substr(0, 4)].push_back(entry);
  }
  inv.misnamed.assign(misnamed.begin(), misnamed.end());

  DoneList done;
  if (!options.done_csv.empty()) done = read_done(options.done_csv);
  std::map<std::string, int> stored;
  if (!options.store.empty()) stored = stored_books(options.store);

  for (auto& [id, acc] : books) {
    InventoryBook& b = acc.book;
    b.files = int(acc.files.size());
    gaps_and_repeats(acc.pages, b.missing_pages, b.repeated_pages);
    for (auto& [year, numbers] : acc.entries) {
      std::vector<int> missing, repeated;
      gaps_and_repeats(numbers, missing, repeated);
      for (int n : missing) b.missing_entries.push_back(year + ":" + std::to_string(n));
      for (int n : repeated) b.repeated_entries.push_back(year + ":" + std::to_string(n));
    }
    auto it = stored.find(id);
    b.stored_pages = it == stored.end() ? 0 : it->second;
    if (done.has(acc.info)) b.done = "earlier-phase";
    else if (b.stored_pages > 0) b.done = "in-store";
    inv.books.push_back(std::move(b));
  }
  std::sort(inv.books.begin(), inv.books.end(), [](const InventoryBook& x, const InventoryBook& y) {
    return std::tie(x.unit, x.type, x.year, x.volume) < std::tie(y.unit, y.type, y.year, y.volume);
  });
  return inv;
}

std::string inventory_table(const Inventory& inv) {
  std::ostringstream out;
  out << pad("unit", 40) << pad("type", 5) << pad("year", 6) << pad("vol", 5) << pad("files", 7)
      << pad("pages", 7) << pad("status", 14) << "problems\n";
  int to_do = 0, pages_to_do = 0;
  for (const auto& b : inv.books) {
    std::string problems;
    if (!b.missing_pages.empty()) problems += "missing pages " + format_ranges(b.missing_pages) + "; ";
    if (!b.repeated_pages.empty()) problems += "repeated pages " + format_ranges(b.repeated_pages) + "; ";
    if (!b.missing_entries.empty()) problems += std::to_string(b.missing_entries.size()) + " missing entries; ";
    if (!b.repeated_entries.empty()) problems += std::to_string(b.repeated_entries.size()) + " repeated entries; ";
    out << pad(b.unit.empty() ? "-" : b.unit, 40) << pad(b.type, 5)
        << pad(b.year ? std::to_string(*b.year) : "?", 6) << pad(b.volume, 5)
        << pad(std::to_string(b.files), 7) << pad(std::to_string(b.pages), 7)
        << pad(b.done.empty() ? "to-do" : b.done, 14) << problems << "\n";
    if (b.done.empty()) ++to_do, pages_to_do += b.pages;
  }
  out << inv.books.size() << " books, " << to_do << " to do (" << pages_to_do << " pages); "
      << inv.misnamed.size() << " misnamed files, " << inv.unreadable.size() << " unreadable\n";
  for (const auto& m : inv.misnamed) out << "misnamed: " << m << "\n";
  for (const auto& u : inv.unreadable) out << "unreadable: " << u << "\n";
  return out.str();
}

std::vector<std::filesystem::path> write_inventory_csv(const Inventory& inv, const std::filesystem::path& file) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& b : inv.books)
    rows.push_back({b.book_id, b.unit, b.type, b.year ? std::to_string(*b.year) : "", b.volume, b.folder,
                    std::to_string(b.files), std::to_string(b.pages), format_ranges(b.missing_pages),
                    format_ranges(b.repeated_pages), join_words(b.missing_entries), join_words(b.repeated_entries),
                    b.done.empty() ? "to-do" : b.done, std::to_string(b.stored_pages)});
  write_csv(file, {"book_id", "unit", "type", "year", "volume", "folder", "files", "pages", "missing_pages",
                   "repeated_pages", "missing_entries", "repeated_entries", "status", "stored_pages"},
            rows);
  std::filesystem::path problems = file.parent_path() / (file.stem().string() + ".problems.csv");
  std::vector<std::vector<std::string>> prow;
  for (const auto& m : inv.misnamed) prow.push_back({"misnamed", m});
  for (const auto& u : inv.unreadable) prow.push_back({"unreadable", u});
  write_csv(problems, {"problem", "file"}, prow);
  return {file, problems};
}

}  // namespace ledger
