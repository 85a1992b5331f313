// Duplicate detection: comparison keys, blocking, the two rules (see duplicates.hpp).
#include "campaign/duplicates.hpp"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_sort.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstdint>
#include <functional>
#include <unordered_map>

#include "core/text.hpp"

namespace ledger {

std::string to_string(DuplicateRule rule) {
  return rule == DuplicateRule::SameRegistration ? "same-registration" : "same-person";
}

namespace {

uint64_t hash_str(std::string_view s) {
  // FNV-1a: stable across runs and platforms, so block order (and output order) is too.
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return s.empty() ? 0 : h;
}

uint64_t mix(uint64_t a, uint64_t b) {
  a ^= b + 0x9e3779b97f4a7c15ull + (a << 6) + (a >> 2);
  return a * 0xff51afd7ed558ccdull;
}

/// "01/2017" -> "1/2017", " 011 " -> "11": number parts without leading zeros, no spaces.
std::string norm_number(std::string_view s) {
  std::string out, part;
  auto flush = [&] {
    size_t nz = part.find_first_not_of('0');
    if (!part.empty()) out += nz == std::string::npos ? "0" : part.substr(nz);
    part.clear();
  };
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c))) continue;
    if (c == '/' || c == '-' || c == '.') {
      flush();
      out += '/';
    } else {
      part += char(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  flush();
  return out;
}

/// yyyymmdd; month and day 0 when only the year is known; -1 when unknown or unparsable.
int parse_date(std::string_view s) {
  std::vector<int> nums;
  std::vector<size_t> lens;
  int cur = -1;
  size_t len = 0;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      cur = (cur < 0 ? 0 : cur * 10) + (c - '0');
      ++len;
      if (len > 4) return -1;
    } else if (cur >= 0) {
      nums.push_back(cur), lens.push_back(len), cur = -1, len = 0;
    }
  }
  if (cur >= 0) nums.push_back(cur), lens.push_back(len);
  auto ok = [](int y, int m, int d) { return y >= 1800 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= 31; };
  if (nums.size() == 1 && lens[0] == 4) return nums[0] >= 1800 && nums[0] <= 2200 ? nums[0] * 10000 : -1;
  if (nums.size() != 3) return -1;
  if (lens[0] == 4 && ok(nums[0], nums[1], nums[2])) return nums[0] * 10000 + nums[1] * 100 + nums[2];
  if (lens[2] == 4 && ok(nums[2], nums[1], nums[0])) return nums[2] * 10000 + nums[1] * 100 + nums[0];
  return -1;
}

int parse_sex(std::string_view s) {
  static const std::string nam = tone_key("Nam"), nu = tone_key("Nữ");
  std::string k = tone_key(s);
  if (k == "1" || k == nam) return 1;
  if (k == "2" || k == nu) return 2;
  return 0;
}

/// A name's comparison forms: the tone key (kept for edit distances) and hashes.
struct NameKey {
  std::string tone;
  uint64_t tone_h = 0, plain_h = 0, given_h = 0;
  size_t words = 0;
};

NameKey name_key(std::string_view raw) {
  NameKey k;
  k.tone = tone_key(raw);
  if (k.tone.empty()) return k;
  std::string plain = strip_diacritics(k.tone);
  k.tone_h = hash_str(k.tone);
  k.plain_h = hash_str(plain);
  auto words = split_words(plain);
  k.words = words.size();
  k.given_h = words.empty() ? 0 : hash_str(words.back());
  return k;
}

struct Keys {
  NameKey name, mother, father;
  int date = -1;
  int sex = 0;
  uint64_t reg_h = 0;   // unit + quyenSo + so, 0 when one is missing
  uint64_t book_h = 0;  // unit + quyenSo, 0 when one is missing
};

/// Keys already made for a text: names, units and sexes repeat a lot across a campaign, and
/// core's tone_key is the expensive part of making keys (~10 us a name on the 2-core machine).
struct KeyCache {
  std::unordered_map<std::string, NameKey> names;
  std::unordered_map<std::string, uint64_t> units;
  std::unordered_map<std::string, int> sexes;
  static constexpr size_t kMaxNames = 300000;  // bounds memory (~50 MB a thread)

  const NameKey& name(const std::string& raw) {
    auto it = names.find(raw);
    if (it != names.end()) return it->second;
    if (names.size() >= kMaxNames) names.clear();
    return names.emplace(raw, name_key(raw)).first->second;
  }
  uint64_t unit(const std::string& raw) {
    auto it = units.find(raw);
    if (it != units.end()) return it->second;
    return units[raw] = hash_str(tone_key(raw));
  }
  int sex(const std::string& raw) {
    auto it = sexes.find(raw);
    if (it != sexes.end()) return it->second;
    return sexes[raw] = parse_sex(raw);
  }
};

