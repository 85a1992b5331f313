// Benchmark of the handwritten digit reader (issue 8): held-out digit accuracy, and on digit
// strings assembled from held-out digits (dates, entry numbers, years) drawn on a dotted line and
// degraded like a scan (dated in their book's year, as registrations are): string accuracy, and
// accepted share / accuracy at a probability threshold chosen on one half of the strings as the
// pipeline's calibration chooses its own (<= 0.5% error, one error more than seen) and
// measured on the other half.
// Usage: digits_bench [MODEL_DIR [STRINGS [SEEDS [TOUCH_RATE]]]]
//        (defaults: models/digits, 2000, 7, 0.05 = share of neighbouring digits drawn touching)
// SEEDS may list several ("7,8,9"): STRINGS strings each, reported per seed and pooled (the
// threshold chosen on every seed's first half, measured on every second half).
// DIGITS_BENCH_POOL=validation draws the strings from the validation digits instead of the
// held-out ones: for choosing reader settings without looking at the held-out strings.
// DIGITS_BENCH_EXCLUDE="9_9,3_264" leaves those held-out digits (label_index) out of the strings:
// for measuring without digits whose ink a person reads as another digit (models/digits/README.md).
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <iostream>
#include <opencv2/imgcodecs.hpp>
#include <random>
#include <sstream>
#include <string>

#include "fields/routing.hpp"
#include "ocr/digits_reader.hpp"
#include "ocr/digits_strings.hpp"

namespace {

struct Case {
  std::string truth;
  ledger::DigitGrammar grammar;
  ledger::DigitContext ctx;
};

Case make_case(std::mt19937_64& rng) {
  std::uniform_int_distribution<int> kind(0, 5), day(1, 28), month(1, 12), year(2007, 2017), entry(1, 350);
  Case c;
  int y = year(rng), d = day(rng), m = month(rng);
  c.ctx.book_year = y;
  char buf[32];
  switch (kind(rng)) {
    case 0: std::snprintf(buf, sizeof buf, "%d/%d/%d", d, m, y); c.grammar = ledger::DigitGrammar::Date; break;
    case 1: std::snprintf(buf, sizeof buf, "%02d-%02d-%d", d, m, y); c.grammar = ledger::DigitGrammar::Date; break;
    case 2: std::snprintf(buf, sizeof buf, "%02d/%02d/%d", d, m, y); c.grammar = ledger::DigitGrammar::Date; break;
    case 3: std::snprintf(buf, sizeof buf, "%d.%d.%d", d, m, y); c.grammar = ledger::DigitGrammar::Date; break;
    case 4: std::snprintf(buf, sizeof buf, "%d/%d", entry(rng), y); c.grammar = ledger::DigitGrammar::EntryNumber; break;
    default: std::snprintf(buf, sizeof buf, "%02d", entry(rng) % 100 + 1); c.grammar = ledger::DigitGrammar::EntryNumber; break;
  }
  c.truth = buf;
  c.ctx.in_book_year = true;  // every string is dated in its book's year (as registrations are)
  return c;
}

// The non-empty items of a comma-separated list ("7,8,9").
std::vector<std::string> comma_list(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  for (std::string one; std::getline(in, one, ',');)
    if (!one.empty()) out.push_back(one);
  return out;
}

struct Res {
  double p;  // the reading's probability, 0 when rejected
  bool ok;   // read right
};

// Reads `n` strings drawn with `seed` from `pool`; prints string accuracy and speed.
std::vector<Res> read_strings(const ledger::DigitReader& reader, const std::vector<std::vector<cv::Mat>>& pool,
                              const ledger::StringStyle& style, int n, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<Res> res;
  int ok = 0, rejected = 0;
  const auto t0 = std::chrono::steady_clock::now();
  for (int i = 0; i < n; ++i) {
    Case c = make_case(rng);
    cv::Mat img = ledger::render_digit_string(c.truth, pool, rng, style);
    auto r = reader.read(img, c.grammar, c.ctx);
    bool right = !r.rejected && r.text == c.truth;
    ok += right;
    rejected += r.rejected;
    res.push_back({r.rejected ? 0.0 : r.probability, right});
    if (std::getenv("DIGITS_BENCH_VERBOSE") && !right)
      std::printf("  %-12s -> %-12s p=%.3f %s [%d]\n", c.truth.c_str(), r.text.c_str(), r.probability, r.reason.c_str(), i);
    if (std::getenv("DIGITS_BENCH_DUMP") && !right) cv::imwrite(std::string(std::getenv("DIGITS_BENCH_DUMP")) + "/fail_" + std::to_string(i) + ".png", img);
  }
  double ms_string = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() / n;
  std::printf("seed %llu: strings: %d, string accuracy %.4f, rejected %.4f (%.2f ms/string)\n",
              (unsigned long long)seed, n, double(ok) / n, double(rejected) / n, ms_string);
  return res;
}

// The accept threshold chosen on `choose` the way `ledger-ocr calibrate` chooses the pipeline's
// (choose_threshold: <= 0.5% error, judged with one error more than seen), and what it accepts
// of `measure`.
void report_acceptance(const std::vector<Res>& choose, const std::vector<Res>& measure) {
  std::vector<double> probs;
  std::vector<int> right;
  for (const auto& r : choose) probs.push_back(r.p), right.push_back(r.ok);
  const double thr = std::max(ledger::choose_threshold(probs, right).threshold, 1e-9);  // never accept a rejection
  int tn = 0, tok = 0;
  for (const auto& r : measure)
    if (r.p >= thr) ++tn, tok += r.ok;
  const size_t m = measure.size();
  std::printf("accept threshold %.4f (chosen on %zu strings): accepted %.4f of %zu held-out strings, "
              "accepted accuracy %.4f (%d of %d)\n", thr, choose.size(), m ? double(tn) / m : 0.0, m,
              tn ? double(tok) / tn : 0.0, tok, tn);
}

}  // namespace

