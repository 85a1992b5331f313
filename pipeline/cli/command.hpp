// How a subcommand plugs into the one binary: each pipeline/cli/<name>.cpp defines a static
// CommandRegistration, so adding a subcommand touches no other file.
#pragma once
#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

namespace ledger::cli {

/// Exit codes scripts can trust.
enum ExitCode : int {
  kOk = 0,
  kSomePagesFailed = 1,  // the run finished, but some inputs failed (listed in the summary)
  kUsage = 2,            // bad options or arguments
  kFailed = 3,           // the command could not do its job (unreadable store, broken config)
};

/// Adds options to the subcommand `sub`; the returned callback runs it after parsing and gives
/// the exit code.
using CommandSetup = std::function<std::function<int()>(CLI::App& sub)>;

struct Command {
  int order;                // position in --help
  std::string name;         // "run"
  std::string description;  // one line for --help
  CommandSetup setup;
};

/// Registers a subcommand; use as a static object in the subcommand's file:
///   static const CommandRegistration reg{{20, "run", "Turn scans into draft records", setup}};
struct CommandRegistration {
  explicit CommandRegistration(Command command);
};

/// Registrations, sorted by `order`.
std::vector<Command> registered_commands();

}  // namespace ledger::cli
