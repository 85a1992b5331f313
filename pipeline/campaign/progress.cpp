// Campaign progress numbers (see progress.hpp).
#include "campaign/progress.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <set>

#include "core/book.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "records/sqlite_db.hpp"

namespace ledger {

namespace {

std::chrono::sys_days to_days(const std::string& day) {
  int y = 0;
  unsigned m = 0, d = 0;
  char tail = 0;
  if (day.size() != 10 || std::sscanf(day.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3)
    throw InputError(day, "not a yyyy-mm-dd date");
  std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
  if (!ymd.ok()) throw InputError(day, "not a calendar date");
  return std::chrono::sys_days{ymd};
}

std::string from_days(std::chrono::sys_days days) {
  std::chrono::year_month_day ymd{days};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
  return buf;
}

/// A unit name without its administrative prefix, as a comparison key: "Xã Hướng Phùng" and
/// "HƯỚNG PHÙNG" give the same key.
std::string unit_key(const std::string& name) {
  std::string k = tone_key(name);
  for (const char* prefix : {"thành phố ", "thị trấn ", "thị xã ", "xã ", "phường ", "huyện ", "quận ", "tỉnh ", "tp. ", "tp "}) {
    std::string p = tone_key(prefix);
    p += ' ';  // tone_key folds the trailing space away
    if (k.rfind(p, 0) == 0) return k.substr(p.size());
  }
  return k;
}

std::string unit_text(const std::string& province, const std::string& district, const std::string& commune) {
  BookInfo b;
  b.province = province;
  b.district = district;
  b.commune = commune;
  std::string u = b.unit();
  return u.empty() ? "(no unit)" : u;
}

}  // namespace

bool is_iso_date(const std::string& day) {
  try {
    to_days(day);
    return true;
  } catch (const InputError&) {
    return false;
  }
}

long days_between(const std::string& a, const std::string& b) { return (to_days(b) - to_days(a)).count(); }

std::string add_days(const std::string& day, long n) { return from_days(to_days(day) + std::chrono::days{n}); }

ProgressCounts& ProgressCounts::operator+=(const ProgressCounts& o) {
  pages_scanned += o.pages_scanned;
  pages_processed += o.pages_processed;
  pages_failed += o.pages_failed;
  records += o.records;
  fields_accepted += o.fields_accepted;
  fields_review += o.fields_review;
  records_reviewed += o.records_reviewed;
  duplicates += o.duplicates;
  return *this;
}

std::vector<UnitTarget> read_targets(const std::filesystem::path& file) {
  YAML::Node root;
  try {
    root = YAML::LoadFile(file.string());
  } catch (const YAML::Exception& e) {
    throw ConfigError(file.string() + ": " + e.what());
  }
  if (!root["units"] || !root["units"].IsSequence())
    throw ConfigError(file.string() + ": expected a 'units' list");
  std::vector<UnitTarget> out;
  for (const auto& n : root["units"]) {
    UnitTarget t;
    try {
      t.unit = clean_text(n["unit"].as<std::string>(""));
      t.target_records = n["target_records"].as<long>(0);
      t.deadline = n["deadline"].as<std::string>("");
    } catch (const YAML::Exception& e) {
      throw ConfigError(file.string() + ":" + std::to_string(n.Mark().line + 1) + ": " + e.what());
    }
    std::string where = file.string() + ":" + std::to_string(n.Mark().line + 1);
    if (t.unit.empty()) throw ConfigError(where + ": a unit without a name");
    if (t.target_records < 0) throw ConfigError(where + ": negative target_records");
    if (!t.deadline.empty() && !is_iso_date(t.deadline))
      throw ConfigError(where + ": deadline '" + t.deadline + "' is not yyyy-mm-dd");
    out.push_back(std::move(t));
  }
  return out;
}

ProgressFacts read_progress_facts(const std::filesystem::path& store) {
  if (!std::filesystem::is_regular_file(store)) throw InputError(store.string(), "no such store");
  sql::Db db(store);
  ProgressFacts facts;
  sql::Stmt pages(db, "SELECT province, district, commune, book_id, substr(written_at, 1, 10), status FROM pages");
  while (pages.step())
    facts.pages.push_back({pages.text(0), pages.text(1), pages.text(2), pages.text(3), pages.text(4), pages.text(5)});
  sql::Stmt recs(db,
                 "SELECT p.province, p.district, p.commune, p.book_id, substr(p.written_at, 1, 10), "
                 "substr(COALESCE(r.reviewed_at, ''), 1, 10), "
                 "(SELECT COUNT(*) FROM fields f WHERE f.record_id = r.id AND f.status = 'accept'), "
                 "(SELECT COUNT(*) FROM fields f WHERE f.record_id = r.id AND f.status = 'review'), "
                 "instr(r.issues, 'possible-duplicate:') > 0 "
                 "FROM records r JOIN pages p ON p.id = r.page_id");
  while (recs.step()) {
    RecordFact r{recs.text(0), recs.text(1), recs.text(2), recs.text(3), recs.text(4), recs.text(5),
                 int(recs.int64(6)), int(recs.int64(7)), recs.int64(8) != 0};
    facts.records.push_back(std::move(r));
  }
  return facts;
}

ProgressReport compute_progress(const ProgressFacts& facts, const std::vector<UnitTarget>& targets,
                                const ProgressOptions& options) {
  ProgressReport rep;
  rep.measure = options.measure;
  // The span of days: first processed day .. as_of.
  std::string first, last;
  auto see = [&](const std::string& d) {
    if (!is_iso_date(d)) return;
    if (first.empty() || d < first) first = d;
    if (last.empty() || d > last) last = d;
  };
  for (const auto& p : facts.pages) see(p.day);
  for (const auto& r : facts.records) see(r.reviewed_day);
  rep.as_of = options.as_of.empty() ? last : options.as_of;
  if (!rep.as_of.empty() && !is_iso_date(rep.as_of)) throw InputError(rep.as_of, "--date is not yyyy-mm-dd");
  rep.first_day = first.empty() || (!rep.as_of.empty() && first > rep.as_of) ? rep.as_of : first;
  auto counted = [&](const std::string& d) { return !d.empty() && is_iso_date(d) && d <= rep.as_of; };

  // Which report unit a stored page belongs to: the first target above it, else its own text.
  std::vector<std::string> target_keys;
  for (const auto& t : targets) target_keys.push_back(unit_key(t.unit));
  std::map<std::string, std::string> unit_cache;
  auto unit_of = [&](const std::string& prov, const std::string& dist, const std::string& comm) -> std::string {
    std::string full = unit_text(prov, dist, comm);
    auto it = unit_cache.find(full);
    if (it != unit_cache.end()) return it->second;
    std::string out = full;
    std::string fk = unit_key(full), ck = unit_key(comm), dk = unit_key(dist), pk = unit_key(prov);
    for (size_t i = 0; i < targets.size(); ++i) {
      const std::string& k = target_keys[i];
      if (k == fk || (!ck.empty() && k == ck) || (!dk.empty() && k == dk) || (!pk.empty() && k == pk)) {
        out = targets[i].unit;
        break;
      }
    }
    return unit_cache[full] = out;
  };

  std::map<std::string, ProgressCounts> unit_counts;
  std::map<std::pair<std::string, std::string>, ProgressCounts> book_counts, day_counts;
  std::map<std::string, std::map<std::string, long>> done_by_day;  // unit -> day -> done that day
  for (const auto& p : facts.pages) {
    if (!counted(p.day)) continue;
    std::string u = unit_of(p.province, p.district, p.commune);
    ProgressCounts c;
    c.pages_scanned = facts.scanned.count(p.book_id) ? 0 : 1;
    c.pages_processed = p.status == "failed" ? 0 : 1;
    c.pages_failed = p.status == "failed" ? 1 : 0;
    book_counts[{u, p.book_id}] += c;
    day_counts[{u, p.day}] += c;
  }
  for (const auto& r : facts.records) {
    if (!counted(r.day)) continue;
    std::string u = unit_of(r.province, r.district, r.commune);
    ProgressCounts c;
    c.records = 1;
    c.fields_accepted = r.fields_accepted;
    c.fields_review = r.fields_review;
    c.duplicates = r.duplicate ? 1 : 0;
    book_counts[{u, r.book_id}] += c;
    day_counts[{u, r.day}] += c;
    if (options.measure == DoneMeasure::Prefilled) done_by_day[u][r.day] += 1;
    if (counted(r.reviewed_day)) {
      ProgressCounts rv;
      rv.records_reviewed = 1;
      book_counts[{u, r.book_id}] += rv;
      day_counts[{u, r.reviewed_day}] += rv;
      if (options.measure == DoneMeasure::Reviewed) done_by_day[u][r.reviewed_day] += 1;
    }
  }
  // Scanned pages known from an inventory count once per book, whatever was stored.
  for (const auto& [book, scan] : facts.scanned)
    book_counts[{unit_of(scan.province, scan.district, scan.commune), book}].pages_scanned += scan.pages;
  for (const auto& [key, c] : book_counts) {
    rep.books.push_back({key.first, key.second, c});
    unit_counts[key.first] += c;
    rep.total += c;
  }
  for (const auto& [key, c] : day_counts) rep.days.push_back({key.first, key.second, c});

  std::vector<std::string> order;
  for (const auto& t : targets) order.push_back(t.unit);
  for (const auto& [u, c] : unit_counts)
    if (std::find(order.begin(), order.end(), u) == order.end()) order.push_back(u);
  for (const std::string& u : order) {
    UnitProgress up;
    up.unit = u;
    up.counts = unit_counts[u];
    for (const auto& t : targets)
      if (t.unit == u) up.target = t.target_records, up.deadline = t.deadline;
    const auto& per_day = done_by_day[u];
    long total = 0, recent = 0;
    if (!rep.as_of.empty()) {
      long span = days_between(rep.first_day, rep.as_of);
      for (long i = 0; i <= span; ++i) {
        std::string d = add_days(rep.first_day, i);
        auto it = per_day.find(d);
        long n = it == per_day.end() ? 0 : it->second;
        total += n;
        if (span - i < options.recent_days) recent += n;
        up.cumulative.emplace_back(d, total);
      }
    }
    up.done = total;
    up.rate_per_day = options.recent_days > 0 ? double(recent) / options.recent_days : 0;
    if (up.target > 0) {
      up.remaining = std::max(0L, up.target - up.done);
      if (up.remaining == 0) {
        up.forecast = "done";
        up.on_track = true;
      } else if (up.rate_per_day > 0 && !rep.as_of.empty()) {
        up.forecast = add_days(rep.as_of, long(std::ceil(double(up.remaining) / up.rate_per_day)));
        up.on_track = up.deadline.empty() || up.forecast <= up.deadline;
      }
    }
    rep.units.push_back(std::move(up));
  }
  return rep;
}

}  // namespace ledger
