// Merging shard stores: everything copied once (also when a shard is merged twice), pixel
// duplicates across shards resolved in plan order as a single run would, missing / failed /
// doubled pages reported, pages keeping the time they were read, and the comparison that says
// "equal to a single run".
#include "cluster/merge.hpp"

#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "cluster/compare_stores.hpp"
#include "cluster_fixtures.hpp"
#include "core/error.hpp"
#include "records/sqlite_db.hpp"
#include "testkit.hpp"

namespace ledger {
namespace {

using testkit::fake_result;

// A plan over the fake pages: order = position in `rel_paths`, shard as given.
Plan plan_of(const std::vector<std::pair<std::string, int>>& rel_and_shard, int shards) {
  Plan plan;
  plan.shards = shards;
  long order = 0;
  for (const auto& [rel, shard] : rel_and_shard) {
    PlanPage p;
    p.shard = shard;
    p.order = order++;
    p.rel_path = rel;
    p.path = "/scans/" + rel;
    p.book_id = "KS.2017." + rel.substr(0, 2);
    plan.pages.push_back(p);
  }
  return plan;
}

MergeOptions quiet(const Plan* plan) {
  MergeOptions o;
  o.plan = plan;
  o.cross_shard = false;
  return o;
}

std::string status_of(const std::filesystem::path& store, const std::string& rel) {
  for (const auto& p : Store::open(store).pages())
    if (p.ref.rel_path == rel) return p.status;
  return "absent";
}

class Shards : public ::testing::Test {
 protected:
  void SetUp() override {
    // Book b1 in shard 0, book b2 in shard 1; b2/p2 has the pixels of b1/p1.
    testkit::write_store(s0, {fake_result("b1/p1.png", "sha-1"), fake_result("b1/p2.png", "sha-2", 3)});
    testkit::write_store(s1, {fake_result("b2/p1.png", "sha-3"), fake_result("b2/p2.png", "sha-1")});
    testkit::write_store(single, {fake_result("b1/p1.png", "sha-1"), fake_result("b1/p2.png", "sha-2", 3),
                                  fake_result("b2/p1.png", "sha-3"), fake_result("b2/p2.png", "sha-1")});
    plan = plan_of({{"b1/p1.png", 0}, {"b1/p2.png", 0}, {"b2/p1.png", 1}, {"b2/p2.png", 1}}, 2);
  }
  testkit::TempDir dir;
  std::filesystem::path s0 = dir / "shard-0.sqlite", s1 = dir / "shard-1.sqlite";
  std::filesystem::path single = dir / "single.sqlite", out = dir / "campaign.sqlite";
  Plan plan;
};

TEST_F(Shards, MergedEqualsTheSingleRunWhateverTheShardOrder) {
  ASSERT_EQ(status_of(s1, "b2/p2.png"), "done") << "in its own shard the copy is the first";
  auto r = merge_stores({s1, s0}, out, quiet(&plan));  // later shard first
  EXPECT_EQ(r.stores, 2);
  EXPECT_EQ(r.pages, 4);
  EXPECT_EQ(r.campaign_pages, 4);
  EXPECT_EQ(r.pixel_duplicates, 1);
  EXPECT_EQ(r.campaign_records, 2 + 3 + 2);
  EXPECT_TRUE(r.complete());
  EXPECT_EQ(status_of(out, "b1/p1.png"), "done");
  EXPECT_EQ(status_of(out, "b2/p2.png"), "duplicate");
  auto c = compare_stores(out, single);
  EXPECT_TRUE(c.equal()) << (c.differences.empty() ? "" : c.differences[0]);
  EXPECT_EQ(c.records_a, 7u);
  EXPECT_EQ(c.fields_compared, 14u);
}

TEST_F(Shards, MergedPagesKeepTheTimeTheyWereRead) {
  {  // the shards were read on other days than the merge's
    sql::Db db0(s0), db1(s1);
    db0.exec("UPDATE pages SET written_at = '2026-11-02T08:00:00Z'");
    db1.exec("UPDATE pages SET written_at = '2026-11-03T09:30:00Z'");
  }
  merge_stores({s0, s1}, out, quiet(&plan));
  std::map<std::string, std::string> at;
  for (const auto& p : Store::open(out).pages()) at[p.ref.rel_path] = p.written_at;
  EXPECT_EQ(at["b1/p1.png"], "2026-11-02T08:00:00Z");
  EXPECT_EQ(at["b1/p2.png"], "2026-11-02T08:00:00Z");
  EXPECT_EQ(at["b2/p1.png"], "2026-11-03T09:30:00Z");
}

TEST_F(Shards, MergingAShardTwiceNeverDuplicates) {
  merge_stores({s0, s1}, out, quiet(&plan));
  auto again = merge_stores({s0, s1, s0}, out, quiet(&plan));
  EXPECT_EQ(again.campaign_pages, 4);
  EXPECT_EQ(again.campaign_records, 7);
  EXPECT_EQ(again.doubled.size(), 2u) << "s0's pages given twice are reported";
  auto c = compare_stores(out, single);
  EXPECT_TRUE(c.equal()) << (c.differences.empty() ? "" : c.differences[0]);
}

TEST_F(Shards, AnEarlierTwinArrivingInALaterMergeDemotesTheLaterPage) {
  merge_stores({s1}, out, quiet(&plan));  // b2/p2 alone: done, with its records
  EXPECT_EQ(status_of(out, "b2/p2.png"), "done");
  merge_stores({s0}, out, quiet(&plan));  // b1/p1 comes earlier in plan order
  EXPECT_EQ(status_of(out, "b1/p1.png"), "done");
  EXPECT_EQ(status_of(out, "b2/p2.png"), "duplicate");
  auto c = compare_stores(out, single);
  EXPECT_TRUE(c.equal()) << (c.differences.empty() ? "" : c.differences[0]);
}

TEST_F(Shards, MissingFailedAndDoubledPagesAreReported) {
  Plan bigger = plan_of({{"b1/p1.png", 0}, {"b1/p2.png", 0}, {"b2/p1.png", 1}, {"b2/p2.png", 1},
                         {"b3/p1.png", 2}},
                        3);
  auto s2 = dir / "shard-2-bad.sqlite";
  testkit::write_store(s2, {fake_result("b1/p2.png", "", 0, "cannot decode")});
  auto r = merge_stores({s0, s1, s2}, out, quiet(&bigger));
  EXPECT_FALSE(r.complete());
  ASSERT_EQ(r.missing.size(), 1u);
  EXPECT_EQ(r.missing[0].path, "/scans/b3/p1.png");
  EXPECT_TRUE(r.failed.empty()) << "the done copy of b1/p2 wins over the failed one";
  ASSERT_EQ(r.doubled.size(), 1u);
  EXPECT_EQ(r.doubled[0].path, "/scans/b1/p2.png");

  auto out2 = dir / "campaign-2.sqlite";
  auto r2 = merge_stores({s2, s1}, out2, quiet(&plan));
  ASSERT_EQ(r2.failed.size(), 1u);
  EXPECT_EQ(r2.failed[0].reason, "cannot decode");
  ASSERT_EQ(r2.missing.size(), 1u);  // b1/p1: its shard was not given
  std::ostringstream text;
  print_merge_report(r2, text);
  EXPECT_NE(text.str().find("INCOMPLETE"), std::string::npos);
  EXPECT_NE(text.str().find("cannot decode"), std::string::npos);
}

TEST_F(Shards, CompareNamesTheDifferenceAndMergeRefusesBadInputs) {
  merge_stores({s0}, out, quiet(&plan));
  auto c = compare_stores(out, single);
  EXPECT_FALSE(c.equal());
  ASSERT_FALSE(c.differences.empty());
  EXPECT_NE(c.differences[0].find("b2/p"), std::string::npos);
  EXPECT_THROW(merge_stores({dir / "nope.sqlite"}, out, quiet(&plan)), InputError);
  EXPECT_THROW(merge_stores({out}, out, quiet(&plan)), InputError);
  EXPECT_THROW(compare_stores(out, dir / "nope.sqlite"), InputError);
}

TEST_F(Shards, PagesAlreadyReviewedInTheCampaignAreNotOverwritten) {
  merge_stores({s0, s1}, out, quiet(&plan));
  {
    sql::Db db(out);
    db.exec("UPDATE records SET reviewed_at = '2026-11-28', reviewed_by = 'lan' WHERE page_id = "
            "(SELECT id FROM pages WHERE rel_path = 'b1/p2.png')");
  }
  auto again = merge_stores({s0, s1}, out, quiet(&plan));
  EXPECT_EQ(again.kept_reviewed, 1);
  EXPECT_EQ(again.campaign_records, 7);
  RecordFilter f;
  f.reviewed_only = true;
  EXPECT_EQ(Store::open(out).records(f).size(), 3u) << "the clerk's work survived the re-merge";
}

TEST_F(Shards, CrossShardStepsWriteReports) {
  MergeOptions o;
  o.plan = &plan;
  o.reports_dir = dir / "reports";
  auto r = merge_stores({s0, s1}, out, o);
  EXPECT_FALSE(r.reports.empty());
  for (const auto& f : r.reports) EXPECT_TRUE(std::filesystem::exists(f)) << f;
  EXPECT_TRUE(std::filesystem::exists(dir / "reports/progress/report.html"));
  EXPECT_TRUE(std::filesystem::exists(dir / "reports/duplicates/duplicates.csv"));
}

}  // namespace
}  // namespace ledger