Keys make_keys(const PersonRecord& p, KeyCache& cache) {
  Keys k;
  k.name = cache.name(p.name);
  k.mother = cache.name(p.mother);
  k.father = cache.name(p.father);
  k.date = parse_date(p.birth_date);
  k.sex = cache.sex(p.sex);
  uint64_t unit = cache.unit(p.unit);
  std::string quyen = norm_number(p.quyen_so), so = norm_number(p.so);
  if (unit && !quyen.empty()) k.book_h = mix(unit, hash_str(quyen));
  if (k.book_h && !so.empty()) k.reg_h = mix(k.book_h, hash_str(so));
  return k;
}

size_t plain_distance(const NameKey& a, const NameKey& b) {
  return edit_distance(strip_diacritics(a.tone), strip_diacritics(b.tone));
}

/// Compares two parents' names: 0.5 when one is unknown (neutral), -1 when they differ.
double parent_score(const NameKey& a, const NameKey& b, const char* who, std::vector<std::string>* why) {
  auto say = [&](const char* what) {
    if (why) why->push_back(std::string(who) + what);
  };
  if (!a.tone_h || !b.tone_h) return say("-unknown"), 0.5;
  if (a.tone_h == b.tone_h) return say("-same"), 1.0;
  if (a.plain_h == b.plain_h) return say("-accents-differ"), 0.85;
  // One slipped letter in a name of some length (an OCR or keying slip), given name intact.
  if (a.given_h == b.given_h && a.words == b.words && a.tone.size() >= 8 && plain_distance(a, b) <= 1)
    return say("-slip"), 0.7;
  return -1;  // the caller vetoes and says why
}

PersonMatch score_keys(const Keys& a, const Keys& b, bool explain) {
  PersonMatch m;
  std::vector<std::string>* why = explain ? &m.reasons : nullptr;
  auto veto = [&](const char* reason) {
    m.vetoed = true;
    m.score = 0;
    m.reasons.push_back(reason);
    return m;
  };
  if (a.sex && b.sex && a.sex != b.sex) return veto("sex-differs");
  // Birth date: cheapest decisive test, so it goes first.
  double date;
  if (a.date < 0 || b.date < 0) return veto("birth-date-unknown");
  bool full_a = a.date % 10000 != 0, full_b = b.date % 10000 != 0;
  if (full_a && full_b) {
    if (a.date != b.date) return veto("birth-date-differs");
    date = 1;
    if (why) why->push_back("same-birth-date");
  } else {
    if (a.date / 10000 != b.date / 10000) return veto("birth-year-differs");
    date = 0.75;
    if (why) why->push_back("birth-year-only");
  }
  double name;
  if (!a.name.tone_h || !b.name.tone_h) return veto("name-unknown");
  if (a.name.tone_h == b.name.tone_h) {
    name = 1;
    if (why) why->push_back("same-name");
  } else if (a.name.plain_h == b.name.plain_h) {
    name = 0.85;
    if (why) why->push_back("name-accents-differ");
  } else if (a.name.given_h == b.name.given_h && a.name.words == b.name.words &&
             plain_distance(a.name, b.name) <= 1) {
    name = 0.7;  // a slip in the surname or middle name; a different given name is a twin
    if (why) why->push_back("name-slip");
  } else {
    return veto("name-differs");
  }
  // Two entries of one book with the same date and parents but names not identical are twins
  // (registered together, next to each other), not a re-registration: "Tuấn" and "Tuân".
  if (name < 1 && a.book_h && a.book_h == b.book_h && a.reg_h != b.reg_h) return veto("same-book-twins");
  double mother = parent_score(a.mother, b.mother, "mother", why);
  if (mother < 0) return veto("mother-differs");
  double father = parent_score(a.father, b.father, "father", why);
  if (father < 0) return veto("father-differs");
  // Weights: the three facts a clerk checks first count alike; the father is often unknown
  // or added later (recognition), so he weighs less.
  m.score = 0.3 * name + 0.3 * date + 0.3 * mother + 0.1 * father;
  return m;
}

bool same_reg_keys(const Keys& a, const Keys& b) { return a.reg_h && a.reg_h == b.reg_h; }

struct Entry {
  uint64_t key;
  uint32_t index;
  bool operator<(const Entry& o) const { return key < o.key || (key == o.key && index < o.index); }
};

}  // namespace

PersonMatch score_same_person(const PersonRecord& a, const PersonRecord& b) {
  KeyCache cache;
  return score_keys(make_keys(a, cache), make_keys(b, cache), true);
}

bool same_registration(const PersonRecord& a, const PersonRecord& b) {
  KeyCache cache;
  return same_reg_keys(make_keys(a, cache), make_keys(b, cache));
}

