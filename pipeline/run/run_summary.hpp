// What a run did: pages done, failed, skipped, records written, time, and the failed pages with
// their reasons, plus the exit code scripts can trust (cli/command.hpp).
#pragma once
#include <ostream>
#include <string>
#include <vector>

namespace ledger {

/// A page that failed, with the reason.
struct FailedPage {
  std::string path;  // as found on disk
  int page = 1;
  std::string reason;
};

struct RunSummary {
  int total = 0;       // pages found (including failed discovery entries)
  int done = 0;        // processed and stored as done
  int failed = 0;      // recorded as failed
  int skipped = 0;     // already in the store from an earlier run
  int duplicates = 0;  // same pixels as a page already stored under another path
  long records = 0;    // draft records written
  double seconds = 0;  // wall time of the run
  int threads = 0;
  long long batch = 0;  // the store's batch id of this run
  std::vector<FailedPage> failures;

  /// 0 when every page was done or skipped, 1 when some failed.
  int exit_code() const { return failed > 0 ? 1 : 0; }
  /// Pages processed per second of wall time (skipped pages not counted).
  double pages_per_second() const;
};

/// Prints the summary: counts, speed, then one line per failed page ("path#page: reason").
void print_summary(const RunSummary& summary, std::ostream& out);

}  // namespace ledger
