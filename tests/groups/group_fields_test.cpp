// The grouping pass over a store: look-alike values of one field type group together, Nam and
// Nữ never share a group, no group crosses field types, proposals come from sure readings, no
// field changes, and a re-run keeps confirmed groups.
#include <gtest/gtest.h>

#include <fstream>
#include <set>

#include "core/error.hpp"

#include "groups/group_fields.hpp"
#include "groups/group_store.hpp"
#include "hand_book.hpp"
#include "testkit.hpp"

namespace ledger::groups {
namespace {

using test::TestField;

// Eight pages, one record each: sex alternating Nam/Nữ (all to review but page 1, accepted),
// ethnicity Kinh everywhere (accepted on page 2), and a text field that reads "Nam" too.
std::vector<std::vector<TestField>> book() {
  std::vector<std::vector<TestField>> pages;
  for (int p = 1; p <= 8; ++p) {
    const bool male = p % 2 == 1;
    pages.push_back({
        {"nksGioiTinh", FieldType::Sex, male ? "Nam" : "Nữ", p == 1 ? FieldStatus::Accept : FieldStatus::Review,
         p == 1 ? 0.99 : 0.5},
        {"nksDanToc", FieldType::Ethnicity, "Kinh", p == 2 ? FieldStatus::Accept : FieldStatus::Review,
         p == 2 ? 0.98 : 0.4},
        {"ghiChu", FieldType::Text, "Nam", FieldStatus::Review, 0.3},
    });
  }
  return pages;
}

struct Snapshot {
  std::map<std::int64_t, std::tuple<std::string, std::string, bool>> fields;  // value, status, reviewed
};
Snapshot snapshot(sql::Db& db) {
  Snapshot s;
  sql::Stmt q(db, "SELECT id, value, status, reviewed_value IS NOT NULL FROM fields");
  while (q.step()) s.fields[q.int64(0)] = {q.text(1), q.text(2), q.int64(3) != 0};
  return s;
}

std::map<std::int64_t, std::pair<std::string, std::string>> field_info(sql::Db& db) {
  std::map<std::int64_t, std::pair<std::string, std::string>> out;  // id -> (type, value)
  sql::Stmt q(db, "SELECT id, type, value FROM fields");
  while (q.step()) out[q.int64(0)] = {q.text(1), q.text(2)};
  return out;
}

TEST(GroupFields, GroupsLookAlikesWithinATypeOnly) {
  testkit::TempDir tmp;
  auto store = test::write_hand_store(tmp.path(), book());
  sql::Db db(store);
  const Snapshot before = snapshot(db);

  auto sum = group_fields(store);
  EXPECT_EQ(sum.books, 1);
  EXPECT_EQ(sum.crops, 24);
  EXPECT_EQ(sum.pages_unreadable, 0);

  const auto info = field_info(db);
  const auto groups = load_groups(db);
  ASSERT_GE(groups.size(), 3u);  // Nam, Nữ, Kinh (and "Nam" notes among text)
  std::set<std::string> values_grouped;
  for (const auto& g : groups) {
    std::set<std::string> types, values;
    for (const auto& m : g.members) {
      types.insert(info.at(m.field_id).first);
      values.insert(info.at(m.field_id).second);
    }
    EXPECT_EQ(types.size(), 1u) << "group " << g.id << " crosses field types";
    EXPECT_EQ(*types.begin(), g.field_type);
    EXPECT_EQ(values.size(), 1u) << "group " << g.id << " mixes values";
    values_grouped.insert(g.field_type + ":" + *values.begin());
    EXPECT_GE(g.members.size(), 2u);
    EXPECT_GE(g.open_members(), 1);
  }
  for (const char* v : {"sex:Nam", "sex:Nữ", "ethnicity:Kinh", "text:Nam"}) EXPECT_TRUE(values_grouped.count(v)) << v;

  // Grouping alone changes no field: no status, no value, no reviewed value.
  const Snapshot after = snapshot(db);
  EXPECT_EQ(before.fields, after.fields);
}

TEST(GroupFields, ProposalsComeFromSureReadingsAndAcceptedMembersAreEvidence) {
  testkit::TempDir tmp;
  auto store = test::write_hand_store(tmp.path(), book());
  group_fields(store);
  sql::Db db(store);
  const auto info = field_info(db);
  for (const auto& g : load_groups(db)) {
    bool has_sure = false;
    for (const auto& m : g.members) {
      EXPECT_EQ(m.role == "evidence", m.status == "accept") << "field " << m.field_id;
      has_sure |= m.confidence >= GroupingOptions{}.sure_confidence;
    }
    EXPECT_EQ(g.source, has_sure ? "reading" : "none") << "group " << g.id;
    if (has_sure) {
      EXPECT_EQ(g.proposed_value, info.at(g.members.front().field_id).second);
      EXPECT_GT(g.confidence, 0.9);
    } else {
      EXPECT_LT(g.confidence, 0.9);
    }
  }
}

TEST(GroupFields, AClosedVocabularyGroupWithoutAVoteProposesNoMisreading) {
  // One hand's "Kinh" read as two-letter remnants: they vote for nothing, and proposing "rh"
  // would leave the clerk a wrong value to delete.
  const char* remnants[] = {"rh", "nh", "mh", "rh", "ah", "nh"};
  std::vector<std::vector<TestField>> pages;
  for (const char* r : remnants)
    pages.push_back({{"nksDanToc", FieldType::Ethnicity, "Kinh", FieldStatus::Review, 0.3, r}});
  testkit::TempDir tmp;
  auto store = test::write_hand_store(tmp.path(), pages);
  group_fields(store);
  sql::Db db(store);
  const auto groups = load_groups(db);
  ASSERT_FALSE(groups.empty());
  for (const auto& g : groups) {
    EXPECT_EQ(g.proposed_value, "") << "group " << g.id;
    EXPECT_EQ(g.source, "none");
  }
}

TEST(GroupFields, RerunKeepsConfirmedGroupsAndRebuildsOpenOnes) {
  testkit::TempDir tmp;
  auto store = test::write_hand_store(tmp.path(), book());
  group_fields(store);
  sql::Db db(store);
  auto first = load_groups(db);
  ASSERT_FALSE(first.empty());
  const auto confirmed = first.front();
  mark_confirmed(db, confirmed.id, "Nam", "anna", "2026-11-28T14:00:00Z", {});
  auto again = group_fields(store);
  auto second = load_groups(db);
  EXPECT_EQ(second.size(), first.size());
  int kept = 0;
  std::set<std::int64_t> confirmed_fields;
  for (const auto& m : confirmed.members) confirmed_fields.insert(m.field_id);
  for (const auto& g : second) {
    if (g.id == confirmed.id) {
      ++kept;
      EXPECT_TRUE(g.confirmed());
      EXPECT_EQ(g.source, "clerk");
      continue;
    }
    for (const auto& m : g.members) EXPECT_FALSE(confirmed_fields.count(m.field_id)) << "regrouped a confirmed member";
  }
  EXPECT_EQ(kept, 1);
  EXPECT_EQ(again.groups, int(first.size()) - 1);
}

TEST(GroupFields, MissingScanIsCountedNotFatal) {
  testkit::TempDir tmp;
  auto store = test::write_hand_store(tmp.path(), book());
  std::filesystem::remove(tmp.path() / "scans" / "KS.2017.01.p001.png");
  auto sum = group_fields(store);
  EXPECT_EQ(sum.pages_unreadable, 1);
  EXPECT_EQ(sum.crops, 21);
  const auto junk = tmp.path() / "junk.sqlite";
  { std::ofstream(junk) << "not a database, just text that is long enough to not be empty\n"; }
  EXPECT_THROW(group_fields(junk), InputError);
}

}  // namespace
}  // namespace ledger::groups

