// Nationality fields (see nationality.hpp).
#include "fields/nationality.hpp"

#include <algorithm>
#include <cmath>

#include "core/text.hpp"
#include "fields/lexicon_match.hpp"
#include "fields/lexicons.hpp"
#include "fields/names.hpp"

namespace ledger {

NormalizedValue normalize_nationality(const std::string& raw, const FieldContext& ctx) {
  NormalizedValue out;
  std::string text = clean_text(raw);
  while (!text.empty() && (text.back() == '.' || text.back() == ',')) text.pop_back();
  out.value = text;
  if (text.empty()) return out;
  std::string query = text;
  std::replace(query.begin(), query.end(), '-', ' ');
  query = clean_text(query);
  if (!ctx.lexicons || ctx.lexicons->countries().empty()) {
    std::string bare = to_lower(strip_diacritics(query));
    if (bare == "viet nam" || bare == "vietnam" || bare == "vn") {
      out.value = "Việt Nam";
      out.code = "VN";
      out.parsed = true;
    }
    return out;
  }
  // Two names of one country ("Việt Nam", "Vietnam") competing is no ambiguity.
  auto one_country = [&](size_t a, size_t b) { return ctx.lexicons->country_of(a) == ctx.lexicons->country_of(b); };
  const ClosedMatch closed = best_in_closed_vocabulary(ctx.lexicons->country_index(), query,
                                                       correction_limit(utf8_length(query)), 0.4, one_country);
  const LexiconMatch& m = closed.match;
  if (!m.found) {
    out.reasons.push_back("lexicon-miss");
    return out;
  }
  if (closed.far) out.reasons.push_back("lexicon-far");
  const Country* c = ctx.lexicons->country_of(m.index);
  out.value = c->name;
  out.code = c->code;
  out.parsed = true;
  out.corrected = !m.exact;
  out.lexicon_distance = m.distance;
  out.lexicon_margin = std::isinf(m.margin) ? 1.0 : m.margin;
  if (!m.exact && m.margin < 0.1) out.reasons.push_back("lexicon-ambiguous");
  return out;
}

}  // namespace ledger
