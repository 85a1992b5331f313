// `ledger-ocr inventory ROOT`: lists the books under a folder tree, with misnamed files, page
// gaps and repeats, and books already done (earlier-phase list, store).
#include <iostream>
#include <memory>

#include "campaign/inventory.hpp"
#include "cli/command.hpp"
#include "run/pipeline_config.hpp"

namespace {

struct Opts {
  std::string root, done, store, csv, config;
  std::vector<std::string> patterns;
};

const ledger::cli::CommandRegistration reg{
    {60, "inventory", "List the books under a folder tree: pages, misnamed files, gaps, books done",
     [](CLI::App& sub) {
       auto opts = std::make_shared<Opts>();
       sub.add_option("ROOT", opts->root, "Folder of scans (<province>/<district>/<commune>/<type>/<year.vol>/)")
           ->required()
           ->check(CLI::ExistingDirectory);
       sub.add_option("--done", opts->done, "CSV of books done in an earlier phase (book_id, or type,year,volume[,unit])")
           ->check(CLI::ExistingFile);
       sub.add_option("--store", opts->store, "Store whose processed books count as done")->check(CLI::ExistingFile);
       sub.add_option("--csv", opts->csv, "Write the books to this CSV (and problems to <stem>.problems.csv)");
       sub.add_option("--config", opts->config, "Settings file whose ingest.name_patterns define good names "
                                                "(default: config/pipeline.yaml)")
           ->check(CLI::ExistingFile);
       sub.add_option("--pattern", opts->patterns, "File-name template, e.g. \"{type}.{year}.{volume}.p{page}\" "
                                                   "(repeatable; overrides the settings file)");
       return std::function<int()>([opts] {
         ledger::InventoryOptions o;
         std::filesystem::path config = opts->config.empty() ? ledger::default_pipeline_config_path()
                                                             : std::filesystem::path(opts->config);
         if (!config.empty()) {
           auto settings = ledger::load_pipeline_config(config);
           if (!settings.name_patterns.empty()) o.pattern.templates = settings.name_patterns;
         }
         if (!opts->patterns.empty()) o.pattern.templates = opts->patterns;
         o.done_csv = opts->done;
         o.store = opts->store;
         ledger::Inventory inv = ledger::take_inventory(opts->root, o);
         std::cout << ledger::inventory_table(inv);
         if (!opts->csv.empty())
           for (const auto& f : ledger::write_inventory_csv(inv, opts->csv)) std::cout << "wrote " << f.string() << "\n";
         return ledger::cli::kOk;
       });
     }}};

}  // namespace
