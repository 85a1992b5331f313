// Sex fields (see sex.hpp).
#include "fields/sex.hpp"

#include <algorithm>
#include <cmath>

#include "core/text.hpp"
#include "fields/lexicon_match.hpp"

namespace ledger {

NormalizedValue normalize_sex(const std::string& raw, const FieldContext&) {
  NormalizedValue out;
  std::string text = clean_text(raw);
  while (!text.empty() && (text.back() == '.' || text.back() == ',' || text.front() == ':'))
    text = clean_text(text.front() == ':' ? text.substr(1) : text.substr(0, text.size() - 1));
  out.value = text;
  if (text.empty()) return out;
  std::string bare = to_lower(strip_diacritics(text));
  auto set = [&](const char* v, const char* code) {
    out.value = v;
    out.code = code;
    out.parsed = true;
    out.corrected = out.value != text;
  };
  if (bare == "nam" || bare == "trai" || bare == "con trai") {
    set("Nam", "1");
    return out;
  }
  if (bare == "nu" || bare == "gai" || bare == "con gai") {
    set("Nữ", "2");
    return out;
  }
  if (bare == "khong xac dinh") {
    set("Không xác định", "3");
    return out;
  }
  // One misread letter ("Nan", "Ni"): the nearer of the two, when clearly nearer.
  double dn = weighted_distance(text, "Nam"), du = weighted_distance(text, "Nữ");
  if (std::min(dn, du) <= 1.0 && std::abs(dn - du) >= 0.5) {
    set(dn < du ? "Nam" : "Nữ", dn < du ? "1" : "2");
    out.lexicon_distance = std::min(dn, du);
    out.lexicon_margin = std::abs(dn - du);
    return out;
  }
  out.reasons.push_back("sex-unknown");
  return out;
}

}  // namespace ledger
