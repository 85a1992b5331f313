// Entry numbers backed by the sure numbers around them (see entry_sequence.hpp).
#include "groups/entry_sequence.hpp"

#include <optional>

#include "fields/entry_number.hpp"

namespace ledger::groups {

std::vector<SequenceFit> nearest_anchors(size_t count, const std::function<bool(int)>& anchor) {
  const int n = int(count);
  std::vector<SequenceFit> fits(count);
  int last = -1;  // nearest anchor so far, left to right
  for (int i = 0; i < n; ++i) {
    fits[size_t(i)].before = last;
    if (anchor(i)) last = i;
  }
  last = -1;
  for (int i = n - 1; i >= 0; --i) {
    fits[size_t(i)].after = last;
    if (anchor(i)) last = i;
  }
  return fits;
}

std::vector<SequenceFit> fit_sequence(const std::vector<SequenceEntry>& entries) {
  const int n = int(entries.size());
  std::vector<std::optional<EntryNumber>> parsed(entries.size());
  for (int i = 0; i < n; ++i) parsed[size_t(i)] = parse_entry_number(entries[size_t(i)].value);
  auto fits = nearest_anchors(entries.size(),
                              [&](int i) { return entries[size_t(i)].sure && parsed[size_t(i)].has_value(); });
  for (int i = 0; i < n; ++i) {
    SequenceFit& f = fits[size_t(i)];
    const auto& mine = parsed[size_t(i)];
    if (!entries[size_t(i)].to_fill || !mine || (f.before < 0 && f.after < 0)) continue;
    auto predicts = [&](int a) {
      if (a < 0) return true;
      const EntryNumber& other = *parsed[size_t(a)];
      if (mine->year && other.year && *mine->year != *other.year) return false;
      return other.number + (i - a) == mine->number;
    };
    f.agrees = predicts(f.before) && predicts(f.after);
  }
  return fits;
}

}  // namespace ledger::groups
