// Benchmark of "label once, fill the book" (issue 8 part 2): generated books, each written in one
// hand with realistic repeated values, run through the real pipeline (Tesseract), grouped, and
// scored against the generator's ground truth:
//   - grouping precision: share of grouped crops whose true value is their group's majority one,
//     values compared as evaluation scores them (core/compare.hpp: a place's case does not count)
//     (and groups mixing Nam/Nữ, which must be 0);
//   - coverage: fields to review that sit in a group;
//   - fields a clerk must type per book, field by field vs with groups, two ways:
//       all:   every field to review is typed (field by field) / one value per group without a
//              correct proposal + ungrouped fields to review + crops removed from groups;
//       wrong: only fields whose value is wrong are typed, and the same with groups;
//     a sequence or agreeing group's member (filled with its own reading) costs
//     nothing when read right, a removal and typing when not;
//   - calibration of proposal confidence (bins: groups, share right);
//   - a threshold sweep (precision / coverage of the clustering alone) for tuning.
// Usage: grouping_bench [BOOKS [PAGES [LAYOUT [SEED [THRESHOLD]]]]]
//        (defaults: 3, 15, ks-2016, 101, the library default)
// Books are filed in their commune's folders (<province>/<district>/<commune>/ks/<year.volume>),
// as campaigns file them, so the run knows each book's units.
// Environment: GROUPING_BENCH_FLAT=1 files them in flat bookNN folders instead (no units known);
// GROUPING_BENCH_KEEP=1 keeps the work folder; GROUPING_BENCH_REUSE=DIR reuses a
// kept one (no synth, no run: for tuning); GROUPING_BENCH_DUMP=DIR writes every word image and
// its raw crop; GROUPING_BENCH_SHOW=1 prints distance statistics and the sweep's impure groups;
// GROUPING_BENCH_NO_SWEEP=1 stops before the sweep (which decodes every page again);
// GROUPING_BENCH_LEFT=1 lists the fields left to type one by one ("left BOOK | TYPE | KEY |
// CONFIDENCE | READING | TRUTH"), to see what no group takes; GROUPING_BENCH_NO_TWINS=1 makes no
// written-twice groups (group_fields.hpp note 11), to measure what they save.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <array>
#include <opencv2/imgcodecs.hpp>

#include "core/compare.hpp"
#include "core/ground_truth.hpp"
#include "core/text.hpp"
#include "fields/lexicons.hpp"
#include "groups/clustering.hpp"
#include "groups/group_fields.hpp"
#include "groups/group_store.hpp"
#include "groups/word_descriptor.hpp"
#include "groups/word_image.hpp"
#include "ingest/load_page.hpp"
#include "records/sqlite_db.hpp"
#include "run/run_job.hpp"
#include "synth/synth_book.hpp"
#include <unistd.h>

namespace fs = std::filesystem;
using namespace ledger;

