// The signer's line of a register entry (nguoiKy): the officer's name and title after a comma,
// "Lê Phi Thành, Phó Chủ tịch UBND xã". One officer signs a whole book, so the same line recurs
// on every page; read right, it is one value to confirm for the book.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "fields/normalize.hpp"

namespace ledger {

/// The titles a signer's line ends with, as registers write them: ("Phó") "Chủ tịch" of the
/// commune's people's committee, "UBND" or "Ủy ban nhân dân", of a "xã", "phường" or "thị
/// trấn"; the title alone; and the justice officers who sign in the committee's name.
const std::vector<std::string>& signer_titles();

/// Normalises a text value that is a signer's line: the name before the last comma is a
/// person's name (names.hpp), the text after it the nearest title of signer_titles().
///   text  NFC, folded
/// Returns nullopt when `text` has no comma, or what follows it is no title within reach: the
/// text is then no signer's line, and stays as it is.
///  Notes:
///   1. A title is within reach when its weighted distance (lexicon_match.hpp) is at most 15%
///      of its length, and at least 1: "Phó Chủ tịch UBWD xố" is "Phó Chủ tịch UBND xã".
///      "lexicon-ambiguous" when another title was nearly as close.
///   2. The name is corrected as names are, its title words kept apart; the value is "<name>,
///      <title>". `corrected` when either changed.
///   3. No free-text evidence here: normalize_text, which calls this, adds it to every text value
///      (the share of syllables not in the inventory, "unknown-syllables" when they are many), so
///      the text calibration reads the line as it read it before.
std::optional<NormalizedValue> normalize_signer(const std::string& text, const FieldContext& ctx);

}  // namespace ledger
