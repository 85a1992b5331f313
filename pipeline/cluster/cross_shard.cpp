// The campaign steps run after a merge (see cross_shard.hpp).
#include "cluster/cross_shard.hpp"

#include "campaign/duplicates.hpp"
#include "campaign/duplicates_report.hpp"
#include "campaign/progress.hpp"
#include "campaign/progress_report.hpp"

namespace ledger {

CrossShardResult run_cross_shard_steps(const std::filesystem::path& store,
                                       const std::filesystem::path& dir, const Plan* plan,
                                       const NamePattern& pattern) {
  CrossShardResult out;
  StorePersons persons = read_store_persons(store);
  DuplicateReport dups = find_duplicates(persons.persons);
  out.duplicate_pairs = long(dups.pairs.size());
  for (auto& f : write_duplicates_report(dups, persons.persons, {}, dir / "duplicates"))
    out.reports.push_back(std::move(f));
  out.marked = mark_store_duplicates(store, persons, dups);

  ProgressFacts facts = read_progress_facts(store);
  if (plan)
    for (const PlanPage& p : plan->pages) {
      auto [it, added] = facts.scanned.try_emplace(p.book_id);
      if (added) {
        BookInfo b = parse_book_info(p.rel_path, pattern);
        it->second.province = b.province;
        it->second.district = b.district;
        it->second.commune = b.commune;
      }
      ++it->second.pages;
    }
  ProgressOptions po;
  po.measure = DoneMeasure::Prefilled;  // a fresh campaign store has no reviews yet
  ProgressReport report = compute_progress(facts, {}, po);
  for (auto& f : write_progress_report(report, dir / "progress")) out.reports.push_back(std::move(f));
  return out;
}

}  // namespace ledger
