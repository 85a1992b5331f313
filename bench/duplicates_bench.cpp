// Benchmark of duplicate detection: generates 1,000,000 plausible birth records (names drawn by
// frequency) with ~3% planted duplicates of each kind and ~1% twins, then prints time, rate,
// pairs found and precision/recall against what was planted.
// Usage: duplicates_bench [records=1000000] [seed=7]
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "campaign/duplicates.hpp"
#include "core/text.hpp"
#include "core/tsv.hpp"

namespace {

using namespace ledger;

/// Words with weights; from a lexicon (`word<TAB>count`) when one exists, else the list given.
struct Weighted {
  std::vector<std::string> words;
  std::discrete_distribution<size_t> pick;
  const std::string& operator()(std::mt19937_64& rng) { return words[pick(rng)]; }
};

Weighted load(const std::string& kind, std::vector<std::pair<std::string, double>> fallback) {
  namespace fs = std::filesystem;
  fs::path dir = fs::path(LEDGER_SOURCE_DIR) / "models" / "lexicons";
  std::error_code ec;
  if (fs::is_directory(dir, ec)) {
    for (const auto& e : fs::directory_iterator(dir, ec)) {
      std::string name = e.path().filename().string();
      if (e.path().extension() != ".tsv" || name.find(kind) == std::string::npos) continue;
      std::vector<std::pair<std::string, double>> rows;
      for (const auto& row : read_tsv(e.path())) {
        if (row.size() < 2) continue;
        try {
          rows.emplace_back(row[0], std::stod(row[1]));
        } catch (...) {  // a header line
        }
      }
      if (rows.size() >= 5) {
        std::printf("names: %s (%zu entries)\n", e.path().c_str(), rows.size());
        fallback = std::move(rows);
        break;
      }
    }
  }
  Weighted w;
  std::vector<double> weights;
  for (auto& [word, count] : fallback) {
    w.words.push_back(word);
    weights.push_back(count);
  }
  w.pick = std::discrete_distribution<size_t>(weights.begin(), weights.end());
  return w;
}

std::string two(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

}  // namespace

int main(int argc, char** argv) {
  const size_t n = argc > 1 ? std::stoul(argv[1]) : 1000000;
  std::mt19937_64 rng(argc > 2 ? std::stoul(argv[2]) : 7);
  // Built-in lists: the most frequent syllables of vn-names (shared/data), rounded counts.
  Weighted surname = load("surname", {{"Nguyễn", 2746}, {"Trần", 850}, {"Lê", 790}, {"Phạm", 561},
      {"Hoàng", 400}, {"Huỳnh", 300}, {"Phan", 280}, {"Vũ", 250}, {"Võ", 240}, {"Đặng", 200},
      {"Bùi", 190}, {"Đỗ", 180}, {"Hồ", 170}, {"Ngô", 160}, {"Dương", 150}, {"Lý", 120}});
  Weighted middle = load("middle", {{"Văn", 952}, {"Thị", 625}, {"Minh", 565}, {"Thanh", 439},
      {"Ngọc", 400}, {"Đức", 300}, {"Quốc", 280}, {"Hữu", 250}, {"Xuân", 200}, {"Hoàng", 200},
      {"Anh", 180}, {"Thu", 170}, {"Kim", 150}, {"Bảo", 140}, {"Gia", 120}, {"Hải", 110}});
  Weighted given = load("given", {{"Anh", 201}, {"Huy", 189}, {"Tuấn", 175}, {"Duy", 149},
      {"Linh", 140}, {"Hùng", 130}, {"Trang", 120}, {"Nam", 118}, {"Hà", 110}, {"Long", 105},
      {"Phương", 100}, {"Thảo", 98}, {"Hoà", 95}, {"Thuỷ", 90}, {"Dũng", 88}, {"Sơn", 85},
      {"Mai", 80}, {"Lan", 78}, {"Hương", 75}, {"Tâm", 72}, {"Tân", 70}, {"Bình", 68},
      {"Quang", 65}, {"Khánh", 60}, {"Hiếu", 58}, {"Vy", 55}, {"Ngân", 52}, {"Yến", 50}});
  auto person = [&](bool female) {
    return surname(rng) + " " + (female ? std::string("Thị") : middle(rng)) + " " + given(rng);
  };

  auto t0 = std::chrono::steady_clock::now();
  std::vector<ledger::PersonRecord> recs;
  recs.reserve(n);
  std::set<std::pair<size_t, size_t>> planted;  // (original, copy)
  std::uniform_real_distribution<double> u(0, 1);
  const int units = 600;  // communes of a large province
  std::vector<int> next_entry(size_t(units) * 15, 0);
  size_t twins = 0;
  auto fresh = [&]() {
    PersonRecord p;
    int unit = int(rng() % units), year = 2006 + int(rng() % 15);
    int& entry = next_entry[size_t(unit) * 15 + size_t(year - 2006)];
    p.unit = "Xã " + std::to_string(unit);
    p.quyen_so = "01/" + std::to_string(year);
    p.so = std::to_string(++entry) + "/" + std::to_string(year);
    bool female = u(rng) < 0.5;
    p.sex = female ? "Nữ" : "Nam";
    std::string father = person(false);
    p.name = split_words(father)[0] + " " + (female ? std::string("Thị") : middle(rng)) + " " + given(rng);
    p.birth_date = two(1 + int(rng() % 28)) + "." + two(1 + int(rng() % 12)) + "." + std::to_string(year - int(rng() % 2));
    if (u(rng) < 0.05) p.birth_date = p.birth_date.substr(6);  // year only
    p.mother = person(true);
    if (u(rng) > 0.1) p.father = father;
    return p;
  };
  while (recs.size() < n) {
    double r = u(rng);
    if (recs.size() > 1000 && r < 0.03) {  // keyed twice: same registration, keying differences
      size_t orig = rng() % recs.size();
      PersonRecord p = recs[orig];
      if (u(rng) < 0.5) p.name = to_upper(p.name);
      if (u(rng) < 0.3) p.so = "0" + p.so;
      planted.insert({orig, recs.size()});
      recs.push_back(std::move(p));
    } else if (recs.size() > 1000 && r < 0.06) {  // re-registered in another unit and year
      size_t orig = rng() % recs.size();
      PersonRecord p = recs[orig];
      int unit = int(rng() % units), year = 2006 + int(rng() % 15);
      p.unit = "Xã " + std::to_string(unit);
      p.quyen_so = "02/" + std::to_string(year);
      p.so = std::to_string(1000 + ++next_entry[size_t(unit) * 15 + size_t(year - 2006)]) + "/" + std::to_string(year);
      if (u(rng) < 0.3) p.birth_date = p.birth_date.substr(p.birth_date.size() - 4);
      if (u(rng) < 0.3) p.father.clear();
      planted.insert({orig, recs.size()});
      recs.push_back(std::move(p));
    } else if (recs.size() > 1000 && r < 0.07) {  // twin: next entry, other given name
      PersonRecord p = recs.back();
      std::string g = given(rng);
      if (g == split_words(p.name).back()) continue;
      auto words = split_words(p.name);
      p.name = words[0] + " " + words[1] + " " + g;
      p.so = "T" + p.so;  // a distinct entry number
      ++twins;
      recs.push_back(std::move(p));
    } else {
      recs.push_back(fresh());
    }
  }
  for (size_t i = 0; i < recs.size(); ++i) recs[i].id = std::to_string(i);
  double gen_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  auto t1 = std::chrono::steady_clock::now();
  std::clock_t c1 = std::clock();
  DuplicateReport report = find_duplicates(recs);
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
  double cpu = double(std::clock() - c1) / CLOCKS_PER_SEC;  // all threads: wall time on a shared
                                                            // machine says little, CPU time more

  // Copies of copies are duplicates too: the truth is the planted pairs' transitive closure.
  std::vector<size_t> group(recs.size());
  for (size_t i = 0; i < group.size(); ++i) group[i] = i;
  auto root = [&](size_t i) {
    while (group[i] != i) i = group[i] = group[group[i]];
    return i;
  };
  for (auto [a, b] : planted) group[root(b)] = root(a);
  size_t hit = 0, by_rule[2] = {0, 0}, shown = 0;
  for (const auto& p : report.pairs) {
    ++by_rule[p.rule == DuplicateRule::SameRegistration ? 0 : 1];
    bool ok = root(p.a) == root(p.b);
    hit += ok;
    if (!ok && shown++ < 3)
      std::printf("unplanted pair: %s | %s | %s | %s  ~  %s | %s | %s | %s\n", recs[p.a].name.c_str(),
                  recs[p.a].birth_date.c_str(), recs[p.a].mother.c_str(), recs[p.a].father.c_str(),
                  recs[p.b].name.c_str(), recs[p.b].birth_date.c_str(), recs[p.b].mother.c_str(),
                  recs[p.b].father.c_str());
  }
  size_t true_pairs = 0;
  {
    std::vector<size_t> sizes(recs.size(), 0);
    for (size_t i = 0; i < recs.size(); ++i) ++sizes[root(i)];
    for (size_t c : sizes) true_pairs += c * (c - 1) / 2;
  }
  std::printf("records: %zu (generated in %.1f s), planted pairs: %zu, twins: %zu\n", recs.size(), gen_s,
              planted.size(), twins);
  std::printf("detection: %.2f s wall, %.2f s CPU (all threads), %.0f records/s, comparisons: %zu, "
              "largest block: %zu\n", s, cpu, double(recs.size()) / s, report.comparisons, report.largest_block);
  std::printf("pairs found: %zu (same-registration %zu, same-person %zu)\n", report.pairs.size(), by_rule[0],
              by_rule[1]);
  std::printf("precision vs planted: %.4f, recall: %.4f\n",
              report.pairs.empty() ? 0.0 : double(hit) / double(report.pairs.size()),
              true_pairs == 0 ? 0.0 : double(hit) / double(true_pairs));
  std::printf("goal: 1,000,000 records in < 120 s on 2 cores: %s\n",
              recs.size() >= 1000000 && s < 120 ? "met" : (recs.size() < 1000000 ? "n/a (fewer records)" : "MISSED"));
  return 0;
}
