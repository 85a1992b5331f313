// `ledger-ocr export --store FILE --format jsonl|csv|xlsx [--out PATH] [--reviewed-only]`:
// writes the store's records for other tools and for the MoJ import (records/export.hpp).
#include <iostream>
#include <memory>

#include "cli/command.hpp"
#include "core/error.hpp"
#include "records/export.hpp"

namespace {

struct Opts {
  std::string store, store_arg, format = "jsonl", out, book;
  bool reviewed_only = false;
};

}  // namespace

static const ledger::cli::CommandRegistration reg{
    {30, "export", "Write the store's records as ledger-draft/1 JSONL, MoJ xlsx or csv",
     [](CLI::App& sub) {
       auto o = std::make_shared<Opts>();
       sub.add_option("store", o->store_arg, "the SQLite store (or --store)");
       sub.add_option("--store,-s", o->store, "the SQLite store");
       sub.add_option("--format,-f", o->format, "jsonl, csv or xlsx")
           ->capture_default_str()
           ->check(CLI::IsMember({"jsonl", "csv", "xlsx"}));
       sub.add_option("--out,-o", o->out,
                      "output file (jsonl, csv; default: stdout) or folder (xlsx: one workbook per book)");
       sub.add_flag("--reviewed-only", o->reviewed_only, "only records a clerk has reviewed");
       sub.add_option("--book", o->book, "only this book (its id, e.g. KS.2017.01/...)");
       return std::function<int()>([o] {
         std::string file = o->store.empty() ? o->store_arg : o->store;
         if (file.empty()) {
           std::cerr << "ledger-ocr export: give the store (--store FILE)\n";
           return int(ledger::cli::kUsage);
         }
         if (!std::filesystem::exists(file))
           throw ledger::InputError(file, "no such store");
         auto store = ledger::Store::open(file);
         ledger::ExportOptions options;
         options.format = ledger::parse_export_format(o->format);
         options.out = o->out;
         options.filter.reviewed_only = o->reviewed_only;
         options.filter.book_id = o->book;
         auto summary = ledger::export_store(store, options, std::cout);
         std::cerr << "export: " << summary.records << " records";
         if (summary.skipped) std::cerr << ", " << summary.skipped << " not from birth books left out";
         if (!summary.files.empty()) std::cerr << ", " << summary.files.size() << " file(s) under " << o->out;
         std::cerr << "\n";
         return int(ledger::cli::kOk);
       });
     }}};
