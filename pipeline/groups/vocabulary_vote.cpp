// A vocabulary vote over a group's readings (see vocabulary_vote.hpp).
#include "groups/vocabulary_vote.hpp"

#include <algorithm>
#include <map>

#include "core/text.hpp"

namespace ledger::groups {

namespace {

const LexiconIndex& sexes() {
  static const LexiconIndex index = [] {
    LexiconIndex i;
    i.add("Nam");
    i.add("Nữ");
    return i;
  }();
  return index;
}

// The index of the type's closed vocabulary, null for a type without one.
const LexiconIndex* vocabulary_index(FieldType type, const Lexicons& lx) {
  switch (type) {
    case FieldType::Ethnicity: return &lx.ethnic_index();
    case FieldType::Nationality: return &lx.country_index();
    case FieldType::Sex: return &sexes();
    default: return nullptr;
  }
}

// The canonical entry a reading is nearest to, "" when none is within reach or the reading is
// too short to point anywhere ("nh" is as near "Mạ" as "Kinh").
std::string nearest(const std::string& reading, FieldType type, const Lexicons& lx) {
  const LexiconIndex* index = vocabulary_index(type, lx);
  if (!index || (type != FieldType::Sex && utf8_length(reading) < 3)) return "";
  const double reach = std::max(2.0, 0.6 * double(utf8_length(reading)));
  const LexiconMatch m = index->best(reading, nullptr, reach);
  if (!m.found) return "";
  // An ethnic group or a country is named by its canonical entry, whichever variant matched.
  if (type == FieldType::Ethnicity) {
    const EthnicGroup* g = lx.ethnic_group_of(m.index);
    return g ? g->name : "";
  }
  if (type == FieldType::Nationality) {
    const Country* c = lx.country_of(m.index);
    return c ? c->name : "";
  }
  return m.entry;
}

}  // namespace

Vote vote_vocabulary(const std::vector<MemberReading>& members, FieldType type, const Lexicons& lx) {
  std::map<std::string, int> votes;
  int readings = 0;
  for (const auto& m : members) {
    const std::string v = clean_text(m.value);
    if (v.empty()) continue;
    ++readings;
    if (std::string n = nearest(v, type, lx); !n.empty()) ++votes[n];
  }
  Vote out;
  if (votes.empty()) return out;
  const auto best = std::max_element(votes.begin(), votes.end(), [](auto& a, auto& b) { return a.second < b.second; });
  if (best->second >= 2 && 2 * best->second > readings) {
    out.value = best->first;
    out.share = double(best->second) / readings;
  }
  return out;
}

bool has_vocabulary(FieldType type) {
  return type == FieldType::Ethnicity || type == FieldType::Nationality || type == FieldType::Sex;
}

bool in_vocabulary(const std::string& value, FieldType type, const Lexicons& lx) {
  std::string v = clean_text(value);
  std::replace(v.begin(), v.end(), '-', ' ');  // the lexicons write "Bru-Vân Kiều" "Bru Vân Kiều"
  const LexiconIndex* index = vocabulary_index(type, lx);
  return index && !v.empty() && index->best(v, nullptr, 0.0).exact;
}

}  // namespace ledger::groups
