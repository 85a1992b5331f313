// Identity papers written as text (see id_paper.hpp).
#include "fields/id_paper.hpp"

#include <algorithm>
#include <cmath>

#include "core/text.hpp"
#include "fields/lexicon_match.hpp"

namespace ledger {
namespace {

// The text before the trailing number and its digits: "CMND số 19 626 2029" -> {"CMND số",
// "196262029"}. Spaces and dots inside the number go; nothing else may stand among its digits.
std::pair<std::string, std::string> split_number(const std::string& text) {
  size_t at = text.size();
  std::string digits;
  while (at > 0) {
    const char c = text[at - 1];
    if (is_ascii_digit(c)) digits.insert(digits.begin(), c);
    else if (c != ' ' && c != '.') break;
    --at;
  }
  return {text.substr(0, at), digits};
}

// The prefix without its "số" (read as `sô`, `sồ`, `Số`, or run into the type: "CMNDsố");
// `had_so` tells whether it was there.
std::string without_so(const std::string& prefix, bool& had_so) {
  std::u32string u = to_u32(prefix);
  while (!u.empty() && (u.back() == U' ' || u.back() == U':')) u.pop_back();
  had_so = u.size() >= 2 && weighted_distance(to_utf8(u.substr(u.size() - 2)), "số") <= 0.6;
  if (had_so) u.resize(u.size() - 2);
  while (!u.empty() && (u.back() == U' ' || u.back() == U')' || u.back() == U'?')) u.pop_back();
  return to_utf8(u);
}

}  // namespace

std::optional<NormalizedValue> normalize_id_paper(const std::string& text) {
  const auto [prefix, digits] = split_number(text);
  if (digits.size() != 9 && digits.size() != 12) return std::nullopt;
  bool had_so = false;
  const std::string type_read = without_so(prefix, had_so);
  if (type_read.empty()) return std::nullopt;
  // OCR makes an Œ of two touching handwritten Cs ("ŒŒ2" for CCCD).
  std::u32string compared;
  for (char32_t c : to_u32(type_read)) compared += c == U'Œ' || c == U'œ' ? std::u32string(U"CC") : std::u32string(1, c);
  const double to_cmnd = weighted_distance(to_utf8(compared), "CMND");
  const double to_cccd = weighted_distance(to_utf8(compared), "CCCD");
  std::string type;
  if (digits.size() == 9) {
    if (to_cmnd <= 3) type = "CMND";
  } else if (std::min(to_cmnd, to_cccd) <= 3 && std::abs(to_cmnd - to_cccd) >= 1) {
    type = to_cmnd < to_cccd ? "CMND" : "CCCD";
  }
  if (type.empty()) return std::nullopt;
  NormalizedValue out;
  out.value = type + (had_so ? " số " : " ") + digits;  // a "số" the writer left out stays out
  out.parsed = true;
  out.corrected = out.value != text;
  return out;
}

}  // namespace ledger