namespace ledger::groups {
namespace {

// Eight one-record pages numbered 01..08: accepted on pages 1, 4 and 6, under review elsewhere
// (read with 0.95 on page 3, 0.5 on the others), and page 5's "05" misread "75".
std::vector<std::vector<TestField>> numbered_book() {
  std::vector<std::vector<TestField>> pages;
  for (int p = 1; p <= 8; ++p) {
    TestField f{"so", FieldType::Number, "0" + std::to_string(p), FieldStatus::Review, 0.5};
    if (p == 1 || p == 4 || p == 6) f.status = FieldStatus::Accept, f.confidence = 0.99;
    if (p == 3) f.confidence = 0.95;
    if (p == 5) f.read_as = "75";
    pages.push_back({f});
  }
  return pages;
}

TEST(GroupFields, EntryNumbersThatContinueTheSureOnesFormASequenceGroup) {
  testkit::TempDir tmp;
  auto store = test::write_hand_store(tmp.path(), numbered_book());
  sql::Db db(store);
  const Snapshot before = snapshot(db);
  auto sum = group_fields(store);
  EXPECT_EQ(sum.sequences, 1);
  const auto groups = load_groups(db);
  ASSERT_EQ(groups.size(), 1u);
  const FieldGroup& g = groups.front();
  EXPECT_EQ(g.kind, "sequence");
  EXPECT_EQ(g.field_key, "so");
  EXPECT_EQ(g.source, "reading");
  EXPECT_EQ(g.proposed_value, "") << "each member keeps its own number";
  EXPECT_NEAR(g.confidence, 0.5 * 0.99 * GroupingOptions{}.purity, 1e-9)
      << "half the least sure backer's confidence: one member's value is proposed against its reading";
  // Members in book order: 02 and 03 (backed by 01 and 04; page 3's confident reading backs
  // nothing, as it is not accepted), 07 and 08 (backed by 06 alone); "75" does not continue them,
  // and its file's page proposes 05 (the offset the sure entries show); the accepted backers are
  // evidence.
  std::vector<std::string> members, evidence, proposed;
  for (const auto& m : g.members) (m.role == "member" ? members : evidence).push_back(m.value);
  for (const auto& m : g.members)
    if (m.role == "member") proposed.push_back(m.proposed.value_or(""));
  EXPECT_EQ(members, (std::vector<std::string>{"02", "03", "75", "07", "08"}));
  EXPECT_EQ(proposed, (std::vector<std::string>{"", "", "05", "", ""}));
  EXPECT_EQ(evidence, (std::vector<std::string>{"01", "04", "06"}));
  EXPECT_EQ(before.fields, snapshot(db).fields) << "grouping changes no field";

  // Without sequence keys there is no sequence group (and numbers are never grouped by look);
  // the entries' files' pages, which these numbers follow, confirm them alone.
  GroupingOptions none;
  none.sequence_keys = {};
  EXPECT_EQ(group_fields(store, none).sequences, 1);
  none.page_entry_keys = {};
  EXPECT_EQ(group_fields(store, none).groups, 0);
}

TEST(GroupFields, ConfidentMisreadingsOfOneHandDoNotBackEachOther) {
  // The hand writes its 1 like a 7: 13 and 14 read "73" (confidently, still under review) and
  // "74". "74" continues "73", but only accepted or typed numbers back a reading.
  std::vector<std::vector<TestField>> pages = {
      {{"so", FieldType::Number, "12", FieldStatus::Accept, 0.99}},
      {{"so", FieldType::Number, "13", FieldStatus::Review, 0.954, "73"}},
      {{"so", FieldType::Number, "14", FieldStatus::Review, 0.5, "74"}},
  };
  testkit::TempDir tmp;
  auto store = test::write_hand_store(tmp.path(), pages);
  GroupingOptions no_pages;
  no_pages.page_entry_keys = {};
  EXPECT_EQ(group_fields(store, no_pages).sequences, 0);
  // The files' pages (12 on page 1) are a witness the hand does not sway: they propose 13 and 14.
  EXPECT_EQ(group_fields(store).sequences, 1);
  sql::Db db(store);
  const auto groups = load_groups(db);
  ASSERT_EQ(groups.size(), 1u);
  std::vector<std::string> proposed;
  for (const auto& m : groups.front().members)
    if (m.role == "member") proposed.push_back(m.proposed.value_or(""));
  EXPECT_EQ(proposed, (std::vector<std::string>{"13", "14"}));
}

TEST(GroupFields, AConfirmedSequenceGroupIsNotBuiltAgain) {
  testkit::TempDir tmp;
  auto store = test::write_hand_store(tmp.path(), numbered_book());
  group_fields(store);
  sql::Db db(store);
  const auto first = load_groups(db);
  ASSERT_EQ(first.size(), 1u);
  mark_confirmed(db, first.front().id, "", "anna", "2026-11-29T03:00:00Z", {});
  EXPECT_EQ(group_fields(store).groups, 0);
  EXPECT_EQ(load_groups(db).size(), 1u);
}

// Long values whose images differ (different ink) but whose readings agree: a place read alike
// on three pages (one accepted), a registration day on two, and two ID numbers a digit apart.
std::vector<std::vector<TestField>> read_alike_book() {
  const std::string place = "Trạm Y tế xã Hải Tân, huyện Hải Lăng, tỉnh Quảng Trị";
  return {
      {{"nksNoiSinh", FieldType::Place, "Hải Tân", FieldStatus::Review, 0.6, place},
       {"ngayDangKy", FieldType::Date, "12.03", FieldStatus::Review, 0.7, "12.03.2017"},
       {"nycGiayTo", FieldType::Text, "CCCD", FieldStatus::Review, 0.5, "CCCD số 045474307230"}},
      {{"nksNoiSinh", FieldType::Place, "Trạm", FieldStatus::Review, 0.5,
        "Trạm Y tế xã Hải Tân, huyên Hải Lăng, tỉnh Quảng Tri"},
       {"ngayDangKy", FieldType::Date, "12 3", FieldStatus::Review, 0.6, "12.03.2017"},
       {"nycGiayTo", FieldType::Text, "số", FieldStatus::Review, 0.5, "CCCD số 045474301230"}},
      {{"nksNoiSinh", FieldType::Place, "Quảng Trị", FieldStatus::Accept, 0.98, place},
       {"ngayDangKy", FieldType::Date, "12-8", FieldStatus::Review, 0.6, "12.08.2017"}},
  };
}

TEST(GroupFields, LongValuesReadAlikeGroupByTheirReadings) {
  testkit::TempDir tmp;
  auto store = test::write_hand_store(tmp.path(), read_alike_book());
  sql::Db db(store);
  const Snapshot before = snapshot(db);
  auto sum = group_fields(store);
  EXPECT_EQ(sum.read_alike, 2);
  std::map<std::string, FieldGroup> by_type;
  for (const auto& g : load_groups(db)) by_type[g.field_type] = g;
  EXPECT_EQ(by_type.size(), 2u) << "no group of the ID numbers";

  const FieldGroup& place = by_type["place"];
  EXPECT_EQ(place.kind, "look-alike") << "one value for all members";
  EXPECT_EQ(place.proposed_value, "Trạm Y tế xã Hải Tân, huyện Hải Lăng, tỉnh Quảng Trị");
  EXPECT_EQ(place.source, "reading") << "the accepted page backs it";
  std::multiset<std::string> roles;
  for (const auto& m : place.members) roles.insert(m.role);
  EXPECT_EQ(roles, (std::multiset<std::string>{"evidence", "member", "member"}));

  const FieldGroup& date = by_type["date"];
  EXPECT_EQ(date.proposed_value, "12.03.2017");
  EXPECT_EQ(date.source, "none") << "two unsure readings agreeing back nothing";
  ASSERT_EQ(date.members.size(), 2u) << "12.08.2017 is another day";
  EXPECT_EQ(before.fields, snapshot(db).fields) << "grouping changes no field";

  GroupingOptions off;
  off.reading_types = {};
  EXPECT_EQ(group_fields(store, off).read_alike, 0);
}

TEST(GroupFields, NamesReadAlikeOnlyWhenReadTheSame) {
  // inks far apart in look; two readings the same, one a letter off: another person
  testkit::TempDir tmp;
  auto store = test::write_hand_store(
      tmp.path(), {{{"meHoTen", FieldType::Name, "Mmmmm", FieldStatus::Review, 0.5, "Trần Thị Phương"}},
                   {{"meHoTen", FieldType::Name, "il", FieldStatus::Review, 0.5, "Trần Thị Phương"}},
                   {{"meHoTen", FieldType::Name, "Wxyz Qq", FieldStatus::Review, 0.5, "Trần Thị Khương"}}});
  EXPECT_EQ(group_fields(store).read_alike, 1);
  sql::Db db(store);
  const auto groups = load_groups(db);
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups.front().field_type, "name");
  std::vector<std::string> values;
  for (const auto& m : groups.front().members) values.push_back(m.value);
  EXPECT_EQ(values, (std::vector<std::string>{"Trần Thị Phương", "Trần Thị Phương"}));
}

// Inks unlike each other (no look-alikes); the readings say who is who: a parent who declared
// the birth (read with a slip), a grandparent with the father's surname and middle name, parents
// at one address (the father's accepted) and parents in two hamlets.
std::vector<std::vector<TestField>> twins_book() {
  const auto field = [](const std::string& key, FieldType type, const std::string& ink, const std::string& read,
                        FieldStatus status = FieldStatus::Review) {
    return TestField{key, type, ink, status, status == FieldStatus::Accept ? 0.98 : 0.6, read};
  };
  const auto name = FieldType::Name;
  const auto place = FieldType::Place;
  return {
      {field("chaHoTen", name, "Mmmmm", "Nguyễn Văn Tới"), field("meHoTen", name, "il", "Trần Thị Hoa"),
       field("nycHoTen", name, "Wxyz Qq", "Nguyễn Văn Tài")},
      {field("chaHoTen", name, "Abcdefgh", "Lâm Văn Nam"), field("nycHoTen", name, "x", "Lâm Văn Tú")},
      {field("meNoiCuTru", place, "Kkkk kkk", "Thôn Long Hưng, xố 8ø lồng, huyện Hướng Hóa, tỉnh Quảng Trị"),
       field("chaNoiCuTru", place, "o", "Thôn Long Hưng, xã Ba Tầng, huyện Hướng Hóa, tỉnh Quảng Trị",
             FieldStatus::Accept)},
      {field("meNoiCuTru", place, "Pq", "Thôn 1, xã Gio Hòa, huyện Gio Linh, tỉnh Quảng Trị"),
       field("chaNoiCuTru", place, "HHHHHHHH", "Thôn 3, xã Gio Hòa, huyện Gio Linh, tỉnh Quảng Trị")},
  };
}

TEST(GroupFields, AValueWrittenTwiceInARecordIsTypedOnce) {
  testkit::TempDir tmp;
  auto store = test::write_hand_store(tmp.path(), twins_book());
  sql::Db db(store);
  const Snapshot before = snapshot(db);
  EXPECT_EQ(group_fields(store).written_twice, 2);
  std::map<std::string, FieldGroup> by_type;
  for (const auto& g : load_groups(db)) by_type[g.field_type] = g;
  ASSERT_EQ(by_type.size(), 2u) << "no group of the grandparent, none of the two hamlets";

  const FieldGroup& person = by_type["name"];
  EXPECT_EQ(person.kind, "look-alike") << "one value for both";
  std::multiset<std::string> keys;
  for (const auto& m : person.members) keys.insert(m.key);
  EXPECT_EQ(keys, (std::multiset<std::string>{"chaHoTen", "nycHoTen"}));
  EXPECT_EQ(person.source, "none") << "two unsure readings in one hand back nothing";

  const FieldGroup& home = by_type["place"];
  EXPECT_EQ(home.proposed_value, "Thôn Long Hưng, xã Ba Tầng, huyện Hướng Hóa, tỉnh Quảng Trị");
  EXPECT_EQ(home.source, "reading") << "the father's accepted address backs it";
  std::multiset<std::string> roles;
  for (const auto& m : home.members) roles.insert(m.key + ":" + m.role);
  EXPECT_EQ(roles, (std::multiset<std::string>{"chaNoiCuTru:evidence", "meNoiCuTru:member"}));
  EXPECT_EQ(before.fields, snapshot(db).fields) << "grouping changes no field";

  GroupingOptions off;
  off.twin_keys = {};
  EXPECT_EQ(group_fields(store, off).written_twice, 0);
}

TEST(GroupFields, KeysOfTwoFieldTypesAreNeverTwins) {
  // a settings file pairing a note with a name: the same words, but a group holds one type
  testkit::TempDir tmp;
  auto store = test::write_hand_store(
      tmp.path(), {{{"ghiChu", FieldType::Text, "Mmmmm", FieldStatus::Review, 0.6, "Nguyễn Văn An"},
                    {"chaHoTen", FieldType::Name, "il", FieldStatus::Review, 0.6, "Nguyễn Văn An"}}});
  GroupingOptions o;
  o.twin_keys = {{"ghiChu", {"chaHoTen"}}};
  EXPECT_EQ(group_fields(store, o).written_twice, 0);
  o.twin_keys = {{"chaHoTen", {"ghiChu"}}};
  EXPECT_EQ(group_fields(store, o).written_twice, 0);
}

TEST(GroupFields, AValueWrittenTwiceJoinsTheGroupHoldingItsTwin) {
  // the mothers' addresses read alike across the book; the father's on page 1, read with
  // slips, is one address with his wife's, so he joins their group
  const std::string home = "Thôn 1, xã Ba Tầng, huyện Hướng Hóa, tỉnh Quảng Trị";
  testkit::TempDir tmp;
  auto store = test::write_hand_store(
      tmp.path(), {{{"meNoiCuTru", FieldType::Place, "Mmmmm", FieldStatus::Review, 0.6, home},
                    {"chaNoiCuTru", FieldType::Place, "il", FieldStatus::Review, 0.6,
                     "Thôn 1, xố 8ø lồng, huyện Hướng Hóa, tỉnh Quảng Trị"}},
                   {{"meNoiCuTru", FieldType::Place, "Wxyz Qq", FieldStatus::Review, 0.6, home}}});
  const auto sum = group_fields(store);
  EXPECT_EQ(sum.read_alike, 1);
  EXPECT_EQ(sum.written_twice, 0) << "no group of its own";
  sql::Db db(store);
  const auto groups = load_groups(db);
  ASSERT_EQ(groups.size(), 1u);
  std::multiset<std::string> keys;
  for (const auto& m : groups.front().members) keys.insert(m.key);
  EXPECT_EQ(keys, (std::multiset<std::string>{"chaNoiCuTru", "meNoiCuTru", "meNoiCuTru"}));
  EXPECT_EQ(groups.front().field_key, "") << "members of two keys";
}

TEST(GroupFields, ClosedVocabularyFieldsReadAsOneEntryGroupHoweverShort) {
  // inks far apart in look, so no look-alike group: three read `Việt Nam`, one a misreading
  // that is no country; two `Bru-Vân Kiều`; two sexes read `Nam` (no group: a misread Nữ reads
  // Nam as readily)
  testkit::TempDir tmp;
  auto store = test::write_hand_store(
      tmp.path(), {{{"meQuocTich", FieldType::Nationality, "Mmmmm", FieldStatus::Review, 0.4, "Việt Nam"},
                    {"nksGioiTinh", FieldType::Sex, "Mmmmm", FieldStatus::Review, 0.4, "Nam"},
                    {"meDanToc", FieldType::Ethnicity, "Wxyz Qq", FieldStatus::Review, 0.4, "Bru-Vân Kiều"}},
                   {{"meQuocTich", FieldType::Nationality, "il", FieldStatus::Review, 0.4, "Việt Nam"},
                    {"nksGioiTinh", FieldType::Sex, "il", FieldStatus::Review, 0.4, "Nam"},
                    {"meDanToc", FieldType::Ethnicity, "Mmmmm", FieldStatus::Review, 0.4, "Bru-Vân Kiều"}},
                   {{"meQuocTich", FieldType::Nationality, "Wxyz Qq", FieldStatus::Review, 0.4, "Việt Nam"}},
                   {{"meQuocTich", FieldType::Nationality, "Qq Pp", FieldStatus::Review, 0.4, "Việt Nưmn"}}});
  EXPECT_EQ(group_fields(store).read_alike, 2);
  sql::Db db(store);
  std::map<std::string, FieldGroup> by_type;
  for (const auto& g : load_groups(db)) by_type[g.field_type] = g;
  ASSERT_EQ(by_type.size(), 2u) << "no group of the sexes";
  EXPECT_EQ(by_type["nationality"].proposed_value, "Việt Nam");
  EXPECT_EQ(by_type["nationality"].members.size(), 3u);
  EXPECT_EQ(by_type["ethnicity"].proposed_value, "Bru-Vân Kiều") << "a group's name with its hyphen";
  EXPECT_EQ(by_type["ethnicity"].members.size(), 2u);

  GroupingOptions off;
  off.vocabulary_types = {};
  EXPECT_EQ(group_fields(store, off).read_alike, 0);
}

TEST(GroupFields, ConfidentReadingsThatReadAlikeDoNotBackEachOther) {
  // One hand's slip repeats: both pages read UBWD for UBND, each confidently.
  const std::string misread = "Trần Văn Vĩ, Chủ tịch UBWD xã";
  testkit::TempDir tmp;
  auto store = test::write_hand_store(
      tmp.path(), {{{"nguoiKy", FieldType::Text, "Trần", FieldStatus::Review, 0.95, misread}},
                   {{"nguoiKy", FieldType::Text, "Vĩ", FieldStatus::Review, 0.93, misread}}});
  EXPECT_EQ(group_fields(store).read_alike, 1);
  sql::Db db(store);
  const auto groups = load_groups(db);
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups.front().proposed_value, misread);
  EXPECT_EQ(groups.front().source, "none");
}

