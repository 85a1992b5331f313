// Entry numbers as written (see entry_number.hpp).
#include "fields/entry_number.hpp"

#include <algorithm>
#include <string>

#include "core/text.hpp"

namespace ledger {

namespace {

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::optional<EntryNumber> parse_entry_number(std::string_view value) {
  const std::string v = clean_text(value);
  const size_t slash = v.find('/');
  const std::string num = v.substr(0, slash), year = slash == std::string::npos ? "" : v.substr(slash + 1);
  if (!all_digits(num) || num.size() > 6) return std::nullopt;
  EntryNumber e{std::stoi(num), std::nullopt};
  if (slash != std::string::npos) {
    if (!all_digits(year) || year.size() != 4) return std::nullopt;
    e.year = std::stoi(year);
  }
  return e;
}

}  // namespace ledger
