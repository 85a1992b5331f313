// Fixed words that values embed around their variable part ("Bệnh viện", "Trạm Y tế", "CMND số",
// unit types "huyện", "tỉnh"): their diacritics restored when OCR dropped or changed them.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace ledger {

/// Restores the diacritics of known phrases in `text`: wherever consecutive words equal a phrase
/// once accents and case are ignored, the phrase's letters replace them, keeping the written case
/// of each letter ("BENH VIEN" -> "BỆNH VIỆN", "tinh" -> "tỉnh").
///   text     NFC, folded
///   phrases  the phrases, longest first wins at a position
///   changed  set to true when some letter changed (may be null)
/// Returns the text with phrases restored; words outside phrases are untouched.
std::string restore_phrases(std::string_view text, const std::vector<std::string>& phrases,
                            bool* changed = nullptr);

/// Words of hamlets and health facilities in place values, safe to restore anywhere.
const std::vector<std::string>& place_phrases();
/// Unit types ("tỉnh", "huyện", "xã", ...): restore only where a unit name then matches.
const std::vector<std::string>& unit_type_phrases();
/// Phrases of identity papers: "CMND số", "CCCD số", "Hộ chiếu số", ...
const std::vector<std::string>& id_paper_phrases();

}  // namespace ledger
