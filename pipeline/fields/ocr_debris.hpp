// Marks that ruling lines, cell borders and dotted leaders leave in a reading ("| Khóm 2",
// "“Thôn 1", "Quảng Trị |"): never part of a register value, so they are dropped before a
// word-valued field is normalised.
#pragma once
#include <string>

namespace ledger {

/// Removes rule debris from a reading of a word-valued field (name, place, text...).
///   raw   the OCR text (any normalisation form)
/// Returns the NFC text with whitespace folded, without:
///   1. leading and trailing marks that are not letters, digits or closing punctuation
///      (`|`, quotes, `_`, `¡`, `¿`, `[`, `*`, `^`, `~`, dashes...);
///   2. lone `|` and `_` tokens between words (a vertical rule crossing the value).
/// Notes:
///   1. A trailing '.' or ')' is kept: they can be part of a value ("Đăng ký lại.").
std::string strip_rule_debris(const std::string& raw);

}  // namespace ledger
