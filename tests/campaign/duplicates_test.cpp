// Tests for duplicate detection: each rule on a true duplicate and on near-misses that must not
// match (twins, same name with another birth date or mother), blocking, the earlier export.
#include "campaign/duplicates.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "core/error.hpp"
#include "testkit.hpp"

namespace ledger {
namespace {

PersonRecord base() {
  PersonRecord p;
  p.id = "a";
  p.unit = "Xã Hướng Phùng";
  p.quyen_so = "01/2017";
  p.so = "12/2017";
  p.name = "Lưu Ngọc Tuấn";
  p.birth_date = "19.10.2016";
  p.mother = "Trần Thị Hoà";
  p.father = "Lưu Văn Nam";
  p.sex = "Nam";
  return p;
}

/// The same child registered again elsewhere (another unit, book and entry).
PersonRecord reregistered() {
  PersonRecord p = base();
  p.id = "b";
  p.unit = "Thị trấn Khe Sanh";
  p.quyen_so = "02/2018";
  p.so = "5/2018";
  return p;
}

bool reported(const DuplicateReport& r, const std::string& a, const std::string& b, DuplicateRule rule) {
  for (const auto& p : r.pairs)
    if (((p.id_a == a && p.id_b == b) || (p.id_a == b && p.id_b == a)) && p.rule == rule) return true;
  return false;
}

TEST(SameRegistration, SameUnitBookEntryMatchesDespiteZerosAndCase) {
  PersonRecord a = base(), b = base();
  b.id = "b";
  b.unit = "  XÃ HƯỚNG PHÙNG ";
  b.quyen_so = "1/2017";
  b.so = "012/2017";
  b.name = "Lưu Ngọc Tuân";  // keyed differently: the registration is still the same
  EXPECT_TRUE(same_registration(a, b));
  auto r = find_duplicates({a, b});
  ASSERT_EQ(r.pairs.size(), 1u);
  EXPECT_EQ(r.pairs[0].rule, DuplicateRule::SameRegistration);
  EXPECT_EQ(r.pairs[0].score, 1.0);
}

TEST(SameRegistration, NearMissesDoNotMatch) {
  PersonRecord a = base();
  PersonRecord other_entry = base(), other_book = base(), other_unit = base(), no_book = base();
  other_entry.so = "13/2017";
  other_book.quyen_so = "02/2017";
  other_unit.unit = "Xã Hướng Tân";
  no_book.quyen_so = "";
  for (const PersonRecord* b : {&other_entry, &other_book, &other_unit, &no_book})
    EXPECT_FALSE(same_registration(a, *b)) << b->so << " " << b->quyen_so << " " << b->unit;
  // Ruled out as a registration; with another child's data they are no pair at all.
  other_entry.id = "c";
  other_entry.name = "Hồ Thị Lan";
  other_entry.mother = "Lê Thị Mai";
  EXPECT_TRUE(find_duplicates({a, other_entry}).pairs.empty());
}

TEST(SamePerson, ReRegistrationIsLikely) {
  PersonMatch m = score_same_person(base(), reregistered());
  EXPECT_FALSE(m.vetoed);
  EXPECT_GE(m.score, DuplicateOptions{}.likely_score);
  auto r = find_duplicates({base(), reregistered()});
  EXPECT_TRUE(reported(r, "a", "b", DuplicateRule::SamePerson));
  ASSERT_EQ(r.pairs.size(), 1u);
  EXPECT_FALSE(r.pairs[0].reasons.empty());
}

TEST(SamePerson, ToleratesTonePlacementCapitalsYearOnlyAndMissingFather) {
  PersonRecord b = reregistered();
  b.name = "LƯU NGỌC TUẤN";
  b.mother = "Trần Thị Hòa";  // other tone placement
  b.birth_date = "2016";
  b.father = "";
  auto r = find_duplicates({base(), b});
  EXPECT_TRUE(reported(r, "a", "b", DuplicateRule::SamePerson));
}

TEST(SamePerson, NameSlipIsCaughtByDateAndMotherBlock) {
  PersonRecord b = reregistered();
  b.name = "Lưu Ngọc Tuấn";
  b.name = "Lưa Ngọc Tuấn";  // one letter off in the surname: another name block
  auto r = find_duplicates({base(), b});
  EXPECT_TRUE(reported(r, "a", "b", DuplicateRule::SamePerson));
}

TEST(SamePerson, TwinsWithDifferentGivenNamesDoNotMatch) {
  PersonRecord twin = reregistered();
  twin.unit = base().unit;  // twins: same book, next entry
  twin.quyen_so = base().quyen_so;
  twin.so = "13/2017";
  twin.name = "Lưu Ngọc Tuân";  // Tuấn / Tuân: one mark apart
  EXPECT_TRUE(score_same_person(base(), twin).vetoed);
  twin.name = "Lưu Ngọc Tâm";
  EXPECT_TRUE(score_same_person(base(), twin).vetoed);
  EXPECT_TRUE(find_duplicates({base(), twin}).pairs.empty());
}

TEST(SamePerson, SameNameOtherBirthDateDoesNotMatch) {
  PersonRecord b = reregistered();
  b.birth_date = "19.11.2016";
  EXPECT_TRUE(score_same_person(base(), b).vetoed);
  b.birth_date = "2015";
  EXPECT_TRUE(score_same_person(base(), b).vetoed);
  b.birth_date = "";
  EXPECT_TRUE(score_same_person(base(), b).vetoed);
  EXPECT_TRUE(find_duplicates({base(), b}).pairs.empty());
}

TEST(SamePerson, SameNameAndDateOtherMotherDoesNotMatch) {
  PersonRecord b = reregistered();
  b.mother = "Nguyễn Thị Hoa";
  PersonMatch m = score_same_person(base(), b);
  EXPECT_TRUE(m.vetoed);
  EXPECT_NE(std::find(m.reasons.begin(), m.reasons.end(), "mother-differs"), m.reasons.end());
  EXPECT_TRUE(find_duplicates({base(), b}).pairs.empty());
}

TEST(SamePerson, OtherFatherOrSexDoesNotMatch) {
  PersonRecord b = reregistered();
  b.father = "Hồ Văn Bình";
  EXPECT_TRUE(score_same_person(base(), b).vetoed);
  b = reregistered();
  b.sex = "2";
  EXPECT_TRUE(score_same_person(base(), b).vetoed);
}

TEST(SamePerson, NameAndDateWithoutParentsIsBelowThreshold) {
  PersonRecord a = base(), b = reregistered();
  a.mother = a.father = b.mother = b.father = "";
  PersonMatch m = score_same_person(a, b);
  EXPECT_FALSE(m.vetoed);
  EXPECT_LT(m.score, DuplicateOptions{}.likely_score);
  EXPECT_TRUE(find_duplicates({a, b}).pairs.empty());
}

TEST(Duplicates, EarlierExportPairsOnlyWithCurrentRecords) {
  testkit::TempDir dir;
  auto csv = dir / "export.csv";
  {
    std::ofstream out(csv);
    out << "STT,so,quyenSo,noiDangKy,nksHoTen,nksGioiTinh,nksNgaySinh,meHoTen,chaHoTen\n"
        << "1,12/2017,01/2017,Xã Hướng Phùng,Lưu Ngọc Tuấn,1,19.10.2016,Trần Thị Hoà,Lưu Văn Nam\n"
        << "2,3/2010,01/2010,Xã Hướng Tân,\"Hồ Văn, An\",1,2010,Lê Thị Mai,\n"
        << "3,4/2010,01/2010,Xã Hướng Tân,\"Hồ Văn, An\",1,2010,Lê Thị Mai,\n"
        // near-miss: same child's name and birth date, another mother
        << "4,7/2016,01/2016,Xã Hướng Tân,Lưu Ngọc Tuấn,1,19.10.2016,Lê Thị Mai,\n";
  }
  auto earlier = read_export_records(csv);
  ASSERT_EQ(earlier.size(), 4u);
  EXPECT_EQ(earlier[1].name, "Hồ Văn, An");
  EXPECT_EQ(earlier[0].id, "export.csv#STT1");
  PersonRecord child = base();
  child.quyen_so = "01/2017";  // keyed again in this campaign: the same registration
  auto r = find_duplicates({child, reregistered()}, earlier);
  EXPECT_TRUE(reported(r, "a", "export.csv#STT1", DuplicateRule::SameRegistration));
  EXPECT_TRUE(reported(r, "b", "export.csv#STT1", DuplicateRule::SamePerson));
  for (const auto& p : r.pairs) {
    EXPECT_LT(p.a, r.records);  // never two earlier records
    EXPECT_NE(p.id_b, "export.csv#STT4");
  }
  auto issues = duplicate_issues(r);
  ASSERT_TRUE(issues.count("a"));
  EXPECT_FALSE(issues.count("export.csv#STT1"));
}

TEST(Duplicates, ExportWithoutNameColumnOrXlsxIsRefused) {
  testkit::TempDir dir;
  {
    std::ofstream out(dir / "bad.csv");
    out << "so,quyenSo\n1,01/2017\n";
  }
  EXPECT_THROW(read_export_records(dir / "bad.csv"), InputError);
  EXPECT_THROW(read_export_records(dir / "sheet.xlsx"), InputError);
}

TEST(Duplicates, FindsEveryPlantedPairAmongManyDistinctRecords) {
  // 2,000 distinct children (distinct given names via numbers in the mother's name) plus
  // planted copies: every copy found, nothing else.
  std::vector<PersonRecord> recs;
  for (int i = 0; i < 2000; ++i) {
    PersonRecord p = base();
    p.id = "r" + std::to_string(i);
    p.so = std::to_string(i + 1) + "/2017";
    p.mother = "Trần Thị Hoà " + std::to_string(i);  // same child name & date, other mothers
    recs.push_back(p);
  }
  PersonRecord copy1 = recs[10];
  copy1.id = "copy1";  // keyed twice
  PersonRecord copy2 = recs[20];
  copy2.id = "copy2";  // re-registered elsewhere
  copy2.unit = "Xã Khác";
  recs.push_back(copy1);
  recs.push_back(copy2);
  auto r = find_duplicates(recs);
  EXPECT_EQ(r.pairs.size(), 2u);
  EXPECT_TRUE(reported(r, "r10", "copy1", DuplicateRule::SameRegistration));
  EXPECT_TRUE(reported(r, "r20", "copy2", DuplicateRule::SamePerson));
  EXPECT_GE(r.largest_block, 2000u);  // all share name + year: one big block, still exact
}

}  // namespace
}  // namespace ledger
