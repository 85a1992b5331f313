// `ledger-ocr merge SHARD.sqlite... --out campaign.sqlite [--plan DIR]`: merges shard stores into
// one, checks the plan, runs the cross-shard steps (the logic lives in cluster/merge.hpp);
// `--compare OTHER.sqlite` then checks the result against another store (a single-machine run).
#include <iostream>
#include <memory>

#include "cli/command.hpp"
#include "cluster/compare_stores.hpp"
#include "cluster/merge.hpp"
#include "cluster/shard.hpp"

namespace {

struct Opts {
  std::vector<std::string> shards;
  std::string out, plan, reports, compare, config;
  bool no_cross_shard = false;
};

const ledger::cli::CommandRegistration reg{
    {24, "merge", "Merge shard stores into one campaign store, check the plan, find duplicates",
     [](CLI::App& sub) {
       auto o = std::make_shared<Opts>();
       sub.add_option("shards", o->shards, "shard stores (ledger-ocr run --plan ... --out)")->required();
       sub.add_option("--out,-o", o->out, "the campaign store (created when absent)")->required();
       sub.add_option("--plan", o->plan, "the plan the shards ran: report missing, failed, doubled pages")
           ->check(CLI::ExistingDirectory);
       sub.add_option("--reports", o->reports, "folder for duplicates/ and progress/ (default: next to --out)");
       sub.add_flag("--no-cross-shard", o->no_cross_shard, "only copy and check: no duplicates, no progress report");
       sub.add_option("--compare", o->compare, "afterwards compare the campaign with this store (e.g. a "
                                               "single-machine run): records and values must be equal")
           ->check(CLI::ExistingFile);
       sub.add_option("--config", o->config, "settings file: file-name patterns (default: config/pipeline.yaml)");
       return std::function<int()>([o] {
         ledger::MergeOptions options;
         ledger::Plan plan;
         if (!o->plan.empty()) {
           plan = ledger::read_plan(o->plan);
           options.plan = &plan;
         }
         options.cross_shard = !o->no_cross_shard;
         options.reports_dir = o->reports;
         options.pattern = ledger::ingest_options_from(o->config).pattern;
         options.args = "merge";
         for (const auto& s : o->shards) options.args += " " + s;
         options.args += " --out " + o->out;
         std::vector<std::filesystem::path> shards(o->shards.begin(), o->shards.end());
         auto report = ledger::merge_stores(shards, o->out, options);
         ledger::print_merge_report(report, std::cout);
         int code = report.complete() ? int(ledger::cli::kOk) : int(ledger::cli::kSomePagesFailed);
         if (!o->compare.empty()) {
           auto c = ledger::compare_stores(o->out, o->compare);
           std::cout << "compare with " << o->compare << ": " << c.pages_a << "/" << c.pages_b
                     << " pages, " << c.records_a << "/" << c.records_b << " records, "
                     << c.fields_compared << " fields compared: "
                     << (c.equal() ? "EQUAL" : std::to_string(c.difference_count) + " differences") << "\n";
           for (const auto& d : c.differences) std::cout << "  " << d << "\n";
           if (!c.equal()) code = int(ledger::cli::kSomePagesFailed);
         }
         return code;
       });
     }}};

}  // namespace
