// Record facts for the digit reader (see digit_links.hpp).
#include "ocr/digit_links.hpp"

#include <cctype>

namespace ledger {

namespace {

// Digit groups of a reading and the separators between them ("26/8/2008" -> 26 8 2008, "//").
bool split_groups(const std::string& text, std::vector<std::string>& groups, std::string& seps) {
  groups.assign(1, "");
  for (char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c))) groups.back() += c;
    else if ((c == '/' || c == '.' || c == '-') && !groups.back().empty()) {
      seps += c;
      groups.emplace_back();
    } else {
      return false;
    }
  }
  return !groups.back().empty() && groups.back().size() <= 4;
}

const FieldReading* sure_reading(const std::vector<FieldReading>& fields, const std::string& key, double sure) {
  for (const auto& f : fields)
    if (f.key == key) return !f.blank && !f.text.empty() && f.mean_conf >= sure ? &f : nullptr;
  return nullptr;
}

}  // namespace

std::optional<int> date_ordinal(const std::string& text) {
  std::vector<std::string> g;
  std::string seps;
  if (!split_groups(text, g, seps) || g.size() != 3 || g[0].size() > 2 || g[1].size() > 2 || g[2].size() != 4)
    return std::nullopt;
  const int d = std::stoi(g[0]), m = std::stoi(g[1]), y = std::stoi(g[2]);
  if (d < 1 || d > 31 || m < 1 || m > 12) return std::nullopt;
  return y * 10000 + m * 100 + d;
}

std::optional<int> entry_value(const std::string& text) {
  std::vector<std::string> g;
  std::string seps;
  if (!split_groups(text, g, seps) || g.size() > 2 || (g.size() == 2 && (seps != "/" || g[1].size() != 4)))
    return std::nullopt;
  return std::stoi(g[0]);
}

DigitContext record_context(const std::string& key, const DigitLinks& links,
                            const std::vector<FieldReading>& record, const std::vector<FieldReading>* previous,
                            std::optional<int> book_year) {
  DigitContext ctx;
  ctx.book_year = book_year;
  if (auto it = links.not_before.find(key); it != links.not_before.end())
    if (const FieldReading* f = sure_reading(record, it->second, links.sure)) ctx.not_before = date_ordinal(f->text);
  if (previous && links.rising.count(key))
    if (const FieldReading* f = sure_reading(*previous, key, links.sure)) ctx.previous_entry = entry_value(f->text);
  return ctx;
}

}  // namespace ledger
