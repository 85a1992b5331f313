// Dates written in Vietnamese words, as officers write them in the "Ghi bằng chữ" blank:
// "ngày chín, tháng một, năm hai nghìn không trăm linh tám" (ngàn/nghìn and lẻ/linh both occur).
#pragma once
#include <string>

namespace ledger {

/// How a writer spells numbers: "nghìn" or "ngàn", "linh" or "lẻ" for a zero tens digit.
struct WordsStyle {
  bool ngan = false;  // "ngàn" instead of "nghìn"
  bool le = false;    // "lẻ" instead of "linh"
};

/// 0..9999 in words: 8 -> "tám", 15 -> "mười lăm", 21 -> "hai mươi mốt", 2008 -> "hai nghìn
/// không trăm linh tám", 1995 -> "một nghìn chín trăm chín mươi lăm".
std::string number_in_words(int n, WordsStyle style = {});

/// "ngày <d>, tháng <m>, năm <y>" with each number in words (lower case, NFC).
std::string date_in_words(int day, int month, int year, WordsStyle style = {});

}  // namespace ledger