TEST(GroupFields, ReadAlikeDatesStayInTheirColumnAndContradictedReadingsStayOut) {
  const std::string place = "Xã Triệu Giang, huyện Triệu Phong, tỉnh Quảng Trị";
  testkit::TempDir tmp;
  auto store = test::write_hand_store(
      tmp.path(),
      {{{"nksNgaySinh", FieldType::Date, "3 1", FieldStatus::Accept, 0.99, "03.01.2017"},
        {"nksNoiSinh", FieldType::Place, "Triệu", FieldStatus::Review, 0.5, place}},
       {{"ngayDangKy", FieldType::Date, "13 1", FieldStatus::Review, 0.9, "03.01.2017"},
        {"nksQueQuan", FieldType::Place, "Giang", FieldStatus::Review, 0.5, place}},
       {{"ngayDangKy", FieldType::Date, "13-1", FieldStatus::Review, 0.6, "13.01.2017"}},
       {{"ngayDangKy", FieldType::Date, "13.1", FieldStatus::Review, 0.6, "13.01.2017"}}});
  {  // the whole-book check sent the last day back to review: it breaks the book's order
    sql::Db db(store);
    db.exec("UPDATE fields SET reasons = '[\"ngayDangKy-out-of-order\"]' WHERE id = (SELECT MAX(id) FROM fields)");
  }
  EXPECT_EQ(group_fields(store).read_alike, 1);
  sql::Db db(store);
  const auto groups = load_groups(db);
  ASSERT_EQ(groups.size(), 1u) << "no date group: one birthday, one registration day, one contradicted";
  EXPECT_EQ(groups.front().field_type, "place");
  EXPECT_EQ(groups.front().field_key, "") << "a place of birth and a home town: one value, two columns";
}