namespace {

struct Field {
  std::int64_t id = 0, page_id = 0;
  std::string book, key, type, value, status, truth, path;
  double confidence = 0;
  Box box;
};

// Every stored non-blank field with its true value from the page's sidecar.
std::map<std::int64_t, Field> load_fields(sql::Db& db) {
  std::map<std::int64_t, Field> out;
  std::map<std::string, GroundTruth> gts;
  sql::Stmt s(db, "SELECT f.id, r.page_id, p.book_id, f.key, f.type, f.value, f.status, f.confidence, p.path, "
                  "r.record, f.box_x, f.box_y, f.box_w, f.box_h FROM fields f JOIN records r ON r.id = f.record_id "
                  "JOIN pages p ON p.id = r.page_id WHERE p.status = 'done'");
  while (s.step()) {
    Field f;
    f.id = s.int64(0);
    f.page_id = s.int64(1);
    f.book = s.text(2);
    f.key = s.text(3);
    f.type = s.text(4);
    f.value = s.text(5);
    f.status = s.text(6);
    f.confidence = s.real(7);
    f.path = s.text(8);
    int rec = int(s.int64(9));
    f.box = {int(s.int64(10)), int(s.int64(11)), int(s.int64(12)), int(s.int64(13))};
    fs::path side = fs::path(f.path).replace_extension(".gt.json");
    if (!gts.count(side.string())) gts[side.string()] = read_ground_truth(side);
    const auto& gt = gts[side.string()];
    if (rec < int(gt.records.size()))
      if (const GtField* g = gt.records[size_t(rec)].find(f.key)) f.truth = g->value;
    out[f.id] = f;
  }
  return out;
}

// Whether two values of a field type are one value under the scoring rule (core/compare.hpp):
// a place's case, a name's tone placement do not count.
bool same_value(const std::string& type, const std::string& a, const std::string& b) {
  const auto t = parse_field_type(type);
  return t ? values_match(*t, a, b) : a == b;
}
bool read_right(const Field& f) { return same_value(f.type, f.value, f.truth); }

std::string majority(const std::vector<std::string>& v) {
  std::map<std::string, int> n;
  for (const auto& x : v) ++n[x];
  return std::max_element(n.begin(), n.end(), [](auto& a, auto& b) { return a.second < b.second; })->first;
}

// "<province>/<district>/<commune>/ks/<year.volume>" from the book's unit ("Xã A Ngo, Huyện Đa
// Krông, Tỉnh Quảng Trị"): the folders ingest reads a book's units from (ingest/book_name.hpp).
std::optional<fs::path> unit_folders(const GroundTruth& gt) {
  if (!gt.book || gt.book->unit.empty() || !gt.book->year) return std::nullopt;
  std::vector<std::string> names;
  for (const auto& part : split_cleaned(gt.book->unit, ',')) names.push_back(split_unit_type(part).second);
  if (names.size() != 3) return std::nullopt;
  return fs::path(names[2]) / names[1] / names[0] / to_lower(gt.book->type) /
         (std::to_string(*gt.book->year) + "." + gt.book->volume);
}

}  // namespace

