// Place fields (birth place, residence, origin): kept as written, NFC and folded, with the
// administrative unit names in them corrected against the units in use in the book's year.
#pragma once
#include <string>

#include "fields/normalize.hpp"

namespace ledger {

/// Normalises a place reading ("Xã Hướng Phùng, huyện Hướng Hoá, tỉnh Quảng Trị").
///  Notes:
///   (1) Comma-separated parts are matched one by one; a leading unit type (Xã, Phường, Thị trấn,
///       Huyện, Thị xã, Thành phố, Tỉnh, Đặc khu) is kept as written and the name after it is
///       matched against the unit names of `ctx.book_year`'s era.
///   (2) A name equal up to case and tone placement is kept as written; a close one is replaced
///       by the lexicon's spelling (corrected). When no part names a known unit: "lexicon-miss".
///   (3) A unit name only known in another era (renamed, merged) adds "place-name-era".
///   (4) Accents OCR dropped are restored in hamlet/facility words anywhere ("Benh vien" ->
///       "Bệnh viện") and in unit types where the name after them then matches ("huyen Cam Lộ").
///       The type decides the level matched: "tỉnh Quang Bình" is the province Quảng Bình, not
///       the district Quang Bình.
///       The words of a health facility before its unit ("Trạm Ytế xã …", "Tạm Y tế xã …",
///       "Bệnh viện Đa kho tỉnh …") become its name as registers write it ("Trạm Y tế",
///       "Bệnh viện Đa khoa", …) when nearest it, spaces aside, within a quarter of its letters
///       and 1 nearer than any other; as written up to case and tone placement, they stay.
///   (5) Parts that are not units (hamlets, hospitals) are checked against the syllable
///       inventory: many unknown syllables add "unknown-syllables".
///   (6) A part no unit matched, right after a unit whose parent is known (a district, or a
///       commune whose name only one district has), is that parent when it is within half the
///       parent's name of it: "huyện Triệu Phong, tỉnh Quảng 77" (a hand's "Trị" read as digits)
///       or "…, tỉnh Quảr" (cut off) become "…, tỉnh Quảng Trị" (corrected). A real unit
///       written there is kept: the writer's slip is for the clerk to see.
///   (7) Slips of single letters, each flagged as corrected: words run together ("xãBa Tầng",
///       "TânHiệp": a small letter then a capital; "Trạm Y tếxã", "khoatỉnh": a letter before
///       "xã", "phường" or "tỉnh", which no syllable ends in) are split; a part's first word one
///       letter from "thôn" or "khóm" ("7hôn 1", a hand's T read as 7) is that word; and one letter
///       from a unit type ("xố Vĩnh Thái") is that type, but only when a unit's name follows.
///   (8) A unit that is not a child of the unit after it ("xã Ba Lòng, huyện Hướng Hóa": Ba Lòng
///       is in Đa Krông) becomes the child of that unit nearest it in OCR's weighted distance
///       (lexicon_match.hpp), when it is within half that child's name and 0.5 nearer than any
///       other: "xã Ba Tầng" (1.4; Tân Long 2.6). Otherwise it stays as written.
///   (9) The book's own units (`ctx.home`, from its folders): most people in a commune's book
///       were born and live there, so a hand read too badly for (2) ("Xã 8a 7ồng, huyện Hướng
///       Hóa, từ Quảng Tr/") is compared with them. The last three parts of a place of three
///       parts or more are its commune, district and province, taken from the province down:
///       one no unit matched becomes the book's unit of its rank when it is within half that
///       unit's written name ("xã Ba Tầng") and 0.5 nearer it than any other unit under the same
///       parent in OCR's weighted distance (as note 8). A province read no nearer another than
///       the book's ("tỉnh Quảng 77": Trị or Nam?) is the book's only when its district is then
///       clearly the book's among the districts of all of them. Otherwise a tie, a part that
///       names another unit, or a unit below it read exactly that is no child of the book's
///       ("Thành Phố Đồng Hới, tỉnh Quảng 8“" in a Quảng Trị book) ends the comparison;
///       so does a part longer than the unit's name by more than a quarter (a head with no type
///       to part it: "Tạm Ytế Triệu Giang"). A head before a unit type ("Trạm Y tế xã …") is kept.
///  (10) A place of one part that no unit matched is read whole against each province's
///       hospital ("Bệnh viện Đa khoa tỉnh …"): the one nearest, spaces aside, within a quarter
///       of its letters and 1 nearer than any other province's, with reason "lexicon-far" (a
///       guess for review): "Bệnh viện Đa khoatinh Quảng !r". "Quảng 77" (Trị or Nam?) stays.
NormalizedValue normalize_place(const std::string& raw, const FieldContext& ctx);

/// A place's comma-separated parts as written ("Thôn 1", "xã Ba Tầng", ...), each cleaned
/// (core/text.hpp clean_text); empty parts are dropped.
std::vector<std::string> place_parts(const std::string& s);

/// The units a book's folders name (BookInfo province, district, commune), smallest first, as
/// the lexicon knows them in `year`: each found by its name (with or without its type, up to
/// case and tone placement) among the children of the one above, or else by the one name that
/// matches without accents ("Quang_Tri/Huong Hoa/Xa Huong Phung": folders are often typed so).
/// Stops at the first name the lexicon does not know there; empty without a province.
std::vector<const PlaceUnit*> home_units(const std::string& province, const std::string& district,
                                         const std::string& commune, const Lexicons& lx, std::optional<int> year);

/// Share of the syllables of `text` (words with letters) that are not in the inventory, and
/// their count; {0, 0} when `text` has no such words.
std::pair<double, size_t> unknown_syllable_share(const std::string& text, const Lexicons& lx);

/// Adds "unknown-syllables" to `v` when more than a third of the syllables of its value, and at
/// least two, are not in the inventory: likely misread text (a guess, not tuned; calibration
/// sees the share too). Returns the share (unknown_syllable_share).
double flag_unknown_syllables(NormalizedValue& v, const Lexicons& lx);

}  // namespace ledger
