// Name and place lists for the generator (see synth_lexicon.hpp).
#include "synth/synth_lexicon.hpp"

#include <algorithm>
#include <charconv>

#include "core/text.hpp"
#include "core/tsv.hpp"

namespace ledger::synth {
namespace {

namespace fs = std::filesystem;

// source: /work/shared/data/vn-names/*_counts_DERIVED.tsv (duyet/vietnamese-namedb @ 2129070, MIT),
// the most frequent entries; female given names added by hand because that list is mostly male.
const std::vector<Weighted> kSurnames = {
    {"Nguyễn", 2746}, {"Trần", 850}, {"Lê", 790}, {"Phạm", 561}, {"Võ", 287}, {"Huỳnh", 258},
    {"Phan", 232},   {"Bùi", 225},  {"Hoàng", 222}, {"Vũ", 195}, {"Trương", 179}, {"Đỗ", 176},
    {"Đặng", 169},   {"Hồ", 146},   {"Ngô", 132},  {"Dương", 110}, {"Đoàn", 103}, {"Đinh", 90},
    {"Trịnh", 84},   {"Cao", 82},   {"Đào", 72},   {"Mai", 72},  {"Lương", 61}, {"Lưu", 57}};
const std::vector<Weighted> kMiddle = {
    {"Văn", 952},  {"Thị", 625},  {"Minh", 565}, {"Thanh", 439}, {"Hoàng", 438}, {"Ngọc", 429},
    {"Quốc", 277}, {"Đức", 263},  {"Quang", 249}, {"Anh", 216},  {"Hữu", 204},  {"Thành", 198},
    {"Xuân", 197}, {"Duy", 195},  {"Đình", 191}, {"Trung", 179}, {"Tuấn", 153}, {"Tấn", 137},
    {"Hồng", 132}, {"Công", 131}, {"Trọng", 126}, {"Thế", 118},  {"Tiến", 107}, {"Kim", 98},
    {"Nhật", 88},  {"Hải", 83}};
const std::vector<Weighted> kGiven = {
    {"Anh", 201},   {"Huy", 189},  {"Tuấn", 175}, {"Duy", 149},  {"Hoàng", 137}, {"Nam", 137},
    {"Minh", 125},  {"Dũng", 122}, {"Hiếu", 122}, {"Đạt", 119},  {"Cường", 117}, {"Hùng", 115},
    {"Tùng", 114},  {"Sơn", 113},  {"Thành", 109}, {"Trung", 108}, {"Hải", 107},  {"Long", 104},
    {"Vũ", 98},     {"Linh", 97},  {"Nguyên", 95}, {"Đức", 94},   {"Tâm", 93},   {"Tiến", 92},
    {"Phương", 90}, {"Phúc", 90},  {"Thắng", 88}, {"Thịnh", 86}, {"Khoa", 85},  {"Vinh", 78},
    {"Hưng", 76},   {"Khánh", 75}, {"Quân", 74},  {"Trí", 73},   {"An", 71},    {"Bảo", 69},
    {"Nghĩa", 66},  {"Việt", 65},  {"Bình", 62},  {"Thảo", 52},  {"Ngọc", 50},  {"Hoa", 60},
    {"Lan", 60},    {"Hương", 70}, {"Trang", 70}, {"Nhung", 50}, {"Hằng", 55},  {"Mai", 55},
    {"Thủy", 50},   {"Hà", 60},    {"Huyền", 55}, {"Yến", 45},   {"Diệp", 30},  {"Quỳnh", 40}};

// source: /work/shared/data/vn-admin-units/quang-tri-units.tsv (dvhcvn @ 4b1b6b5, GSO data):
// a few communes of several districts; the *_to years of renamed units are approximate
// (the 2019-2020 mergers of Nghị quyết 832/NQ-UBTVQH14 took effect 2020-01-01).
const std::vector<Commune> kCommunes = {
    {"Xã Hướng Phùng", "Huyện Hướng Hóa", "Tỉnh Quảng Trị"},
    {"Xã Hướng Lập", "Huyện Hướng Hóa", "Tỉnh Quảng Trị"},
    {"Thị trấn Khe Sanh", "Huyện Hướng Hóa", "Tỉnh Quảng Trị"},
    {"Thị trấn Lao Bảo", "Huyện Hướng Hóa", "Tỉnh Quảng Trị"},
    {"Xã A Túc", "Huyện Hướng Hóa", "Tỉnh Quảng Trị", 0, 2019},
    {"Xã A Xing", "Huyện Hướng Hóa", "Tỉnh Quảng Trị", 0, 2019},
    {"Xã Tà Rụt", "Huyện Đa Krông", "Tỉnh Quảng Trị"},
    {"Xã A Ngo", "Huyện Đa Krông", "Tỉnh Quảng Trị"},
    {"Thị trấn Krông Klang", "Huyện Đa Krông", "Tỉnh Quảng Trị"},
    {"Thị trấn Hồ Xá", "Huyện Vĩnh Linh", "Tỉnh Quảng Trị"},
    {"Xã Vĩnh Thái", "Huyện Vĩnh Linh", "Tỉnh Quảng Trị"},
    {"Xã Vĩnh Tân", "Huyện Vĩnh Linh", "Tỉnh Quảng Trị", 0, 2019},
    {"Xã Gio Phong", "Huyện Gio Linh", "Tỉnh Quảng Trị", 0, 2019},
    {"Xã Gio An", "Huyện Gio Linh", "Tỉnh Quảng Trị"},
    {"Thị trấn Cam Lộ", "Huyện Cam Lộ", "Tỉnh Quảng Trị"},
    {"Xã Triệu Trạch", "Huyện Triệu Phong", "Tỉnh Quảng Trị"},
    {"Xã Hải Ba", "Huyện Hải Lăng", "Tỉnh Quảng Trị", 0, 2019},
    {"Phường Đông Lễ", "Thành phố Đông Hà", "Tỉnh Quảng Trị", 2009, 9999},
    {"Phường Đông Lễ", "Thị xã Đông Hà", "Tỉnh Quảng Trị", 0, 2008}};

double parse_count(const std::string& s) {
  double v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() ? v : -1;
}

// True when every letter of `word` is a Latin letter used in Vietnamese: rejects entries
// damaged by a wrong encoding on the way ("HĆ°áťng" for "Hương").
bool is_vietnamese_word(const std::string& word) {
  static const std::u32string lower = to_u32(
      "abcdefghijklmnopqrstuvwxyzàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ");
  static const std::u32string upper = to_u32(to_upper(to_utf8(lower)));
  for (char32_t c : to_u32(word))
    if (lower.find(c) == std::u32string::npos && upper.find(c) == std::u32string::npos && c != U'-') return false;
  return !word.empty();
}

// syllable<TAB>count rows; a header row (non-numeric count) and damaged words are skipped.
std::vector<Weighted> read_counts(const fs::path& file) {
  std::vector<Weighted> out;
  std::error_code ec;
  if (!fs::exists(file, ec)) return out;
  try {
    for (const auto& row : read_tsv(file)) {
      if (row.size() < 2) continue;
      double c = parse_count(row[1]);
      const std::string word = clean_text(row[0]);
      if (c <= 0 || !is_vietnamese_word(word)) continue;
      out.push_back({word, c});
    }
  } catch (const std::exception&) {
    out.clear();
  }
  return out;
}

int parse_year(const std::string& s, int fallback) {
  if (s.size() < 4) return fallback;
  int y = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + 4, y);
  return ec == std::errc() ? y : fallback;
}

// models/lexicons/places.tsv: code, level, name, parent_code, valid_from, valid_to.
// Levels: 1 province, 2 district, 3 commune; empty years are open ranges.
std::vector<Commune> read_project_places(const fs::path& file) {
  std::vector<Commune> out;
  std::error_code ec;
  if (!fs::exists(file, ec)) return out;
  try {
    struct Unit { std::string level, name, parent; int from, to; };
    std::vector<std::pair<std::string, Unit>> units;
    for (const auto& row : read_tsv(file)) {
      if (row.size() < 4) continue;
      Unit u{row[1], clean_text(row[2]), row[3], row.size() > 4 ? parse_year(row[4], 0) : 0,
             row.size() > 5 ? parse_year(row[5], 9999) : 9999};
      units.emplace_back(row[0], u);
    }
    // A unit renamed over time has several rows with one code: pair each commune with every
    // district name whose years overlap its own.
    for (const auto& [code, u] : units) {
      if (u.level != "3") continue;
      for (const auto& [dcode, d] : units) {
        if (dcode != u.parent || d.level != "2") continue;
        for (const auto& [pcode, p] : units) {
          if (pcode != d.parent || p.level != "1") continue;
          const int from = std::max({u.from, d.from, p.from}), to = std::min({u.to, d.to, p.to});
          if (from <= to) out.push_back({u.name, d.name, p.name, from, to});
        }
      }
    }
  } catch (const std::exception&) {
    out.clear();
  }
  return out;
}

// shared quang-tri-units.tsv: level, code, parent_code, name, type, source. Rows with source
// "historical_alias" are older names (taken as valid until 2019); "*-new" levels (the 2025
// merger) are after every book we generate and are skipped.
std::vector<Commune> read_shared_places(const fs::path& file) {
  std::vector<Commune> out;
  std::error_code ec;
  if (!fs::exists(file, ec)) return out;
  try {
    auto rows = read_tsv(file);
    std::vector<std::vector<std::string>> current_districts;
    auto district_of = [&](const std::string& code) -> std::string {
      for (const auto& r : rows)
        if (r.size() >= 6 && r[0] == "2" && r[1] == code && r[5] != "historical_alias") return clean_text(r[3]);
      return "";
    };
    for (const auto& r : rows) {
      if (r.size() < 6 || r[0] != "3") continue;
      std::string district = district_of(r[2]);
      if (district.empty()) continue;
      Commune c{clean_text(r[3]), district, "Tỉnh Quảng Trị"};
      if (r[5] == "historical_alias") c.valid_to = 2019;
      out.push_back(std::move(c));
    }
  } catch (const std::exception&) {
    out.clear();
  }
  return out;
}

}  // namespace

