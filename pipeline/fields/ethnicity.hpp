// Ethnicity fields: one of the 54 official groups, by canonical name or alias ("Vân Kiều" ->
// "Bru-Vân Kiều", "Pa Kô" -> "Tà-ôi"), with the group's official code.
#pragma once
#include <string>

#include "fields/normalize.hpp"

namespace ledger {

/// Normalises an ethnicity reading to the group's canonical name; `code` gets its two-digit code.
/// A reading far from every name and alias keeps its text and adds "lexicon-miss".
NormalizedValue normalize_ethnicity(const std::string& raw, const FieldContext& ctx);

}  // namespace ledger
