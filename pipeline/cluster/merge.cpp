// Merging shard stores into one campaign store (see merge.hpp).
#include "cluster/merge.hpp"

#include <algorithm>
#include <chrono>
#include <climits>
#include <map>
#include <set>
#include <tuple>

#include "cluster/cross_shard.hpp"
#include "core/error.hpp"
#include "records/store.hpp"
#include "run/book_checks.hpp"

namespace ledger {

namespace {

using PageKey = std::pair<std::string, int>;  // (path, page), the store's own key

// One page of one shard store, on its way into the campaign.
struct Entry {
  long order;     // plan order, LONG_MAX when the plan does not know the page
  size_t store;   // index into the shard stores
  StoredPage page;
};

bool sooner(const Entry& a, const Entry& b) {
  return std::tie(a.order, a.store, a.page.id) < std::tie(b.order, b.store, b.page.id);
}

PageResult to_result(const StoredPage& p, std::vector<StoredRecord> records) {
  PageResult r;
  r.ref = p.ref;
  r.sha256 = p.sha256;
  r.width = p.width;
  r.height = p.height;
  r.dpi = p.dpi;
  r.layout_id = p.layout_id;
  r.error = p.error;
  if (p.status == "failed" && r.error.empty()) r.error = "failed in its shard";
  r.seconds = p.seconds;
  r.written_at = p.written_at;
  // write_page decides duplicates again, against the campaign: drop the shard's verdict.
  for (const auto& issue : p.issues)
    if (issue.rfind("duplicate-of:", 0) != 0) r.issues.push_back(issue);
  for (auto& rec : records) r.records.push_back(std::move(rec.draft));
  return r;
}

}  // namespace

MergeReport merge_stores(const std::vector<std::filesystem::path>& shards,
                         const std::filesystem::path& out, const MergeOptions& options) {
  auto t0 = std::chrono::steady_clock::now();
  MergeReport report;
  std::map<PageKey, long> plan_order;
  if (options.plan)
    for (const auto& p : options.plan->pages) plan_order[{p.path, p.page}] = p.order;
  auto order_of = [&](const std::string& path, int page) {
    auto it = plan_order.find({path, page});
    return it == plan_order.end() ? LONG_MAX : it->second;
  };

  std::vector<Store> stores;
  for (const auto& s : shards) {
    if (!std::filesystem::is_regular_file(s)) throw InputError(s.string(), "no such shard store");
    if (std::filesystem::weakly_canonical(s) == std::filesystem::weakly_canonical(out))
      throw InputError(s.string(), "a shard store cannot be the merge's output");
    stores.push_back(Store::open(s));
  }
  report.stores = int(stores.size());

  // Every page of every shard, one entry per (path, page).
  std::vector<Entry> entries;
  std::map<PageKey, size_t> seen;
  std::map<std::string, std::set<size_t>> book_stores;  // book id -> shard stores holding it
  for (size_t s = 0; s < stores.size(); ++s) {
    for (StoredPage& p : stores[s].pages()) {
      book_stores[p.ref.book.book_id()].insert(s);
      PageKey key{p.ref.path, p.ref.page};
      auto [it, added] = seen.emplace(key, entries.size());
      if (added) {
        long order = order_of(p.ref.path, p.ref.page);
        entries.push_back({order, s, std::move(p)});
        continue;
      }
      Entry& kept = entries[it->second];
      report.doubled.push_back({p.ref.path, p.ref.page,
                                "in " + shards[kept.store].string() + " and " + shards[s].string()});
      if (kept.page.status == "failed" && p.status != "failed") {
        kept.store = s;
        kept.page = std::move(p);
      }
    }
  }
  std::sort(entries.begin(), entries.end(), sooner);

  std::set<std::string> recheck;
  for (const auto& [book, in] : book_stores)
    if (in.size() > 1) recheck.insert(book);
  if (options.plan)
    for (const auto& s : options.plan->split_books) recheck.insert(s.book_id);

  {
    Store campaign = Store::open(out);
    // Pages a clerk has started on in the campaign store are never overwritten (note 6).
    std::set<PageKey> reviewed;
    RecordFilter reviewed_only;
    reviewed_only.reviewed_only = true;
    campaign.for_each_record(reviewed_only, [&](const StoredRecord& r) {
      reviewed.insert({r.page.ref.path, r.page.ref.page});
    });
    auto batch = campaign.begin_batch(options.args.empty() ? "merge" : options.args);
    int done = 0, failed = 0;
    for (const Entry& e : entries) {
      if (reviewed.count({e.page.ref.path, e.page.ref.page})) {
        ++report.kept_reviewed;
        continue;
      }
      std::vector<StoredRecord> records;
      if (e.page.status == "done") {
        RecordFilter filter;
        filter.page_id = e.page.id;
        records = stores[e.store].records(filter);
        // A later page with the same pixels, left done by an earlier merge, becomes the duplicate.
        if (auto twin = campaign.done_page_with(e.page.sha256);
            twin && PageKey{twin->path, twin->page} != PageKey{e.page.ref.path, e.page.ref.page} &&
            order_of(twin->path, twin->page) > e.order)
          campaign.mark_duplicate(twin->path, twin->page,
                                  e.page.ref.rel_path + "#" + std::to_string(e.page.ref.page));
      }
      report.records += long(records.size());
      PageResult r = to_result(e.page, std::move(records));
      campaign.write_page(r, e.page.stamp, batch);
      ++report.pages;
      r.error.empty() ? ++done : ++failed;
    }
    campaign.finish_batch(batch, done, failed, 0);

    std::vector<std::string> books(recheck.begin(), recheck.end());
    check_books(campaign, books);
    report.rechecked_books = books;

    std::set<PageKey> present;
    for (const StoredPage& p : campaign.pages()) {
      present.insert({p.ref.path, p.ref.page});
      ++report.campaign_pages;
      report.campaign_records += p.record_count;
      if (p.status == "duplicate") ++report.pixel_duplicates;
      if (p.status == "failed") report.failed.push_back({p.ref.path, p.ref.page, p.error});
    }
    if (options.plan)
      for (const auto& p : options.plan->pages)
        if (!present.count({p.path, p.page}))
          report.missing.push_back({p.path, p.page, "shard " + std::to_string(p.shard)});
  }

  if (options.cross_shard) {
    auto dir = options.reports_dir.empty() ? std::filesystem::absolute(out).parent_path()
                                           : options.reports_dir;
    CrossShardResult cs = run_cross_shard_steps(out, dir, options.plan, options.pattern);
    report.duplicate_pairs = cs.duplicate_pairs;
    report.reports = cs.reports;
  }
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return report;
}

void print_merge_report(const MergeReport& r, std::ostream& out, size_t max_list) {
  out << "merged " << r.stores << " shard stores: " << r.pages << " pages, " << r.records
      << " records in " << r.seconds << " s\n";
  if (r.kept_reviewed)
    out << r.kept_reviewed << " pages already reviewed in the campaign store kept as they are\n";
  out << "campaign: " << r.campaign_pages << " pages (" << r.pixel_duplicates
      << " pixel duplicates), " << r.campaign_records << " records\n";
  if (!r.rechecked_books.empty())
    out << r.rechecked_books.size() << " books split over shards re-checked\n";
  if (!r.reports.empty())
    out << r.duplicate_pairs << " possible duplicate record pairs; reports:\n";
  for (const auto& f : r.reports) out << "  " << f.string() << "\n";
  auto list = [&](const char* what, const std::vector<FailedPage>& pages) {
    if (pages.empty()) return;
    out << pages.size() << " " << what << ":\n";
    for (size_t i = 0; i < pages.size() && i < max_list; ++i)
      out << "  " << pages[i].path << "#" << pages[i].page << ": " << pages[i].reason << "\n";
    if (pages.size() > max_list) out << "  ... and " << pages.size() - max_list << " more\n";
  };
  list("pages of the plan missing from every shard store", r.missing);
  list("pages failed", r.failed);
  list("pages found in two shard stores (one copy kept)", r.doubled);
  out << (r.complete() ? "campaign complete\n" : "campaign INCOMPLETE\n");
}

}  // namespace ledger
