// Tests for the record rules: each rule fires on a bad record and stays quiet on its near miss;
// the entry-sequence check flags only the entries that break a book's order.
#include "fields/record_rules.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace ledger {
namespace {

DraftRecord make(std::vector<std::pair<std::string, std::string>> values) {
  DraftRecord r;
  for (auto& [k, v] : values) {
    DraftField f;
    f.value = v;
    f.type = k == "so" || k == "trangSo" || k == "quyenSo" ? FieldType::Number
             : k.find("BangChu") != std::string::npos     ? FieldType::DateWords
             : k.find("Ngay") != std::string::npos        ? FieldType::Date
                                                          : FieldType::Text;
    r.fields.emplace_back(k, f);
  }
  return r;
}

// A record that breaks no rule; tests change one field to make a rule fire (or nearly).
DraftRecord good() {
  return make({{"trangSo", "12"},
               {"so", "11/2017"},
               {"ngayDangKy", "20.03.2017"},
               {"nksHoTen", "Lưu Ngọc Tuấn"},
               {"nksNgaySinh", "19.02.2017"},
               {"nksNgaySinhBangChu", "ngày mười chín tháng hai năm hai nghìn không trăm mười bảy"},
               {"meNgaySinh", "1990"},
               {"chaNgaySinh", "1985"}});
}

bool has(const DraftRecord& r, const std::string& key, const std::string& reason) {
  const DraftField* f = r.find(key);
  return f && std::find(f->reasons.begin(), f->reasons.end(), reason) != f->reasons.end();
}

size_t reason_count(const DraftRecord& r) {
  size_t n = 0;
  for (const auto& [k, f] : r.fields) n += f.reasons.size();
  return n;
}

void set(DraftRecord& r, const std::string& key, const std::string& v) { r.find(key)->value = v; }

}  // namespace

TEST(RecordRules, GoodRecordPasses) {
  DraftRecord r = good();
  apply_record_rules(r, 2017);
  EXPECT_EQ(reason_count(r), 0u);
  EXPECT_TRUE(r.issues.empty());
  double agree = -1;
  for (auto& [k, v] : r.find("nksNgaySinh")->evidence)
    if (k == "date-words-agree") agree = v;
  EXPECT_EQ(agree, 1);
}

TEST(RecordRules, RequiredMissing) {
  DraftRecord r = good();
  set(r, "so", "");
  set(r, "ngayDangKy", " ");
  apply_record_rules(r, 2017);
  EXPECT_TRUE(has(r, "so", "required-missing"));
  EXPECT_TRUE(has(r, "ngayDangKy", "required-missing"));
  DraftRecord absent = make({{"nksHoTen", "An"}});  // the layout has no so: nothing to flag
  apply_record_rules(absent, 2017);
  EXPECT_EQ(reason_count(absent), 0u);
  DraftRecord custom = good();
  set(custom, "nksHoTen", "");
  apply_record_rules(custom, 2017, {"so", "ngayDangKy", "nksHoTen"});
  EXPECT_TRUE(has(custom, "nksHoTen", "required-missing"));
}

TEST(RecordRules, SoFormat) {
  DraftRecord bad = good();
  set(bad, "so", "11-2017");
  apply_record_rules(bad, 2017);
  EXPECT_TRUE(has(bad, "so", "so-format"));
  DraftRecord plain = good();  // near miss: "11" is as written, only a record issue
  set(plain, "so", "11");
  apply_record_rules(plain, 2017);
  EXPECT_FALSE(has(plain, "so", "so-format"));
  EXPECT_NE(std::find(plain.issues.begin(), plain.issues.end(), "so-without-year"), plain.issues.end());
}

TEST(RecordRules, NgayDangKyFormat) {
  DraftRecord bad = good();
  set(bad, "ngayDangKy", "20/03/2017");
  apply_record_rules(bad, 2017);
  EXPECT_TRUE(has(bad, "ngayDangKy", "ngayDangKy-format"));
  DraftRecord year_only = good();
  set(year_only, "ngayDangKy", "2017");
  apply_record_rules(year_only, 2017);
  EXPECT_TRUE(has(year_only, "ngayDangKy", "ngayDangKy-format"));
}