TEST(GroupFields, RegistrationDaysInOrderFormASequenceGroup) {
  // the hand's 1 read as 7 on one page: 13.07 cannot come between 11.01 and 03.02; two entries
  // registered on 13.01 also read alike, but a field joins one group at most
  testkit::TempDir tmp;
  const auto day = [](const std::string& read, FieldStatus status, double confidence, const std::string& ink = "") {
    return std::vector<TestField>{{"ngayDangKy", FieldType::Date, ink.empty() ? read : ink, status, confidence,
                                   ink.empty() ? "" : read}};
  };
  auto store = test::write_hand_store(tmp.path(), {day("11.01.2017", FieldStatus::Accept, 0.98),
                                                   day("13.01.2017", FieldStatus::Review, 0.6),
                                                   day("13.01.2017", FieldStatus::Review, 0.5),
                                                   day("13.07.2017", FieldStatus::Review, 0.6, "13 1"),
                                                   day("03.02.2017", FieldStatus::Accept, 0.97)});
  auto sum = group_fields(store);
  EXPECT_EQ(sum.in_order, 1);
  sql::Db db(store);
  const auto groups = load_groups(db);
  ASSERT_EQ(groups.size(), 1u);
  const FieldGroup& g = groups.front();
  EXPECT_EQ(g.kind, "sequence");
  EXPECT_EQ(g.field_type, "date");
  EXPECT_NEAR(g.confidence, 0.97 * GroupingOptions{}.purity, 1e-9) << "the least sure backer's confidence";
  std::vector<std::string> members, evidence;
  for (const auto& m : g.members) (m.role == "member" ? members : evidence).push_back(m.value);
  EXPECT_EQ(members, (std::vector<std::string>{"13.01.2017", "13.01.2017"}));
  EXPECT_EQ(evidence, (std::vector<std::string>{"11.01.2017", "03.02.2017"}));
  EXPECT_EQ(sum.read_alike, 0);

  GroupingOptions none;
  none.order_keys = {};
  EXPECT_EQ(group_fields(store, none).in_order, 0);
}

