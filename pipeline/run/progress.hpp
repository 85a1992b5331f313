// Progress of a run as pages finish: a one-line bar (pages done/total, pages/s, ETA) on a
// terminal, plain log lines every N pages otherwise, and nothing at all for tests.
#pragma once
#include <chrono>
#include <memory>
#include <ostream>

#include "core/page.hpp"

namespace ledger {

/// Receives the run's events, always from one thread at a time (the pipeline's serial writer).
class ProgressSink {
 public:
  virtual ~ProgressSink() = default;
  /// The run starts with `total` pages to look at.
  virtual void start(int total) = 0;
  /// One page is finished: `skipped` when it was already in the store.
  virtual void page_done(const PageResult& result, bool skipped) = 0;
  /// The run is over (the summary is printed by the caller).
  virtual void finish() = 0;
};

/// Ignores every event.
class NullProgress : public ProgressSink {
 public:
  void start(int) override {}
  void page_done(const PageResult&, bool) override {}
  void finish() override {}
};

/// Writes progress to `out`.
///   out    the stream (stderr in the CLI)
///   tty    true: a bar redrawn in place with '\r'; false: a line every `every` pages
///   every  pages between plain lines (tty false), >= 1
/// Notes:
///   1. Failed pages are always printed on their own line, as they happen.
///   2. pages/s and ETA count only pages processed in this run, not skipped ones.
std::unique_ptr<ProgressSink> make_progress(std::ostream& out, bool tty, int every = 10);

/// True when file descriptor `fd` is a terminal (isatty).
bool is_terminal(int fd);

}  // namespace ledger
