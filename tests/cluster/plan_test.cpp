// Planning: balance by pages with books kept whole, splitting only books larger than a mean
// shard, a byte-identical manifest for the same inputs, and a plan that reads back as written.
#include "cluster/plan.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <numeric>
#include <set>
#include <sstream>

#include "cluster_fixtures.hpp"
#include "core/error.hpp"
#include "testkit.hpp"

namespace ledger {
namespace {

std::string slurp(const std::filesystem::path& f) {
  std::ifstream in(f, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<BookSize> books_of(const std::vector<long>& sizes) {
  std::vector<BookSize> out;
  for (size_t i = 0; i < sizes.size(); ++i) out.push_back({"KS.2000." + std::to_string(i), sizes[i]});
  return out;
}

std::vector<long> loads(const std::vector<std::vector<std::pair<int, long>>>& placed, int shards) {
  std::vector<long> out(size_t(shards), 0);
  for (const auto& b : placed)
    for (const auto& [s, n] : b) out[size_t(s)] += n;
  return out;
}

TEST(BalanceBooks, SmallBooksStayWholeAndShardsAreBalanced) {
  std::vector<long> sizes;
  for (int i = 0; i < 60; ++i) sizes.push_back(40 + (i * 37) % 160);  // 40..199 pages
  auto placed = balance_books(books_of(sizes), 8);
  ASSERT_EQ(placed.size(), sizes.size());
  long total = 0;
  for (size_t i = 0; i < sizes.size(); ++i) {
    total += sizes[i];
    ASSERT_EQ(placed[i].size(), 1u) << "book " << i << " was split";
    EXPECT_EQ(placed[i][0].second, sizes[i]);
  }
  auto l = loads(placed, 8);
  EXPECT_EQ(std::accumulate(l.begin(), l.end(), 0L), total);
  double mean = double(total) / 8;
  EXPECT_LT(double(*std::max_element(l.begin(), l.end())) / mean, 1.05);
}

TEST(BalanceBooks, OnlyBooksLargerThanAMeanShardAreSplit) {
  // 1000 + 9 x 100 = 1900 pages in 4 shards: mean 475; only the big book exceeds it.
  std::vector<long> sizes{100, 1000, 100, 100, 100, 100, 100, 100, 100, 100};
  auto placed = balance_books(books_of(sizes), 4);
  for (size_t i = 0; i < sizes.size(); ++i)
    if (i != 1) EXPECT_EQ(placed[i].size(), 1u);
  ASSERT_GE(placed[1].size(), 2u);
  long pieces = 0;
  std::set<int> shards;
  for (const auto& [s, n] : placed[1]) {
    pieces += n;
    shards.insert(s);
    EXPECT_LE(n, 475);
  }
  EXPECT_EQ(pieces, 1000);
  EXPECT_EQ(shards.size(), placed[1].size()) << "two pieces of one book in one shard";
  auto l = loads(placed, 4);
  // Chunks of a mean shard (475, 475, 50) fill two shards; 9 x 100 + 50 split 500 / 450 at best.
  EXPECT_EQ(*std::max_element(l.begin(), l.end()), 500);
}

TEST(BalanceBooks, IsDeterministicAndRejectsZeroShards) {
  std::vector<long> sizes{5, 5, 5, 7, 7, 3, 3, 3, 9};
  EXPECT_EQ(balance_books(books_of(sizes), 3), balance_books(books_of(sizes), 3));
  EXPECT_THROW(balance_books(books_of(sizes), 0), ConfigError);
  // Two books of a mean shard each: whole, in different shards.
  auto placed = balance_books(books_of({4, 4}), 2);
  EXPECT_EQ(placed[0].size(), 1u);
  EXPECT_NE(placed[0][0].first, placed[1][0].first);
}

class PlanFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    int seed = 0;
    for (int p = 1; p <= 5; ++p)
      testkit::write_png(dir / "scans/b1" / ("KS.2017.01.p000" + std::to_string(p) + ".png"), ++seed);
    for (int p = 1; p <= 3; ++p)
      testkit::write_png(dir / "scans/b2" / ("KS.2018.02.p000" + std::to_string(p) + ".png"), ++seed);
    for (int p = 1; p <= 2; ++p)
      testkit::write_png(dir / "scans/b3" / ("KH.2019.03.p000" + std::to_string(p) + ".png"), ++seed);
    std::ofstream(dir / "scans/b1/notes.txt") << "not a page";
  }
  testkit::TempDir dir;
};

TEST_F(PlanFiles, ListsEveryPageKeepsBooksWholeAndHashesFiles) {
  Plan plan = make_plan({dir / "scans"}, 2, IngestOptions{});  // mean 5: no book exceeds it
  ASSERT_EQ(plan.pages.size(), 10u);
  EXPECT_TRUE(plan.failures.empty());
  EXPECT_TRUE(plan.split_books.empty());
  std::map<std::string, std::set<int>> shards_of_book;
  std::set<long> orders;
  for (const auto& p : plan.pages) {
    shards_of_book[p.book_id].insert(p.shard);
    orders.insert(p.order);
    EXPECT_TRUE(std::filesystem::path(p.path).is_absolute());
    EXPECT_EQ(p.sha256, file_sha256(p.path));
    EXPECT_EQ(p.size, std::int64_t(std::filesystem::file_size(p.path)));
  }
  EXPECT_EQ(orders.size(), 10u);
  ASSERT_EQ(shards_of_book.size(), 3u);
  for (const auto& [book, shards] : shards_of_book) EXPECT_EQ(shards.size(), 1u) << book;
  auto sizes = plan.shard_sizes();
  std::sort(sizes.begin(), sizes.end());
  EXPECT_EQ(sizes, (std::vector<long>{5, 5}));
  // Rows sorted by shard, then discovery order.
  for (size_t i = 1; i < plan.pages.size(); ++i)
    EXPECT_LT(std::tie(plan.pages[i - 1].shard, plan.pages[i - 1].order),
              std::tie(plan.pages[i].shard, plan.pages[i].order));
}

TEST_F(PlanFiles, SameInputsGiveAByteIdenticalManifestThatReadsBack) {
  Plan a = make_plan({dir / "scans"}, 2, IngestOptions{});
  Plan b = make_plan({dir / "scans"}, 2, IngestOptions{});
  write_plan(a, dir / "plan-a");
  write_plan(b, dir / "plan-b");
  std::string manifest = slurp(dir / "plan-a/manifest.tsv");
  EXPECT_FALSE(manifest.empty());
  EXPECT_EQ(manifest, slurp(dir / "plan-b/manifest.tsv"));

  Plan read = read_plan(dir / "plan-a");
  EXPECT_EQ(read.shards, 2);
  ASSERT_EQ(read.pages.size(), a.pages.size());
  for (size_t i = 0; i < a.pages.size(); ++i) {
    EXPECT_EQ(read.pages[i].path, a.pages[i].path);
    EXPECT_EQ(read.pages[i].rel_path, a.pages[i].rel_path);
    EXPECT_EQ(read.pages[i].shard, a.pages[i].shard);
    EXPECT_EQ(read.pages[i].order, a.pages[i].order);
    EXPECT_EQ(read.pages[i].sha256, a.pages[i].sha256);
    EXPECT_EQ(read.pages[i].book_id, a.pages[i].book_id);
  }
  EXPECT_EQ(read.shard_sizes(), a.shard_sizes());
}

TEST_F(PlanFiles, ABookLargerThanAMeanShardIsSplitAndSaidSo) {
  Plan plan = make_plan({dir / "scans"}, 4, IngestOptions{});  // mean 3: the 5-page book splits
  ASSERT_EQ(plan.split_books.size(), 1u);
  EXPECT_EQ(plan.split_books[0].pages, 5);
  EXPECT_GE(plan.split_books[0].shards.size(), 2u);
  write_plan(plan, dir / "plan");
  EXPECT_NE(slurp(dir / "plan/plan.json").find("split_books"), std::string::npos);
  EXPECT_EQ(read_plan(dir / "plan").split_books.size(), 1u);
}

TEST_F(PlanFiles, BrokenPlansAreRefusedNamingTheFile) {
  EXPECT_THROW(read_plan(dir / "nowhere"), InputError);
  write_plan(make_plan({dir / "scans"}, 2, IngestOptions{}), dir / "plan");
  std::ofstream(dir / "plan/manifest.tsv", std::ios::app) << "0\tx\n";
  try {
    read_plan(dir / "plan");
    FAIL() << "a short row was accepted";
  } catch (const InputError& e) {
    EXPECT_NE(e.where().find("manifest.tsv"), std::string::npos);
  }
  EXPECT_THROW(make_plan({dir / "scans"}, 0, IngestOptions{}), ConfigError);
}

}  // namespace
}  // namespace ledger