TEST(RecordRules, YearMismatch) {
  DraftRecord r = good();
  set(r, "so", "11/2016");
  apply_record_rules(r, std::nullopt);
  EXPECT_TRUE(has(r, "so", "year-mismatch"));
  EXPECT_TRUE(has(r, "ngayDangKy", "year-mismatch"));
  DraftRecord early = good();  // registered before the book opened
  set(early, "so", "11");
  set(early, "ngayDangKy", "20.03.2016");
  set(early, "nksNgaySinh", "2016");
  set(early, "nksNgaySinhBangChu", "");
  apply_record_rules(early, 2017);
  EXPECT_TRUE(has(early, "ngayDangKy", "year-mismatch"));
  DraftRecord later = good();  // near miss: a book may run into the next year
  set(later, "so", "02/2018");
  set(later, "ngayDangKy", "03.01.2018");
  apply_record_rules(later, 2017);
  EXPECT_FALSE(has(later, "so", "year-mismatch"));
  EXPECT_FALSE(has(later, "ngayDangKy", "year-mismatch"));
}

TEST(RecordRules, BirthDateForms) {
  for (const char* bad : {"19/02/2017", "2.2017", "17", "31.04.2016"}) {
    DraftRecord r = good();
    set(r, "nksNgaySinh", bad);
    set(r, "nksNgaySinhBangChu", "");
    apply_record_rules(r, 2017);
    EXPECT_TRUE(has(r, "nksNgaySinh", "birth-date-format")) << bad;
  }
  DraftRecord impossible = good();
  set(impossible, "meNgaySinh", "31.04.1990");
  apply_record_rules(impossible, 2017);
  EXPECT_TRUE(has(impossible, "meNgaySinh", "impossible-date"));
  for (const char* ok : {"2016", "01.01.2016", ""}) {
    DraftRecord r = good();
    set(r, "nksNgaySinh", ok);
    set(r, "nksNgaySinhBangChu", "");
    apply_record_rules(r, 2017);
    EXPECT_FALSE(has(r, "nksNgaySinh", "birth-date-format")) << ok;
  }
}

TEST(RecordRules, TrangSoNumber) {
  DraftRecord r = good();
  set(r, "trangSo", "12a");
  apply_record_rules(r, 2017);
  EXPECT_TRUE(has(r, "trangSo", "trangSo-not-number"));
  DraftRecord ok = good();
  set(ok, "trangSo", "143");
  apply_record_rules(ok, 2017);
  EXPECT_FALSE(has(ok, "trangSo", "trangSo-not-number"));
}

TEST(RecordRules, BirthAfterRegistration) {
  DraftRecord r = good();
  set(r, "nksNgaySinh", "21.03.2017");
  set(r, "nksNgaySinhBangChu", "");
  apply_record_rules(r, 2017);
  EXPECT_TRUE(has(r, "nksNgaySinh", "after-registration-date"));
  EXPECT_TRUE(has(r, "ngayDangKy", "after-registration-date"));
  DraftRecord same_day = good();  // near miss: born and registered the same day
  set(same_day, "nksNgaySinh", "20.03.2017");
  set(same_day, "nksNgaySinhBangChu", "");
  apply_record_rules(same_day, 2017);
  EXPECT_FALSE(has(same_day, "nksNgaySinh", "after-registration-date"));
}

TEST(RecordRules, ParentAges) {
  DraftRecord young = good();
  set(young, "meNgaySinh", "2006");  // 11 at the birth
  apply_record_rules(young, 2017);
  EXPECT_TRUE(has(young, "meNgaySinh", "parent-age-implausible"));
  DraftRecord old = good();
  set(old, "chaNgaySinh", "1946");  // 71
  apply_record_rules(old, 2017);
  EXPECT_TRUE(has(old, "chaNgaySinh", "parent-age-implausible"));
  DraftRecord edges = good();  // near misses: exactly 12 and 70
  set(edges, "meNgaySinh", "2005");
  set(edges, "chaNgaySinh", "1947");
  apply_record_rules(edges, 2017);
  EXPECT_FALSE(has(edges, "meNgaySinh", "parent-age-implausible"));
  EXPECT_FALSE(has(edges, "chaNgaySinh", "parent-age-implausible"));
}

TEST(RecordRules, DateWordsCrossCheck) {
  DraftRecord r = good();
  set(r, "nksNgaySinhBangChu", "ngày mười chín tháng ba năm hai nghìn không trăm mười bảy");
  apply_record_rules(r, 2017);
  EXPECT_TRUE(has(r, "nksNgaySinh", "date-words-mismatch"));
  EXPECT_TRUE(has(r, "nksNgaySinhBangChu", "date-words-mismatch"));
  DraftRecord normalised = good();  // words already normalised to dd.mm.yyyy
  set(normalised, "nksNgaySinhBangChu", "19.02.2017");
  apply_record_rules(normalised, 2017);
  EXPECT_FALSE(has(normalised, "nksNgaySinh", "date-words-mismatch"));
}

