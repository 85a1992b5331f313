// `ledger-ocr plan INPUT... --shards N --out DIR`: lists every page with its file hash and
// splits them into N balanced shards for a cluster (the logic lives in cluster/plan.hpp).
#include <algorithm>
#include <iostream>
#include <memory>
#include <numeric>

#include "cli/command.hpp"
#include "cluster/plan.hpp"
#include "cluster/shard.hpp"

namespace {

struct Opts {
  std::vector<std::string> inputs;
  std::string out, config;
  int shards = 0;
};

const ledger::cli::CommandRegistration reg{
    {22, "plan", "Split a campaign's pages into balanced shards for a cluster (manifest + plan.json)",
     [](CLI::App& sub) {
       auto o = std::make_shared<Opts>();
       sub.add_option("inputs", o->inputs, "image/PDF/TIFF files and folders")->required();
       sub.add_option("--shards,-n", o->shards, "number of shards (array tasks)")
           ->required()
           ->check(CLI::Range(1, 1000000));
       sub.add_option("--out,-o", o->out, "the plan folder (manifest.tsv, plan.json)")->required();
       sub.add_option("--config", o->config, "settings file: file-name patterns, PDF resolution "
                                             "(default: config/pipeline.yaml)");
       return std::function<int()>([o] {
         std::vector<std::filesystem::path> inputs(o->inputs.begin(), o->inputs.end());
         ledger::Plan plan = ledger::make_plan(inputs, o->shards, ledger::ingest_options_from(o->config));
         ledger::write_plan(plan, o->out);
         auto sizes = plan.shard_sizes();
         long largest = sizes.empty() ? 0 : *std::max_element(sizes.begin(), sizes.end());
         double mean = double(plan.pages.size()) / double(plan.shards);
         std::cout << "planned " << plan.pages.size() << " pages in " << plan.shards
                   << " shards: largest " << largest << ", mean " << mean << " (largest/mean "
                   << (mean > 0 ? double(largest) / mean : 0.0) << ")\n";
         for (const auto& s : plan.split_books)
           std::cout << "book " << s.book_id << " (" << s.pages << " pages) split over "
                     << s.shards.size() << " shards: larger than a mean shard\n";
         for (const auto& f : plan.failures) std::cerr << "not planned: " << f << "\n";
         std::cout << "wrote " << (std::filesystem::path(o->out) / "manifest.tsv").string() << " and plan.json\n";
         return plan.failures.empty() ? int(ledger::cli::kOk) : int(ledger::cli::kSomePagesFailed);
       });
     }}};

}  // namespace
