// Sex fields: "Nam" / "Nữ" (MoJ codes 1 Nam, 2 Nữ, 3 Không xác định) from whatever was written.
#pragma once
#include <string>

#include "fields/normalize.hpp"

namespace ledger {

/// Normalises a sex reading: any case, with or without diacritics ("NỮ", "nu", "Nử"), and the
/// words "trai"/"gái" -> "Nam"/"Nữ"; `code` gets the MoJ code. Anything else keeps its text and
/// adds "sex-unknown".
NormalizedValue normalize_sex(const std::string& raw, const FieldContext& ctx);

}  // namespace ledger
