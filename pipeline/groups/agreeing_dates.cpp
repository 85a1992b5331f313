// Dates written twice whose two readings agree (see agreeing_dates.hpp).
#include "groups/agreeing_dates.hpp"

#include <algorithm>
#include <map>

#include "fields/date_words.hpp"
#include "fields/record_rules.hpp"
#include "groups/words_witness.hpp"

namespace ledger::groups {

std::vector<FieldGroup> agreeing_date_groups(sql::Db& db, const std::string& book,
                                             const std::set<std::int64_t>& taken, double purity) {
  struct Side {
    std::int64_t id = 0;
    std::string key, type, value;
    double confidence = 0;  // 1 for a clerk's value
    bool to_fill = false;
  };
  auto side_at = [](sql::Stmt& s, int c) {
    Side x;
    const bool clerk = !s.is_null(c + 5);
    x.id = s.int64(c);
    x.key = s.text(c + 1);
    x.type = s.text(c + 2);
    x.value = clerk ? s.text(c + 5) : s.text(c + 3);
    x.confidence = clerk ? 1.0 : s.real(c + 4);
    x.to_fill = !clerk && s.text(c + 6) == "review" && s.int64(c + 7) == 0;
    return x;
  };
  // The columns side_at() reads of one writing of the date (`f`: its table alias).
  auto cols_of = [](const std::string& f) {
    return f + ".id, " + f + ".key, " + f + ".type, " + f + ".value, " + f + ".confidence, " + f +
           ".reviewed_value, " + f + ".status, " + f + ".id IN " + kConfirmedMembers;
  };
  // A date written twice (K, and K + "BangChu" in words), as the record rules pair them.
  sql::Stmt s(db, "SELECT " + cols_of("d") + ", " + cols_of("w") +
                      " FROM fields w JOIN fields d ON d.record_id = w.record_id AND w.key = d.key || '" +
                      kInWordsSuffix + "' JOIN records r ON r.id = w.record_id JOIN pages p ON p.id = r.page_id "
                      "WHERE p.book_id = ? AND p.status = 'done' AND w.status != 'blank' AND d.status != 'blank' "
                      "ORDER BY p.rel_path, p.page, r.record");
  s.bind(1, book);
  // Words that name no date (too garbled to parse) but witness the digits' date (note 3).
  auto witnessed = [](const Side& digits, const Side& words) {
    if (!date_words_to_date(words.value).empty()) return false;  // they name a day: not this one
    const auto date = parse_normalized_date(digits.value);
    return date && words_witness(words.value, *date);
  };
  std::map<std::string, FieldGroup> by_key;  // confidence: the least member's, so far
  while (s.step()) {
    const Side digits = side_at(s, 0), words = side_at(s, 8);
    const bool agree = dates_agree(digits.value, words.value);
    if (!agree && !witnessed(digits, words)) continue;
    for (const auto& [self, other] : {std::pair{digits, words}, std::pair{words, digits}}) {
      if (!self.to_fill || taken.count(self.id)) continue;
      if (!agree && self.key == words.key) continue;  // a witness, not a reading to fill with
      auto [at, first] = by_key.try_emplace(self.key);
      FieldGroup& g = at->second;
      if (first) g.confidence = 1.0;
      g.field_type = self.type;
      g.members.push_back({.field_id = self.id, .key = self.key});
      // Two readers apart (the digit reader, Tesseract on the words) are both wrong, and alike,
      // far less often than either alone: taken as independent. But the digits vouch for the
      // day, not for how its words are spelt (`ngàn` or `nghìn`, `bảy` or `bẩy`): words keep
      // their own reading's confidence.
      // A witness that names no date has no confidence of its own to lend.
      const bool words_side = self.key == words.key;
      const double right = words_side || !agree ? self.confidence
                                                : 1.0 - (1.0 - self.confidence) * (1.0 - other.confidence);
      g.confidence = std::min(g.confidence, right);
    }
  }
  std::vector<FieldGroup> out;
  for (auto& [key, g] : by_key) {
    if (g.members.size() < 2) continue;  // one field is reviewed like any other
    g.book_id = book;
    g.field_key = key;
    g.kind = "agreeing";
    g.source = "reading";
    g.confidence *= purity;
    out.push_back(std::move(g));
  }
  return out;
}

}  // namespace ledger::groups
