// Tests for the progress report on a store with known contents (built through the store API,
// with processing and review days set by SQL): counts per unit/book/day, rate, forecast, --date.
#include "campaign/progress.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "core/csv.hpp"
#include "campaign/progress_report.hpp"
#include "core/error.hpp"
#include "records/sqlite_db.hpp"
#include "records/store.hpp"
#include "testkit.hpp"

namespace ledger {
namespace {

namespace fs = std::filesystem;

DraftRecord record(int n, bool duplicate) {
  DraftRecord r;
  r.record = n;
  for (const char* key : {"so", "nksHoTen", "nksNgaySinh"}) {
    DraftField f;
    f.value = "x";
    f.status = std::string(key) == "nksNgaySinh" ? FieldStatus::Review : FieldStatus::Accept;
    r.fields.emplace_back(key, f);
  }
  if (duplicate) r.issues.push_back("possible-duplicate:other#0");
  return r;
}

/// Hướng Phùng: book KS.2017.01, pages 1-3 with 2 records each (processed 20, 21, 22 Nov),
/// page 4 failed on the 22nd; reviews: 2 records on the 21st, 2 on the 22nd, 1 on the 23rd.
/// Tân Hợp: one page with one record on the 23rd. One record is a possible duplicate.
struct KnownStore {
  testkit::TempDir dir;
  fs::path file = dir / "store.sqlite";
  KnownStore() {
    {
      Store store = Store::open(file);
      auto batch = store.begin_batch("test");
      auto page = [&](const std::string& commune, int n, int records, bool failed) {
        PageResult p;
        p.ref.book.type = "KS";
        p.ref.book.year = 2017;
        p.ref.book.volume = "01";
        p.ref.book.province = "Quảng Trị";
        p.ref.book.district = "Hướng Hóa";
        p.ref.book.commune = commune;
        p.ref.book.book_page = n;
        p.ref.book.matched = true;
        p.ref.rel_path = commune + "/KS.2017.01.p000" + std::to_string(n) + ".png";
        p.ref.path = (dir.path() / p.ref.rel_path).string();
        p.sha256 = commune + std::to_string(n);
        if (failed) p.error = "unreadable";
        for (int r = 0; r < records; ++r) p.records.push_back(record(r, commune == "Hướng Phùng" && n == 3 && r == 1));
        store.write_page(p, SourceStamp{}, batch);
      };
      for (int n = 1; n <= 3; ++n) page("Hướng Phùng", n, 2, false);
      page("Hướng Phùng", 4, 0, true);
      page("Tân Hợp", 1, 1, false);
    }
    sql::Db db(file);
    auto day = [&](const std::string& rel, const std::string& when) {
      sql::Stmt(db, "UPDATE pages SET written_at = ? WHERE rel_path = ?").bind(1, when + "T08:00:00Z").bind(2, rel).run();
    };
    day("Hướng Phùng/KS.2017.01.p0001.png", "2026-11-20");
    day("Hướng Phùng/KS.2017.01.p0002.png", "2026-11-21");
    day("Hướng Phùng/KS.2017.01.p0003.png", "2026-11-22");
    day("Hướng Phùng/KS.2017.01.p0004.png", "2026-11-22");
    day("Tân Hợp/KS.2017.01.p0001.png", "2026-11-23");
    auto review = [&](const std::string& rel, int rec, const std::string& when) {
      sql::Stmt(db, "UPDATE records SET reviewed_at = ?, reviewed_by = 'clerk' WHERE record = ? AND page_id = "
                    "(SELECT id FROM pages WHERE rel_path = ?)")
          .bind(1, when + "T10:00:00Z").bind(2, rec).bind(3, rel).run();
    };
    review("Hướng Phùng/KS.2017.01.p0001.png", 0, "2026-11-21");
    review("Hướng Phùng/KS.2017.01.p0001.png", 1, "2026-11-21");
    review("Hướng Phùng/KS.2017.01.p0002.png", 0, "2026-11-22");
    review("Hướng Phùng/KS.2017.01.p0002.png", 1, "2026-11-22");
    review("Hướng Phùng/KS.2017.01.p0003.png", 0, "2026-11-23");
  }
};

std::vector<UnitTarget> targets() { return {{"Xã Hướng Phùng", 11, "2026-11-30"}}; }

const UnitProgress* unit(const ProgressReport& r, const std::string& name_part) {
  for (const auto& u : r.units)
    if (u.unit.find(name_part) != std::string::npos) return &u;
  return nullptr;
}

TEST(Progress, CountsPerUnitAndBookFromTheStore) {
  KnownStore s;
  ProgressFacts facts = read_progress_facts(s.file);
  EXPECT_EQ(facts.pages.size(), 5u);
  EXPECT_EQ(facts.records.size(), 7u);
  ProgressOptions opts;
  opts.as_of = "2026-11-23";
  ProgressReport r = compute_progress(facts, targets(), opts);
  ASSERT_EQ(r.units.size(), 2u);
  const UnitProgress* hp = unit(r, "Hướng Phùng");
  ASSERT_NE(hp, nullptr);
  EXPECT_EQ(hp->unit, "Xã Hướng Phùng");  // gathered under the target's name
  EXPECT_EQ(hp->counts.pages_scanned, 4);
  EXPECT_EQ(hp->counts.pages_processed, 3);
  EXPECT_EQ(hp->counts.pages_failed, 1);
  EXPECT_EQ(hp->counts.records, 6);
  EXPECT_EQ(hp->counts.fields_accepted, 12);
  EXPECT_EQ(hp->counts.fields_review, 6);
  EXPECT_EQ(hp->counts.records_reviewed, 5);
  EXPECT_EQ(hp->counts.duplicates, 1);
  const UnitProgress* th = unit(r, "Tân Hợp");
  ASSERT_NE(th, nullptr);
  EXPECT_EQ(th->target, 0);
  EXPECT_EQ(th->counts.records, 1);
  EXPECT_EQ(r.total.records, 7);
  ASSERT_EQ(r.books.size(), 2u);
}

TEST(Progress, RateAndForecastAgainstTarget) {
  KnownStore s;
  ProgressOptions opts;
  opts.as_of = "2026-11-23";
  ProgressReport r = compute_progress(read_progress_facts(s.file), targets(), opts);
  const UnitProgress* hp = unit(r, "Hướng Phùng");
  ASSERT_NE(hp, nullptr);
  EXPECT_EQ(hp->done, 5);
  EXPECT_EQ(hp->remaining, 6);
  EXPECT_NEAR(hp->rate_per_day, 5.0 / 3, 1e-9);  // 2 + 2 + 1 over the 21st-23rd
  EXPECT_EQ(hp->forecast, "2026-11-27");         // ceil(6 / 1.67) = 4 days
  EXPECT_TRUE(hp->on_track);
  ASSERT_FALSE(hp->cumulative.empty());
  EXPECT_EQ(hp->cumulative.front().first, "2026-11-20");
  EXPECT_EQ(hp->cumulative.back(), (std::pair<std::string, long>{"2026-11-23", 5}));
}

TEST(Progress, AsOfAnEarlierDayIgnoresLaterWork) {
  KnownStore s;
  ProgressOptions opts;
  opts.as_of = "2026-11-21";
  ProgressReport r = compute_progress(read_progress_facts(s.file), targets(), opts);
  const UnitProgress* hp = unit(r, "Hướng Phùng");
  ASSERT_NE(hp, nullptr);
  EXPECT_EQ(hp->counts.pages_processed, 2);
  EXPECT_EQ(hp->counts.pages_failed, 0);
  EXPECT_EQ(hp->counts.records, 4);
  EXPECT_EQ(hp->counts.records_reviewed, 2);
  EXPECT_EQ(hp->remaining, 9);
  EXPECT_EQ(hp->forecast, "2026-12-05");  // 2/3 per day: 14 days, after the deadline
  EXPECT_FALSE(hp->on_track);
  EXPECT_EQ(unit(r, "Tân Hợp"), nullptr);  // not started yet on the 21st
}

TEST(Progress, PrefilledMeasureAndNoRate) {
  KnownStore s;
  ProgressOptions opts;
  opts.as_of = "2026-11-30";
  opts.measure = DoneMeasure::Prefilled;
  ProgressReport r = compute_progress(read_progress_facts(s.file), targets(), opts);
  const UnitProgress* hp = unit(r, "Hướng Phùng");
  EXPECT_EQ(hp->done, 6);
  EXPECT_EQ(hp->rate_per_day, 0);  // nothing in the last three days
  EXPECT_EQ(hp->forecast, "");
  EXPECT_FALSE(hp->on_track);
}

TEST(Progress, WritesSelfContainedHtmlAndCsv) {
  KnownStore s;
  ProgressOptions opts;
  opts.as_of = "2026-11-23";
  ProgressReport r = compute_progress(read_progress_facts(s.file), targets(), opts);
  auto files = write_progress_report(r, s.dir / "out");
  ASSERT_EQ(files.size(), 2u);
  CsvTable csv = read_csv(files[0]);
  int level = csv.column("level"), records = csv.column("records"), forecast = csv.column("forecast");
  ASSERT_GE(level, 0);
  long unit_records = 0, day_records = 0;
  for (const auto& row : csv.rows) {
    if (csv.cell(row, level) == "unit") unit_records += std::stol(csv.cell(row, records));
    if (csv.cell(row, level) == "day") day_records += std::stol(csv.cell(row, records));
    if (csv.cell(row, level) == "unit" && csv.cell(row, 1) == "Xã Hướng Phùng")
      EXPECT_EQ(csv.cell(row, forecast), "2026-11-27");
  }
  EXPECT_EQ(unit_records, 7);
  EXPECT_EQ(day_records, 7);
  std::ifstream in(files[1]);
  std::string html((std::istreambuf_iterator<char>(in)), {});
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_NE(html.find("<polyline"), std::string::npos);
  EXPECT_EQ(html.find("src="), std::string::npos);
  EXPECT_EQ(html.find("href="), std::string::npos);
  EXPECT_NE(html.find("2026-11-27"), std::string::npos);
}

TEST(Progress, TargetsFileAndErrors) {
  testkit::TempDir dir;
  std::ofstream(dir / "t.yaml") << "units:\n  - {unit: \"Huyện Hướng Hóa\", target_records: 500, deadline: 2026-12-20}\n";
  auto t = read_targets(dir / "t.yaml");
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].target_records, 500);
  EXPECT_EQ(t[0].deadline, "2026-12-20");
  std::ofstream(dir / "bad.yaml") << "units:\n  - {unit: A, target_records: 5, deadline: 20-12-2026}\n";
  EXPECT_THROW(read_targets(dir / "bad.yaml"), ConfigError);
  EXPECT_THROW(read_progress_facts(dir / "absent.sqlite"), InputError);
  EXPECT_EQ(add_days("2026-12-30", 3), "2027-01-02");
  EXPECT_EQ(days_between("2026-02-27", "2026-03-01"), 2);
}

