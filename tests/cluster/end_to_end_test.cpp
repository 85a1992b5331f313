// A campaign in shards on generated pages (fake OCR engine, forced layout): planned, each shard
// run like `run --plan --shard`, merged; the campaign store equals a single-machine run of the
// same pages, with a pixel duplicate across shards, and again after a shard is re-run.
#include <gtest/gtest.h>

#include <sstream>

#include "cluster/compare_stores.hpp"
#include "cluster/merge.hpp"
#include "cluster/plan.hpp"
#include "cluster/shard.hpp"
#include "records/sqlite_db.hpp"
#include "run/run_job.hpp"
#include "synth/synth_book.hpp"
#include "testkit.hpp"

namespace ledger {
namespace {

RunRequest fake_run(const std::filesystem::path& store) {
  RunRequest r;
  r.store = store;
  r.engine = "fake";
  r.layout_id = "ks-2016";  // the fake engine reads no anchors: force the layout
  r.threads = 2;
  r.progress = false;
  return r;
}

TEST(ClusterEndToEnd, MergedShardsEqualASingleRun) {
  testkit::TempDir dir;
  auto pages = dir / "pages";
  for (int b = 0; b < 2; ++b) {
    synth::SynthOptions so;
    so.layout_id = "ks-2016";
    so.pages = 3;
    so.seed = 40 + b;
    so.clean = true;
    so.dpi_min = so.dpi_max = 150;
    so.year = 2017 + b;
    so.volume = "0" + std::to_string(b + 1);
    so.out = pages / (b == 0 ? "a" : "b");
    so.builtin_lexicon = true;
    synth::synthesize(so);
  }
  // The same pixels again in the other book: a duplicate whose original is in another shard.
  std::filesystem::copy_file(pages / "a/KS.2017.01.p0001.png", pages / "b/KS.2018.02.p0004.png");

  RunRequest single = fake_run(dir / "single.sqlite");
  single.inputs = {pages};
  std::ostringstream log;
  RunSummary s = run_job(single, log);
  ASSERT_EQ(s.failed, 0) << log.str();
  ASSERT_EQ(s.duplicates, 1);

  Plan plan = make_plan({pages}, 2, IngestOptions{});
  ASSERT_EQ(plan.pages.size(), 7u);
  ASSERT_TRUE(plan.split_books.empty());
  ASSERT_NE(plan.pages.front().shard, plan.pages.back().shard);
  write_plan(plan, dir / "plan");
  Plan read = read_plan(dir / "plan");

  std::vector<std::filesystem::path> shards;
  for (int k = 0; k < 2; ++k) {
    shards.push_back(dir / ("shard-" + std::to_string(k) + ".sqlite"));
    RunRequest r = fake_run(shards.back());
    EXPECT_EQ(apply_shard(r, read, k), 0u);
    RunSummary rs = run_job(r, log);
    EXPECT_EQ(rs.failed, 0);
    EXPECT_EQ(rs.duplicates, 0) << "each shard holds one copy of the duplicate pixels";
  }
  MergeOptions mo;
  mo.plan = &read;
  mo.reports_dir = dir / "reports";
  MergeReport m = merge_stores(shards, dir / "campaign.sqlite", mo);
  EXPECT_TRUE(m.complete());
  EXPECT_EQ(m.pixel_duplicates, 1);
  auto c = compare_stores(dir / "campaign.sqlite", dir / "single.sqlite");
  EXPECT_TRUE(c.equal()) << (c.differences.empty() ? "" : c.differences[0]);
  EXPECT_EQ(c.pages_a, 7u);
  EXPECT_GT(c.fields_compared, 0u);

  // Shard 1 lost its last page (killed) and is re-run: it resumes, the merge is unchanged.
  {
    sql::Db db(shards[1]);
    db.exec("PRAGMA foreign_keys=ON; DELETE FROM pages WHERE id = (SELECT MAX(id) FROM pages)");
  }
  {
    RunRequest r = fake_run(shards[1]);
    apply_shard(r, read, 1);
    RunSummary again = run_job(r, log);
    EXPECT_EQ(again.done + again.duplicates, 1);
    EXPECT_EQ(again.skipped, int(r.pages->size()) - 1);
  }
  MergeReport m2 = merge_stores(shards, dir / "campaign.sqlite", mo);
  EXPECT_EQ(m2.campaign_records, m.campaign_records);
  auto c2 = compare_stores(dir / "campaign.sqlite", dir / "single.sqlite");
  EXPECT_TRUE(c2.equal()) << (c2.differences.empty() ? "" : c2.differences[0]);
}

}  // namespace
}  // namespace ledger
