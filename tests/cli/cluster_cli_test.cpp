// `ledger-ocr plan`, `run --plan` and `merge` end to end: their exit codes for good use, bad
// usage (2), an unreadable store (3) and an incomplete campaign (1).
#include <gtest/gtest.h>

#include <opencv2/imgcodecs.hpp>

#include "cli/cli_runner.hpp"
#include "testkit.hpp"

namespace ledger {
namespace {

using testkit::run_binary;

TEST(ClusterCli, PlanRunAndMergeExitCodes) {
  testkit::TempDir dir;
  auto scans = dir / "scans";
  std::filesystem::create_directories(scans);
  for (int p = 1; p <= 4; ++p)
    cv::imwrite((scans / ("KS.2017.0" + std::to_string(1 + p / 3) + ".p000" + std::to_string(p) + ".png")).string(),
                cv::Mat(20, 20, CV_8UC3, cv::Scalar(p * 40, 0, 0)));
  std::string plan = (dir / "plan").string();

  EXPECT_EQ(run_binary({"plan", scans.string(), "--out", plan}, dir.path()).code, 2) << "no --shards";
  auto planned = run_binary({"plan", scans.string(), "--shards", "2", "--out", plan}, dir.path());
  ASSERT_EQ(planned.code, 0) << planned.err;
  EXPECT_NE(planned.out.find("planned 4 pages in 2 shards"), std::string::npos) << planned.out;
  EXPECT_TRUE(std::filesystem::exists(dir / "plan/manifest.tsv"));

  std::string shard0 = (dir / "shard-0.sqlite").string();
  EXPECT_EQ(run_binary({"run", "--plan", plan, "--out", shard0, "--engine", "fake"}, dir.path()).code, 2)
      << "no shard index (and none in the environment)";
  auto outside = run_binary({"run", "--plan", plan, "--shard", "2", "--out", shard0}, dir.path());
  EXPECT_EQ(outside.code, 2);
  EXPECT_NE(outside.err.find("not in the plan"), std::string::npos) << outside.err;
  EXPECT_EQ(run_binary({"run", scans.string(), "--plan", plan, "--shard", "0", "--out", shard0}, dir.path()).code, 2)
      << "inputs and a plan";
  // Tiny blank pages match no layout: the shard runs and records them as failed (exit 1).
  auto ran = run_binary({"run", "--plan", plan, "--shard", "0", "--out", shard0, "--engine", "fake", "-q"}, dir.path());
  EXPECT_EQ(ran.code, 1) << ran.err;

  std::string campaign = (dir / "campaign.sqlite").string();
  auto merged = run_binary({"merge", shard0, "--plan", plan, "--out", campaign, "--no-cross-shard"}, dir.path());
  EXPECT_EQ(merged.code, 1) << merged.out << merged.err;
  EXPECT_NE(merged.out.find("missing from every shard store"), std::string::npos) << merged.out;
  EXPECT_NE(merged.out.find("INCOMPLETE"), std::string::npos);
  EXPECT_EQ(run_binary({"merge", (dir / "nope.sqlite").string(), "--out", campaign}, dir.path()).code, 3);
}

}  // namespace
}  // namespace ledger