std::vector<const Commune*> SynthLexicon::communes_in(int year) const {
  std::vector<const Commune*> out;
  for (const auto& c : communes)
    if (c.valid_from <= year && year <= c.valid_to) out.push_back(&c);
  if (out.empty())
    for (const auto& c : communes) out.push_back(&c);
  return out;
}

SynthLexicon builtin_synth_lexicon() {
  return SynthLexicon{kSurnames, kMiddle, kGiven, kCommunes, "built-in"};
}

SynthLexicon load_synth_lexicon(const std::filesystem::path& root) {
  SynthLexicon lex = builtin_synth_lexicon();
  if (root.empty()) return lex;
  const fs::path lexdir = root / "models" / "lexicons";
  const fs::path shared = root.parent_path() / "shared" / "data";
  std::vector<std::string> sources;
  auto take = [&](std::vector<Weighted>& dst, const fs::path& a, const fs::path& b) {
    auto v = read_counts(a);
    if (!v.empty()) { dst = std::move(v); sources.push_back(a.parent_path().filename().string()); return; }
    v = read_counts(b);
    if (!v.empty()) { dst = std::move(v); sources.push_back("shared"); }
  };
  take(lex.surnames, lexdir / "surnames.tsv", shared / "vn-names" / "surname_counts_DERIVED.tsv");
  take(lex.middle_names, lexdir / "middle_names.tsv", shared / "vn-names" / "middle_name_syllable_counts_DERIVED.tsv");
  take(lex.given_names, lexdir / "given_names.tsv", shared / "vn-names" / "given_name_syllable_counts_DERIVED.tsv");
  // The shared given-name list is mostly boys' names: keep the built-in girls' names in the mix.
  for (const char* g : {"Hoa", "Lan", "Hương", "Trang", "Nhung", "Hằng", "Mai", "Thủy", "Hà", "Huyền", "Yến", "Quỳnh"}) {
    bool have = false;
    for (const auto& w : lex.given_names) have = have || w.text == g;
    if (!have) lex.given_names.push_back({g, 50});
  }
  auto places = read_project_places(lexdir / "places.tsv");
  if (places.empty()) places = read_shared_places(shared / "vn-admin-units" / "quang-tri-units.tsv");
  if (!places.empty()) lex.communes = std::move(places);
  lex.source = sources.empty() ? "built-in" : sources.front();
  return lex;
}

}  // namespace ledger::synth
