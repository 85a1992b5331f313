// Restoring the diacritics of fixed phrases (see phrases.hpp).
#include "fields/phrases.hpp"

#include <utf8proc.h>

#include <algorithm>

#include "core/text.hpp"

namespace ledger {
namespace {

std::string bare(std::string_view s) { return to_lower(strip_diacritics(s)); }

// `want` with the case of `written`, letter by letter (same length in code points).
std::string with_case_of(const std::string& want, const std::string& written) {
  std::u32string w = to_u32(want), c = to_u32(written);
  if (w.size() != c.size()) return written;
  for (size_t i = 0; i < w.size(); ++i) {
    auto cp = static_cast<utf8proc_int32_t>(w[i]);
    w[i] = static_cast<char32_t>(is_upper_letter(c[i]) ? utf8proc_toupper(cp) : utf8proc_tolower(cp));
  }
  return to_utf8(w);
}

}  // namespace

std::string restore_phrases(std::string_view text, const std::vector<std::string>& phrases, bool* changed) {
  std::vector<std::string> words = split_words(text);
  // Trailing punctuation stays outside the match ("tinh," -> "tỉnh,").
  std::vector<std::string> core(words.size()), tail(words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    size_t end = words[i].size();
    while (end > 0 && (words[i][end - 1] == ',' || words[i][end - 1] == '.' || words[i][end - 1] == ':')) --end;
    core[i] = words[i].substr(0, end);
    tail[i] = words[i].substr(end);
  }
  struct Phrase {
    std::vector<std::string> words, bare_words;
  };
  std::vector<Phrase> ps;
  for (const auto& p : phrases) {
    Phrase x{split_words(nfc(p)), {}};
    for (const auto& w : x.words) x.bare_words.push_back(bare(w));
    ps.push_back(std::move(x));
  }
  std::stable_sort(ps.begin(), ps.end(), [](const Phrase& a, const Phrase& b) { return a.words.size() > b.words.size(); });
  for (size_t i = 0; i < words.size();) {
    size_t used = 1;
    for (const auto& p : ps) {
      size_t n = p.words.size();
      if (i + n > words.size()) continue;
      bool match = true;
      for (size_t k = 0; k < n && match; ++k) match = bare(core[i + k]) == p.bare_words[k] && (k + 1 == n || tail[i + k].empty());
      if (!match) continue;
      for (size_t k = 0; k < n; ++k) {
        std::string fixed = with_case_of(p.words[k], core[i + k]);
        if (fixed != core[i + k] && changed) *changed = true;
        words[i + k] = fixed + tail[i + k];
      }
      used = n;
      break;
    }
    i += used;
  }
  return join_words(words);
}

const std::vector<std::string>& place_phrases() {
  // Hamlet and health-facility words as registers write them, safe to restore anywhere: without
  // accents they are no other word a place would hold. ("bản", "tổ", "ấp" are left out: "ban",
  // "to", "ap" are too often something else.)
  static const std::vector<std::string> kPhrases{
      "thôn", "xóm", "khóm", "tổ dân phố", "khu phố", "khu vực", "bệnh viện", "trạm y tế",
      "trung tâm y tế", "đa khoa", "nhà hộ sinh", "phòng khám", "tại nhà"};
  return kPhrases;
}

const std::vector<std::string>& unit_type_phrases() {
  static const std::vector<std::string> kPhrases{"tỉnh", "thành phố", "huyện", "quận", "thị xã",
                                                 "thị trấn", "xã", "phường", "đặc khu"};
  return kPhrases;
}

const std::vector<std::string>& id_paper_phrases() {
  static const std::vector<std::string> kPhrases{"CMND số", "CCCD số", "Căn cước công dân số",
                                                 "Chứng minh nhân dân số", "Hộ chiếu số", "Giấy CMND số", "số"};
  return kPhrases;
}

}  // namespace ledger
