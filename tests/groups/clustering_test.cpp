// Complete-linkage clustering: groups hold only items that are all pairwise close, so a chain of
// look-alikes (A~B, B~C, A far from C) never becomes one group.
#include <gtest/gtest.h>

#include "groups/clustering.hpp"

#include <oneapi/tbb/global_control.h>

#include <cmath>

namespace ledger::groups {
namespace {

TEST(Clustering, ChainsDoNotMerge) {
  // 0-1 and 1-2 are close, 0-2 is far: single linkage would make one group of three.
  const double d[3][3] = {{0, 0.1, 0.9}, {0.1, 0, 0.15}, {0.9, 0.15, 0}};
  auto cl = complete_linkage(3, [&](int i, int j) { return d[i][j]; }, 0.3);
  ASSERT_EQ(cl.size(), 2u);
  EXPECT_EQ(cl[0], (std::vector<int>{0, 1}));
  EXPECT_EQ(cl[1], (std::vector<int>{2}));
}

TEST(Clustering, EveryPairInAGroupIsWithinTheThreshold) {
  // Points on a line: distance = gap; threshold 2.5 allows groups spanning at most 2.5.
  const std::vector<double> x = {0, 1, 2, 3, 4, 10, 10.5, 30};
  const double th = 2.5;
  auto dist = [&](int i, int j) { return std::abs(x[size_t(i)] - x[size_t(j)]); };
  auto cl = complete_linkage(int(x.size()), dist, th);
  size_t total = 0;
  for (const auto& c : cl) {
    total += c.size();
    for (int i : c)
      for (int j : c) EXPECT_LE(dist(i, j), th);
  }
  EXPECT_EQ(total, x.size());
  EXPECT_EQ(cl.back().size(), 1u);  // 30 stays alone
}

TEST(Clustering, ThresholdZeroKeepsDistinctItemsApart) {
  auto cl = complete_linkage(4, [](int i, int j) { return i / 2 == j / 2 ? 0.0 : 1.0; }, 0.0);
  ASSERT_EQ(cl.size(), 2u);
  EXPECT_EQ(cl[0].size(), 2u);
  EXPECT_TRUE(complete_linkage(0, [](int, int) { return 0.0; }, 1).empty());
}

TEST(Clustering, TheGroupsDoNotDependOnTheThreadCount) {
  // 300 points in the plane, distances computed in parallel or on one thread
  std::vector<std::pair<double, double>> p;
  for (int i = 0; i < 300; ++i) p.emplace_back(std::fmod(i * 0.6180339, 1.0), std::fmod(i * 0.4142135, 1.0));
  const auto dist = [&](int i, int j) { return std::hypot(p[size_t(i)].first - p[size_t(j)].first, p[size_t(i)].second - p[size_t(j)].second); };
  const auto parallel = complete_linkage(int(p.size()), dist, 0.08);
  std::vector<std::vector<int>> serial;
  {
    tbb::global_control one(tbb::global_control::max_allowed_parallelism, 1);
    serial = complete_linkage(int(p.size()), dist, 0.08);
  }
  EXPECT_EQ(parallel, serial);
  EXPECT_LT(parallel.size(), p.size()) << "some points grouped";
}

}  // namespace
}  // namespace ledger::groups