DuplicateReport find_duplicates(const std::vector<PersonRecord>& records,
                                const std::vector<PersonRecord>& earlier,
                                const DuplicateOptions& options) {
  DuplicateReport report;
  report.records = records.size();
  report.earlier = earlier.size();
  const size_t n = records.size() + earlier.size();
  auto rec = [&](size_t i) -> const PersonRecord& {
    return i < records.size() ? records[i] : earlier[i - records.size()];
  };
  std::vector<Keys> keys(n);
  {
    tbb::enumerable_thread_specific<KeyCache> caches;
    tbb::parallel_for(tbb::blocked_range<size_t>(0, n, 1024), [&](const auto& r) {
      KeyCache& cache = caches.local();
      for (size_t i = r.begin(); i < r.end(); ++i) keys[i] = make_keys(rec(i), cache);
    });
  }

  // Blocking keys; the scheme number is mixed in so that blocks of different schemes never meet.
  std::vector<Entry> entries;
  entries.reserve(n * 3);
  for (size_t i = 0; i < n; ++i) {
    const Keys& k = keys[i];
    auto idx = static_cast<uint32_t>(i);
    if (k.reg_h) entries.push_back({mix(1, k.reg_h), idx});
    if (!options.same_person || k.date < 0) continue;
    if (k.name.plain_h) entries.push_back({mix(mix(2, k.name.plain_h), uint64_t(k.date / 10000)), idx});
    if (k.date % 10000 && k.mother.plain_h) entries.push_back({mix(mix(3, k.mother.plain_h), uint64_t(k.date)), idx});
  }
  tbb::parallel_sort(entries.begin(), entries.end());
  std::vector<std::pair<size_t, size_t>> blocks;
  for (size_t s = 0; s < entries.size();) {
    size_t e = s + 1;
    while (e < entries.size() && entries[e].key == entries[s].key) ++e;
    if (e - s >= 2) blocks.emplace_back(s, e);
    report.largest_block = std::max(report.largest_block, e - s);
    s = e;
  }

  struct Local {
    std::vector<DuplicatePair> pairs;
    size_t comparisons = 0;
  };
  tbb::enumerable_thread_specific<Local> locals;
  const size_t first_earlier = records.size();
  tbb::parallel_for(tbb::blocked_range<size_t>(0, blocks.size(), 16), [&](const auto& r) {
    Local& local = locals.local();
    for (size_t bi = r.begin(); bi < r.end(); ++bi) {
      auto [s, e] = blocks[bi];
      for (size_t x = s; x < e; ++x) {
        for (size_t y = x + 1; y < e; ++y) {
          size_t a = entries[x].index, b = entries[y].index;
          if (a >= first_earlier && b >= first_earlier) continue;
          if (a > b) std::swap(a, b);
          ++local.comparisons;
          DuplicatePair p;
          p.a = a;
          p.b = b;
          p.b_earlier = b >= first_earlier;
          if (same_reg_keys(keys[a], keys[b])) {
            p.rule = DuplicateRule::SameRegistration;
            p.score = 1;
            p.reasons = {"same-unit-book-entry"};
            local.pairs.push_back(std::move(p));
            continue;
          }
          if (!options.same_person) continue;
          PersonMatch m = score_keys(keys[a], keys[b], false);
          if (m.vetoed || m.score < options.likely_score) continue;
          p.rule = DuplicateRule::SamePerson;
          p.score = m.score;
          local.pairs.push_back(std::move(p));
        }
      }
    }
  });
  for (auto& local : locals) {
    report.comparisons += local.comparisons;
    for (auto& p : local.pairs) report.pairs.push_back(std::move(p));
  }
  // One pair per record pair: a pair met in two blocks keeps its strongest rule.
  std::sort(report.pairs.begin(), report.pairs.end(), [](const DuplicatePair& x, const DuplicatePair& y) {
    if (x.a != y.a) return x.a < y.a;
    if (x.b != y.b) return x.b < y.b;
    return x.rule < y.rule;
  });
  report.pairs.erase(std::unique(report.pairs.begin(), report.pairs.end(),
                                 [](const DuplicatePair& x, const DuplicatePair& y) { return x.a == y.a && x.b == y.b; }),
                     report.pairs.end());
  // Ids and reasons only for the (few) pairs reported.
  tbb::parallel_for(size_t(0), report.pairs.size(), [&](size_t i) {
    DuplicatePair& p = report.pairs[i];
    p.id_a = rec(p.a).id;
    p.id_b = rec(p.b).id;
    if (p.rule == DuplicateRule::SamePerson) p.reasons = score_keys(keys[p.a], keys[p.b], true).reasons;
  });
  return report;
}

std::map<std::string, std::vector<std::string>> duplicate_issues(const DuplicateReport& report) {
  std::map<std::string, std::vector<std::string>> out;
  for (const auto& p : report.pairs) {
    if (p.a < report.records) out[p.id_a].push_back("possible-duplicate:" + p.id_b);
    if (p.b < report.records) out[p.id_b].push_back("possible-duplicate:" + p.id_a);
  }
  return out;
}

}  // namespace ledger
