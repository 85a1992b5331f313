// Benchmark of the cluster stage: (1) shard balance (largest / mean pages) of a province-size
// inventory for 4, 16 and 100 shards, from the balancing function alone (no files); (2) the time
// to merge 100 generated shard stores (50 pages x 5 records x 12 fields each) into one campaign
// store, without and with the cross-shard steps (duplicates, progress report).
// Usage: merge_bench [shards=100] [pages_per_shard=50] [records_per_page=5]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include <unistd.h>

#include "cluster/merge.hpp"
#include "cluster/plan.hpp"
#include "records/store.hpp"

namespace {

using namespace ledger;
using Clock = std::chrono::steady_clock;

double since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

// A province: ~200,000 pages in books of 20..600 pages (most 100-300: a register book is
// typically 100-200 sheets; small late volumes and thick merged volumes exist).
std::vector<BookSize> province(long target_pages, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::lognormal_distribution<double> size(std::log(180.0), 0.5);
  std::vector<BookSize> books;
  long total = 0;
  while (total < target_pages) {
    long n = std::clamp(long(size(rng)), 20L, 600L);
    n = std::min(n, target_pages - total);
    books.push_back({"KS." + std::to_string(1990 + books.size() % 30) + "." + std::to_string(books.size()), n});
    total += n;
  }
  return books;
}

const char* kKeys[] = {"so", "quyenSo", "ngayDangKy", "nksHoTen", "nksGioiTinh", "nksNgaySinh",
                       "nksNoiSinh", "nksDanToc", "nksQuocTich", "meHoTen", "chaHoTen", "nycHoTen"};

PageResult fake_page(int shard, int page, int records) {
  PageResult r;
  std::string name = "KS.2017." + std::to_string(shard) + ".p" + std::to_string(10000 + page).substr(1) + ".png";
  r.ref.rel_path = "book-" + std::to_string(shard) + "/" + name;
  r.ref.path = "/scans/" + r.ref.rel_path;
  r.ref.book.type = "KS";
  r.ref.book.year = 2017;
  r.ref.book.volume = std::to_string(shard);
  r.ref.book.commune = "Xã " + std::to_string(shard % 7);
  r.ref.book.matched = true;
  r.sha256 = "sha-" + std::to_string(shard) + "-" + std::to_string(page);
  r.layout_id = "ks-2016";
  r.width = 2480;
  r.height = 3508;
  r.dpi = 300;
  for (int i = 0; i < records; ++i) {
    DraftRecord rec;
    rec.record = i;
    int so = page * records + i + 1;
    for (const char* key : kKeys) {
      DraftField f;
      f.value = std::string(key) == "so" ? std::to_string(so)
                                          : std::string(key) + " " + std::to_string(shard) + "." + std::to_string(so);
      f.raw = f.value;
      f.confidence = 0.9;
      f.status = FieldStatus::Accept;
      f.box = {100, 200 + 40 * i, 600, 40};
      f.evidence = {{"mean_conf", 0.9}, {"lexicon", 1.0}};
      rec.fields.emplace_back(key, f);
    }
    r.records.push_back(rec);
  }
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  int shards = argc > 1 ? std::atoi(argv[1]) : 100;
  int pages = argc > 2 ? std::atoi(argv[2]) : 50;
  int records = argc > 3 ? std::atoi(argv[3]) : 5;

  auto books = province(200000, 7);
  std::printf("shard balance: %zu books, 200000 pages (books of 20-600 pages)\n", books.size());
  for (int n : {4, 16, 100, 1000}) {
    auto t0 = Clock::now();
    auto placed = balance_books(books, n);
    double s = since(t0);
    std::vector<long> load(size_t(n), 0);
    size_t split = 0;
    for (const auto& b : placed) {
      split += b.size() > 1;
      for (const auto& [k, p] : b) load[size_t(k)] += p;
    }
    double mean = 200000.0 / n;
    std::printf("  %4d shards: largest %6ld, mean %8.1f, largest/mean %.4f, books split %zu, %.1f ms\n",
                n, *std::max_element(load.begin(), load.end()), mean,
                double(*std::max_element(load.begin(), load.end())) / mean, split, s * 1e3);
  }

  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("ledger-merge-bench-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  auto t0 = Clock::now();
  std::vector<fs::path> files;
  for (int s = 0; s < shards; ++s) {
    files.push_back(dir / ("shard-" + std::to_string(s) + ".sqlite"));
    Store store = Store::open(files.back());
    auto batch = store.begin_batch("bench");
    for (int p = 0; p < pages; ++p) store.write_page(fake_page(s, p, records), SourceStamp{1000, 1}, batch);
    store.finish_batch(batch, pages, 0, 0);
  }
  std::printf("generated %d shard stores x %d pages x %d records x %zu fields in %.1f s\n", shards,
              pages, records, std::size(kKeys), since(t0));

  long total = long(shards) * pages;
  for (bool cross : {false, true}) {
    fs::path out = dir / (cross ? "campaign-cross.sqlite" : "campaign.sqlite");
    MergeOptions o;
    o.cross_shard = cross;
    o.reports_dir = dir / "reports";
    auto t1 = Clock::now();
    MergeReport r = merge_stores(files, out, o);
    double s = since(t1);
    std::printf("merge %s: %ld pages, %ld records in %.2f s = %.0f pages/s, %.0f records/s\n",
                cross ? "with cross-shard steps" : "(copy + checks only)", r.campaign_pages,
                r.campaign_records, s, total / s, r.campaign_records / s);
    t1 = Clock::now();
    r = merge_stores(files, out, o);
    s = since(t1);
    std::printf("  merged again (idempotent): %ld pages, %ld records in %.2f s\n", r.campaign_pages,
                r.campaign_records, s);
  }
  std::error_code ec;
  fs::remove_all(dir, ec);
  return 0;
}
