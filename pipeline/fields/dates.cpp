// Dates written in digits (see dates.hpp).
#include "fields/dates.hpp"

#include <fmt/format.h>

#include <cctype>

#include "core/text.hpp"

namespace ledger {
namespace {

// A letter OCR often reads in place of a digit, or 0 when it is no such letter.
char digit_for(char c) {
  switch (c) {
    case 'O': case 'o': case 'D': case 'Q': return '0';
    case 'l': case 'I': case '|': case 'i': case 'L': case '!': return '1';
    case 'Z': case 'z': return '2';
    case 'S': case 's': return '5';
    case 'b': case 'G': return '6';
    case 'B': return '8';
    case 'g': case 'q': return '9';
    default: return 0;
  }
}

bool token_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '|' || c == '!'; }

struct Number {
  std::string digits;
  bool fixed = false;
};

// The number-like tokens of `s` in order (see note 1 of parse_date_text).
std::vector<Number> number_tokens(const std::string& s) {
  std::vector<Number> out;
  size_t i = 0;
  while (i < s.size()) {
    if (!token_char(s[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < s.size() && token_char(s[j])) ++j;
    std::string tok = s.substr(i, j - i);
    i = j;
    size_t digits = 0;
    for (char c : tok) digits += std::isdigit(static_cast<unsigned char>(c)) ? 1 : 0;
    if (digits == 0 || digits * 2 < tok.size()) continue;
    Number n;
    bool ok = true;
    for (char c : tok) {
      if (std::isdigit(static_cast<unsigned char>(c))) {
        n.digits.push_back(c);
      } else if (char d = digit_for(c)) {
        n.digits.push_back(d);
        n.fixed = true;
      } else {
        ok = false;
      }
    }
    if (ok) out.push_back(std::move(n));
  }
  return out;
}

int to_int(const std::string& d) { return d.empty() || d.size() > 9 ? -1 : std::stoi(d); }

int expand_year(int yy, std::optional<int> book_year) {
  int pivot = book_year ? (*book_year % 100) : 30;  // a two-digit year after the book's is 19xx
  int century = book_year ? (*book_year / 100) * 100 : 2000;
  return yy <= pivot ? century + yy : century - 100 + yy;
}

}  // namespace

bool is_valid_date(int day, int month, int year) {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int max = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  return day <= max;
}

std::string format_date(const SimpleDate& d) {
  if (d.year_only()) return fmt::format("{:04d}", d.year);
  return fmt::format("{:02d}.{:02d}.{:04d}", d.day, d.month, d.year);
}

int compare_dates(const SimpleDate& a, const SimpleDate& b) {
  if (a.year != b.year) return a.year < b.year ? -1 : 1;
  if (a.year_only() || b.year_only()) return 0;
  if (a.month != b.month) return a.month < b.month ? -1 : 1;
  if (a.day != b.day) return a.day < b.day ? -1 : 1;
  return 0;
}

DateParse parse_date_text(std::string_view text, std::optional<int> book_year) {
  DateParse r;
  std::string s = clean_text(text);
  auto nums = number_tokens(s);
  for (const auto& n : nums) r.ocr_fixed = r.ocr_fixed || n.fixed;

  auto set_year = [&](const std::string& y) -> bool {
    if (y.size() == 4) {
      r.as_written.year = to_int(y);
      return true;
    }
    if (y.size() == 2) {
      r.as_written.year = expand_year(to_int(y), book_year);
      r.two_digit_year = true;
      return true;
    }
    return false;
  };

  if (nums.size() == 1 && nums[0].digits.size() == 4) {  // a year alone
    r.numbers_found = set_year(nums[0].digits);
  } else if (nums.size() == 1 && nums[0].digits.size() == 8) {  // ddmmyyyy typed without separators
    const auto& d = nums[0].digits;
    r.as_written.day = to_int(d.substr(0, 2));
    r.as_written.month = to_int(d.substr(2, 2));
    r.numbers_found = set_year(d.substr(4));
  } else if (nums.size() == 3) {
    const auto& a = nums[0].digits;
    const auto& b = nums[1].digits;
    const auto& c = nums[2].digits;
    if (a.size() == 4 && b.size() <= 2 && c.size() <= 2) {  // yyyy-mm-dd
      r.as_written = {to_int(c), to_int(b), to_int(a)};
      r.numbers_found = true;
    } else if (a.size() <= 2 && b.size() <= 2) {
      r.as_written.day = to_int(a);
      r.as_written.month = to_int(b);
      r.numbers_found = set_year(c);
    }
  }
  if (!r.numbers_found) return r;
  const auto& w = r.as_written;
  if (w.year_only()) {
    r.date = w;
  } else if (is_valid_date(w.day, w.month, w.year)) {
    r.date = w;
  } else {
    r.impossible = true;
  }
  return r;
}

std::optional<SimpleDate> parse_date(std::string_view text, std::optional<int> book_year) {
  return parse_date_text(text, book_year).date;
}

std::optional<SimpleDate> parse_normalized_date(std::string_view v) {
  auto digits = [&](size_t from, size_t n) {
    for (size_t i = from; i < from + n; ++i)
      if (!std::isdigit(static_cast<unsigned char>(v[i]))) return false;
    return true;
  };
  if (v.size() == 4 && digits(0, 4)) return SimpleDate{0, 0, std::stoi(std::string(v))};
  if (v.size() == 10 && digits(0, 2) && v[2] == '.' && digits(3, 2) && v[5] == '.' && digits(6, 4)) {
    SimpleDate d{std::stoi(std::string(v.substr(0, 2))), std::stoi(std::string(v.substr(3, 2))),
                 std::stoi(std::string(v.substr(6, 4)))};
    if (is_valid_date(d.day, d.month, d.year)) return d;
  }
  return std::nullopt;
}

}  // namespace ledger
