// Dropping rule debris from readings (see ocr_debris.hpp).
#include "fields/ocr_debris.hpp"

#include <utf8proc.h>

#include "core/text.hpp"

namespace ledger {
namespace {

bool is_letter_or_digit(char32_t c) {
  auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
  return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
         (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO) ||
         (cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME);
}

bool is_debris_token(const std::string& word) { return word == "|" || word == "_" || word == "||"; }

}  // namespace

std::string strip_rule_debris(const std::string& raw) {
  std::string joined;
  for (const std::string& word : split_words(clean_text(raw))) {
    if (is_debris_token(word)) continue;
    if (!joined.empty()) joined += ' ';
    joined += word;
  }
  std::u32string u = to_u32(joined);
  size_t begin = 0, end = u.size();
  while (begin < end && !is_letter_or_digit(u[begin])) ++begin;
  while (end > begin && !is_letter_or_digit(u[end - 1]) && u[end - 1] != U'.' && u[end - 1] != U')') --end;
  return fold_whitespace(to_utf8(u.substr(begin, end - begin)));
}

}  // namespace ledger
