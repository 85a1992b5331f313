// `ledger-ocr group STORE [--book ID] [--config FILE] [--models DIR] [--threshold T]`: groups a
// book's handwritten values that look or read alike (one field type at a time) so a clerk
// confirms one value for many fields in the review station; and its entry numbers in sequence,
// registration days in order, readings its file names confirm and dates whose digits and words
// agree, so a clerk confirms them at once, each with its own value (groups/group_fields.hpp).
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/command.hpp"
#include "cli/grouping_settings.hpp"
#include "core/error.hpp"
#include "groups/group_fields.hpp"
#include "run/run_job.hpp"

namespace {

struct Opts {
  std::string store, book, models, config;
  double threshold = -1;
};

}  // namespace

static const ledger::cli::CommandRegistration reg{
    {45, "group",
     "Group repeated handwritten values (look or read alike), numbers in sequence and days in order, per book", [](CLI::App& sub) {
       auto o = std::make_shared<Opts>();
       sub.add_option("store", o->store, "the SQLite store of a run")->required();
       sub.add_option("--book", o->book, "only this book (its id, e.g. KS.2017.01/...)");
       sub.add_option("--config", o->config,
                      "settings file: groups.sequence_keys, order_keys, page_keys, named_entry_keys and named_day_keys (default: config/pipeline.yaml)");
       sub.add_option("--models", o->models, "folder of fitted models, for its lexicons (default: from the settings file)");
       sub.add_option("--threshold", o->threshold, "word distance below which crops may share a group (0..1)")
           ->check(CLI::Range(0.0, 1.0));
       return std::function<int()>([o] {
         if (!std::filesystem::exists(o->store)) throw ledger::InputError(o->store, "no such store");
         ledger::RunRequest settings;
         settings.models_dir = o->models;
         settings.config = o->config;
         ledger::cli::GroupingSettings grouping(ledger::resolve_config(settings));
         grouping.options.book_id = o->book;
         if (o->threshold >= 0) grouping.options.threshold = o->threshold;
         auto s = ledger::groups::group_fields(o->store, grouping.options);
         std::printf("%d book(s): %d crops, %s", s.books, s.crops, ledger::cli::group_counts(s).c_str());
         if (s.pages_unreadable) std::printf(", %d page(s) unreadable", s.pages_unreadable);
         std::printf(" (%.1f s)\n", s.seconds);
         return int(ledger::cli::kOk);
       });
     }}};
