// Turning a field's raw reading into the value a clerk would type, per field type
// (shared/spec/registers.md, "Field keys and values"), with what was found on the way.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/field_type.hpp"
#include "core/page.hpp"

namespace ledger {

class Lexicons;    // fields/lexicons.hpp
struct PlaceUnit;  // fields/lexicons.hpp

/// What a normaliser needs besides the text.
struct FieldContext {
  std::string key;               // field key, e.g. "meNgaySinh"
  std::optional<int> book_year;  // year the book opened, for era-dependent checks and places
  const Lexicons* lexicons = nullptr;  // may be null: normalise without correction
  const std::vector<CharChoice>* chars = nullptr;  // OCR alternatives, when known
  /// The units the book's folders name (home_units, places.hpp), smallest first: a commune,
  /// its district, its province; empty when the folders name none the lexicon knows.
  std::vector<const PlaceUnit*> home;
};

/// The normalised value and the evidence gathered while making it.
struct NormalizedValue {
  std::string value;                 // normalised ("" when nothing usable)
  bool parsed = false;               // the text fits the type's grammar (a date, a known group...)
  bool corrected = false;            // a lexicon or alternative changed the reading
  double lexicon_distance = 0;       // weighted edit distance to the chosen entry, 0 = exact
                                     // (0 when the type has no lexicon)
  double lexicon_margin = 1;         // distance gap between best and second-best entry
  int unmatched_parts = 0;           // places: comma parts after the first unit that are no unit
                                     // (a misread name: "xã Gio. mm"); 0 for other types
  std::vector<std::string> reasons;  // e.g. "impossible-date", "lexicon-miss", "unparsed-date"
  std::string code;                  // MoJ/official code where the type has one: sex "1"/"2"/"3",
                                     // ethnic group "01".."54", nationality ISO "VN"; else ""
};

/// Normalises `raw` as a value of `type`. Never throws on bad text: reasons say what is wrong.
///  Notes:
///   (1) Reasons a normaliser may add: "unparsed-date", "impossible-date", "two-digit-year",
///       "implausible-year" (dates); "lexicon-miss" (far from every lexicon entry: the raw
///       reading is kept), "lexicon-ambiguous" (corrected, but a second entry was nearly as
///       close); "place-name-era" (a unit name not in use in the book's year); "place-incomplete"
///       (a place whose last part is not a unit after an earlier one: cut off);
///       "unknown-syllables" (free text); "number-format", "id-format", "id-length"; "sex-unknown".
///   (2) DateWords keeps the words (NFC, folded, misspelt number words corrected): the MoJ
///       column `…BangChu` and the ground truth hold words. date_words_to_date() gives the date;
///       the record rules compare it with the digits.
///   (3) With `ctx.lexicons` null, lexicon types are only cleaned and checked for form.
NormalizedValue normalize_field(FieldType type, const std::string& raw, const FieldContext& ctx);

}  // namespace ledger