TEST(GroupFields, AStoreGroupedBeforeSequenceGroupsIsUpgraded) {
  testkit::TempDir tmp;
  auto store = test::write_hand_store(tmp.path(), book());
  {  // the group tables as an earlier version made them: no kind column
    sql::Db db(store);
    db.exec("CREATE TABLE field_groups (id INTEGER PRIMARY KEY, book_id TEXT NOT NULL, field_type TEXT NOT NULL, "
            "field_key TEXT NOT NULL DEFAULT '', proposed_value TEXT NOT NULL DEFAULT '', confidence REAL NOT NULL "
            "DEFAULT 0, source TEXT NOT NULL CHECK (source IN ('reading', 'clerk', 'none')), confirmed_by TEXT, "
            "confirmed_at TEXT, created_at TEXT NOT NULL);"
            "CREATE TABLE field_group_members (group_id INTEGER NOT NULL REFERENCES field_groups(id) ON DELETE "
            "CASCADE, field_id INTEGER NOT NULL, role TEXT NOT NULL DEFAULT 'member', removed INTEGER NOT NULL "
            "DEFAULT 0, PRIMARY KEY (group_id, field_id));"
            "INSERT INTO field_groups (book_id, field_type, proposed_value, source, confirmed_by, confirmed_at, "
            "created_at) SELECT book_id, 'sex', 'Nam', 'clerk', 'anna', '2026-11-01T00:00:00Z', "
            "'2026-11-01T00:00:00Z' FROM pages LIMIT 1;"
            "INSERT INTO field_group_members (group_id, field_id) SELECT 1, id FROM fields WHERE value = 'Nam' "
            "AND type = 'sex';");
  }
  group_fields(store);  // adds the columns; the old confirmed group is a look-alike group
  sql::Db db(store);
  auto old = load_group(db, 1);
  ASSERT_TRUE(old);
  EXPECT_EQ(old->kind, "look-alike");
  EXPECT_TRUE(old->confirmed());
  ASSERT_FALSE(old->members.empty());
  for (const auto& m : old->members) EXPECT_FALSE(m.proposed) << "members made before proposals have none";
  EXPECT_GE(load_groups(db).size(), 2u);
}

