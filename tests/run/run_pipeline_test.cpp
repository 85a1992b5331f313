// The TBB runner with a fake page processor: every page stored once and in order, failures and
// exceptions recorded, resumed runs skip what is stored, one processor per worker thread.
#include "run/run_pipeline.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include "testkit.hpp"

namespace ledger {
namespace {

// Makes a page's result from its file name: "bad*" fails, "throw*" throws, others give
// `records_per_page` records with one field holding the path.
class FakeProcessor : public PageProcessor {
 public:
  FakeProcessor(std::atomic<int>& calls, int records) : calls_(calls), records_(records) {}
  PageResult process(const PageRef& ref) override {
    ++calls_;
    auto name = std::filesystem::path(ref.path).filename().string();
    if (name.rfind("throw", 0) == 0) throw std::runtime_error("engine exploded");
    PageResult r;
    r.ref = ref;
    r.sha256 = "sha-" + name;
    if (name.rfind("bad", 0) == 0) {
      r.error = "not an image";
      return r;
    }
    r.layout_id = "fake";
    for (int i = 0; i < records_; ++i) {
      DraftRecord rec;
      rec.record = i;
      DraftField f;
      f.value = ref.path;
      rec.fields.emplace_back("nksHoTen", f);
      r.records.push_back(rec);
    }
    return r;
  }

 private:
  std::atomic<int>& calls_;
  int records_;
};

class FakeFactory : public PageProcessorFactory {
 public:
  explicit FakeFactory(int records = 2) : records_(records) {}
  std::unique_ptr<PageProcessor> make() override {
    ++made;
    return std::make_unique<FakeProcessor>(calls, records_);
  }
  std::atomic<int> made{0}, calls{0};

