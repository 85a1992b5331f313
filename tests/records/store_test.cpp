// The SQLite store: round trip of a page's records, idempotent re-writes, failed and duplicate
// pages, the resume keys, and the ledger-draft/1 export.
#include "records/store.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/error.hpp"
#include "records/draft_json.hpp"
#include "testkit.hpp"

namespace ledger {
namespace {

PageResult make_page(const std::string& path, const std::string& sha, int records) {
  PageResult r;
  r.ref.path = "/scans/" + path;
  r.ref.rel_path = path;
  r.ref.page = 1;
  r.ref.book.type = "KS";
  r.ref.book.year = 2017;
  r.ref.book.volume = "01";
  r.ref.book.commune = "Xã Hướng Phùng";
  r.ref.book.book_page = 12;
  r.sha256 = sha;
  r.width = 2480;
  r.height = 3508;
  r.dpi = 300;
  r.layout_id = "ks-2016";
  r.issues = {"layout-unsure"};
  for (int i = 0; i < records; ++i) {
    DraftRecord rec;
    rec.record = i;
    DraftField name;
    name.value = "Lưu Ngọc Tuấn " + std::to_string(i);
    name.raw = "LƯU NGỌC TUẤN";
    name.confidence = 0.98234;
    name.status = FieldStatus::Accept;
    name.box = {610, 340 + 100 * i, 1500, 70};
    name.type = FieldType::Name;
    name.evidence = {{"ocr_mean", 0.9}, {"lexicon_distance", 0.0}};
    DraftField date;
    date.value = "19.10.1985";
    date.raw = "19/10/1985";
    date.confidence = 0.41;
    date.status = FieldStatus::Review;
    date.box = {500, 450, 420, 70};
    date.hand = true;
    date.reasons = {"low-ocr-confidence"};
    date.type = FieldType::Date;
    DraftField id;
    id.status = FieldStatus::Blank;
    id.confidence = 0.99;
    rec.fields = {{"nksHoTen", name}, {"nksNgaySinh", date}, {"nksSoDinhDanh", id}};
    rec.issues = {"cross-field"};
    r.records.push_back(rec);
  }
  return r;
}

TEST(Store, RoundTripKeepsEveryFieldAttribute) {
  testkit::TempDir tmp;
  auto store = Store::open(tmp / "s.sqlite");
  auto batch = store.begin_batch("test");
  auto page = make_page("KS/2017/01/p1.png", "aa11", 2);
  EXPECT_EQ(store.write_page(page, {123, 456}, batch), WriteOutcome::Stored);
  store.finish_batch(batch, 1, 0, 0);

  auto recs = store.records();
  ASSERT_EQ(recs.size(), 2u);
  for (size_t i = 0; i < recs.size(); ++i) {
    const auto& got = recs[i];
    const auto& want = page.records[i];
    EXPECT_EQ(got.draft.record, want.record);
    EXPECT_EQ(got.draft.issues, want.issues);
    ASSERT_EQ(got.draft.fields.size(), want.fields.size());
    for (size_t k = 0; k < want.fields.size(); ++k) {
      const auto& [wk, wf] = want.fields[k];
      const auto& [gk, gf] = got.draft.fields[k];
      EXPECT_EQ(gk, wk);
      EXPECT_EQ(gf.value, wf.value);
      EXPECT_EQ(gf.raw, wf.raw);
      EXPECT_DOUBLE_EQ(gf.confidence, wf.confidence);
      EXPECT_EQ(gf.status, wf.status);
      EXPECT_EQ(gf.box, wf.box);
      EXPECT_EQ(gf.hand, wf.hand);
      EXPECT_EQ(gf.reasons, wf.reasons);
      EXPECT_EQ(gf.type, wf.type);
      EXPECT_EQ(gf.evidence, wf.evidence);
    }
    EXPECT_EQ(got.page.ref.path, page.ref.path);
    EXPECT_EQ(got.page.ref.book.book_id(), page.ref.book.book_id());
    EXPECT_EQ(got.page.ref.book.book_page, page.ref.book.book_page);
    EXPECT_EQ(got.page.sha256, page.sha256);
    EXPECT_TRUE(got.reviewed_at.empty());
  }
  EXPECT_TRUE(store.has_page("aa11"));
  EXPECT_FALSE(store.has_page("bb22"));
  EXPECT_TRUE(store.is_done(page.ref.path, 1, {123, 456}));
  EXPECT_FALSE(store.is_done(page.ref.path, 1, {124, 456}));
  EXPECT_EQ(store.done_sources().size(), 1u);
}

TEST(Store, RewritingAPageReplacesItsRows) {
  testkit::TempDir tmp;
  auto store = Store::open(tmp / "s.sqlite");
  auto batch = store.begin_batch("test");
  store.write_page(make_page("a.png", "aa", 3), {1, 1}, batch);
  store.write_page(make_page("a.png", "aa", 3), {1, 1}, batch);
  store.write_page(make_page("b.png", "bb", 1), {1, 1}, batch);
  EXPECT_EQ(store.records().size(), 4u);
  EXPECT_EQ(store.pages().size(), 2u);
  // Reopening sees the same rows (the file is the state, nothing kept in memory).
  auto again = Store::open(tmp / "s.sqlite");
  EXPECT_EQ(again.records().size(), 4u);
}

TEST(Store, FailedAndDuplicatePagesAreRecordedWithoutRecords) {
  testkit::TempDir tmp;
  auto store = Store::open(tmp / "s.sqlite");
  auto batch = store.begin_batch("test");
  PageResult bad;
  bad.ref.path = "/scans/broken.jpg";
  bad.ref.rel_path = "broken.jpg";
  bad.error = "not an image";
  store.write_page(bad, {10, 1}, batch);
  store.write_page(make_page("a.png", "same", 1), {1, 1}, batch);
  EXPECT_EQ(store.write_page(make_page("copy-of-a.png", "same", 1), {1, 1}, batch),
            WriteOutcome::Duplicate);

  auto failed = store.failed_pages();
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_EQ(failed[0].error, "not an image");
  EXPECT_FALSE(store.is_done(bad.ref.path, 1, {10, 1}));  // failed pages are retried
  EXPECT_EQ(store.records().size(), 1u);
  bool found_duplicate = false;
  for (const auto& p : store.pages())
    if (p.status == "duplicate") {
      found_duplicate = true;
      ASSERT_EQ(p.issues.size(), 2u);
      EXPECT_EQ(p.issues[1], "duplicate-of:a.png#1");
    }
  EXPECT_TRUE(found_duplicate);
}

TEST(Store, FiltersByBookAndReviewState) {
  testkit::TempDir tmp;
  auto store = Store::open(tmp / "s.sqlite");
  auto batch = store.begin_batch("test");
  auto a = make_page("a.png", "aa", 2);
  auto b = make_page("b.png", "bb", 1);
  b.ref.book.volume = "02";
  store.write_page(a, {1, 1}, batch);
  store.write_page(b, {1, 1}, batch);
  RecordFilter by_book;
  by_book.book_id = b.ref.book.book_id();
  EXPECT_EQ(store.records(by_book).size(), 1u);
  RecordFilter reviewed;
  reviewed.reviewed_only = true;
  EXPECT_TRUE(store.records(reviewed).empty());
}

TEST(Store, ExportsLedgerDraftLines) {
  testkit::TempDir tmp;
  auto store = Store::open(tmp / "s.sqlite");
  auto batch = store.begin_batch("test");
  auto page = make_page("KS/2017/01/p1.png", "aa11", 2);
  store.write_page(page, {1, 1}, batch);
  std::stringstream out;
  EXPECT_EQ(export_jsonl(store, out), 2u);
  std::string line;
  int n = 0;
  while (std::getline(out, line)) {
    auto j = nlohmann::json::parse(line);
    EXPECT_EQ(j["schema"], "ledger-draft/1");
    EXPECT_EQ(j["source"]["image"], page.ref.rel_path);
    EXPECT_EQ(j["source"]["sha256"], page.sha256);
    EXPECT_EQ(j["book"]["year"], 2017);
    EXPECT_EQ(j["book"]["unit"], page.ref.book.unit());
    EXPECT_EQ(j["layout"], "ks-2016");
    EXPECT_EQ(j["record"], n);
    const auto& name = j["fields"]["nksHoTen"];
    EXPECT_EQ(name["value"], page.records[n].fields[0].second.value);
    EXPECT_NEAR(name["confidence"].get<double>(), 0.982, 1e-9);
    EXPECT_EQ(name["status"], "accept");
    EXPECT_EQ(name["box"][1], page.records[n].fields[0].second.box.y);
    const auto& blank = j["fields"]["nksSoDinhDanh"];
    EXPECT_EQ(blank["status"], "blank");
    EXPECT_FALSE(blank.contains("box"));
    EXPECT_EQ(j["issues"].size(), 2u);  // record issue + page issue
    ++n;
  }
  EXPECT_EQ(n, 2);
}

TEST(Store, RejectsAFileThatIsNotAStore) {
  testkit::TempDir tmp;
  std::ofstream(tmp / "junk.sqlite") << "this is not a database, just some text long enough";
  EXPECT_THROW(Store::open(tmp / "junk.sqlite"), InputError);
}

}  // namespace
}  // namespace ledger