TEST(GroupFields, PageNumbersTheFileNamesConfirmJoinTheSequenceGroup) {
  // no page number is sure; the files are KS.2017.01.p0001.png...: the readings equal to their
  // file's number join, "7" on page 1 (a hand's 1) with its file's number proposed
  testkit::TempDir tmp;
  std::vector<std::vector<TestField>> pages;
  for (const char* read : {"7", "2", "3", "4", "5"})
    pages.push_back({{"trangSo", FieldType::Number, read, FieldStatus::Review, 0.8}});
  auto store = test::write_hand_store(tmp.path(), pages);
  auto sum = group_fields(store);
  EXPECT_EQ(sum.sequences, 1);
  sql::Db db(store);
  const auto groups = load_groups(db);
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups.front().kind, "sequence");
  EXPECT_EQ(groups.front().field_key, "trangSo");
  std::vector<std::string> members;
  for (const auto& m : groups.front().members) members.push_back(m.proposed.value_or(m.value));
  EXPECT_EQ(members, (std::vector<std::string>{"1", "2", "3", "4", "5"}));

  GroupingOptions none;
  none.page_keys = {};
  EXPECT_EQ(group_fields(store, none).sequences, 0) << "no sure number: the sequence rule alone backs nothing";
}

TEST(GroupFields, EntryNumbersTheirFilesPagesConfirmJoinTheSequenceGroup) {
  // one record per page, files KS.2017.01.p0001.png...: no entry number is sure; those equal to
  // their file's page in the book's year join, each with its reading; "7/2017" on page 1 (a
  // hand's 1) joins with the page's value proposed, written as the book writes its numbers
  testkit::TempDir tmp;
  std::vector<std::vector<TestField>> pages;
  for (const char* read : {"7/2017", "02/2017", "03/2017", "04/2017", "5"})
    pages.push_back({{"so", FieldType::Number, read, FieldStatus::Review, 0.8}});
  auto store = test::write_hand_store(tmp.path(), pages);
  EXPECT_EQ(group_fields(store).sequences, 1);
  sql::Db db(store);
  const auto groups = load_groups(db);
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups.front().kind, "sequence");
  EXPECT_EQ(groups.front().field_key, "so");
  std::vector<std::string> members;
  for (const auto& m : groups.front().members) members.push_back(m.proposed.value_or(m.value));
  EXPECT_EQ(members, (std::vector<std::string>{"01/2017", "02/2017", "03/2017", "04/2017", "5"}));
  EXPECT_EQ(groups.front().members.front().value, "7/2017");
  EXPECT_LE(groups.front().confidence, 0.5) << "a proposal against a reading is a suggestion to check";

  GroupingOptions none;
  none.page_entry_keys = {};
  EXPECT_EQ(group_fields(store, none).sequences, 0) << "no sure number: the sequence rule alone backs nothing";
}

