// Ethnicity fields (see ethnicity.hpp).
#include "fields/ethnicity.hpp"

#include <algorithm>
#include <cmath>

#include "core/text.hpp"
#include "fields/lexicon_match.hpp"
#include "fields/lexicons.hpp"
#include "fields/names.hpp"

namespace ledger {

NormalizedValue normalize_ethnicity(const std::string& raw, const FieldContext& ctx) {
  NormalizedValue out;
  std::string text = clean_text(raw);
  // "Dân tộc: Kinh" when the label ran into the value.
  if (to_lower(text).rfind("dân tộc", 0) == 0) text = clean_text(text.substr(std::string("dân tộc").size()));
  while (!text.empty() && (text.front() == ':' || text.back() == '.' || text.back() == ','))
    text = clean_text(text.front() == ':' ? text.substr(1) : text.substr(0, text.size() - 1));
  out.value = text;
  if (text.empty() || !ctx.lexicons || ctx.lexicons->ethnic_groups().empty()) return out;
  std::string query = text;
  std::replace(query.begin(), query.end(), '-', ' ');
  query = clean_text(query);
  const auto& idx = ctx.lexicons->ethnic_index();
  // Two spellings of one group ("Vân Kiều", "Bru Vân Kiều") competing is no ambiguity.
  auto one_group = [&](size_t a, size_t b) { return ctx.lexicons->ethnic_group_of(a) == ctx.lexicons->ethnic_group_of(b); };
  const ClosedMatch closed = best_in_closed_vocabulary(idx, query, correction_limit(utf8_length(query)), 0.4, one_group);
  const LexiconMatch& m = closed.match;
  if (!m.found) {
    out.reasons.push_back("lexicon-miss");
    return out;
  }
  if (closed.far) out.reasons.push_back("lexicon-far");
  const EthnicGroup* g = ctx.lexicons->ethnic_group_of(m.index);
  out.value = g->name;
  out.code = g->code;
  out.parsed = true;
  out.corrected = !m.exact;
  out.lexicon_distance = m.distance;
  bool same_group = m.runner_up && one_group(m.index, *m.runner_up);
  out.lexicon_margin = std::isinf(m.margin) || same_group ? 1.0 : m.margin;
  if (!m.exact && out.lexicon_margin < 0.1) out.reasons.push_back("lexicon-ambiguous");
  return out;
}

}  // namespace ledger
