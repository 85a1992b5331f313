// A date's words witnessing its digits (see words_witness.hpp).
#include "groups/words_witness.hpp"

#include <algorithm>
#include <limits>

#include "core/date_in_words.hpp"
#include "core/text.hpp"

namespace ledger::groups {
namespace {

// The distance from `reading` to the date in words, in the nearest of the four spellings.
size_t distance_to(const std::string& reading, int day, int month, int year) {
  size_t best = std::numeric_limits<size_t>::max();
  for (bool ngan : {false, true})
    for (bool le : {false, true})
      best = std::min(best, edit_distance(reading, letters_and_digits(date_in_words(day, month, year, {ngan, le}))));
  return best;
}

}  // namespace

bool words_witness(const std::string& words_reading, const SimpleDate& date, double max_share) {
  if (date.year_only() || date.day == 0 || date.month == 0) return false;
  const std::string reading = letters_and_digits(words_reading);
  if (reading.empty()) return false;
  const size_t own = distance_to(reading, date.day, date.month, date.year);
  if (double(own) > max_share * double(utf8_length(reading))) return false;
  auto nearer = [&](int day, int month, int year) { return distance_to(reading, day, month, year) <= own; };
  for (int day = 1; day <= 31; ++day)
    if (day != date.day && nearer(day, date.month, date.year)) return false;
  for (int month = 1; month <= 12; ++month)
    if (month != date.month && nearer(date.day, month, date.year)) return false;
  for (int year = date.year - 10; year <= date.year + 10; ++year)
    if (year != date.year && nearer(date.day, date.month, year)) return false;
  return true;
}

}  // namespace ledger::groups
