// An identity paper written out as text (nycGiayTo, "Giấy tờ tùy thân": "CMND số 196262029"): a
// handwritten paper type is read badly far more often than its number ("CMMND số 195481524",
// "ŒŒ2 số 045903242460"), and the number's length tells the type.
#pragma once
#include <optional>
#include <string>

#include "fields/normalize.hpp"

namespace ledger {

/// Normalises a text value that is an identity paper: a paper type, "số", then the number.
///   text  NFC, folded
/// Returns nullopt when `text` does not end in a number of 9 or 12 digits, or what stands before
/// it is no paper type within reach: the text is then no identity paper, and stays as it is.
///  Notes:
///   1. The number's length names the types it can be: 9 digits a CMND (Chứng minh nhân dân,
///      the old card), 12 a CCCD (Căn cước công dân) or one of the 12-digit CMND issued from
///      2012. The type read is taken as the nearest such type in OCR's weighted distance
///      (lexicon_match.hpp), within 3 ("C10" is a CMND before 9 digits; an Œ counts as the two
///      touching Cs OCR made it of); with 12 digits it must be nearer one type than the other by 1.
///   2. The word "số" before the number may be read badly (`sô`, `sồ`, `Số`) or run into the type
///      or the number ("CMNDsố", "số045…"); the value is set out "<type> số <number>" ("<type>
///      <number>" when the writer wrote no "số").
///   3. `corrected` when the value differs from `text`. normalize_text, which calls this, adds the
///      free-text evidence (share of syllables not in the inventory), so the text calibration
///      reads it as before.
std::optional<NormalizedValue> normalize_id_paper(const std::string& text);

}  // namespace ledger
