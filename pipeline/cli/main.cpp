// Entry point of `ledger-ocr`: makes sure OpenMP is limited before Tesseract loads, then hands
// over to the subcommand the user named.
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <algorithm>
#include <map>

#include "cli/command.hpp"

namespace ledger::cli {

namespace {
std::vector<Command>& registry() {
  static std::vector<Command> r;
  return r;
}
}  // namespace

CommandRegistration::CommandRegistration(Command command) { registry().push_back(std::move(command)); }

std::vector<Command> registered_commands() {
  std::vector<Command> sorted = registry();
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const Command& a, const Command& b) { return a.order < b.order; });
  return sorted;
}

}  // namespace ledger::cli

namespace {
// libgomp reads OMP_THREAD_LIMIT when the process loads it, before main runs: setting it here
// would be too late, so re-execute ourselves once with it set. Without it, several Tesseract
// engines in parallel each spawn OpenMP threads and the run is ~6x slower.
void ensure_omp_thread_limit(char** argv) {
  if (std::getenv("OMP_THREAD_LIMIT")) return;
  setenv("OMP_THREAD_LIMIT", "1", 1);
  execv("/proc/self/exe", argv);
  // execv only returns on failure: carry on, slower but correct.
}
}  // namespace

int main(int argc, char** argv) {
  ensure_omp_thread_limit(argv);
  CLI::App app{"ledger-ocr: pre-fills civil-registry records from scanned register books"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "ledger-ocr 0.1");
  std::map<CLI::App*, std::function<int()>> runners;
  for (const auto& command : ledger::cli::registered_commands()) {
    CLI::App* sub = app.add_subcommand(command.name, command.description);
    runners[sub] = command.setup(*sub);
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : ledger::cli::kUsage;
  }
  for (auto* sub : app.get_subcommands()) {
    auto it = runners.find(sub);
    if (it == runners.end()) continue;
    try {
      return it->second();
    } catch (const std::exception& e) {
      std::cerr << "ledger-ocr " << sub->get_name() << ": " << e.what() << "\n";
      return ledger::cli::kFailed;
    }
  }
  return ledger::cli::kUsage;
}
