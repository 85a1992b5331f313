// Tests for duplicates over a store: records read back as persons, the report files, and the
// "possible-duplicate:" issues written to (and cleared from) the store's records.
#include "campaign/duplicates_report.hpp"

#include <gtest/gtest.h>

#include "core/csv.hpp"
#include "records/store.hpp"
#include "testkit.hpp"

namespace ledger {
namespace {

DraftRecord child(int n, const std::string& so, const std::string& name, const std::string& mother) {
  DraftRecord r;
  r.record = n;
  auto add = [&](const char* key, const std::string& value) {
    DraftField f;
    f.value = value;
    f.status = FieldStatus::Accept;
    r.fields.emplace_back(key, f);
  };
  add("so", so);
  add("nksHoTen", name);
  add("nksNgaySinh", "19.10.2016");
  add("meHoTen", mother);
  add("nksGioiTinh", "Nam");
  r.issues.push_back("low-layout-score");  // an unrelated issue must survive marking
  return r;
}

void put(Store& store, std::int64_t batch, const std::string& commune, int year, std::vector<DraftRecord> recs) {
  PageResult p;
  p.ref.book.type = "KS";
  p.ref.book.year = year;
  p.ref.book.volume = "01";
  p.ref.book.commune = commune;
  p.ref.book.matched = true;
  p.ref.rel_path = commune + "/KS." + std::to_string(year) + ".01.p0001.png";
  p.ref.path = "/scans/" + p.ref.rel_path;
  p.sha256 = p.ref.rel_path;
  p.records = std::move(recs);
  store.write_page(p, SourceStamp{}, batch);
}

TEST(DuplicatesReport, FindsReportsAndMarksStoreRecords) {
  testkit::TempDir dir;
  auto file = dir / "store.sqlite";
  {
    Store store = Store::open(file);
    auto batch = store.begin_batch("t");
    put(store, batch, "Hướng Phùng", 2016,
        {child(0, "12", "Lưu Ngọc Tuấn", "Trần Thị Hoà"), child(1, "13", "Lê Văn Bình", "Hồ Thị Lan")});
    put(store, batch, "Tân Hợp", 2018, {child(0, "5", "LƯU NGỌC TUẤN", "Trần Thị Hòa")});  // re-registered
  }
  StorePersons persons = read_store_persons(file);
  ASSERT_EQ(persons.persons.size(), 3u);
  EXPECT_EQ(persons.persons[0].quyen_so, "01/2016");
  EXPECT_EQ(persons.persons[0].id, "Hướng Phùng/KS.2016.01.p0001.png#0");
  DuplicateReport report = find_duplicates(persons.persons);
  ASSERT_EQ(report.pairs.size(), 1u);
  EXPECT_EQ(report.pairs[0].rule, DuplicateRule::SamePerson);

  auto files = write_duplicates_report(report, persons.persons, {}, dir / "out");
  CsvTable csv = read_csv(files[0]);
  ASSERT_EQ(csv.rows.size(), 1u);
  EXPECT_EQ(csv.cell(csv.rows[0], csv.column("rule")), "same-person");

  EXPECT_EQ(mark_store_duplicates(file, persons, report), 2);
  int flagged = 0;
  Store store = Store::open(file);
  for (const auto& r : store.records()) {
    bool dup = false, kept = false;
    for (const auto& i : r.draft.issues) {
      dup |= i.rfind("possible-duplicate:", 0) == 0;
      kept |= i == "low-layout-score";
    }
    flagged += dup;
    EXPECT_TRUE(kept);
  }
  EXPECT_EQ(flagged, 2);
  // Marking again with nothing found clears the stale issues.
  EXPECT_EQ(mark_store_duplicates(file, persons, DuplicateReport{}), 0);
  for (const auto& r : store.records()) EXPECT_EQ(r.draft.issues, std::vector<std::string>{"low-layout-score"});
}

TEST(DuplicatesReport, RecordRefFollowsDraftSpec) {
  EXPECT_EQ(record_ref("KS/a.png", 1, 1, 0), "KS/a.png#0");
  EXPECT_EQ(record_ref("KS/a.pdf", 3, 10, 2), "KS/a.pdf#3#2");
}

}  // namespace
}  // namespace ledger
