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
