// The TBB pipeline that runs the stages over many pages (see run_pipeline.hpp).
#include "run/run_pipeline.hpp"

#include <oneapi/tbb/enumerable_thread_specific.h>
#include <oneapi/tbb/info.h>
#include <oneapi/tbb/parallel_pipeline.h>
#include <oneapi/tbb/task_arena.h>

#include <chrono>
#include <memory>

namespace ledger {

namespace {

// One page on its way from the reader to the writer.
struct Item {
  PageRef ref;
  SourceStamp stamp;
  bool skipped = false;
  PageResult result;
};
using ItemPtr = std::shared_ptr<Item>;

PageResult run_one(PageProcessor& processor, const PageRef& ref) {
  auto t0 = std::chrono::steady_clock::now();
  PageResult r;
  try {
    r = processor.process(ref);
    if (r.ref.path.empty()) r.ref = ref;
  } catch (const std::exception& e) {
    r = {};
    r.ref = ref;
    r.error = e.what();
  } catch (...) {
    r = {};
    r.ref = ref;
    r.error = "unknown error while processing the page";
  }
  if (r.seconds <= 0)
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return r;
}

}  // namespace

RunSummary run_pipeline(const RunOptions& options, PageProcessorFactory& factory, Store& store,
                        ProgressSink& progress) {
  auto t0 = std::chrono::steady_clock::now();
  RunSummary summary;
  summary.threads = options.threads > 0 ? options.threads : tbb::info::default_concurrency();
  size_t tokens = size_t(options.max_in_flight > 0 ? options.max_in_flight : 2 * summary.threads);
  summary.total = int(options.pages.size() + options.discovery_failures.size());

  const auto batch = store.begin_batch(options.args);
  summary.batch = batch;
  // Loaded once: the reader then never touches SQLite while the writer is in a transaction.
  const auto done = store.done_sources();
  progress.start(summary.total);

  auto record_failure = [&](const PageResult& r) {
    ++summary.failed;
    summary.failures.push_back({r.ref.path, r.ref.page, r.error});
  };

  for (const auto& failure : options.discovery_failures) {
    PageResult r;
    r.ref.path = r.ref.rel_path = failure.where();
    r.error = failure.reason();
    store.write_page(r, source_stamp(failure.where()), batch);
    record_failure(r);
    progress.page_done(r, false);
  }

  tbb::enumerable_thread_specific<std::unique_ptr<PageProcessor>> processors;
  size_t next = 0;

  tbb::task_arena arena(summary.threads);
  arena.execute([&] {
    tbb::parallel_pipeline(
        tokens,
        tbb::make_filter<void, ItemPtr>(
            tbb::filter_mode::serial_in_order,
            [&](tbb::flow_control& fc) -> ItemPtr {
              if (next >= options.pages.size()) {
                fc.stop();
                return nullptr;
              }
              auto item = std::make_shared<Item>();
              item->ref = options.pages[next++];
              item->stamp = source_stamp(item->ref.path);
              auto it = done.find({item->ref.path, item->ref.page});
              item->skipped =
                  it != done.end() && it->second == item->stamp && item->stamp.size >= 0;
              return item;
            }) &
            tbb::make_filter<ItemPtr, ItemPtr>(
                tbb::filter_mode::parallel,
                [&](ItemPtr item) {
                  if (item->skipped) return item;
                  auto& processor = processors.local();
                  if (!processor) processor = factory.make();
                  item->result = run_one(*processor, item->ref);
                  return item;
                }) &
            tbb::make_filter<ItemPtr, void>(
                tbb::filter_mode::serial_in_order, [&](ItemPtr item) {
                  if (item->skipped) {
                    ++summary.skipped;
                    item->result.ref = item->ref;
                    progress.page_done(item->result, true);
                    return;
                  }
                  const PageResult& r = item->result;
                  auto outcome = store.write_page(r, item->stamp, batch);
                  if (!r.error.empty()) {
                    record_failure(r);
                  } else if (outcome == WriteOutcome::Duplicate) {
                    ++summary.duplicates;
                  } else {
                    ++summary.done;
                    summary.records += long(r.records.size());
                  }
                  progress.page_done(r, false);
                }));
  });

  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  store.finish_batch(batch, summary.done, summary.failed, summary.skipped);
  progress.finish();
  return summary;
}

}  // namespace ledger
