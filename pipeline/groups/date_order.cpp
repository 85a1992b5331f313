// Registration days in order between the sure ones (see date_order.hpp).
#include "groups/date_order.hpp"

#include <algorithm>
#include <map>
#include <utility>

#include "fields/dates.hpp"

namespace ledger::groups {
namespace {

// Of the days `at` (indices into `days`, in book order, one stretch between the same sure days),
// the ones on every longest non-decreasing chain: a reading that breaks the order of the readings
// around it (`25.04.2017` among `24.01`, `28.01`, `29.01`, ...) is out, and so are two that
// contradict each other with no third to decide (`10.01`, `05.01`).
std::vector<int> on_every_longest_chain(const std::vector<int>& at, const std::vector<std::optional<SimpleDate>>& days) {
  const size_t n = at.size();
  auto le = [&](size_t a, size_t b) { return compare_dates(*days[size_t(at[a])], *days[size_t(at[b])]) <= 0; };
  // Longest chain ending at / starting from each day, and how many chains of that length.
  std::vector<int> end_len(n, 1), start_len(n, 1);
  std::vector<double> end_count(n, 1), start_count(n, 1);
  for (size_t i = 0; i < n; ++i)
    for (size_t j = 0; j < i; ++j)
      if (le(j, i)) {
        if (end_len[j] + 1 > end_len[i]) end_len[i] = end_len[j] + 1, end_count[i] = end_count[j];
        else if (end_len[j] + 1 == end_len[i]) end_count[i] += end_count[j];
      }
  for (size_t i = n; i-- > 0;)
    for (size_t j = i + 1; j < n; ++j)
      if (le(i, j)) {
        if (start_len[j] + 1 > start_len[i]) start_len[i] = start_len[j] + 1, start_count[i] = start_count[j];
        else if (start_len[j] + 1 == start_len[i]) start_count[i] += start_count[j];
      }
  int longest = 0;
  for (size_t i = 0; i < n; ++i) longest = std::max(longest, end_len[i]);
  double chains = 0;
  for (size_t i = 0; i < n; ++i)
    if (end_len[i] == longest) chains += end_count[i];
  std::vector<int> out;
  for (size_t i = 0; i < n; ++i)
    if (end_len[i] + start_len[i] - 1 == longest && end_count[i] * start_count[i] == chains) out.push_back(at[i]);
  return out;
}

}  // namespace

std::vector<SequenceFit> fit_date_order(const std::vector<SequenceEntry>& entries, std::optional<int> book_year) {
  const int n = int(entries.size());
  std::vector<std::optional<SimpleDate>> days(entries.size());
  for (int i = 0; i < n; ++i) {
    days[size_t(i)] = parse_date(entries[size_t(i)].value, book_year);
    if (days[size_t(i)] && days[size_t(i)]->year_only()) days[size_t(i)].reset();
  }
  auto fits = nearest_anchors(entries.size(), [&](int i) { return entries[size_t(i)].sure && days[size_t(i)]; });
  for (int i = 0; i < n; ++i) {
    SequenceFit& f = fits[size_t(i)];
    const auto& mine = days[size_t(i)];
    if (!entries[size_t(i)].to_fill || !mine || (f.before < 0 && f.after < 0)) continue;
    const SimpleDate from = f.before >= 0 ? *days[size_t(f.before)] : SimpleDate{1, 1, book_year.value_or(0)};
    const SimpleDate to = f.after >= 0 ? *days[size_t(f.after)] : SimpleDate{31, 12, book_year ? *book_year + 1 : 99999};
    f.agrees = compare_dates(from, *mine) <= 0 && compare_dates(*mine, to) <= 0;
  }
  // The days to fill between the same sure days must be in order among themselves too.
  std::map<std::pair<int, int>, std::vector<int>> stretches;
  for (int i = 0; i < n; ++i)
    if (fits[size_t(i)].agrees) stretches[{fits[size_t(i)].before, fits[size_t(i)].after}].push_back(i);
  for (const auto& [bounds, at] : stretches) {
    for (int i : at) fits[size_t(i)].agrees = false;
    for (int i : on_every_longest_chain(at, days)) fits[size_t(i)].agrees = true;
  }
  return fits;
}

}  // namespace ledger::groups
