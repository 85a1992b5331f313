// Readings that the scan's file name confirms (see file_names.hpp).
#include "groups/file_names.hpp"

#include <cstdio>
#include <functional>
#include <optional>
#include <set>

#include "fields/dates.hpp"
#include "fields/entry_number.hpp"

namespace ledger::groups {

namespace {

// fit_page_numbers and fit_entry_pages: each entry's offset is its number (what `number_of`
// reads, nothing for a reading that does not count) minus its file's page number.
std::vector<SequenceFit> fit_by_page(const std::vector<SequenceEntry>& entries,
                                     const std::function<std::optional<int>(const std::string&)>& number_of) {
  const int n = int(entries.size());
  std::vector<std::optional<int>> offset(entries.size());
  for (int i = 0; i < n; ++i) {
    const SequenceEntry& e = entries[size_t(i)];
    if (const auto number = number_of(e.value); number && e.file_page) offset[size_t(i)] = *number - *e.file_page;
  }
  std::set<int> sure_offsets;
  int known = 0, at_zero = 0;
  for (int i = 0; i < n; ++i) {
    if (!offset[size_t(i)]) continue;
    ++known;
    at_zero += *offset[size_t(i)] == 0;
    if (entries[size_t(i)].sure) sure_offsets.insert(*offset[size_t(i)]);
  }
  std::optional<int> book_offset;
  if (sure_offsets.size() == 1)
    book_offset = *sure_offsets.begin();
  else if (sure_offsets.empty() && at_zero >= 3 && 2 * at_zero >= known)
    book_offset = 0;
  auto fits = nearest_anchors(entries.size(), [&](int i) {
    return entries[size_t(i)].sure && book_offset && offset[size_t(i)] == book_offset;
  });
  if (!book_offset) return fits;
  for (int i = 0; i < n; ++i)
    fits[size_t(i)].agrees = entries[size_t(i)].to_fill && offset[size_t(i)] == book_offset;
  return fits;
}

}  // namespace

std::vector<SequenceFit> fit_page_numbers(const std::vector<SequenceEntry>& entries) {
  return fit_by_page(entries, [](const std::string& value) -> std::optional<int> {
    const auto number = parse_entry_number(value);
    if (!number || number->year) return std::nullopt;
    return number->number;
  });
}

std::vector<SequenceFit> fit_entry_pages(const std::vector<SequenceEntry>& entries, std::optional<int> book_year) {
  return fit_by_page(entries, [&](const std::string& value) -> std::optional<int> {
    const auto number = parse_entry_number(value);
    if (!number || (number->year && number->year != book_year)) return std::nullopt;
    return number->number;
  });
}

namespace {

// Whether `reading` names what `named` (from the file name) does; nullopt when either cannot
// be read as the part.
std::optional<bool> names_the_same(const std::string& reading, const std::string& named, NamedPart part) {
  if (part == NamedPart::Entry) {
    const auto mine = parse_entry_number(reading), theirs = parse_entry_number(named);
    if (!mine || !theirs) return std::nullopt;
    return mine->number == theirs->number && (!mine->year || !theirs->year || mine->year == theirs->year);
  }
  int y = 0, m = 0, d = 0;
  if (std::sscanf(named.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3) return std::nullopt;
  const auto mine = parse_normalized_date(reading);
  if (!mine || mine->year_only()) return std::nullopt;
  return compare_dates(*mine, SimpleDate{d, m, y}) == 0;
}

}  // namespace

std::vector<SequenceFit> fit_named_values(const std::vector<SequenceEntry>& entries, NamedPart part) {
  const int n = int(entries.size());
  std::vector<std::optional<bool>> same(entries.size());
  int compared = 0, agreeing = 0;
  for (int i = 0; i < n; ++i) {
    const SequenceEntry& e = entries[size_t(i)];
    if (e.named.empty()) continue;
    same[size_t(i)] = names_the_same(e.value, e.named, part);
    if (!same[size_t(i)]) continue;
    ++compared;
    agreeing += *same[size_t(i)];
  }
  const bool names_hold = agreeing >= 3 && 2 * agreeing >= compared;
  auto fits = nearest_anchors(entries.size(), [&](int i) {
    return names_hold && entries[size_t(i)].sure && same[size_t(i)].value_or(false);
  });
  if (!names_hold) return fits;
  for (int i = 0; i < n; ++i) fits[size_t(i)].agrees = entries[size_t(i)].to_fill && same[size_t(i)].value_or(false);
  return fits;
}

}  // namespace ledger::groups
