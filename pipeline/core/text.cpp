// Vietnamese text helpers (see text.hpp). Built on utf8proc for normalisation and case.
#include "core/text.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <memory>

namespace ledger {
namespace {

std::string map_with(std::string_view s, int options) {
  utf8proc_uint8_t* out = nullptr;
  auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                        static_cast<utf8proc_ssize_t>(s.size()), &out,
                        static_cast<utf8proc_option_t>(options));
  if (n < 0) {  // invalid UTF-8: replace bad bytes, then try again
    std::string repaired = to_utf8(to_u32(s));
    n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(repaired.data()),
                     static_cast<utf8proc_ssize_t>(repaired.size()), &out,
                     static_cast<utf8proc_option_t>(options));
    if (n < 0) return repaired;
  }
  std::string result(reinterpret_cast<char*>(out), static_cast<size_t>(n));
  std::free(out);
  return result;
}

bool is_tone_mark(char32_t c) {
  // grave, acute, tilde, hook above, dot below
  return c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 || c == 0x0323;
}

bool is_space(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0; }

}  // namespace

std::u32string to_u32(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
  while (left > 0) {
    utf8proc_int32_t cp;
    auto n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) {
      out.push_back(0xFFFD);
      n = 1;
    } else {
      out.push_back(static_cast<char32_t>(cp));
    }
    p += n;
    left -= n;
  }
  return out;
}

std::string to_utf8(std::u32string_view s) {
  std::string out;
  out.reserve(s.size());
  utf8proc_uint8_t buf[4];
  for (char32_t c : s) {
    auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(c), buf);
    out.append(reinterpret_cast<char*>(buf), static_cast<size_t>(n));
  }
  return out;
}

std::string nfc(std::string_view s) { return map_with(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE); }

std::string fold_whitespace(std::string_view s) {
  std::u32string in = to_u32(s), out;
  bool pending_space = false;
  for (char32_t c : in) {
    if (is_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  return to_utf8(out);
}

std::string clean_text(std::string_view s) { return fold_whitespace(nfc(s)); }

std::string to_lower(std::string_view s) {
  std::u32string u = to_u32(nfc(s));
  for (auto& c : u) c = static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(c)));
  return to_utf8(u);
}

std::string to_upper(std::string_view s) {
  std::u32string u = to_u32(nfc(s));
  for (auto& c : u) c = static_cast<char32_t>(utf8proc_toupper(static_cast<utf8proc_int32_t>(c)));
  return to_utf8(u);
}

bool is_upper_letter(char32_t c) {
  const auto cp = static_cast<utf8proc_int32_t>(c);
  return utf8proc_tolower(cp) != cp;
}

bool is_lower_letter(char32_t c) {
  const auto cp = static_cast<utf8proc_int32_t>(c);
  return utf8proc_toupper(cp) != cp;
}

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

std::string split_joined_words(const std::string& text, bool* changed) {
  std::u32string u = to_u32(text), out;
  for (size_t i = 0; i < u.size(); ++i) {
    if (i > 0 && is_upper_letter(u[i]) && is_lower_letter(u[i - 1])) {
      out.push_back(U' ');
      if (changed) *changed = true;
    }
    out.push_back(u[i]);
  }
  return to_utf8(out);
}

std::string capitalize_words(std::string_view s) {
  std::u32string u = to_u32(clean_text(s));
  bool start = true;
  for (auto& c : u) {
    if (is_space(c) || c == '-') {
      start = true;
      continue;
    }
    auto cp = static_cast<utf8proc_int32_t>(c);
    c = static_cast<char32_t>(start ? utf8proc_toupper(cp) : utf8proc_tolower(cp));
    start = false;
  }
  return to_utf8(u);
}

std::string strip_diacritics(std::string_view s) {
  std::u32string u = to_u32(map_with(s, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE)), out;
  for (char32_t c : u) {
    if (c >= 0x0300 && c <= 0x036F) continue;  // combining marks
    if (c == U'đ') c = U'd';
    if (c == U'Đ') c = U'D';
    out.push_back(c);
  }
  return to_utf8(out);
}

std::string tone_key(std::string_view s) {
  // Decompose, lower-case, then move each syllable's tone mark to the syllable's end, so that
  // "hoà" (old placement) and "hòa" (new placement) compare equal.
  std::u32string u = to_u32(map_with(to_lower(clean_text(s)), UTF8PROC_STABLE | UTF8PROC_DECOMPOSE));
  std::u32string out, syllable;
  char32_t tone = 0;
  auto flush = [&] {
    out += syllable;
    if (tone) out.push_back(tone);
    syllable.clear();
    tone = 0;
  };
  for (char32_t c : u) {
    if (is_tone_mark(c)) {
      tone = c;
    } else if (is_space(c) || c == '-' || c == ',' || c == '.') {
      flush();
      out.push_back(c);
    } else {
      syllable.push_back(c);
    }
  }
  flush();
  return to_utf8(out);
}

std::string join_words(const std::vector<std::string>& words, size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i < std::min(to, words.size()); ++i) out += (out.empty() ? "" : " ") + words[i];
  return out;
}

std::vector<std::string> split_cleaned(std::string_view s, char separator) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find(separator, start);
    if (end == std::string_view::npos) end = s.size();
    std::string piece = clean_text(s.substr(start, end - start));
    if (!piece.empty()) out.push_back(std::move(piece));
    start = end + 1;
  }
  return out;
}

std::vector<std::string> split_words(std::string_view s) {
  std::vector<std::string> words;
  std::string folded = fold_whitespace(s);
  size_t start = 0;
  while (start < folded.size()) {
    size_t end = folded.find(' ', start);
    if (end == std::string::npos) end = folded.size();
    words.emplace_back(folded.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

size_t utf8_length(std::string_view s) { return to_u32(s).size(); }

size_t edit_distance(std::string_view a, std::string_view b) {
  std::u32string x = to_u32(a), y = to_u32(b);
  std::vector<size_t> prev(y.size() + 1), cur(y.size() + 1);
  for (size_t j = 0; j <= y.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= x.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= y.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[y.size()];
}

std::string letters_and_digits(std::string_view s) {
  std::u32string out;
  for (char32_t c : to_u32(to_lower(nfc(s)))) {
    const bool keep = is_lower_letter(c) || is_upper_letter(c) || (c >= U'0' && c <= U'9');
    out.push_back(keep ? c : U' ');
  }
  return fold_whitespace(to_utf8(out));
}

}  // namespace ledger