TEST(GroupFields, EntriesAndDaysOneRecordFilesNameJoinTheirSequenceGroups) {
  // KS.2017.01.2017-01-05.01.png...: nothing sure; the entry read "71" for 11 and the day read
  // "11.07.2017" stay out
  testkit::TempDir tmp;
  std::vector<std::vector<TestField>> pages;
  std::vector<test::FileName> names;
  const char* entries[] = {"01", "02", "03", "71"};
  const char* days[] = {"05.01.2017", "06.01.2017", "11.07.2017", "12.01.2017"};
  const char* named_days[] = {"2017-01-05", "2017-01-06", "2017-01-11", "2017-01-12"};
  const char* named_entries[] = {"01", "02", "03", "11"};
  for (int i = 0; i < 4; ++i) {
    pages.push_back({{"so", FieldType::Number, entries[i], FieldStatus::Review, 0.7},
                     {"ngayDangKy", FieldType::Date, days[i], FieldStatus::Review, 0.7}});
    names.push_back({named_days[i], named_entries[i]});
  }
  auto store = test::write_hand_store(tmp.path(), pages, names);
  auto sum = group_fields(store);
  EXPECT_EQ(sum.sequences, 1);
  EXPECT_EQ(sum.in_order, 1);
  sql::Db db(store);
  std::map<std::string, std::vector<std::string>> members;
  for (const auto& g : load_groups(db))
    if (g.kind == "sequence")
      for (const auto& m : g.members) members[g.field_key].push_back(m.value);
  EXPECT_EQ(members["so"], (std::vector<std::string>{"01", "02", "03"}));
  EXPECT_EQ(members["ngayDangKy"], (std::vector<std::string>{"05.01.2017", "06.01.2017", "12.01.2017"}));

  GroupingOptions unnamed;
  unnamed.named_entry_keys = {};
  unnamed.named_day_keys = {};
  auto none = group_fields(store, unnamed);
  EXPECT_EQ(none.sequences + none.in_order, 0) << "no sure entry or day: nothing else backs them";
}

TEST(GroupFields, DatesWhoseDigitsAndWordsAgreeFormAgreeingGroups) {
  testkit::TempDir tmp;
  const auto birth = [](const std::string& digits, FieldStatus ds, double dc, const std::string& words, double wc) {
    return std::vector<TestField>{{"nksNgaySinh", FieldType::Date, digits, ds, dc},
                                  {"nksNgaySinhBangChu", FieldType::DateWords, words, FieldStatus::Review, wc}};
  };
  const FieldStatus review = FieldStatus::Review;
  auto store = test::write_hand_store(
      tmp.path(), {birth("05.03.2010", review, 0.6, "ngày năm, tháng ba, năm hai nghìn mười", 0.3),
                   birth("12.04.2010", FieldStatus::Accept, 0.98, "ngày mười hai, tháng tư, năm hai nghìn mười", 0.2),
                   birth("13.04.2010", review, 0.9, "ngày mười hai, tháng tư, năm hai nghìn mười", 0.9),  // disagree
                   birth("20.05.2010", review, 0.7, "ngà tháng hăm", 0.1),                                  // no date
                   birth("21.05.2010", review, 0.5, "ngày hai mươi mốt, tháng năm, năm hai nghìn mười", 0.4)});
  auto sum = group_fields(store);
  EXPECT_EQ(sum.agreeing, 2);
  sql::Db db(store);
  std::map<std::string, FieldGroup> by_key;
  for (auto& g : load_groups(db))
    if (g.kind == "agreeing") by_key[g.field_key] = g;
  ASSERT_EQ(by_key.size(), 2u);
  auto values = [](const FieldGroup& g) {
    std::vector<std::string> v;
    for (const auto& m : g.members) v.push_back(m.value);
    return v;
  };
  const FieldGroup& digits = by_key["nksNgaySinh"];
  EXPECT_EQ(digits.field_type, "date");
  EXPECT_EQ(values(digits), (std::vector<std::string>{"05.03.2010", "21.05.2010"})) << "the accepted one is no member";
  // the least sure member: 1 - (1 - 0.5) x (1 - 0.4) = 0.7
  EXPECT_NEAR(digits.confidence, 0.7 * GroupingOptions{}.purity, 1e-9);
  EXPECT_EQ(digits.source, "reading");
  EXPECT_EQ(digits.proposed_value, "");
  const FieldGroup& words = by_key["nksNgaySinhBangChu"];
  EXPECT_EQ(words.field_type, "date-words");
  EXPECT_EQ(words.members.size(), 3u) << "the words of the accepted day join too";
  EXPECT_NEAR(words.confidence, 0.2 * GroupingOptions{}.purity, 1e-9) << "the digits do not vouch for the spelling";
  for (const auto& m : words.members) EXPECT_EQ(m.role, "member");

  GroupingOptions off;
  off.agreeing = false;
  EXPECT_EQ(group_fields(store, off).agreeing, 0);
}

