// The closed vocabularies of models/lexicons/ (name syllables, ethnic groups, administrative
// units by era, countries, Vietnamese syllables), loaded once and shared read-only by threads.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fields/lexicon_match.hpp"

namespace ledger {

/// One of the 54 official ethnic groups.
struct EthnicGroup {
  std::string name;                  // canonical: "Bru-Vân Kiều"
  std::string code;                  // official two-digit code: "23"
  std::vector<std::string> aliases;  // "Vân Kiều", "Bru", ...
};

/// One administrative unit under one of its names, with the years that name was in use.
struct PlaceUnit {
  std::string code;         // GSO code (not unique: a renamed unit keeps its code)
  int level = 0;            // 1 province, 2 district, 3 commune
  std::string name;         // with its type: "Xã Hướng Phùng"
  std::string bare;         // without the type: "Hướng Phùng"
  std::string parent_code;  // "" for provinces
  std::optional<int> valid_from, valid_to;  // inclusive years; empty = open

  /// True when the name was in use in `year` (always true for an unknown year).
  bool valid_in(std::optional<int> year) const;
};

/// A country a nationality field may name.
struct Country {
  std::string name;  // "Việt Nam"
  std::string code;  // ISO 3166-1 alpha-2: "VN"
  std::vector<std::string> aliases;
};

/// Position of a syllable in a Vietnamese full name.
enum class NamePart { Surname, Middle, Given };

class Lexicons {
 public:
  /// Loads every lexicon file of `dir` (formats in models/lexicons/*, written by
  /// scripts/build_lexicons.py). A missing file leaves that lexicon empty and prints a warning to
  /// stderr; a malformed row throws ConfigError naming the file and line.
  static Lexicons load(const std::filesystem::path& dir);
  /// The lexicons of the source tree's models/lexicons, loaded on first use (thread-safe).
  static const Lexicons& builtin();

  /// Name syllables at one position, with their frequencies.
  const LexiconIndex& names(NamePart part) const;

  const std::vector<EthnicGroup>& ethnic_groups() const { return ethnic_; }
  /// Canonical names and aliases ('-' written as ' '); `ethnic_group_of` maps an entry back.
  const LexiconIndex& ethnic_index() const { return ethnic_index_; }
  const EthnicGroup* ethnic_group_of(size_t entry) const;
  /// The group whose canonical name or alias is `s` (up to case, tone placement, '-'/' ').
  const EthnicGroup* find_ethnic_group(std::string_view s) const;

  const std::vector<PlaceUnit>& places() const { return places_; }
  /// Bare unit names ("Hướng Phùng") in use in `year` (every era when unknown), of one level
  /// (1 province, 2 district, 3 commune) or of all levels (0).
  const LexiconIndex& place_index(std::optional<int> year, int level = 0) const;
  /// Units in use in `year` whose bare name is entry `entry` of place_index(year, level).
  std::vector<const PlaceUnit*> places_of(std::optional<int> year, size_t entry, int level = 0) const;

  const std::vector<Country>& countries() const { return countries_; }
  const LexiconIndex& country_index() const { return country_index_; }
  const Country* country_of(size_t entry) const;

  /// True when `s` (any case, either tone placement) is a Vietnamese syllable of the inventory.
  bool is_syllable(std::string_view s) const;
  const LexiconIndex& syllables() const { return syllables_; }

 private:
  struct Era {
    std::optional<int> year;  // a representative year of the era (nullopt: all eras)
    int from = 0, to = 0;     // years covered, inclusive
    LexiconIndex index[4];                      // [0] every level, [1..3] one level
    std::vector<std::vector<size_t>> units[4];  // per index entry: indices into places_
  };
  const Era& era_for(std::optional<int> year) const;
  void build_eras();

  LexiconIndex names_[3];
  std::vector<EthnicGroup> ethnic_;
  LexiconIndex ethnic_index_;
  std::vector<size_t> ethnic_of_entry_;
  std::vector<PlaceUnit> places_;
  std::vector<Era> eras_;  // eras_[0]: every unit, for an unknown year
  std::vector<Country> countries_;
  LexiconIndex country_index_;
  std::vector<size_t> country_of_entry_;
  LexiconIndex syllables_;
};

/// "Xã Hướng Phùng" -> {"Xã", "Hướng Phùng"}; {"", name} when no unit type leads the name.
/// Knows Tỉnh, Thành phố, Huyện, Quận, Thị xã, Thị trấn, Xã, Phường, Đặc khu (any case).
std::pair<std::string, std::string> split_unit_type(std::string_view name);

}  // namespace ledger
