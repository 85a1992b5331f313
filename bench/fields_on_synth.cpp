// Benchmark of the field normalisers and record rules on generated register entries (no OCR):
// each entry's written text ("05/3/2010", "NGUYỄN VĂN AN", "Vân Kiều") is normalised and scored
// against its ground truth with the evaluation rule; the rules run on the true values. Prints,
// per field type, how often the normalised value is right and how often a reason is raised, and
// how often a rule fires on a correct record (false alarms): the ceiling for perfect OCR.
#include <cstdio>
#include <map>
#include <random>
#include <string>

#include "core/text.hpp"

#include "evaluate/scoring.hpp"
#include "core/compare.hpp"
#include "fields/lexicons.hpp"
#include "fields/normalize.hpp"
#include "fields/record_rules.hpp"
#include "synth/record_generator.hpp"
#include "synth/synth_lexicon.hpp"

namespace {

// One OCR-like slip: the marks of one accented letter dropped ("ễ" -> "e"), or for text without
// accents a digit read as a look-alike letter (0 -> O, 1 -> l). "" when nothing to damage.
std::string damage(const std::string& s, std::mt19937& rng) {
  std::u32string u = ledger::to_u32(s), bare = ledger::to_u32(ledger::strip_diacritics(s));
  std::vector<size_t> at;
  if (bare.size() == u.size())
    for (size_t i = 0; i < u.size(); ++i)
      if (u[i] != bare[i]) at.push_back(i);
  if (!at.empty()) {
    size_t i = at[rng() % at.size()];
    u[i] = bare[i];
    return ledger::to_utf8(u);
  }
  for (size_t i = 0; i < u.size(); ++i)
    if (u[i] == U'0' || u[i] == U'1') at.push_back(i);
  if (at.empty()) return "";
  size_t i = at[rng() % at.size()];
  u[i] = u[i] == U'0' ? U'O' : U'l';
  return ledger::to_utf8(u);
}

}  // namespace

int main() {
  using namespace ledger;
  std::mt19937 rng(11);
  struct Hurt {
    int n = 0, right = 0, flagged = 0, wrong_unflagged = 0;
  };
  std::map<std::string, Hurt> hurt;
  const Lexicons& lx = Lexicons::builtin();
  synth::SynthLexicon slx = synth::load_synth_lexicon(LEDGER_SOURCE_DIR);
  struct Count {
    int n = 0, right = 0, flagged = 0;
  };
  std::map<std::string, Count> by_type;
  std::map<std::string, int> rule_alarms;
  std::map<std::string, std::vector<std::string>> examples;  // a few per type
  int records = 0;
  for (int year : {2008, 2012, 2017, 2021}) {
    synth::SynthBook book;
    book.year = year;
    book.layout_id = year >= 2016 ? "ks-2016" : "ks-2006";
    auto communes = slx.communes_in(year);
    if (!communes.empty()) book.unit = *communes.front();
    synth::RecordGenerator gen(slx, book, 1000 + year);
    for (int i = 0; i < 250; ++i) {
      synth::SynthRecord rec = gen.next(1 + i);
      DraftRecord draft;
      for (const auto& [key, sv] : rec.fields) {
        FieldType type = field_type_for_key(key);
        DraftField df;
        df.type = type;
        df.value = sv.value;
        draft.fields.emplace_back(key, df);
        if (sv.text.empty()) continue;
        FieldContext ctx;
        ctx.key = key;
        ctx.book_year = year;
        ctx.lexicons = &lx;
        NormalizedValue v = normalize_field(type, sv.text, ctx);
        Count& c = by_type[std::string(to_string(type))];
        ++c.n;
        bool right = values_match(type, v.value, sv.value);
        c.right += right;
        c.flagged += !v.reasons.empty();
        std::string t(to_string(type));
        if (std::string d = damage(sv.text, rng); !d.empty()) {
          NormalizedValue h = normalize_field(type, d, ctx);
          bool ok = values_match(type, h.value, sv.value);
          Hurt& x = hurt[t];
          ++x.n;
          x.right += ok;
          x.flagged += !h.reasons.empty();
          x.wrong_unflagged += !ok && h.reasons.empty();
        }
        if ((!right || !v.reasons.empty()) && examples[t].size() < 3)
          examples[t].push_back(key + ": '" + sv.text + "' -> '" + v.value + "' (truth '" + sv.value + "')" +
                                (v.reasons.empty() ? "" : " [" + v.reasons.front() + "]"));
      }
      apply_record_rules(draft, year);
      for (const auto& [key, f] : draft.fields)
        for (const auto& r : f.reasons) ++rule_alarms[r];
      ++records;
    }
  }
  std::printf("%d generated records, lexicons from models/lexicons, synth lists from %s\n", records, slx.source.c_str());
  for (const auto& [t, c] : by_type)
    std::printf("%-12s %5d fields  right %6.2f%%  flagged %6.2f%%\n", t.c_str(), c.n, 100.0 * c.right / c.n,
                100.0 * c.flagged / c.n);
  for (const auto& [t, es] : examples)
    for (const auto& e : es) std::printf("  e.g. %s\n", e.c_str());
  std::printf("with one OCR-like slip per value (a letter's accents dropped, or 0/1 read O/l):\n");
  for (const auto& [t, x] : hurt)
    std::printf("%-12s %5d fields  right %6.2f%%  flagged %6.2f%%  wrong-unflagged %5.2f%%\n", t.c_str(), x.n,
                100.0 * x.right / x.n, 100.0 * x.flagged / x.n, 100.0 * x.wrong_unflagged / x.n);
  std::printf("rule alarms on true values:");
  if (rule_alarms.empty()) std::printf(" none");
  for (const auto& [r, n] : rule_alarms) std::printf(" %s=%d", r.c_str(), n);
  std::printf("\n");
  return 0;
}