int main(int argc, char** argv) {
  std::string model_dir = argc > 1 ? argv[1] : std::string(LEDGER_SOURCE_DIR) + "/models/digits";
  int n = argc > 2 ? std::atoi(argv[2]) : 2000;
  std::vector<uint64_t> seeds;  // "7" or "7,8,9"
  for (const auto& one : comma_list(argc > 3 ? argv[3] : "7")) seeds.push_back(std::strtoull(one.c_str(), nullptr, 10));
  ledger::StringStyle style;
  style.touch_rate = argc > 4 ? std::atof(argv[4]) : 0.05;
  auto reader = ledger::DigitReader::load(model_dir);
  auto all = ledger::load_digits_png(ledger::kDefaultDigitsPng);
  std::vector<ledger::DigitSample> held;
  for (auto& s : all)
    if (ledger::is_heldout(s)) held.push_back(s);
  auto t0 = std::chrono::steady_clock::now();
  double acc = ledger::digit_accuracy(reader.classifier(), held);
  double ms_digit = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() / held.size();
  std::printf("held-out digits: %zu, accuracy %.4f (%.2f ms/digit)\n", held.size(), acc, ms_digit);
  int low_margin = 0;
  for (const auto& s : held) {
    auto sc = reader.classifier().classify(s.cell);
    low_margin += sc.margin < ledger::DigitReader::kNotDigitMargin;
    // Misread with some confidence: such a digit comes back in about n*7/1000 strings, where
    // only the grammar can catch it.
    if (sc.best != s.label && sc.prob[size_t(sc.best)] >= 0.6)
      std::printf("held-out digit misread with p >= 0.6: a %d (index %d) read %d, p %.3f\n", s.label, s.index,
                  sc.best, sc.prob[size_t(sc.best)]);
  }
  std::printf("held-out digits taken for not-a-digit (margin < %.2f): %.4f\n",
              ledger::DigitReader::kNotDigitMargin, double(low_margin) / held.size());

  // The same digits as the reader meets them in a field: drawn, scanned, binarised, re-normalised.
  int scan_ok = 0;
  for (const auto& s : held) {
    auto v = ledger::scan_digit(s.cell, 1, 9000 + uint64_t(s.label) * 1000 + s.index);
    scan_ok += reader.classifier().classify(v.front()).best == s.label;
  }
  std::printf("held-out digits drawn and scanned (scan_digit): accuracy %.4f\n", double(scan_ok) / held.size());

  const char* pool_env = std::getenv("DIGITS_BENCH_POOL");
  std::vector<ledger::DigitSample> val;
  for (auto& s : all)
    if (ledger::is_validation(s)) val.push_back(s);
  const bool on_val = pool_env && std::string(pool_env) == "validation";
  if (on_val) std::printf("strings drawn from the VALIDATION digits (DIGITS_BENCH_POOL)\n");
  std::vector<ledger::DigitSample> drawn = on_val ? val : held;
  if (const char* ex = std::getenv("DIGITS_BENCH_EXCLUDE")) {
    for (const auto& one : comma_list(ex)) {
      const auto us = one.find('_');
      if (us == std::string::npos) continue;
      const int label = std::atoi(one.substr(0, us).c_str()), index = std::atoi(one.substr(us + 1).c_str());
      std::erase_if(drawn, [&](const ledger::DigitSample& s) { return s.label == label && s.index == index; });
    }
    std::printf("strings drawn without the digits %s (DIGITS_BENCH_EXCLUDE): %zu digits\n", ex, drawn.size());
  }
  auto pool = ledger::digit_pool(drawn);
  std::printf("touching digits: %.2f of neighbours\n", style.touch_rate);
  std::vector<Res> first, second;  // every seed's halves, for the pooled threshold
  for (uint64_t seed : seeds) {
    auto res = read_strings(reader, pool, style, n, seed);
    const size_t half = res.size() / 2;
    std::printf("seed %llu: ", (unsigned long long)seed);
    report_acceptance({res.begin(), res.begin() + half}, {res.begin() + half, res.end()});
    first.insert(first.end(), res.begin(), res.begin() + half);
    second.insert(second.end(), res.begin() + half, res.end());
  }
  if (seeds.size() > 1) {
    std::printf("all %zu seeds pooled: ", seeds.size());
    report_acceptance(first, second);
  }
  return 0;
}
