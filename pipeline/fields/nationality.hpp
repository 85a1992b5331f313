// Nationality fields: "Việt Nam" and the few other countries registers name, with ISO codes.
#pragma once
#include <string>

#include "fields/normalize.hpp"

namespace ledger {

/// Normalises a nationality reading to the country's canonical Vietnamese name ("Viet Nam",
/// "VN" -> "Việt Nam"); `code` gets the ISO 3166-1 alpha-2 code. A reading far from every
/// country keeps its text and adds "lexicon-miss". Without lexicons, "Việt Nam" spellings are
/// still recognised.
NormalizedValue normalize_nationality(const std::string& raw, const FieldContext& ctx);

}  // namespace ledger
