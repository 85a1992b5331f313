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

// The canonical entry a reading is nearest to, "" when none is within reach or the reading is
// too short to point anywhere ("nh" is as near "Mạ" as "Kinh").
std::string nearest(const std::string& reading, FieldType type, const Lexicons& lx) {
  if (type != FieldType::Sex && utf8_length(reading) < 3) return "";
  const double reach = std::max(2.0, 0.6 * double(utf8_length(reading)));
  switch (type) {
    case FieldType::Ethnicity: {
      const LexiconMatch m = lx.ethnic_index().best(reading, nullptr, reach);
      const EthnicGroup* g = m.found ? lx.ethnic_group_of(m.index) : nullptr;
      return g ? g->name : "";
    }
    case FieldType::Nationality: {
      const LexiconMatch m = lx.country_index().best(reading, nullptr, reach);
      const Country* c = m.found ? lx.country_of(m.index) : nullptr;
      return c ? c->name : "";
    }
    case FieldType::Sex: {
      const LexiconMatch m = sexes().best(reading, nullptr, reach);
      return m.found ? m.entry : "";
    }
    default:
      return "";
  }
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
  const std::string v = clean_text(value);
  if (v.empty()) return false;
  switch (type) {
    case FieldType::Ethnicity: return lx.ethnic_index().best(v, nullptr, 0.0).exact;
    case FieldType::Nationality: return lx.country_index().best(v, nullptr, 0.0).exact;
    case FieldType::Sex: return sexes().best(v, nullptr, 0.0).exact;
    default: return false;
  }
}

}  // namespace ledger::groups
