// The ground-truth scoring rule (shared/spec/ground-truth.md): when a predicted value counts as
// equal to the expected one. Evaluation and calibration both use it, so they cannot drift apart.
#pragma once
#include <string>

#include "core/field_type.hpp"

namespace ledger {

/// A key such that two values of `type` are scored equal exactly when their keys are equal.
///  Notes:
///   (1) Every type: NFC, whitespace folded. Names and places: also case-folded, with one
///       tone-mark placement (core tone_key: "Hoà" = "hòa"; places hold names: "Hướng Hoá").
///       Evaluation (evaluate/scoring.hpp) and calibration both score with it.
///   (2) Dates in words compare as text, like every other type (the value keeps the words).
///   (3) Blank stays blank: "" gives "" (a blank predicted blank is correct).
std::string comparison_key(FieldType type, const std::string& value);

/// comparison_key(type, a) == comparison_key(type, b).
bool values_match(FieldType type, const std::string& a, const std::string& b);

}  // namespace ledger
