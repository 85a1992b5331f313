// The signer's line of a register entry (see signer.hpp).
#include "fields/signer.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "fields/lexicon_match.hpp"
#include "fields/lexicons.hpp"
#include "fields/names.hpp"

namespace ledger {

const std::vector<std::string>& signer_titles() {
  static const std::vector<std::string> titles = [] {
    std::vector<std::string> t;
    for (const char* rank : {"Chủ tịch", "Phó Chủ tịch"}) {
      t.emplace_back(rank);
      for (const char* body : {"UBND", "Ủy ban nhân dân"})
        for (const char* unit : {"xã", "phường", "thị trấn"}) t.push_back(std::string(rank) + " " + body + " " + unit);
    }
    for (const char* officer : {"Công chức Tư pháp - Hộ tịch", "Cán bộ Tư pháp - Hộ tịch", "Cán bộ Tư pháp hộ tịch"})
      t.emplace_back(officer);
    return t;
  }();
  return titles;
}

namespace {

const LexiconIndex& title_index() {
  static const LexiconIndex idx = [] {
    LexiconIndex i;
    for (const auto& t : signer_titles()) i.add(t);
    return i;
  }();
  return idx;
}

}  // namespace

std::optional<NormalizedValue> normalize_signer(const std::string& text, const FieldContext& ctx) {
  const size_t comma = text.rfind(',');
  if (comma == std::string::npos || comma == 0) return std::nullopt;
  const std::string written = clean_text(text.substr(comma + 1));
  if (written.empty()) return std::nullopt;
  const double reach = std::max(1.0, 0.15 * double(utf8_length(written)));
  const LexiconMatch title = title_index().best(written, nullptr, reach);
  if (!title.found) return std::nullopt;

  NormalizedValue out;
  const NormalizedValue name = normalize_field(FieldType::Name, text.substr(0, comma),
                                               FieldContext{ctx.key, ctx.book_year, ctx.lexicons, nullptr});
  // A title read right up to case stays as written ("Chủ Tịch"); a misread one is the title.
  const std::string shown = title.exact ? written : title.entry;
  out.value = name.value + ", " + shown;
  out.parsed = true;
  out.corrected = name.corrected || shown != written;
  const bool name_ambiguous =
      std::find(name.reasons.begin(), name.reasons.end(), "lexicon-ambiguous") != name.reasons.end();
  if ((!title.exact && title.margin < 0.1) || name_ambiguous) out.reasons.push_back("lexicon-ambiguous");
  return out;
}

}  // namespace ledger