 private:
  int records_;
};

std::vector<PageRef> make_files(const testkit::TempDir& dir, const std::vector<std::string>& names) {
  std::vector<PageRef> pages;
  for (const auto& n : names) {
    std::ofstream(dir / n) << "content of " << n;
    PageRef ref;
    ref.path = (dir / n).string();
    ref.rel_path = n;
    pages.push_back(ref);
  }
  return pages;
}

std::vector<std::string> numbered(int n, const std::string& prefix = "p") {
  std::vector<std::string> names;
  for (int i = 0; i < n; ++i) names.push_back(prefix + std::to_string(1000 + i) + ".png");
  return names;
}

TEST(RunPipeline, StoresEveryPageOnceWithItsRecords) {
  testkit::TempDir tmp;
  auto store = Store::open(tmp / "s.sqlite");
  RunOptions opts;
  opts.pages = make_files(tmp, numbered(40));
  opts.threads = 4;
  FakeFactory factory(3);
  NullProgress progress;
  auto summary = run_pipeline(opts, factory, store, progress);
  EXPECT_EQ(summary.total, 40);
  EXPECT_EQ(summary.done, 40);
  EXPECT_EQ(summary.failed, 0);
  EXPECT_EQ(summary.records, 120);
  EXPECT_EQ(summary.exit_code(), 0);
  EXPECT_LE(factory.made.load(), 4);
  EXPECT_GE(factory.made.load(), 1);

  auto records = store.records();
  ASSERT_EQ(records.size(), 120u);
  std::set<std::pair<std::string, int>> seen;
  for (const auto& r : records) {
    EXPECT_EQ(r.draft.fields.at(0).second.value, r.page.ref.path);
    seen.insert({r.page.ref.path, r.draft.record});
  }
  EXPECT_EQ(seen.size(), 120u);
}

TEST(RunPipeline, FailuresAndExceptionsAreRecordedAndTheRunContinues) {
  testkit::TempDir tmp;
  auto store = Store::open(tmp / "s.sqlite");
  RunOptions opts;
  opts.pages = make_files(tmp, {"a.png", "bad1.png", "b.png", "throw1.png", "c.png"});
  opts.discovery_failures.emplace_back((tmp / "notes.jpg").string(), "not an image");
  opts.threads = 2;
  FakeFactory factory;
  NullProgress progress;
  auto summary = run_pipeline(opts, factory, store, progress);
  EXPECT_EQ(summary.total, 6);
  EXPECT_EQ(summary.done, 3);
  EXPECT_EQ(summary.failed, 3);
  EXPECT_EQ(summary.exit_code(), 1);
  std::set<std::string> reasons;
  for (const auto& f : summary.failures) reasons.insert(f.reason);
  EXPECT_TRUE(reasons.count("not an image"));
  EXPECT_TRUE(reasons.count("engine exploded"));
  EXPECT_EQ(store.failed_pages().size(), 3u);

  std::ostringstream text;
  print_summary(summary, text);
  EXPECT_NE(text.str().find("throw1.png#1: engine exploded"), std::string::npos);
}

TEST(RunPipeline, ASecondRunSkipsStoredPagesAndRetriesFailedOnes) {
  testkit::TempDir tmp;
  auto names = numbered(10);
  names.push_back("bad.png");
  RunOptions opts;
  opts.pages = make_files(tmp, names);
  opts.threads = 2;
  NullProgress progress;
  {
    auto store = Store::open(tmp / "s.sqlite");
    FakeFactory factory;
    run_pipeline(opts, factory, store, progress);
  }
  auto store = Store::open(tmp / "s.sqlite");
  FakeFactory again;
  auto summary = run_pipeline(opts, again, store, progress);
  EXPECT_EQ(summary.skipped, 10);
  EXPECT_EQ(summary.failed, 1);
  EXPECT_EQ(again.calls.load(), 1);  // only the failed page is tried again
  EXPECT_EQ(store.records().size(), 20u);

  // A changed file (new size) is processed again and replaces its rows.
  std::ofstream(tmp / names[0], std::ios::app) << " edited";
  FakeFactory third;
  summary = run_pipeline(opts, third, store, progress);
  EXPECT_EQ(summary.skipped, 9);
  EXPECT_EQ(summary.done, 1);
  EXPECT_EQ(store.records().size(), 20u);
}

// Counts the pages alive at once inside processors: never more than max_in_flight.
TEST(RunPipeline, BoundsThePagesInFlight) {
  testkit::TempDir tmp;
  auto store = Store::open(tmp / "s.sqlite");
  struct Slow : PageProcessor {
    std::atomic<int>& live;
    std::atomic<int>& peak;
    Slow(std::atomic<int>& l, std::atomic<int>& p) : live(l), peak(p) {}
    PageResult process(const PageRef& ref) override {
      int now = ++live;
      int old = peak.load();
      while (now > old && !peak.compare_exchange_weak(old, now)) {
      }
      std::this_thread::yield();
      --live;
      PageResult r;
      r.ref = ref;
      r.sha256 = ref.path;
      return r;
    }
  };
  struct SlowFactory : PageProcessorFactory {
    std::atomic<int> live{0}, peak{0};
    std::unique_ptr<PageProcessor> make() override { return std::make_unique<Slow>(live, peak); }
  } factory;
  RunOptions opts;
  opts.pages = make_files(tmp, numbered(60));
  opts.threads = 4;
  opts.max_in_flight = 2;
  NullProgress progress;
  auto summary = run_pipeline(opts, factory, store, progress);
  EXPECT_EQ(summary.done, 60);
  EXPECT_LE(factory.peak.load(), 2);
}

TEST(Progress, PlainLinesCountPagesAndListFailures) {
  std::ostringstream out;
  auto progress = make_progress(out, false, 2);
  progress->start(3);
  PageResult ok, bad;
  ok.ref.path = "a.png";
  bad.ref.path = "b.png";
  bad.error = "empty file";
  progress->page_done(ok, false);
  progress->page_done(bad, false);
  progress->page_done(ok, true);
  progress->finish();
  auto text = out.str();
  EXPECT_NE(text.find("2/3 pages"), std::string::npos) << text;
  EXPECT_NE(text.find("3/3 pages (1 skipped)"), std::string::npos) << text;
  EXPECT_NE(text.find("failed: b.png#1: empty file"), std::string::npos) << text;
}

TEST(Progress, OnATerminalOneBarIsRedrawnInPlace) {
  std::ostringstream out;
  auto progress = make_progress(out, true);
  progress->start(4);
  PageResult ok;
  ok.ref.path = "a.png";
  for (int i = 0; i < 4; ++i) progress->page_done(ok, false);
  progress->finish();
  auto text = out.str();
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 1) << text;  // only the final newline
  EXPECT_EQ(std::count(text.begin(), text.end(), '\r'), 4) << text;
  EXPECT_NE(text.find("4/4 pages"), std::string::npos) << text;
  EXPECT_NE(text.find("pages/s"), std::string::npos) << text;
  EXPECT_NE(text.find("ETA"), std::string::npos) << text;
}

}  // namespace
}  // namespace ledger
