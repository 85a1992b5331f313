// What a run did (see run_summary.hpp).
#include "run/run_summary.hpp"

#include <fmt/format.h>

namespace ledger {

double RunSummary::pages_per_second() const {
  int processed = done + failed + duplicates;
  return seconds > 0 ? processed / seconds : 0;
}

void print_summary(const RunSummary& s, std::ostream& out) {
  out << fmt::format(
      "{} pages: {} done, {} failed, {} skipped (already stored), {} duplicate; {} records; "
      "{:.1f} s, {:.2f} pages/s on {} threads\n",
      s.total, s.done, s.failed, s.skipped, s.duplicates, s.records, s.seconds,
      s.pages_per_second(), s.threads);
  if (s.failures.empty()) return;
  out << "Failed pages:\n";
  for (const auto& f : s.failures) out << "  " << f.path << "#" << f.page << ": " << f.reason << "\n";
}

}  // namespace ledger
