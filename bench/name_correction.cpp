// Benchmark of lexicon correction on names: full names drawn from the name lexicons by
// frequency, one syllable damaged the way OCR damages Vietnamese (a tone or vowel mark dropped or
// changed, a look-alike letter), then normalised. Prints how often the name comes back right,
// how often it is flagged for review, and how often it comes back wrong without a flag (the
// errors that could be accepted).
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "core/text.hpp"
#include "core/compare.hpp"
#include "fields/lexicons.hpp"
#include "fields/names.hpp"

namespace {

std::string draw(const ledger::LexiconIndex& idx, std::mt19937& rng) {
  std::vector<double> w(idx.size());
  for (size_t i = 0; i < idx.size(); ++i) w[i] = idx.count(i);
  std::discrete_distribution<size_t> d(w.begin(), w.end());
  return idx.entry(d(rng));
}

// One OCR-like slip in `s`: a diacritic dropped (NFD mark removed) or a look-alike letter.
std::string damage(const std::string& s, std::mt19937& rng) {
  std::u32string u = ledger::to_u32(s);
  // Two times in three: drop the marks of one accented letter ("ễ" -> "e").
  std::u32string bare = ledger::to_u32(ledger::strip_diacritics(s));
  if (bare.size() == u.size() && bare != u && rng() % 3 != 0) {
    std::vector<size_t> marked;
    for (size_t i = 0; i < u.size(); ++i)
      if (u[i] != bare[i]) marked.push_back(i);
    size_t i = marked[rng() % marked.size()];
    u[i] = bare[i];
    return ledger::to_utf8(u);
  }
  const std::pair<char32_t, char32_t> looks[] = {{U'l', U'I'}, {U'i', U'l'}, {U'o', U'0'}, {U'n', U'h'},
                                                 {U'u', U'v'}, {U'c', U'e'}, {U'm', U'n'}};
  for (int tries = 0; tries < 10; ++tries) {
    size_t i = rng() % u.size();
    for (auto [a, b] : looks)
      if (u[i] == a) {
        u[i] = b;
        return ledger::to_utf8(u);
      }
  }
  return s;
}

}  // namespace

int main() {
  const ledger::Lexicons& lx = ledger::Lexicons::builtin();
  std::mt19937 rng(7);
  ledger::FieldContext ctx;
  ctx.lexicons = &lx;
  const int n = 3000;
  int damaged_right = 0, damaged_flagged = 0, damaged_wrong_unflagged = 0;
  int clean_right = 0, clean_flagged = 0, clean_wrong_unflagged = 0;
  for (int k = 0; k < n; ++k) {
    std::string name = draw(lx.names(ledger::NamePart::Surname), rng) + " " +
                       draw(lx.names(ledger::NamePart::Middle), rng) + " " + draw(lx.names(ledger::NamePart::Given), rng);
    auto words = ledger::split_words(name);
    size_t which = rng() % words.size();
    words[which] = damage(words[which], rng);
    std::string read;
    for (const auto& w : words) read += (read.empty() ? "" : " ") + w;
    for (bool damaged : {false, true}) {
      auto v = ledger::normalize_name(damaged ? read : name, ctx);
      bool right = ledger::values_match(ledger::FieldType::Name, v.value, name);
      bool flagged = !v.reasons.empty();
      int& r = damaged ? damaged_right : clean_right;
      int& f = damaged ? damaged_flagged : clean_flagged;
      int& w = damaged ? damaged_wrong_unflagged : clean_wrong_unflagged;
      r += right;
      f += flagged;
      w += !right && !flagged;
    }
  }
  std::printf("names read right:   right %.1f%%  flagged %.1f%%  wrong-unflagged %.2f%%\n", 100.0 * clean_right / n,
              100.0 * clean_flagged / n, 100.0 * clean_wrong_unflagged / n);
  std::printf("one syllable hurt:  right %.1f%%  flagged %.1f%%  wrong-unflagged %.2f%%\n", 100.0 * damaged_right / n,
              100.0 * damaged_flagged / n, 100.0 * damaged_wrong_unflagged / n);
  return 0;
}