TEST(Progress, ScannedPagesFromInventoryIncludeBooksNotStarted) {
  KnownStore s;
  ProgressFacts facts = read_progress_facts(s.file);
  std::string started;
  for (const auto& p : facts.pages)
    if (p.commune == "Hướng Phùng") started = p.book_id;
  facts.scanned[started] = {"Quảng Trị", "Hướng Hóa", "Hướng Phùng", 120};
  facts.scanned["KS.2018.01/Quảng Trị/Hướng Hóa/Hướng Phùng"] = {"Quảng Trị", "Hướng Hóa", "Hướng Phùng", 80};
  ProgressOptions opts;
  opts.as_of = "2026-11-23";
  ProgressReport r = compute_progress(facts, targets(), opts);
  const UnitProgress* hp = unit(r, "Hướng Phùng");
  ASSERT_NE(hp, nullptr);
  EXPECT_EQ(hp->counts.pages_scanned, 200);
  EXPECT_EQ(hp->counts.pages_processed, 3);
  EXPECT_EQ(r.books.size(), 3u);
}

TEST(Progress, DistrictTargetGathersItsCommunes) {
  KnownStore s;
  ProgressOptions opts;
  opts.as_of = "2026-11-23";
  ProgressReport r = compute_progress(read_progress_facts(s.file), {{"Huyện Hướng Hóa", 100, ""}}, opts);
  ASSERT_EQ(r.units.size(), 1u);
  EXPECT_EQ(r.units[0].counts.records, 7);
}

}  // namespace
}  // namespace ledger
