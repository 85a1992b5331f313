// `ledger-ocr clerk add|list|remove --store FILE`: the clerk accounts of a review station
// (review/accounts.hpp). Passwords come from stdin, never from the command line.
#include <iostream>
#include <memory>

#include "cli/command.hpp"
#include "core/error.hpp"
#include "review/accounts.hpp"
#include "review/review_db.hpp"

namespace {

struct Opts {
  std::string store, name, units, cost;
  bool password_stdin = false;
};

std::string read_password(bool from_stdin) {
  std::string pw;
  if (!from_stdin) std::cerr << "password for the clerk (one line): " << std::flush;
  std::getline(std::cin, pw);
  if (!pw.empty() && pw.back() == '\r') pw.pop_back();
  return pw;
}

}  // namespace

static const ledger::cli::CommandRegistration reg{
    {61, "clerk", "Add, list or remove the clerk accounts of a review station", [](CLI::App& sub) {
       auto o = std::make_shared<Opts>();
       sub.require_subcommand(1);
       auto store_opt = [o](CLI::App* app) {
         app->add_option("--store,-s", o->store, "the SQLite store")->required();
       };
       auto add = sub.add_subcommand("add", "add a clerk (or reset their password and units)");
       store_opt(add);
       add->add_option("name", o->name, "the clerk's login name")->required();
       add->add_option("--units", o->units, "communes the clerk reviews, ';'-separated (\"*\" = all)")
           ->required();
       add->add_flag("--password-stdin", o->password_stdin, "read the password from stdin without a prompt");
       add->add_option("--cost", o->cost,
                       "password hash cost: moderate (default) or interactive (tests, demos); "
                       "env LEDGER_CLERK_HASH_COST");
       auto list = sub.add_subcommand("list", "list clerks and their units");
       store_opt(list);
       auto remove = sub.add_subcommand("remove", "remove a clerk");
       store_opt(remove);
       remove->add_option("name", o->name, "the clerk's login name")->required();
       return std::function<int()>([o, add, list, remove] {
         auto db = ledger::review::open_review_db(o->store);
         if (add->parsed()) {
           auto cost = o->cost.empty() ? ledger::review::hash_cost_from_env()
                                       : ledger::review::parse_hash_cost(o->cost);
           auto units = ledger::review::parse_units(o->units);
           if (units.empty()) throw ledger::InputError(o->store, "give at least one unit (--units)");
           auto c = ledger::review::add_clerk(db, o->name, read_password(o->password_stdin), units, cost);
           std::cerr << "clerk " << c.name << " can review " << c.units.size() << " unit(s)\n";
         } else if (list->parsed()) {
           for (const auto& c : ledger::review::list_clerks(db)) {
             std::cout << c.name << "\t";
             for (size_t i = 0; i < c.units.size(); ++i) std::cout << (i ? ";" : "") << c.units[i];
             std::cout << "\n";
           }
         } else if (remove->parsed()) {
           if (!ledger::review::remove_clerk(db, o->name)) {
             std::cerr << "no clerk " << o->name << "\n";
             return int(ledger::cli::kFailed);
           }
           std::cerr << "removed clerk " << o->name << "\n";
         }
         return int(ledger::cli::kOk);
       });
     }}};
