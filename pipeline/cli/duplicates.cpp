// `ledger-ocr duplicates --store FILE [--against export.csv] --out DIR`: same-registration and
// likely same-person pairs among stored records (and against an earlier export), as a report
// and as "possible-duplicate:<id>" issues on the records.
#include <iostream>
#include <memory>

#include "campaign/duplicates_report.hpp"
#include "cli/command.hpp"

namespace {

struct Opts {
  std::string store, against, out;
  double likely = ledger::DuplicateOptions{}.likely_score;
  bool no_mark = false;
};

const ledger::cli::CommandRegistration reg{
    {61, "duplicates", "Find duplicate records in a store (and against an earlier export)",
     [](CLI::App& sub) {
       auto opts = std::make_shared<Opts>();
       sub.add_option("--store", opts->store, "The store to check")->required()->check(CLI::ExistingFile);
       sub.add_option("--against", opts->against, "Earlier export (CSV with MoJ column names) of records already in the database")
           ->check(CLI::ExistingFile);
       sub.add_option("--out", opts->out, "Folder for duplicates.csv and duplicates.html")->required();
       sub.add_option("--likely", opts->likely, "Same-person score from which a pair is reported")
           ->check(CLI::Range(0.0, 1.0))
           ->capture_default_str();
       sub.add_flag("--no-mark", opts->no_mark, "Do not write possible-duplicate issues into the store");
       return std::function<int()>([opts] {
         ledger::StorePersons persons = ledger::read_store_persons(opts->store);
         std::vector<ledger::PersonRecord> earlier;
         if (!opts->against.empty()) earlier = ledger::read_export_records(opts->against);
         ledger::DuplicateOptions o;
         o.likely_score = opts->likely;
         auto report = ledger::find_duplicates(persons.persons, earlier, o);
         for (const auto& f : ledger::write_duplicates_report(report, persons.persons, earlier, opts->out))
           std::cout << "wrote " << f.string() << "\n";
         size_t same_reg = 0;
         for (const auto& p : report.pairs) same_reg += p.rule == ledger::DuplicateRule::SameRegistration;
         std::cout << report.records << " records, " << report.earlier << " earlier: " << report.pairs.size()
                   << " pairs (" << same_reg << " same registration, " << report.pairs.size() - same_reg
                   << " likely same person)\n";
         if (!opts->no_mark)
           std::cout << ledger::mark_store_duplicates(opts->store, persons, report)
                     << " records marked possible-duplicate in the store\n";
         return ledger::cli::kOk;
       });
     }}};

}  // namespace
