// A shard's work: the index from --shard or the scheduler's environment, the shard's pages in
// plan order with their book info, and files changed since planning refused with a reason.
#include "cluster/shard.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "cluster_fixtures.hpp"
#include "core/error.hpp"
#include "testkit.hpp"

namespace ledger {
namespace {

std::function<const char*(const char*)> env(std::map<std::string, std::string> vars) {
  auto held = std::make_shared<std::map<std::string, std::string>>(std::move(vars));
  return [held](const char* name) -> const char* {
    auto it = held->find(name);
    return it == held->end() ? nullptr : it->second.c_str();
  };
}

TEST(ShardIndex, OptionThenSlurmThenKubernetes) {
  auto both = env({{"SLURM_ARRAY_TASK_ID", "3"}, {"JOB_COMPLETION_INDEX", "5"}});
  EXPECT_EQ(resolve_shard_index(1, both)->index, 1);
  EXPECT_EQ(resolve_shard_index(1, both)->source, "--shard");
  EXPECT_EQ(resolve_shard_index(std::nullopt, both)->index, 3);
  EXPECT_EQ(resolve_shard_index(std::nullopt, both)->source, "SLURM_ARRAY_TASK_ID");
  auto k8s = resolve_shard_index(std::nullopt, env({{"JOB_COMPLETION_INDEX", "5"}}));
  ASSERT_TRUE(k8s);
  EXPECT_EQ(k8s->index, 5);
  EXPECT_EQ(k8s->source, "JOB_COMPLETION_INDEX");
  EXPECT_FALSE(resolve_shard_index(std::nullopt, env({})));
  EXPECT_FALSE(resolve_shard_index(std::nullopt, env({{"SLURM_ARRAY_TASK_ID", ""}})));
  EXPECT_THROW(resolve_shard_index(std::nullopt, env({{"SLURM_ARRAY_TASK_ID", "1-3"}})), InputError);
}

class ShardFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    for (int p = 1; p <= 4; ++p)
      testkit::write_png(dir / ("scans/KS.2017.01.p000" + std::to_string(p) + ".png"), p);
    for (int p = 1; p <= 4; ++p)
      testkit::write_png(dir / ("scans/KH.2018.02.p000" + std::to_string(p) + ".png"), 10 + p);
    plan = make_plan({dir / "scans"}, 2, IngestOptions{});
  }
  testkit::TempDir dir;
  Plan plan;
};

TEST_F(ShardFiles, AShardIsItsPlanPagesInOrderWithBookInfo) {
  std::set<std::string> seen;
  for (int k = 0; k < 2; ++k) {
    ShardWork w = shard_work(plan, k, NamePattern{});
    EXPECT_TRUE(w.refused.empty());
    ASSERT_EQ(w.pages.size(), 4u);
    for (size_t i = 0; i < w.pages.size(); ++i) {
      EXPECT_TRUE(seen.insert(w.pages[i].path).second) << "page in two shards";
      EXPECT_TRUE(w.pages[i].book.matched);
      EXPECT_EQ(w.pages[i].book.book_id(), w.pages[0].book.book_id()) << "a book was split";
      if (i) EXPECT_LT(w.pages[i - 1].rel_path, w.pages[i].rel_path);
    }
  }
  EXPECT_THROW(shard_work(plan, 2, NamePattern{}), InputError);
  EXPECT_THROW(shard_work(plan, -1, NamePattern{}), InputError);
}

TEST_F(ShardFiles, FilesChangedOrGoneSincePlanningAreRefused) {
  const PlanPage& changed = plan.pages[0];
  const PlanPage& gone = plan.pages[1];
  testkit::write_png(changed.path, 99);  // same name, other pixels
  std::filesystem::remove(gone.path);
  ShardWork w = shard_work(plan, changed.shard, NamePattern{});
  EXPECT_EQ(w.pages.size(), 4u) << "refused pages still run, as failures";
  ASSERT_EQ(w.refused.size(), 2u);
  std::map<std::string, std::string> reasons;
  for (const auto& f : w.refused) reasons[f.path] = f.reason;
  EXPECT_NE(reasons[changed.path].find("changed since planning"), std::string::npos);
  EXPECT_NE(reasons[gone.path].find("missing"), std::string::npos);
}

}  // namespace
}  // namespace ledger
