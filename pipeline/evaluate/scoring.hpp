// The scoring rule of evaluation (shared/spec/ground-truth.md): how a predicted value is compared
// with the ground truth, which field type a key holds, and character error rate.
#pragma once
#include <string>
#include <string_view>

#include "core/field_type.hpp"

namespace ledger {

/// The field type a MoJ field key holds, from its name alone ("nksHoTen" -> Name).
/// Notes:
///   1. Ground truth and drafts carry no types, and evaluate may not read layouts, so the key
///      decides. Unknown keys are Text (compared exactly after NFC and whitespace folding).
FieldType field_type_for_key(std::string_view key);

/// The form two values are compared in: NFC, whitespace folded; for names and places also
/// case-folded with one tone-mark placement (`tone_key`), so "Hoà" equals "hòa".
std::string scoring_key(FieldType type, std::string_view value);

/// True when `predicted` counts as the ground-truth value `truth` under the scoring rule.
/// A blank prediction for a blank truth is correct; text where the truth is blank is an error.
bool scores_equal(FieldType type, std::string_view predicted, std::string_view truth);

/// Character edits (code points) to turn `predicted` into `truth`: the numerator of CER and the
/// keystrokes of a correction. 0 when the two match under the scoring rule; else the edit distance
/// after NFC and whitespace folding (and lower-casing for names and places, whose case a clerk
/// need not fix).
size_t char_edits(FieldType type, std::string_view predicted, std::string_view truth);

/// The same for a value already known not to match (skips the scoring-rule check).
size_t char_edits_unmatched(FieldType type, std::string_view predicted, std::string_view truth);

/// Length of `truth` in code points after NFC and whitespace folding: the CER denominator.
size_t truth_length(std::string_view truth);

}  // namespace ledger
