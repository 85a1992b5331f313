// Personal names: NFC, capitalised words, each syllable corrected against the name syllables
// of its position (surname, middle, given) when OCR misread it.
#pragma once
#include <string>

#include "fields/normalize.hpp"

namespace ledger {

/// Normalises a full name ("NGUYEN VĂN AN" -> "Nguyễn Văn An").
///  Notes:
///   (1) First syllable = surname, last = given name, the ones between = middle (matched
///       against middle and given syllables); a single word is a given name.
///   (2) A syllable equal to an entry up to case and tone placement is kept as written
///       ("Hoà" stays "Hoà"); a close one becomes the entry (corrected); one far from every
///       entry keeps its reading and adds "lexicon-miss".
///   (3) "lexicon-ambiguous": a correction decided by frequency alone, or an exact rare spelling
///       one diacritic away from a far more frequent one ("Thi" next to "Thị").
///   (4) Text after a comma is a title ("Trần Văn Định, Chủ tịch UBND xã", nguoiKy): kept as
///       written (NFC, folded), not corrected.
///   (5) lexicon_distance sums the syllables' distances; lexicon_margin is the smallest margin.
NormalizedValue normalize_name(const std::string& raw, const FieldContext& ctx);

/// How far a reading of `length` code points may be from a lexicon entry and still be corrected
/// to it: 0.5 (diacritic slips only) up to 2 letters, 1.0 up to 5, then 1.5. Hand-set: a real
/// letter error in a short syllable makes too many other syllables equally close.
double correction_limit(size_t length);

}  // namespace ledger
