// Readings that the scan's file name confirms (see file_names.hpp).
#include "groups/file_names.hpp"

#include <cstdio>
#include <functional>
#include <optional>
#include <set>

#include "core/text.hpp"
#include "fields/dates.hpp"
#include "fields/entry_number.hpp"

namespace ledger::groups {

namespace {

// fit_page_numbers and fit_entry_pages: each entry's offset is its number (what `number_of`
// reads, nothing for a reading that does not count) minus its file's page number. An entry to
// fill that does not agree is proposed `written(page + offset)` ("" = no proposal).
std::vector<SequenceFit> fit_by_page(const std::vector<SequenceEntry>& entries,
                                     const std::function<std::optional<int>(const std::string&)>& number_of,
                                     const std::function<std::string(int)>& written) {
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
  for (int i = 0; i < n; ++i) {
    const SequenceEntry& e = entries[size_t(i)];
    SequenceFit& fit = fits[size_t(i)];
    fit.agrees = e.to_fill && offset[size_t(i)] == book_offset;
    if (e.to_fill && !fit.agrees && e.file_page) fit.proposed = written(*e.file_page + *book_offset);
  }
  return fits;
}

// How a book writes its entry numbers, as most of its readings that parse do: with the year
// ("05/2017", ks-2016) or without ("05", ks-2006); numbers under 10 with a leading zero or not.
struct EntryStyle {
  bool year = false, zero = false;
};
EntryStyle entry_style(const std::vector<SequenceEntry>& entries) {
  int parsed = 0, with_year = 0, small = 0, zeroed = 0;
  for (const auto& e : entries) {
    const auto number = parse_entry_number(e.value);
    if (!number) continue;
    ++parsed;
    with_year += number->year.has_value();
    if (number->number < 10) {
      ++small;
      zeroed += clean_text(e.value).front() == '0';
    }
  }
  return {2 * with_year > parsed, 2 * zeroed > small};
}

}  // namespace

std::vector<SequenceFit> fit_page_numbers(const std::vector<SequenceEntry>& entries) {
  return fit_by_page(entries, [](const std::string& value) -> std::optional<int> {
    const auto number = parse_entry_number(value);
    if (!number || number->year) return std::nullopt;
    return number->number;
  }, [](int page) { return std::to_string(page); });
}

std::vector<SequenceFit> fit_entry_pages(const std::vector<SequenceEntry>& entries, std::optional<int> book_year) {
  return fit_by_page(entries, [&](const std::string& value) -> std::optional<int> {
    const auto number = parse_entry_number(value);
    if (!number || (number->year && number->year != book_year)) return std::nullopt;
    return number->number;
  }, [&, style = entry_style(entries)](int entry) {  // as the book writes them
    if (entry < 1 || (style.year && !book_year)) return std::string();
    char text[32];
    std::snprintf(text, sizeof text, style.zero ? "%02d" : "%d", entry);
    return style.year ? std::string(text) + "/" + std::to_string(*book_year) : std::string(text);
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
