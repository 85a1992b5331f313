// Whole-book checks after a run: an entry number that breaks the book's sequence is flagged and
// sent to review, and the flag goes away when the sequence is mended.
#include "run/book_checks.hpp"

#include <gtest/gtest.h>

#include "testkit.hpp"

namespace ledger {
namespace {

PageResult page_with_so(const std::string& name, const std::vector<std::string>& numbers) {
  PageResult r;
  r.ref.path = "/scans/" + name;
  r.ref.rel_path = name;
  r.ref.book.type = "KS";
  r.ref.book.year = 2017;
  r.ref.book.volume = "01";
  r.sha256 = name;
  for (size_t i = 0; i < numbers.size(); ++i) {
    DraftRecord rec;
    rec.record = int(i);
    DraftField so;
    so.value = numbers[i];
    so.status = FieldStatus::Accept;
    rec.fields.emplace_back("so", so);
    r.records.push_back(rec);
  }
  return r;
}

bool flagged(const StoredRecord& r) {
  const auto& reasons = r.draft.find("so")->reasons;
  return std::find(reasons.begin(), reasons.end(), "so-out-of-sequence") != reasons.end();
}

TEST(BookChecks, FlagsTheEntryThatBreaksTheSequenceAcrossPages) {
  testkit::TempDir tmp;
  auto store = Store::open(tmp / "s.sqlite");
  auto batch = store.begin_batch("");
  store.write_page(page_with_so("p1.png", {"01/2017", "02/2017"}), {1, 1}, batch);
  store.write_page(page_with_so("p2.png", {"09/2017", "04/2017"}), {1, 1}, batch);
  store.write_page(page_with_so("p3.png", {"05/2017", "06/2017"}), {1, 1}, batch);
  auto books = store.books_of_batch(batch);
  ASSERT_EQ(books.size(), 1u);
  EXPECT_EQ(check_books(store, books), 1);
  for (const auto& r : store.records()) {
    bool is_bad = r.page.ref.rel_path == "p2.png" && r.draft.record == 0;
    EXPECT_EQ(flagged(r), is_bad) << r.page.ref.rel_path << " " << r.draft.record;
    EXPECT_EQ(r.draft.find("so")->status, is_bad ? FieldStatus::Review : FieldStatus::Accept);
  }
  // The page is corrected (re-scanned): the flag is gone after the next check.
  store.write_page(page_with_so("p2.png", {"03/2017", "04/2017"}), {2, 2}, batch);
  EXPECT_EQ(check_books(store, books), 0);
  for (const auto& r : store.records()) EXPECT_FALSE(flagged(r));
}

TEST(BookChecks, AnAcceptedRegistrationDayThatFallsGoesToReview) {
  testkit::TempDir tmp;
  auto store = Store::open(tmp / "s.sqlite");
  auto batch = store.begin_batch("");
  const std::vector<std::string> days = {"10.01.2012", "11.01.2012", "03.01.2012", "14.01.2012"};
  for (size_t p = 0; p < days.size(); ++p) {
    PageResult r = page_with_so("p" + std::to_string(p + 1) + ".png", {std::to_string(p + 1)});
    DraftField reg;
    reg.value = days[p];
    reg.status = FieldStatus::Accept;
    r.records.front().fields.emplace_back("ngayDangKy", reg);
    store.write_page(r, {1, 1}, batch);
  }
  auto books = store.books_of_batch(batch);
  EXPECT_EQ(check_books(store, books), 1);
  EXPECT_EQ(check_books(store, books), 1) << "a second check keeps the flag of the day it sent to review";
  for (const auto& r : store.records()) {
    const DraftField* reg = r.draft.find("ngayDangKy");
    const bool is_bad = r.page.ref.rel_path == "p3.png";
    EXPECT_EQ(reg->status, is_bad ? FieldStatus::Review : FieldStatus::Accept) << r.page.ref.rel_path;
    EXPECT_EQ(std::count(reg->reasons.begin(), reg->reasons.end(), "ngayDangKy-out-of-order"), is_bad ? 1 : 0);
  }
}

}  // namespace
}  // namespace ledger
