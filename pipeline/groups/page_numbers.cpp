// Page numbers that the scan's file name confirms (see page_numbers.hpp).
#include "groups/page_numbers.hpp"

#include <optional>
#include <set>

#include "fields/entry_number.hpp"

namespace ledger::groups {

std::vector<SequenceFit> fit_page_numbers(const std::vector<SequenceEntry>& entries) {
  const int n = int(entries.size());
  // Each entry's offset: its number minus its file's page number, when both are known.
  std::vector<std::optional<int>> offset(entries.size());
  for (int i = 0; i < n; ++i) {
    const SequenceEntry& e = entries[size_t(i)];
    const auto number = parse_entry_number(e.value);
    if (number && !number->year && e.file_page) offset[size_t(i)] = number->number - *e.file_page;
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

}  // namespace ledger::groups
