// Vietnamese text helpers used by every stage that touches values: NFC, whitespace, case,
// accent stripping (with Đ/đ, which NFD does not decompose) and a tone-placement-blind key.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ledger {

/// UTF-8 -> code points; invalid bytes become U+FFFD.
std::u32string to_u32(std::string_view s);
/// Code points -> UTF-8.
std::string to_utf8(std::u32string_view s);

/// Unicode NFC (composed) form. Invalid UTF-8 is replaced, never thrown on.
std::string nfc(std::string_view s);
/// Trims and collapses every run of whitespace to one space.
std::string fold_whitespace(std::string_view s);
/// NFC + folded whitespace: the form every stored value is in.
std::string clean_text(std::string_view s);

std::string to_lower(std::string_view s);
std::string to_upper(std::string_view s);
/// "NGUYỄN văn an" -> "Nguyễn Văn An" (first letter of each space-separated word upper).
std::string capitalize_words(std::string_view s);

/// 0-9 (std::isdigit without its locale and sign pitfalls).
bool is_ascii_digit(char c);

/// A letter with a small form (so upper case), and its inverse: digits and marks are neither.
bool is_upper_letter(char32_t c);
bool is_lower_letter(char32_t c);

/// Words run together ("xãBa Tầng", "ThếNhung"): a Vietnamese syllable never has a capital after
/// a small letter, so a space goes between them. `changed` (optional) is set when one was added.
/// Capitals after capitals ("NT Lệ Ninh", "UBND") are left alone.
std::string split_joined_words(const std::string& text, bool* changed = nullptr);

/// Removes every diacritic: "Đặng Thị Hoà" -> "Dang Thi Hoa".
std::string strip_diacritics(std::string_view s);

/// A comparison key that ignores case and where the tone mark sits in a syllable:
/// "Hoà", "hòa" and "HOÀ" give the same key. Not for display.
std::string tone_key(std::string_view s);

/// Splits on whitespace.
std::vector<std::string> split_words(std::string_view s);

/// Splits on `separator` ("Xã A;Xã B", a place's comma parts): each piece cleaned (clean_text),
/// empty ones dropped.
std::vector<std::string> split_cleaned(std::string_view s, char separator);

/// Joins words[from, to) with single spaces (the inverse of split_words); `to` past the end
/// means up to the end. Empty words add no space until a word has been written.
std::string join_words(const std::vector<std::string>& words, size_t from = 0, size_t to = SIZE_MAX);

/// Number of code points.
size_t utf8_length(std::string_view s);

/// Levenshtein distance over code points.
size_t edit_distance(std::string_view a, std::string_view b);

/// Lower-case letters and digits, one space between words, every other sign a space:
/// "Viếng mười Hai, năm" -> "viếng mười hai năm". For comparing a bad reading with the words it
/// may be, where case and stray marks are the reader's slips.
std::string letters_and_digits(std::string_view s);

}  // namespace ledger
