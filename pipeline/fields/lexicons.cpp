// Loading the lexicons of models/lexicons (see lexicons.hpp).
#include "fields/lexicons.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <cstdio>
#include <mutex>
#include <set>

#include "core/error.hpp"
#include "core/text.hpp"
#include "core/tsv.hpp"

namespace ledger {
namespace {

// Rows of `file`, or none (with a warning) when the file is absent.
std::vector<std::vector<std::string>> rows_or_warn(const std::filesystem::path& file) {
  if (!std::filesystem::exists(file)) {
    fmt::print(stderr, "warning: lexicon {} not found; continuing without it\n", file.string());
    return {};
  }
  return read_tsv(file);
}

std::optional<int> year_cell(const std::string& s, const std::filesystem::path& file, size_t row) {
  if (s.empty()) return std::nullopt;
  try {
    return std::stoi(s);
  } catch (const std::exception&) {
    throw ConfigError(fmt::format("{}: row {}: bad year '{}'", file.string(), row + 1, s));
  }
}

std::string hyphen_to_space(std::string_view s) {
  std::string out(s);
  std::replace(out.begin(), out.end(), '-', ' ');
  return clean_text(out);
}

bool has_letter(std::string_view s) {
  for (char32_t c : to_u32(s))
    if (!(c >= U'0' && c <= U'9') && c != U' ') return true;
  return false;
}

}  // namespace

bool PlaceUnit::valid_in(std::optional<int> year) const {
  if (!year) return true;
  return (!valid_from || *valid_from <= *year) && (!valid_to || *year <= *valid_to);
}

std::pair<std::string, std::string> split_unit_type(std::string_view name) {
  static const char* kTypes[] = {"thành phố", "thị xã", "thị trấn", "đặc khu", "tỉnh",
                                 "huyện",     "quận",   "xã",       "phường"};
  std::string clean = clean_text(name);
  std::string lower = to_lower(clean);
  for (const char* t : kTypes) {
    std::string type(t);
    if (lower.rfind(type, 0) == 0 && (lower.size() == type.size() || lower[type.size()] == ' '))
      return {clean.substr(0, type.size()), clean_text(clean.substr(type.size()))};
  }
  return {"", clean};
}

Lexicons Lexicons::load(const std::filesystem::path& dir) {
  Lexicons lx;
  const char* name_files[] = {"surnames.tsv", "middle_names.tsv", "given_names.tsv"};
  for (int p = 0; p < 3; ++p) {
    auto file = dir / name_files[p];
    auto rows = rows_or_warn(file);
    for (size_t i = 0; i < rows.size(); ++i) {
      double count = 1;
      if (rows[i].size() >= 2) {
        try {
          count = std::stod(rows[i][1]);
        } catch (const std::exception&) {
          throw ConfigError(fmt::format("{}: row {}: bad count '{}'", file.string(), i + 1, rows[i][1]));
        }
      }
      lx.names_[p].add(rows[i][0], count);
    }
  }

  auto eth_file = dir / "ethnicities.tsv";
  for (const auto& r : rows_or_warn(eth_file)) {
    if (r.size() < 2) throw ConfigError(eth_file.string() + ": row without a code: " + r[0]);
    lx.ethnic_.push_back({clean_text(r[0]), r[1], r.size() > 2 ? split_cleaned(r[2], ';') : std::vector<std::string>{}});
  }
  for (size_t g = 0; g < lx.ethnic_.size(); ++g) {  // canonical names first: they win over aliases
    lx.ethnic_index_.add(hyphen_to_space(lx.ethnic_[g].name), 10);
    lx.ethnic_of_entry_.resize(lx.ethnic_index_.size(), g);
  }
  for (size_t g = 0; g < lx.ethnic_.size(); ++g) {
    for (const auto& a : lx.ethnic_[g].aliases) {
      lx.ethnic_index_.add(hyphen_to_space(a), 1);
      lx.ethnic_of_entry_.resize(lx.ethnic_index_.size(), g);
    }
  }

  auto place_file = dir / "places.tsv";
  auto place_rows = rows_or_warn(place_file);
  for (size_t i = 0; i < place_rows.size(); ++i) {
    const auto& r = place_rows[i];
    if (r.size() < 6) throw ConfigError(fmt::format("{}: row {}: expected 6 columns", place_file.string(), i + 1));
    PlaceUnit u;
    u.code = r[0];
    u.level = std::atoi(r[1].c_str());
    u.name = clean_text(r[2]);
    u.bare = split_unit_type(u.name).second;
    u.parent_code = r[3];
    u.valid_from = year_cell(r[4], place_file, i);
    u.valid_to = year_cell(r[5], place_file, i);
    lx.places_.push_back(std::move(u));
  }
  lx.build_eras();

  auto country_file = dir / "countries.tsv";
  for (const auto& r : rows_or_warn(country_file)) {
    lx.countries_.push_back({clean_text(r[0]), r.size() > 1 ? r[1] : "",
                             r.size() > 2 ? split_cleaned(r[2], ';') : std::vector<std::string>{}});
  }
  for (size_t c = 0; c < lx.countries_.size(); ++c) {
    lx.country_index_.add(hyphen_to_space(lx.countries_[c].name), 10);
    lx.country_of_entry_.resize(lx.country_index_.size(), c);
  }
  for (size_t c = 0; c < lx.countries_.size(); ++c) {
    for (const auto& a : lx.countries_[c].aliases) {
      lx.country_index_.add(hyphen_to_space(a), 1);
      lx.country_of_entry_.resize(lx.country_index_.size(), c);
    }
  }

  auto syl_file = dir / "syllables.txt";
  for (const auto& r : rows_or_warn(syl_file)) lx.syllables_.add(r[0]);
  return lx;
}

const Lexicons& Lexicons::builtin() {
  static const Lexicons lx = load(std::filesystem::path(LEDGER_SOURCE_DIR) / "models" / "lexicons");
  return lx;
}

void Lexicons::build_eras() {
  // Era boundaries are the years where some name starts or stops being valid; within an era the
  // set of valid names does not change, so one index per era serves every year in it.
  std::set<int> starts;
  for (const auto& u : places_) {
    if (u.valid_from) starts.insert(*u.valid_from);
    if (u.valid_to) starts.insert(*u.valid_to + 1);
  }
  std::vector<std::pair<int, int>> spans;
  int from = INT_MIN;
  for (int s : starts) {
    spans.emplace_back(from, s - 1);
    from = s;
  }
  spans.emplace_back(from, INT_MAX);
  eras_.clear();
  eras_.push_back(Era{});
  for (auto [a, b] : spans) {
    Era era;
    era.year = a == INT_MIN ? b : a;
    era.from = a;
    era.to = b;
    eras_.push_back(std::move(era));
  }
  eras_[0].from = INT_MIN;
  eras_[0].to = INT_MAX;
  for (auto& era : eras_) {
    for (size_t i = 0; i < places_.size(); ++i) {
      const auto& u = places_[i];
      if (!u.valid_in(era.year) || !has_letter(u.bare)) continue;
      for (int level : {0, u.level}) {
        if (level < 0 || level > 3) continue;
        era.index[level].add(u.bare);
        auto idx = *era.index[level].find_exact(u.bare);
        auto& units = era.units[level];
        if (units.size() <= idx) units.resize(idx + 1);
        if (units[idx].empty() || units[idx].back() != i) units[idx].push_back(i);
      }
    }
  }
}

const Lexicons::Era& Lexicons::era_for(std::optional<int> year) const {
  static const Era kNone{};  // a default-constructed Lexicons has no eras
  if (eras_.empty()) return kNone;
  if (year)
    for (size_t i = 1; i < eras_.size(); ++i)
      if (eras_[i].from <= *year && *year <= eras_[i].to) return eras_[i];
  return eras_[0];
}

const LexiconIndex& Lexicons::names(NamePart part) const { return names_[static_cast<int>(part)]; }

const EthnicGroup* Lexicons::ethnic_group_of(size_t entry) const {
  return entry < ethnic_of_entry_.size() ? &ethnic_[ethnic_of_entry_[entry]] : nullptr;
}

const EthnicGroup* Lexicons::find_ethnic_group(std::string_view s) const {
  auto idx = ethnic_index_.find_exact(hyphen_to_space(s));
  return idx ? ethnic_group_of(*idx) : nullptr;
}

const LexiconIndex& Lexicons::place_index(std::optional<int> year, int level) const {
  return era_for(year).index[level >= 0 && level <= 3 ? level : 0];
}

std::vector<const PlaceUnit*> Lexicons::places_of(std::optional<int> year, size_t entry, int level) const {
  std::vector<const PlaceUnit*> out;
  const auto& units = era_for(year).units[level >= 0 && level <= 3 ? level : 0];
  if (entry < units.size())
    for (size_t i : units[entry]) out.push_back(&places_[i]);
  return out;
}

const Country* Lexicons::country_of(size_t entry) const {
  return entry < country_of_entry_.size() ? &countries_[country_of_entry_[entry]] : nullptr;
}

bool Lexicons::is_syllable(std::string_view s) const { return syllables_.find_exact(s).has_value(); }

}  // namespace ledger
