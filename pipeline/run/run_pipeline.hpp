// The TBB pipeline that runs the stages over many pages: a serial reader that skips pages
// already stored, parallel page work (one processor per thread), a serial in-order writer.
#pragma once
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/page.hpp"
#include "records/store.hpp"
#include "run/page_processor.hpp"
#include "run/progress.hpp"
#include "run/run_summary.hpp"

namespace ledger {

struct RunOptions {
  std::vector<PageRef> pages;                  // the pages to process, in order
  std::vector<InputError> discovery_failures;  // inputs that failed before becoming pages
  int threads = 0;        // worker threads, 0 = all cores
  int max_in_flight = 0;  // pages between reader and writer at once, 0 = 2 x threads
  std::string args;       // the command line, stored with the batch
};

/// Processes every page of `options` and writes each result to `store`.
///   options    pages, discovery failures, threads
///   factory    makes one PageProcessor per worker thread (on first use by that thread)
///   store      where results go; only the writer stage touches it
///   progress   told about every page, from the writer stage
/// Returns the counts and the failed pages.
/// Notes:
///   1. A page whose (path, page) is stored as done with the same file size and mtime is
///      skipped without being decoded: re-runs and resumed runs redo only what is missing.
///   2. One SQLite transaction per page: a killed run loses at most the pages in flight
///      (<= max_in_flight), and the next run completes them without duplicates.
///   3. Discovery failures are stored as failed pages (page 1) and listed in the summary.
///   4. A processor that throws has its page recorded as failed with the exception's message.
///   5. Memory is bounded by max_in_flight pages, not by the number of pages.
RunSummary run_pipeline(const RunOptions& options, PageProcessorFactory& factory, Store& store,
                        ProgressSink& progress);

}  // namespace ledger
