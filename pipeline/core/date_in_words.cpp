// Dates in Vietnamese words (see date_in_words.hpp).
#include "core/date_in_words.hpp"

namespace ledger {
namespace {

const char* const kDigits[] = {"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"};

// 0..99; `in_compound` says a higher digit precedes (so 5 reads "linh năm" there, not "năm").
std::string below_hundred(int n, bool in_compound, const WordsStyle& s) {
  const int tens = n / 10, units = n % 10;
  if (tens == 0) {
    if (!in_compound) return kDigits[units];
    return units == 0 ? "" : std::string(s.le ? "lẻ " : "linh ") + kDigits[units];
  }
  std::string out = tens == 1 ? "mười" : std::string(kDigits[tens]) + " mươi";
  if (units == 0) return out;
  if (units == 5) return out + " lăm";
  if (units == 1 && tens >= 2) return out + " mốt";
  if (units == 4 && tens >= 2) return out + " tư";
  return out + " " + kDigits[units];
}

}  // namespace

std::string number_in_words(int n, WordsStyle style) {
  if (n < 0 || n > 9999) return std::to_string(n);
  if (n < 100) return below_hundred(n, false, style);
  std::string out;
  const int thousands = n / 1000, hundreds = (n / 100) % 10, rest = n % 100;
  if (thousands > 0) out = std::string(kDigits[thousands]) + (style.ngan ? " ngàn" : " nghìn");
  if (thousands > 0 && hundreds == 0 && rest == 0) return out;
  if (!out.empty()) out += " ";
  out += std::string(kDigits[hundreds]) + " trăm";
  if (rest == 0) return out;
  return out + " " + below_hundred(rest, true, style);
}

std::string date_in_words(int day, int month, int year, WordsStyle style) {
  return "ngày " + number_in_words(day, style) + ", tháng " + (month == 4 ? std::string("tư") : number_in_words(month, style)) +
         ", năm " + number_in_words(year, style);
}

}  // namespace ledger
