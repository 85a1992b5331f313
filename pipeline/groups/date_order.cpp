// Registration days in order between the sure ones (see date_order.hpp).
#include "groups/date_order.hpp"

#include "fields/dates.hpp"

namespace ledger::groups {

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
  return fits;
}

}  // namespace ledger::groups
