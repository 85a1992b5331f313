// `ledger-ocr report --store FILE [--targets targets.yaml] [--date D] --out DIR`: the campaign's
// daily progress per unit, book and day, with the forecast against targets (HTML + CSV).
#include <iostream>
#include <memory>

#include "campaign/inventory.hpp"
#include "campaign/progress.hpp"
#include "campaign/progress_report.hpp"
#include "cli/command.hpp"

namespace {

struct Opts {
  std::string store, targets, out, date, scans, measure = "reviewed";
  int recent = 3;
};

const ledger::cli::CommandRegistration reg{
    {62, "report", "Campaign progress per unit/book/day with forecasts (report.html + report.csv)",
     [](CLI::App& sub) {
       auto opts = std::make_shared<Opts>();
       sub.add_option("--store", opts->store, "The campaign's store")->required()->check(CLI::ExistingFile);
       sub.add_option("--targets", opts->targets, "targets.yaml: units: [{unit, target_records, deadline}]")
           ->check(CLI::ExistingFile);
       sub.add_option("--out", opts->out, "Folder for report.html and report.csv")->required();
       sub.add_option("--date", opts->date, "Report as of this day (yyyy-mm-dd); default: the latest day stored");
       sub.add_option("--scans", opts->scans, "Folder of scans: pages scanned per book come from its inventory")
           ->check(CLI::ExistingDirectory);
       sub.add_option("--measure", opts->measure, "What counts as done: reviewed or prefilled")
           ->check(CLI::IsMember({"reviewed", "prefilled"}))
           ->capture_default_str();
       sub.add_option("--recent-days", opts->recent, "Days the rate is measured over")
           ->check(CLI::Range(1, 60))
           ->capture_default_str();
       return std::function<int()>([opts] {
         ledger::ProgressFacts facts = ledger::read_progress_facts(opts->store);
         if (!opts->scans.empty())
           for (const auto& b : ledger::take_inventory(opts->scans).books) 
             facts.scanned[b.book_id] = {b.province, b.district, b.commune, b.pages};
         std::vector<ledger::UnitTarget> targets;
         if (!opts->targets.empty()) targets = ledger::read_targets(opts->targets);
         ledger::ProgressOptions o;
         o.as_of = opts->date;
         o.measure = opts->measure == "prefilled" ? ledger::DoneMeasure::Prefilled : ledger::DoneMeasure::Reviewed;
         o.recent_days = opts->recent;
         auto report = ledger::compute_progress(facts, targets, o);
         std::cout << ledger::progress_summary(report);
         for (const auto& f : ledger::write_progress_report(report, opts->out)) std::cout << "wrote " << f.string() << "\n";
         return ledger::cli::kOk;
       });
     }}};

}  // namespace
