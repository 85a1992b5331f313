// Dates written in Vietnamese words ("ngày chín, tháng một, năm hai ngàn lẻ tám"), as registers
// repeat the birth date under "Ghi bằng chữ", parsed to a date to cross-check the digits.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fields/dates.hpp"

namespace ledger {

/// What was read from a date in words.
struct DateWordsParse {
  std::optional<SimpleDate> date;  // a real date, or a year alone
  bool impossible = false;         // words read, but they name no real date ("ngày ba mươi tháng hai")
  bool corrected = false;          // some word was misspelt and matched to a number word
  bool ambiguous = false;          // a misspelt word was nearly as close to another number word
  double distance = 0;             // summed weighted distance of the corrected words
  std::string text;                // the words as written (NFC, folded), with misspelt number
                                   // words replaced by their correct spelling; for a full date,
                                   // also set out in the writer's style (parse_date_words note 3)
};

/// Reads a number written in words: "hai nghìn không trăm linh tám" -> 2008.
///  Notes:
///   (1) Knows không, một/mốt, hai, ba, bốn/tư, năm/lăm/nhăm, sáu, bảy/bẩy, tám, chín, mười,
///       mươi, trăm, nghìn/ngàn, linh/lẻ, and digits written as digits.
///   (2) Spoken short forms too: "hai mốt" = 21, "hai nghìn mười" = 2010; three or more plain
///       digit words are read digit by digit: "hai không không tám" = 2008.
/// Returns nullopt when a word is not a number word or the words make no number.
std::optional<int> parse_number_words(const std::vector<std::string>& words);

/// Reads a date in words: "ngày <day> tháng <month> năm <year>", each part optional but the
/// year; "mùng/mồng" before small days; months also "giêng" (1) and "chạp" (12).
///  Notes:
///   (1) Words are first matched to the number-word vocabulary with the weighted edit distance
///       (OCR drops diacritics: "chin" -> "chín"); such corrections are flagged.
///   (2) "năm" is both "year" and "five": the split that makes a valid month and year wins
///       ("tháng năm năm hai nghìn" = May 2000).
///   (3) A full date's text is rebuilt from its words in the style most of them were written
///       in: all capitals or small letters (a first word's capital kept), with ", " before
///       "tháng" and the year's "năm" when the writer put marks between the parts. So a word
///       out of style ("ngàY", "haI") and a stray mark ("ngày/", "tư;", a "`" standing alone
///       between words) are read as the slips they are; the words themselves ("ngàn"/"nghìn",
///       "lẻ"/"linh", "bảy"/"bẩy") stay.
DateWordsParse parse_date_words(std::string_view text);

/// The date in words as `dd.mm.yyyy` (or `yyyy`), "" when it cannot be read or is impossible:
/// for comparing with the digits; the field's value stays in words (see normalize.hpp).
std::string date_words_to_date(std::string_view text);

}  // namespace ledger