TEST(EntrySequence, FlagsOnlyTheBreaks) {
  std::vector<DraftRecord> recs;
  for (const char* so : {"01/2017", "02/2017", "30/2017", "04/2017", "05/2017"}) recs.push_back(make({{"so", so}}));
  std::vector<DraftRecord*> ptrs;
  for (auto& r : recs) ptrs.push_back(&r);
  check_entry_sequence(ptrs);
  for (size_t i = 0; i < recs.size(); ++i)
    EXPECT_EQ(has(recs[i], "so", "so-out-of-sequence"), i == 2) << i;
}

TEST(EntrySequence, RestartsEachYearAndDuplicates) {
  std::vector<DraftRecord> recs;
  recs.push_back(make({{"so", "98"}, {"ngayDangKy", "28.12.2017"}}));
  recs.push_back(make({{"so", "99"}, {"ngayDangKy", "30.12.2017"}}));
  recs.push_back(make({{"so", "01"}, {"ngayDangKy", "02.01.2018"}}));
  recs.push_back(make({{"so", "02"}, {"ngayDangKy", "03.01.2018"}}));
  recs.push_back(make({{"so", "02"}, {"ngayDangKy", "04.01.2018"}}));  // duplicate number
  std::vector<DraftRecord*> ptrs;
  for (auto& r : recs) ptrs.push_back(&r);
  check_entry_sequence(ptrs);
  for (size_t i = 0; i < 4; ++i) EXPECT_FALSE(has(recs[i], "so", "so-out-of-sequence")) << i;
  EXPECT_TRUE(has(recs[4], "so", "so-out-of-sequence"));
}

// A book's registration days: (reading, accepted?) in page order.
std::vector<DraftRecord> registrations(const std::vector<std::pair<std::string, bool>>& days) {
  std::vector<DraftRecord> recs;
  for (const auto& [day, accepted] : days) {
    recs.push_back(make({{"ngayDangKy", day}}));
    recs.back().fields.front().second.status = accepted ? FieldStatus::Accept : FieldStatus::Review;
  }
  return recs;
}

std::vector<DraftRecord*> pointers(std::vector<DraftRecord>& recs) {
  std::vector<DraftRecord*> ptrs;
  for (auto& r : recs) ptrs.push_back(&r);
  return ptrs;
}

TEST(RegistrationOrder, FlagsTheAcceptedDayThatFalls) {
  // 13.01 read "03.01", accepted; two of the hand's 1s read as 7 stay under review, unjudged.
  auto recs = registrations({{"10.01.2012", true},
                             {"11.01.2012", true},
                             {"03.01.2012", true},
                             {"13.07.2012", false},
                             {"14.01.2012", true},
                             {"17.07.2012", false},
                             {"17.01.2012", true},
                             {"17.01.2012", true}});
  auto ptrs = pointers(recs);
  check_registration_order(ptrs);
  for (size_t i = 0; i < recs.size(); ++i) {
    EXPECT_EQ(has(recs[i], "ngayDangKy", "ngayDangKy-out-of-order"), i == 2) << i;
    const auto& issues = recs[i].issues;
    EXPECT_EQ(std::count(issues.begin(), issues.end(), "ngayDangKy-out-of-order"), i == 2 ? 1 : 0) << i;
  }
}

TEST(RegistrationOrder, AFlaggedDayIsJudgedAgain) {
  auto recs = registrations({{"10.01.2012", true}, {"03.01.2012", true}, {"14.01.2012", true}});
  auto ptrs = pointers(recs);
  check_registration_order(ptrs);
  ASSERT_TRUE(has(recs[1], "ngayDangKy", "ngayDangKy-out-of-order"));
  recs[1].fields.front().second.status = FieldStatus::Review;  // where the flag sends it
  check_registration_order(ptrs);
  EXPECT_TRUE(has(recs[1], "ngayDangKy", "ngayDangKy-out-of-order")) << "still breaks the order";
  recs[0].fields.front().second.value = "01.01.2012";  // the page before is read again
  check_registration_order(ptrs);
  EXPECT_FALSE(has(recs[1], "ngayDangKy", "ngayDangKy-out-of-order")) << "the order is mended";
  EXPECT_TRUE(recs[1].issues.empty());
}

}  // namespace ledger
