// Dates as registers write them in digits ("05/3/2010", "05-03-2010", "ngày 05 tháng 3 năm 2010",
// a year alone) parsed to the MoJ forms `dd.mm.yyyy` / `yyyy`, with impossible dates flagged.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ledger {

/// A calendar date, or a year alone when day and month are 0.
struct SimpleDate {
  int day = 0, month = 0, year = 0;

  bool year_only() const { return day == 0 && month == 0; }
  bool operator==(const SimpleDate&) const = default;
};

/// True when day/month/year name a real Gregorian date (leap years included).
bool is_valid_date(int day, int month, int year);

/// "05.03.2010", or "2010" for a year alone.
std::string format_date(const SimpleDate& d);

/// -1 / 0 / +1 comparing two dates; a year alone compares by year only (equal years give 0).
int compare_dates(const SimpleDate& a, const SimpleDate& b);

/// Everything learned while reading a date written in digits.
struct DateParse {
  std::optional<SimpleDate> date;  // set only for a valid date (or a year alone)
  SimpleDate as_written;           // the numbers read, even when they make no real date
  bool numbers_found = false;      // day/month/year (or a year) could be read at all
  bool impossible = false;         // the numbers were read but name no real date (30/02)
  bool two_digit_year = false;     // the year was written with two digits (expanded, flagged)
  bool ocr_fixed = false;          // letters were read as digits (O->0, l->1...)
};

/// Reads a date written in digits, in any of the registers' forms.
///   text       the raw reading (NFC or not)
///   book_year  the book's year, used only to expand a two-digit year (else 19xx/20xx by 30)
/// Returns the parse with its flags; `date` is empty when nothing valid was found.
///  Notes:
///   (1) Letters that OCR confuses with digits (O o D -> 0, l I | i -> 1, S s -> 5, B -> 8,
///       Z z -> 2, g q -> 9) are taken as digits only inside a token that is mostly digits.
///   (2) "ngày 05 tháng 3 năm 2010" and "05 tháng 03 năm 2010" are read by their keywords.
DateParse parse_date_text(std::string_view text, std::optional<int> book_year = std::nullopt);

/// The valid date in `text`, or nullopt (see parse_date_text).
std::optional<SimpleDate> parse_date(std::string_view text, std::optional<int> book_year = std::nullopt);

/// Parses a normalised value ("dd.mm.yyyy" or "yyyy") strictly; nullopt for anything else.
std::optional<SimpleDate> parse_normalized_date(std::string_view value);

}  // namespace ledger