TEST(GroupFields, GarbledWordsNearestTheDigitsDayWitnessTheDigitsAlone) {
  testkit::TempDir tmp;
  const auto birth = [](const std::string& digits, const std::string& words, double wc) {
    return std::vector<TestField>{{"nksNgaySinh", FieldType::Date, digits, FieldStatus::Review, 0.8},
                                  {"nksNgaySinhBangChu", FieldType::DateWords, words, FieldStatus::Review, wc}};
  };
  auto store = test::write_hand_store(
      tmp.path(), {birth("05.03.2010", "ngày năm, tháng ba, năm hai nghìn mười", 0.3),
                   birth("17.12.2017", "ngày mười bảy, Viếng mười Hai năm hai nghìn không trăm mười bảy", 0.0),
                   birth("18.12.2017", "ngày mười bảy, Viếng mười Hai năm hai nghìn không trăm mười bảy", 0.0)});
  group_fields(store);
  sql::Db db(store);
  std::map<std::string, std::vector<std::string>> members;
  for (const auto& g : load_groups(db))
    if (g.kind == "agreeing")
      for (const auto& m : g.members) members[g.field_key].push_back(m.value);
  EXPECT_EQ(members["nksNgaySinh"], (std::vector<std::string>{"05.03.2010", "17.12.2017"}))
      << "the words of 17 December witness no 18th";
  EXPECT_TRUE(members["nksNgaySinhBangChu"].empty()) << "garbled words are no value to fill with (one left: no group)";
}

TEST(GroupFields, OneAgreeingDateIsNoGroup) {
  testkit::TempDir tmp;
  auto store = test::write_hand_store(
      tmp.path(), {{{"nksNgaySinh", FieldType::Date, "05.03.2010", FieldStatus::Review, 0.6},
                    {"nksNgaySinhBangChu", FieldType::DateWords, "ngày năm, tháng ba, năm hai nghìn mười",
                     FieldStatus::Accept, 0.99}}});
  EXPECT_EQ(group_fields(store).agreeing, 0);
}

TEST(GroupFields, AStoreGroupedBeforeAgreeingGroupsIsUpgradedKeepingItsMembers) {
  testkit::TempDir tmp;
  auto store = test::write_hand_store(tmp.path(), book());
  {  // the group tables as the version with sequence groups made them
    sql::Db db(store);
    db.exec("CREATE TABLE field_groups (id INTEGER PRIMARY KEY, book_id TEXT NOT NULL, field_type TEXT NOT NULL, "
            "field_key TEXT NOT NULL DEFAULT '', proposed_value TEXT NOT NULL DEFAULT '', confidence REAL NOT NULL "
            "DEFAULT 0, source TEXT NOT NULL CHECK (source IN ('reading', 'clerk', 'none')), kind TEXT NOT NULL "
            "DEFAULT 'look-alike' CHECK (kind IN ('look-alike', 'sequence')), confirmed_by TEXT, "
            "confirmed_at TEXT, created_at TEXT NOT NULL);"
            "CREATE TABLE field_group_members (group_id INTEGER NOT NULL REFERENCES field_groups(id) ON DELETE "
            "CASCADE, field_id INTEGER NOT NULL, role TEXT NOT NULL DEFAULT 'member', removed INTEGER NOT NULL "
            "DEFAULT 0, PRIMARY KEY (group_id, field_id));"
            "INSERT INTO field_groups (id, book_id, field_type, proposed_value, source, kind, confirmed_by, "
            "confirmed_at, created_at) SELECT 7, book_id, 'sex', '', 'reading', 'sequence', 'anna', "
            "'2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z' FROM pages LIMIT 1;"
            "INSERT INTO field_group_members (group_id, field_id) SELECT 7, id FROM fields WHERE type = 'sex';");
  }
  sql::Db db(store);
  db.exec("PRAGMA foreign_keys=ON;");
  ensure_group_tables(db);
  auto old = load_group(db, 7);
  ASSERT_TRUE(old);
  EXPECT_EQ(old->kind, "sequence");
  EXPECT_TRUE(old->confirmed());
  EXPECT_EQ(old->members.size(), 8u) << "the rebuild keeps the members";
  FieldGroup g;
  g.book_id = old->book_id;
  g.field_type = "date";
  g.kind = "agreeing";
  g.source = "reading";
  EXPECT_GT(insert_group(db, g), 7) << "the new kind is allowed";
  sql::Stmt fk(db, "PRAGMA foreign_keys");
  ASSERT_TRUE(fk.step());
  EXPECT_EQ(fk.int64(0), 1) << "foreign keys are on again";
  fk.reset();
  db.exec("DELETE FROM field_groups WHERE id = 7");  // members still follow their group
  sql::Stmt left(db, "SELECT COUNT(*) FROM field_group_members WHERE group_id = 7");
  ASSERT_TRUE(left.step());
  EXPECT_EQ(left.int64(0), 0);
  left.reset();
  EXPECT_THROW(
      {
        sql::Transaction tx(db);
        db.exec("DROP TABLE field_groups; CREATE TABLE field_groups (id INTEGER PRIMARY KEY, kind TEXT);");
        ensure_group_tables(db);
      },
      std::logic_error)
      << "no rebuild inside a transaction";
}

}  // namespace
}  // namespace ledger::groups
