// Decoding a handwritten digit string with the field's grammar: per-digit alternatives from the
// classifier plus the separators found, to the most probable string the field allows.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/page.hpp"

namespace ledger {

/// What a numeric field may hold.
enum class DigitGrammar {
  Date,         // d/m/yyyy with / . or - (day <= 31, month <= 12, a real calendar date), or
                // yyyy alone (FieldType::Date holds "dd.mm.yyyy or yyyy")
  Year,         // yyyy
  Day,          // 1..31 (a date written in three blanks)
  Month,        // 1..12
  EntryNumber,  // \d{1,4}(/\d{4})?  ("12", "12/2017")
  Digits,       // any digits and separators (page numbers, id numbers)
};

/// What is known about the book and the record, to rule out impossible values.
struct DigitContext {
  std::optional<int> book_year;       // year the book opened: dates/years within [year-100, year+1]
  std::optional<int> previous_entry;  // entry numbers rise through a book: must be greater
                                      // (or 1: numbering restarts with each year)
  std::optional<int> not_before;      // yyyymmdd: a registration date not before the birth date
  /// The value is dated in the book's own year (a registration, an entry number "12/2017"):
  /// another year stays allowed but counts less: the next year (a book running into it)
  /// kOtherYearWeight, any other (a misnamed file) kFarYearWeight. Needs book_year.
  bool in_book_year = false;
};

/// One position of the string: a separator as written, or a digit's alternatives.
struct DigitSlot {
  char separator = 0;                          // '/', '.', '-' or 0 for a digit
  std::vector<std::pair<int, double>> digits;  // (digit, probability), best first
  /// With both a separator and digits: the slot is ambiguous ('/' or a slanted '1'); the
  /// separator has this probability, the digits share the rest.
  double separator_prob = 1.0;
  /// Probability that the slot is no character at all (a speck taken for a '.'); the other
  /// readings share the rest.
  double skip_prob = 0;
  /// A wide component that may be several touching digits: its cuttings, each a prior weight
  /// (summing to 1) and one digit slot per piece. When given, `digits` is not used.
  std::vector<std::pair<double, std::vector<DigitSlot>>> variants;
};

struct DigitReading {
  std::string text;               // as written: "26/8/2008" ("" when nothing could be read)
  double probability = 0;         // P(text is right | ink, grammar), 0..1
  std::vector<CharChoice> chars;  // one per character of text, alternatives best first
  bool rejected = false;          // no string the grammar allows, or not digits at all
  std::string reason;             // why rejected: "no-ink", "grammar", "not-digits"
};

/// The digit groups of `text` and, in `seps`, the characters between them: every character that
/// is not a digit separates ("26/8/2008" -> "26" "8" "2008", "//"; "1//2" has an empty group).
std::vector<std::string> digit_groups(const std::string& text, std::string* seps = nullptr);

/// True when `text` (digits and separators) is allowed by the grammar and context.
bool grammar_allows(const std::string& text, DigitGrammar g, const DigitContext& ctx);

/// Beam search over the slots' digit alternatives (and cuttings of wide components) for the
/// most probable allowed string.
/// \return the reading; `probability` = P(best allowed) / (P(all allowed in the beam) +
///         kInvalidWeight * P(best reading without grammar) when that one is forbidden), so a
///         string forced by the grammar against the classifier stays unsure.
/// Notes:
///   1. Up to `beam` partial strings are kept (default 512); alternatives below 1e-4 are skipped.
///   2. Only prefixes that can still become an allowed string are kept (prefix pruning): the
///      grammar can then ask for digits the classifier found unlikely.
///   3. A slot with `variants` expands into each cutting's pieces, weighted by its prior.
///   4. With ctx.in_book_year, an allowed string whose year is not the book's is weighted by
///      kOtherYearWeight (the next year) or kFarYearWeight (any other) before the best is chosen
///      and the probability normalised. When that prior overrules the ink's best reading, the
///      latter counts in the denominator as a forbidden top reading would (kInvalidWeight): such
///      a choice stays unsure.
DigitReading decode_digits(const std::vector<DigitSlot>& slots, DigitGrammar g, const DigitContext& ctx,
                           int beam = 512);

/// Prior weight of the year after the book's, for values dated in the book's year
/// (DigitContext::in_book_year). Chosen on strings of validation digits (digits_bench).
inline constexpr double kOtherYearWeight = 0.2;
/// Prior weight of any other year for such values: a 2007 book's registration read "2001" (a 7
/// written like a 1) was the commonest confident error on strings of validation digits;
/// 0.01 took their string accuracy from 93.6% to 94.2% (mean of seeds 7-9, digits_bench).
inline constexpr double kFarYearWeight = 0.01;

/// Weight of strings the grammar forbids in the probability's denominator: the grammar is
/// trusted, but a forbidden top reading is evidence that something else went wrong.
inline constexpr double kInvalidWeight = 0.25;

}  // namespace ledger