int main(int argc, char** argv) {
  const int books = argc > 1 ? std::atoi(argv[1]) : 3;
  const int pages = argc > 2 ? std::atoi(argv[2]) : 15;
  const std::string layout = argc > 3 ? argv[3] : "ks-2016";
  const uint64_t seed = argc > 4 ? std::strtoull(argv[4], nullptr, 10) : 101;
  groups::GroupingOptions gopt;
  if (argc > 5) gopt.threshold = std::atof(argv[5]);
  if (std::getenv("GROUPING_BENCH_NO_TWINS")) gopt.twin_keys.clear();  // before/after written-twice groups

  // A work folder of our own; GROUPING_BENCH_KEEP=1 leaves it for a look with the review station.
  struct Work {
    // GROUPING_BENCH_REUSE=DIR: a kept folder; books and run are reused (threshold tuning).
    const char* reuse = std::getenv("GROUPING_BENCH_REUSE");
    fs::path dir = reuse ? fs::path(reuse) : fs::temp_directory_path() / ("grouping-bench-" + std::to_string(getpid()));
    fs::path operator/(const std::string& n) const { return dir / n; }
    const fs::path& path() const { return dir; }
    ~Work() {
      std::error_code ec;
      if (!std::getenv("GROUPING_BENCH_KEEP") && !std::getenv("GROUPING_BENCH_REUSE")) fs::remove_all(dir, ec);
      else std::fprintf(stderr, "kept %s\n", dir.c_str());
    }
  } tmp;
  auto t0 = std::chrono::steady_clock::now();
  const bool reuse = fs::exists(tmp / "store.sqlite");
  for (int b = 0; b < books && !reuse; ++b) {
    synth::SynthOptions so;
    so.layout_id = layout;
    so.pages = pages;
    so.seed = seed + uint64_t(b);
    so.one_hand = true;
    char vol[8];
    std::snprintf(vol, sizeof vol, "%02d", b + 1);
    so.volume = vol;
    so.out = tmp / ("book" + std::string(vol));
    auto made = synth::synthesize(so);
    // As a campaign files books: in their commune's folders, which name the book's units
    // (fields/places.hpp note 9). GROUPING_BENCH_FLAT=1 keeps the flat bookNN folders.
    if (!std::getenv("GROUPING_BENCH_FLAT") && !made.pages.empty())
      if (auto folders = unit_folders(read_ground_truth(made.pages.front().sidecar))) {
        const fs::path dest = tmp.path() / *folders;
        fs::create_directories(dest.parent_path());
        fs::rename(so.out, dest);
      }
  }
  const double synth_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  RunRequest rr;
  rr.inputs = {tmp.path()};
  rr.store = tmp / "store.sqlite";
  rr.progress = false;
  std::ostringstream log;
  RunSummary rs;
  if (!reuse) rs = run_job(rr, log);
  auto gs = groups::group_fields(rr.store, gopt);
  std::printf("books %d x %d pages (%s, one hand each, seeds %llu..): synth %.1f s, run %.1f s (%d pages done), "
              "grouping %.2f s\n",
              books, pages, layout.c_str(), (unsigned long long)seed, synth_s, rs.seconds, rs.done, gs.seconds);
  std::printf("threshold %.3f: %d crops described, %d groups, %d fields to review grouped, %d proposals backed\n",
              gopt.threshold, gs.crops, gs.groups, gs.grouped_fields, gs.proposed);

  sql::Db db(rr.store);
  auto fields = load_fields(db);
  auto groups_list = groups::load_groups(db);

  // Precision over all grouped crops; near misses.
  long grouped = 0, pure = 0;
  int mixed_sex = 0;
  std::set<std::int64_t> in_group;
  std::map<std::string, std::array<double, 6>> per_book;  // all_ff, all_g, wrong_ff, wrong_g, review, grouped
  std::map<std::string, std::array<double, 3>> per_type;  // all: field by field, with groups, ceiling
  struct Bin { int n = 0, right = 0; };
  std::map<int, Bin> bins;
  int backed = 0, backed_right = 0;
  int seq_groups = 0, seq_members = 0, seq_right = 0, proposed_members = 0, proposed_right = 0;
  auto bin_of = [](double c) { return c >= 0.99 ? 5 : c >= 0.95 ? 4 : c >= 0.9 ? 3 : c >= 0.8 ? 2 : c >= 0.5 ? 1 : 0; };
  for (const auto& g : groups_list) {
    if (g.own_values()) {  // each member is filled with its own reading: a wrong one is removed and typed
      ++seq_groups;
      auto& pb = per_book[g.book_id];
      bool all_right = true;
      for (const auto& m : g.members) {
        const Field& f = fields[m.field_id];
        // filled with its own reading, or with the value the book's witness proposes for it
        const bool right = m.proposed ? same_value(f.type, *m.proposed, f.truth) : read_right(f);
        ++grouped;
        pure += right;
        if (m.role != "member") continue;
        in_group.insert(m.field_id);
        ++seq_members;
        seq_right += right;
        proposed_members += m.proposed.has_value();
        proposed_right += m.proposed && right;
        all_right = all_right && right;
        if (!right) { pb[1] += 2; pb[3] += 2; per_type[f.type][1] += 2; }
      }
      bins[bin_of(g.confidence)].n++;
      bins[bin_of(g.confidence)].right += all_right;
      ++backed;
      backed_right += all_right;
      continue;
    }
    std::vector<std::string> truths;
    for (const auto& m : g.members) truths.push_back(fields[m.field_id].truth);
    const std::string t = majority(truths);
    std::set<std::string> sexes;
    for (const auto& m : g.members) {
      ++grouped;
      pure += same_value(g.field_type, fields[m.field_id].truth, t);
      if (g.field_type == "sex") sexes.insert(fields[m.field_id].truth);
      if (m.role == "member") in_group.insert(m.field_id);
    }
    if (sexes.size() > 1) ++mixed_sex;
    const bool right = same_value(g.field_type, g.proposed_value, t);
    auto& pb = per_book[g.book_id];
    int to_fill = 0;
    for (const auto& m : g.members)
      if (m.role == "member") {
        ++to_fill;
        const Field& f = fields[m.field_id];
        if (!same_value(f.type, f.truth, t)) {  // the clerk removes it, then reviews it alone
          pb[1] += 2;        // one removal + typing it
          per_type[f.type][1] += 2;
          pb[3] += 1 + !read_right(f);
        }
      }
    if (to_fill && !right) { pb[1] += 1; pb[3] += 1; per_type[g.field_type][1] += 1; }
    const int bin = bin_of(g.confidence);
    bins[bin].n++;
    bins[bin].right += right;
    if (g.source != "none") { ++backed; backed_right += right; }
  }
  int review = 0;
  const bool list_left = std::getenv("GROUPING_BENCH_LEFT") != nullptr;
  for (const auto& [id, f] : fields) {
    if (f.status != "review") continue;
    ++review;
    auto& pb = per_book[f.book];
    pb[4] += 1;
    pb[0] += 1;
    per_type[f.type][0] += 1;
    pb[2] += !read_right(f);
    if (!in_group.count(id)) {
      if (list_left)
        std::printf("left %s | %s | %s | %.3f | %s | %s\n", f.book.c_str(), f.type.c_str(), f.key.c_str(), f.confidence,
                    f.value.c_str(), f.truth.c_str());
      pb[1] += 1;
      per_type[f.type][1] += 1;
      pb[3] += !read_right(f);
    } else {
      pb[5] += 1;
    }
  }
  std::printf("grouping precision %.4f (%ld grouped crops), groups mixing Nam/Nu %d\n",
              grouped ? double(pure) / grouped : 1.0, grouped, mixed_sex);
  std::printf("coverage: %zu of %d fields to review are in a group (%.1f%%)\n", in_group.size(), review,
              review ? 100.0 * in_group.size() / review : 0.0);
  std::printf("sequence and agreeing groups: %d, holding %d fields to fill, %d right (of them %d proposed from their "
              "pages, %d right)\n", seq_groups, seq_members, seq_right, proposed_members, proposed_right);
  std::printf("proposals backed by a sure reading (a sequence group's: every member read right): %d, right %d (%.1f%%)\n", backed, backed_right,
              backed ? 100.0 * backed_right / backed : 0.0);
  std::printf("%-14s %8s %8s %8s | %8s %8s %8s\n", "book", "all:ff", "groups", "ratio", "wrong:ff", "groups", "ratio");
  double a0 = 0, a1 = 0, w0 = 0, w1 = 0;
  for (const auto& [book, pb] : per_book) {
    const std::string name = book.substr(0, book.find('/'));  // "KS.2016.01" without its units
    std::printf("%-14s %8.0f %8.0f %8.2f | %8.0f %8.0f %8.2f\n", name.c_str(), pb[0], pb[1],
                pb[0] ? pb[1] / pb[0] : 0, pb[2], pb[3], pb[2] ? pb[3] / pb[2] : 0);
    a0 += pb[0]; a1 += pb[1]; w0 += pb[2]; w1 += pb[3];
  }
  std::printf("%-14s %8.0f %8.0f %8.2f | %8.0f %8.0f %8.2f\n", "all", a0, a1, a0 ? a1 / a0 : 0, w0, w1, w0 ? w1 / w0 : 0);
  {  // the ceiling of "all": perfect groups, one typed value per true value not accepted anywhere
    std::map<std::string, std::set<std::string>> accepted, review_classes;
    std::map<std::string, double> fields_ff;
    for (const auto& [id, f] : fields)
      if (f.status == "accept") accepted[f.book].insert(f.type + "|" + f.truth);
    double ceiling = 0;
    for (const auto& [id, f] : fields)
      if (f.status == "review") review_classes[f.book].insert(f.type + "|" + f.truth);
    for (const auto& [book, cls] : review_classes)
      for (const auto& c : cls)
        if (!accepted[book].count(c)) {
          ceiling += 1;
          per_type[c.substr(0, c.find('|'))][2] += 1;
        }
    std::printf("ceiling (perfect grouping of every repeated value): %.0f of %.0f typed (%.2f)\n", ceiling, a0,
                a0 ? ceiling / a0 : 0);
  }
  std::printf("by field type (all books; all: field by field -> with groups (ceiling)):");
  for (const auto& [type, v] : per_type) std::printf("  %s %.0f->%.0f (%.0f)", type.c_str(), v[0], v[1], v[2]);
  std::printf("\n");
  const char* names[] = {"<0.5", "0.5-0.8", "0.8-0.9", "0.9-0.95", "0.95-0.99", ">=0.99"};
  std::printf("proposal calibration (confidence bin: groups, share right):");
  for (const auto& [b, bin] : bins) std::printf("  %s: %d, %.2f", names[b], bin.n, bin.n ? double(bin.right) / bin.n : 0.0);
  std::printf("\n");

  if (std::getenv("GROUPING_BENCH_NO_SWEEP")) return 0;
  // Threshold sweep over the clustering alone (all non-blank crops of grouped types).
  std::map<std::string, std::map<std::string, std::vector<const Field*>>> by_book_type;
  std::set<std::string> types;
  for (auto t : gopt.types) types.insert(std::string(to_string(t)));
  for (const auto& [id, f] : fields)
    if (f.status != "blank" && types.count(f.type) && !f.box.empty()) by_book_type[f.book][f.type].push_back(&f);
  std::map<std::int64_t, groups::WordDescriptor> desc;
  std::map<std::int64_t, std::vector<const Field*>> by_page;
  for (const auto& [id, f] : fields)
    if (f.status != "blank" && types.count(f.type) && !f.box.empty()) by_page[f.page_id].push_back(&f);
  for (const auto& [pid, list] : by_page) {
    PageRef ref;
    ref.path = list.front()->path;
    auto img = load_page(ref, IngestOptions{});
    for (const Field* f : list) {
      cv::Mat ink = groups::word_image(img.bgr, f->box, groups::form_line_height(img.bgr.rows));
      desc[f->id] = groups::describe_word(ink);
      // GROUPING_BENCH_DUMP=DIR writes each word image, to look at what the descriptor sees.
      if (const char* dump = std::getenv("GROUPING_BENCH_DUMP"); dump && !ink.empty())
        cv::imwrite((fs::path(dump) / (f->type + "_" + std::to_string(f->id) + ".png")).string(), ink);
      if (const char* dump = std::getenv("GROUPING_BENCH_DUMP"); dump && !f->box.empty()) {
        const cv::Rect r = cv::Rect(f->box.x, f->box.y - f->box.h / 2, f->box.w, f->box.h * 2) & cv::Rect(0, 0, img.bgr.cols, img.bgr.rows);
        if (r.area() > 0) cv::imwrite((fs::path(dump) / ("raw_" + std::to_string(f->id) + ".png")).string(), img.bgr(r));
      }
    }
  }
  {  // the ceiling: crops whose true value repeats within their book and type
    long repeat = 0, total = 0;
    for (const auto& [book, bt] : by_book_type)
      for (const auto& [type, list] : bt) {
        std::map<std::string, int> n;
        for (const Field* f : list) ++n[f->truth];
        for (const Field* f : list) { ++total; repeat += n[f->truth] > 1; }
      }
    std::printf("crops whose true value repeats in their book and type: %ld of %ld\n", repeat, total);
  }
  const bool show = std::getenv("GROUPING_BENCH_SHOW") != nullptr;  // print impure groups
  if (show) {  // per type: same-value pair distances (10/50/90%) and the closest different pair
    std::map<std::string, std::pair<std::vector<double>, std::vector<double>>> dist;
    for (const auto& [book, bt] : by_book_type)
      for (const auto& [type, list] : bt)
        for (size_t i = 0; i < list.size(); ++i)
          for (size_t j = i + 1; j < list.size(); ++j) {
            double d = groups::word_distance(desc[list[i]->id], desc[list[j]->id]);
            (list[i]->truth == list[j]->truth ? dist[type].first : dist[type].second).push_back(d);
          }
    for (auto& [type, dd] : dist) {
      auto& [same, other] = dd;
      std::sort(same.begin(), same.end());
      std::sort(other.begin(), other.end());
      auto q = [&](double p) { return same.empty() ? -1.0 : same[size_t(p * (same.size() - 1))]; };
      std::printf("  %-12s same pairs %5zu: %.2f %.2f %.2f | other pairs %6zu: min %.2f, 1%% %.2f\n", type.c_str(),
                  same.size(), q(0.1), q(0.5), q(0.9), other.size(), other.empty() ? -1 : other[0],
                  other.empty() ? -1 : other[other.size() / 100]);
    }
  }
  for (double th : {0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6}) {
    long n = 0, ok = 0, total = 0;
    for (const auto& [book, bt] : by_book_type)
      for (const auto& [type, list] : bt) {
        total += long(list.size());
        auto cl = groups::complete_linkage(int(list.size()),
                                           [&](int a, int b) { return groups::word_distance(desc[list[size_t(a)]->id], desc[list[size_t(b)]->id]); }, th);
        for (const auto& c : cl) {
          if (c.size() < 2) continue;
          std::vector<std::string> tr;
          for (int i : c) tr.push_back(list[size_t(i)]->truth);
          const std::string t = majority(tr);
          for (const auto& x : tr) { ++n; ok += x == t; }
          if (show && std::count(tr.begin(), tr.end(), t) != long(tr.size())) {
            std::printf("  impure %s @%.2f:", type.c_str(), th);
            for (const auto& x : tr) std::printf(" [%s]", x.c_str());
            std::printf("\n");
          }
        }
      }
    std::printf("sweep threshold %.2f: grouped %ld of %ld crops, precision %.4f\n", th, n, total, n ? double(ok) / n : 1.0);
  }
  return 0;
}
