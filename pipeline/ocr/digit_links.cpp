// Record facts for the digit reader (see digit_links.hpp).
#include "ocr/digit_links.hpp"

namespace ledger {

namespace {

// The digit groups of a reading made only of digits and the separators / . -, each separator
// between two digits ("26/8/2008" -> 26 8 2008, "//"); false for anything else.
bool split_groups(const std::string& text, std::vector<std::string>& groups, std::string& seps) {
  if (text.find_first_not_of("0123456789/.-") != std::string::npos) return false;
  groups = digit_groups(text, &seps);
  for (const auto& g : groups)
    if (g.empty()) return false;
  return groups.back().size() <= 4;
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
  ctx.in_book_year = links.in_book_year.count(key) > 0;
  if (auto it = links.not_before.find(key); it != links.not_before.end())
    if (const FieldReading* f = sure_reading(record, it->second, links.sure)) ctx.not_before = date_ordinal(f->text);
  if (previous && links.rising.count(key))
    if (const FieldReading* f = sure_reading(*previous, key, links.sure)) ctx.previous_entry = entry_value(f->text);
  return ctx;
}

}  // namespace ledger
