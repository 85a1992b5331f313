// The kinds of value a register field holds; each kind has its own OCR settings, normaliser
// and checks. Names match the `type:` values of the layout YAML files.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace ledger {

enum class FieldType {
  Name,         // person's full name: "Nguyễn Văn An"
  Date,         // dd.mm.yyyy or yyyy
  DateWords,    // a date written in Vietnamese words
  Sex,          // Nam / Nữ
  Ethnicity,    // one of the 54 groups
  Nationality,  // Việt Nam or another country
  Place,        // place of birth, residence, origin
  Number,       // entry number, page number: "01", "11/2017"
  IdNumber,     // personal id or identity paper number
  Text,         // free text (notes, relation, signer's title)
  Checkbox,     // a ticked box among printed choices
};

/// The YAML spelling of a type: "name", "date", "date-words", ...
std::string_view to_string(FieldType t);
/// Parses the YAML spelling; nullopt when unknown.
std::optional<FieldType> parse_field_type(std::string_view s);
/// True for types whose values are written with digits and separators only.
bool is_numeric(FieldType t);

}  // namespace ledger
