// The lists the generator draws plausible values from: name syllables with frequencies and
// Quảng Trị administrative units with the years their names were in use.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace ledger::synth {

/// A word with a relative frequency.
struct Weighted {
  std::string text;
  double weight = 1;
};

/// A commune-level unit with its district and province, each as written ("Xã Hướng Phùng").
struct Commune {
  std::string commune, district, province;
  int valid_from = 0, valid_to = 9999;  // years the commune's name was in use
};

struct SynthLexicon {
  std::vector<Weighted> surnames, middle_names, given_names;
  std::vector<Commune> communes;
  std::string source;  // where the lists came from, for logs: "models/lexicons", "shared", "built-in"

  /// Communes whose name was valid in `year` (all of them when none matches).
  std::vector<const Commune*> communes_in(int year) const;
};

/// Loads the lists, each from the first place that has it:
///   1. `<root>/models/lexicons/{surnames,middle_names,given_names,places}.tsv` (project lexicons),
///   2. `<root>/../shared/data/vn-names/*_counts_DERIVED.tsv`, `vn-admin-units/quang-tri-units.tsv`,
///   3. small built-in lists (so the generator runs anywhere).
/// Notes:
///   1. `root` is the repository root; pass "" to use only the built-in lists (tests that must
///      not depend on data files).
///   2. Unreadable or malformed files are skipped, never fatal: the next source is used.
SynthLexicon load_synth_lexicon(const std::filesystem::path& root);

/// The built-in lists alone.
SynthLexicon builtin_synth_lexicon();

}  // namespace ledger::synth
