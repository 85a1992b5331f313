// The field types without a vocabulary: entry/page numbers, identity numbers, free text and
// checkboxes, each cleaned to the form a clerk would type and checked for shape.
#pragma once
#include <string>

#include "fields/normalize.hpp"

namespace ledger {

/// `so`, `quyenSo`, `trangSo`: as written ("01/2017", "11"), spaces around '/' removed, a leading
/// "Số:" label dropped, O/l read as 0/1 inside numbers. Not digits[/digits]: "number-format".
NormalizedValue normalize_number(const std::string& raw, const FieldContext& ctx);

/// Personal id / identity paper: the number as digits only (spaces, dots, dashes dropped; O/l as
/// 0/1), after the paper's type kept as written ("CMND số 196262029", accents of known paper
/// words restored: "CMND so" -> "CMND số"). No number: "id-format";
/// a number of other than 9 (CMND) or 12 (CCCD) digits: "id-length".
NormalizedValue normalize_id_number(const std::string& raw, const FieldContext& ctx);

/// Free text: NFC, folded. With lexicons, "unknown-syllables" when more than a third (and at
/// least two) of the words are not Vietnamese syllables; lexicon_distance = that share.
NormalizedValue normalize_text(const std::string& raw, const FieldContext& ctx);

/// Checkbox: the ticked choice's code, passed through (cleaned; a one-letter code read as a
/// look-alike letter becomes its digit).
NormalizedValue normalize_checkbox(const std::string& raw, const FieldContext& ctx);

/// `text` with the letters OCR confuses with digits (O o D Q -> 0, l I | i -> 1, S s -> 5,
/// B -> 8, Z z -> 2) read as digits; `changed` tells whether any was replaced.
std::string letters_to_digits(const std::string& text, bool* changed = nullptr);

}  // namespace ledger
