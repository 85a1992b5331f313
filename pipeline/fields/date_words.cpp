// Dates written in Vietnamese words (see date_words.hpp).
#include "fields/date_words.hpp"

#include <algorithm>
#include <cctype>

#include "core/text.hpp"
#include "fields/lexicon_match.hpp"

namespace ledger {
namespace {

// Every word a date in words is made of.
const LexiconIndex& vocabulary() {
  static const LexiconIndex idx = [] {
    LexiconIndex v;
    for (const char* w : {"ngày", "tháng", "năm", "mùng", "mồng", "không", "một", "mốt", "hai", "ba",
                          "bốn", "tư", "lăm", "nhăm", "sáu", "bảy", "bẩy", "tám", "chín", "mười",
                          "mươi", "trăm", "nghìn", "ngàn", "linh", "lẻ", "giêng", "chạp"})
      v.add(w);
    return v;
  }();
  return idx;
}

std::optional<int> digit_word(const std::string& w) {
  static const std::pair<const char*, int> kDigits[] = {
      {"không", 0}, {"một", 1}, {"mốt", 1}, {"hai", 2}, {"ba", 3}, {"bốn", 4}, {"tư", 4},
      {"năm", 5},   {"lăm", 5}, {"nhăm", 5}, {"sáu", 6}, {"bảy", 7}, {"bẩy", 7}, {"tám", 8}, {"chín", 9}};
  for (const auto& [word, d] : kDigits)
    if (w == word) return d;
  return std::nullopt;
}

bool all_digits(const std::string& w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// How a writer set out a date in words, from the tokens as read: all in capitals, a capital
// first word, commas between the parts. A word out of that style ("ngàY", "haI", "Bẩy" inside
// a lower-case date) and a stray mark ("ngày/", "tư;") are misreadings, not the writer's.
struct WrittenStyle {
  bool upper = false, capital_first = false, commas = false;
};

WrittenStyle style_of(const std::vector<std::string>& tokens) {
  WrittenStyle st;
  int upper = 0, lower = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string& t = tokens[i];
    if (to_lower(t) == t) {
      if (to_upper(t) != t) ++lower;  // has letters, all small
    } else if (to_upper(t) == t) {
      ++upper;
    }
    // A mark between parts (a comma, or a comma read as ';' or '.'), not one closing the date.
    if (i + 1 < tokens.size() && t.find_first_of(",;.") != std::string::npos) st.commas = true;
  }
  st.upper = upper > lower;
  if (!tokens.empty() && !st.upper) {
    const std::string first = to_lower(tokens[0]);
    st.capital_first = tokens[0] != first && capitalize_words(first) == tokens[0];
  }
  return st;
}

// The words of a full date in the writer's style: "ngày <day>, tháng <month>, năm <year>".
std::string in_style(const std::vector<std::string>& words, size_t month_at, size_t year_at, const WrittenStyle& st) {
  const std::string sep = st.commas ? ", " : " ";
  std::string text = join_words(words, 0, month_at) + sep + join_words(words, month_at, year_at) + sep +
                     join_words(words, year_at);
  if (st.upper) return to_upper(text);
  if (!st.capital_first) return text;
  const size_t space = text.find(' ');
  return capitalize_words(text.substr(0, space)) + (space == std::string::npos ? "" : text.substr(space));
}

}  // namespace

std::optional<int> parse_number_words(const std::vector<std::string>& words) {
  if (words.empty()) return std::nullopt;
  if (words.size() == 1 && all_digits(words[0]) && words[0].size() <= 4) return std::stoi(words[0]);
  // A year read digit by digit: "hai không không tám" = 2008.
  if (words.size() >= 3 && std::all_of(words.begin(), words.end(), [](const std::string& w) {
        return digit_word(w).has_value() && w != "mốt" && w != "tư" && w != "lăm" && w != "nhăm";
      })) {
    int v = 0;
    for (const auto& w : words) v = v * 10 + *digit_word(w);
    return v;
  }
  long total = 0, group = 0;
  std::optional<int> pending;  // a digit word not yet placed
  bool any = false;
  int run = 0;  // digit words in a row: two make a short form, three are not a number here
  for (const auto& w : words) {
    run = digit_word(w) ? run + 1 : 0;
    if (run >= 3) return std::nullopt;
    if (w == "linh" || w == "lẻ") {  // "no tens": the next digit is units
      if (pending) return std::nullopt;
      continue;
    }
    if (w == "mươi") {
      if (!pending) return std::nullopt;
      group += *pending * 10;
      pending.reset();
    } else if (w == "mười") {
      if (pending) return std::nullopt;
      group += 10;
    } else if (w == "trăm") {
      group += (pending ? *pending : 1) * 100;
      pending.reset();
    } else if (w == "nghìn" || w == "ngàn") {
      long g = group + (pending ? *pending : 0);
      total += (g == 0 ? 1 : g) * 1000;
      group = 0;
      pending.reset();
    } else if (auto d = digit_word(w)) {
      if (pending) {  // spoken short form: "hai mốt" = 21, "hai lăm" = 25 (never after a 0)
        if (*pending == 0) return std::nullopt;
        group += *pending * 10;
      }
      pending = *d;
    } else {
      return std::nullopt;
    }
    any = true;
  }
  if (!any) return std::nullopt;
  return static_cast<int>(total + group + (pending ? *pending : 0));
}

DateWordsParse parse_date_words(std::string_view text) {
  DateWordsParse r;
  // Tokens as written; each one's core (punctuation stripped) is matched to the vocabulary,
  // digits are kept as they are. `r.text` is rebuilt with the corrected cores.
  std::vector<std::string> words, tokens;
  std::string rebuilt;
  auto punct = [](char c) { return c == ',' || c == '.' || c == ';' || c == ':' || c == '-' || c == '/'; };
  for (const auto& token : split_words(clean_text(text))) {
    // A token of marks alone ("`", "'", "!" between "hai" and "mươi") is a speck, no word.
    const std::u32string u = to_u32(token);
    if (std::none_of(u.begin(), u.end(), [](char32_t c) { return is_upper_letter(c) || is_lower_letter(c) || (c >= U'0' && c <= U'9'); }))
      continue;
    tokens.push_back(token);
    size_t a = 0, b = token.size();
    while (a < b && punct(token[a])) ++a;
    while (b > a && punct(token[b - 1])) --b;
    std::string core = token.substr(a, b - a), shown = core;
    // Inner punctuation ("chín,tháng"): treat as separate words, no rewriting.
    std::string spaced = to_lower(core);
    for (char& c : spaced)
      if (punct(c)) c = ' ';
    for (const auto& raw : split_words(spaced)) {
      if (all_digits(raw)) {
        words.push_back(raw);
        continue;
      }
      if (auto exact = vocabulary().find_exact(raw)) {
        std::string entry = vocabulary().entry(*exact);
        // Tone slips that make another real number word: "mươi" (tens) and "mốt" (units after
        // tens) cannot start a number, so there they are "mười" and "một" ("tháng mươi hai" = 12).
        std::string prev = words.empty() ? "" : words.back();
        auto d = digit_word(prev);
        bool tens_before = (d && *d >= 2) || prev == "mươi";  // "năm mươi" is 50 too
        std::string fixed = entry == "mươi" && !tens_before ? "mười"
                            : entry == "mốt" && !tens_before ? "một" : entry;
        if (fixed != entry) {
          r.corrected = true;
          r.distance += 0.3;  // one tone slip (lexicon_match's diacritic cost)
          if (raw == to_lower(core)) shown = fixed;
        }
        words.push_back(fixed);
        continue;
      }
      // A misread word: accept the nearest number word when clearly nearest (limit 1.0: one real
      // letter error, or up to three diacritic slips on a short word).
      auto m = vocabulary().best(raw, nullptr, 1.0);
      if (!m.found) return r;
      r.corrected = true;
      r.distance += m.distance;
      std::string entry = m.entry;
      bool settled = false;
      if (m.margin < 0.1 && m.runner_up) {
        // "muoi", "mot": which of mười/mươi, một/mốt follows from the word before (grammar).
        std::string other = vocabulary().entry(*m.runner_up);
        auto pair_is = [&](const char* a, const char* b) {
          return (entry == a && other == b) || (entry == b && other == a);
        };
        std::string prev = words.empty() ? "" : words.back();
        auto d = digit_word(prev);
        // ("năm" before is the year keyword far more often than the five of "năm mốt" = 51.)
        bool tens_before = d && *d >= 2 && prev != "mốt" && prev != "lăm" && prev != "năm";
        if (pair_is("mười", "mươi")) {
          entry = tens_before ? "mươi" : "mười";
          settled = true;
        } else if (pair_is("một", "mốt")) {
          entry = prev == "mươi" || tens_before ? "mốt" : "một";
          settled = true;
        }
      }
      if (m.margin < 0.1 && !settled) r.ambiguous = true;
      m.entry = entry;
      words.push_back(m.entry);
      if (raw == to_lower(core)) {  // the whole core was this word: show the correct spelling
        bool upper = to_upper(core) == core, capital = !upper && capitalize_words(core) == core;
        shown = upper ? to_upper(m.entry) : capital ? capitalize_words(m.entry) : m.entry;
      }
    }
    if (!rebuilt.empty()) rebuilt += ' ';
    rebuilt += token.substr(0, a) + shown + token.substr(b);
  }
  r.text = rebuilt;
  auto find = [&](const std::string& w, size_t from) {
    return static_cast<size_t>(std::find(words.begin() + static_cast<long>(std::min(from, words.size())), words.end(), w) - words.begin());
  };
  size_t month_at = find("tháng", 0);
  if (month_at == words.size()) {  // a year alone: "năm hai nghìn lẻ tám"
    size_t start = !words.empty() && words[0] == "năm" && words.size() > 1 ? 1 : 0;
    auto y = parse_number_words({words.begin() + static_cast<long>(start), words.end()});
    if (y && *y >= 1000 && *y <= 2999) r.date = SimpleDate{0, 0, *y};
    return r;
  }
  // Day: the words before "tháng", without "ngày" and "mùng"/"mồng".
  std::vector<std::string> day_words;
  for (size_t i = 0; i < month_at; ++i)
    if (words[i] != "ngày" && words[i] != "mùng" && words[i] != "mồng") day_words.push_back(words[i]);
  auto day = parse_number_words(day_words);
  if (!day) return r;
  // Month and year: try each "năm" after "tháng" as the year keyword (note 2).
  for (size_t k = find("năm", month_at + 1); k < words.size(); k = find("năm", k + 1)) {
    std::vector<std::string> mw(words.begin() + static_cast<long>(month_at) + 1, words.begin() + static_cast<long>(k));
    std::vector<std::string> yw(words.begin() + static_cast<long>(k) + 1, words.end());
    std::optional<int> month;
    if (mw.size() == 1 && mw[0] == "giêng") month = 1;
    else if (mw.size() == 1 && mw[0] == "chạp") month = 12;
    else month = parse_number_words(mw);
    auto year = parse_number_words(yw);
    if (!month || !year || *month < 1 || *month > 12 || *year < 1000 || *year > 2999) continue;
    if (is_valid_date(*day, *month, *year)) {
      r.date = SimpleDate{*day, *month, *year};
      r.impossible = false;
      r.text = in_style(words, month_at, k, style_of(tokens));
      return r;
    }
    r.impossible = true;  // keep looking: another split may still make a real date
  }
  return r;
}

std::string date_words_to_date(std::string_view text) {
  auto p = parse_date_words(text);
  return p.date ? format_date(*p.date) : std::string();
}

}  // namespace ledger
