// Entry numbers as registers write them: "07", "11/2017" (the book's number, then its year).
#pragma once
#include <optional>
#include <string_view>

namespace ledger {

/// What an entry number states: "11/2017" -> 11 of 2017; "07" -> 7, no year.
struct EntryNumber {
  int number = 0;
  std::optional<int> year;
};

/// Parses an entry number: up to six digits, optionally "/" and a four-digit year, after
/// clean_text (NFC, spaces folded and trimmed).
/// Returns nothing for anything else ("", "1a", "12/20", "3-4").
std::optional<EntryNumber> parse_entry_number(std::string_view value);

}  // namespace ledger
