// The review station's group API (review/group_api.hpp) over the sample store after the
// grouping pass: listing within the clerk's units, confirming one value for a group (removed
// crops untouched, locked records skipped, audit rows), confirming a sequence group (each
// member its own number), and the session/CSRF rules.
#include <set>

#include "groups/group_fields.hpp"
#include "review_fixture.hpp"

namespace ledger::review::test {
namespace {

using nlohmann::json;

class GroupApi : public ReviewFixture {
 protected:
  void SetUp() override {
    ReviewFixture::SetUp();
    groups::group_fields(sample.store);
  }
  // The largest open group of `kind` the clerk may see (at least two fields to fill).
  json biggest(const ClerkClient& c, const std::string& kind = "look-alike") {
    auto r = c.get("/api/groups?open=1");
    EXPECT_EQ(r->status, 200) << r->body;
    for (const auto& g : ClerkClient::json_of(r))
      if (g["kind"] == kind) {
        EXPECT_GE(g["to_fill"].get<int>(), 2);
        return ClerkClient::json_of(c.get("/api/groups/" + std::to_string(g["id"].get<std::int64_t>())));
      }
    ADD_FAILURE() << "no open " << kind << " group";
    return json();
  }
  std::optional<std::string> reviewed_value(std::int64_t field_id) {
    sql::Db db(sample.store);
    sql::Stmt s(db, "SELECT reviewed_value FROM fields WHERE id = ?");
    s.bind(1, field_id);
    EXPECT_TRUE(s.step());
    auto v = s.is_null(0) ? std::nullopt : std::optional<std::string>(s.text(0));
    s.reset();
    return v;
  }
  std::string status_of(std::int64_t field_id) {
    sql::Db db(sample.store);
    sql::Stmt s(db, "SELECT status FROM fields WHERE id = ?");
    s.bind(1, field_id);
    EXPECT_TRUE(s.step());
    std::string v = s.text(0);
    s.reset();
    return v;
  }
};

std::vector<json> to_fill(const json& group) {
  std::vector<json> out;
  for (const auto& m : group["members"])
    if (m["role"] == "member") out.push_back(m);
  return out;
}

TEST_F(GroupApi, ClerksSeeOnlyGroupsOfTheirUnits) {
  auto anna = login("anna"), bob = login("bob");
  auto mine = ClerkClient::json_of(anna.get("/api/groups"));
  auto his = ClerkClient::json_of(bob.get("/api/groups"));
  ASSERT_FALSE(mine.empty());
  ASSERT_FALSE(his.empty());
  std::set<std::string> books_a, books_b;
  for (const auto& g : mine) books_a.insert(g["book"]);
  for (const auto& g : his) books_b.insert(g["book"]);
  for (const auto& b : books_a) {
    EXPECT_EQ(books_b.count(b), 0u) << b;
    EXPECT_NE(b.find("Hướng Phùng"), std::string::npos) << b;
  }
  // bob can neither open nor confirm anna's group.
  const auto id = std::to_string(mine[0]["id"].get<std::int64_t>());
  EXPECT_EQ(bob.get("/api/groups/" + id)->status, 403);
  EXPECT_EQ(bob.post("/api/groups/" + id + "/confirm", {{"value", "x"}})->status, 403);
  EXPECT_EQ(anna.get("/api/groups/999999")->status, 404);
}

TEST_F(GroupApi, SessionAndCsrfAreRequired) {
  auto anna = login("anna");
  auto g = biggest(anna);
  const auto id = std::to_string(g["id"].get<std::int64_t>());
  auto anon = anonymous();
  EXPECT_EQ(anon.get("/api/groups")->status, 401);
  EXPECT_EQ(anon.get("/api/groups/" + id)->status, 401);
  EXPECT_EQ(anon.post("/api/groups/" + id + "/confirm", {{"value", "x"}})->status, 401);
  EXPECT_EQ(anna.post("/api/groups/" + id + "/confirm", {{"value", "x"}}, false)->status, 403);
  for (const auto& m : to_fill(g)) EXPECT_FALSE(reviewed_value(m["field_id"]).has_value());
}

TEST_F(GroupApi, ConfirmFillsMembersButNotRemovedOnes) {
  auto anna = login("anna");
  auto g = biggest(anna);
  const auto id = std::to_string(g["id"].get<std::int64_t>());
  auto members = to_fill(g);
  ASSERT_GE(members.size(), 2u);
  const std::int64_t removed = members.back()["field_id"];
  const std::string value = "  Xã   Tân Lập ";

  EXPECT_EQ(anna.post("/api/groups/" + id + "/confirm", {{"value", "  "}})->status, 400);
  EXPECT_EQ(anna.post("/api/groups/" + id + "/confirm", {{"value", value}, {"removed", {123456789}}})->status, 400);

  auto r = anna.post("/api/groups/" + id + "/confirm", {{"value", value}, {"removed", {removed}}});
  ASSERT_EQ(r->status, 200) << r->body;
  auto out = ClerkClient::json_of(r);
  EXPECT_EQ(out["value"], "Xã Tân Lập");
  EXPECT_EQ(out["filled"].get<size_t>(), members.size() - 1);
  EXPECT_EQ(out["removed"], 1);
  for (const auto& m : members) {
    const std::int64_t f = m["field_id"];
    if (f == removed) {
      EXPECT_FALSE(reviewed_value(f).has_value()) << "a removed crop was filled";
    } else {
      EXPECT_EQ(reviewed_value(f), "Xã Tân Lập");
      // The record's audit trail shows the clerk's group value.
      auto audit = ClerkClient::json_of(anna.get("/api/record/" + std::to_string(m["record_id"].get<std::int64_t>()) + "/audit"));
      bool found = false;
      for (const auto& a : audit) found |= a["key"] == m["key"] && a["clerk"] == "anna" && a["new"] == "Xã Tân Lập";
      EXPECT_TRUE(found) << audit.dump();
    }
    EXPECT_EQ(status_of(f), "review") << "the group never changes a field's status";
  }
  auto after = ClerkClient::json_of(anna.get("/api/groups/" + id));
  EXPECT_EQ(after["confirmed_by"], "anna");
  EXPECT_EQ(after["source"], "clerk");
  for (const auto& m : after["members"])
    EXPECT_EQ(m["removed"].get<bool>(), m["field_id"].get<std::int64_t>() == removed);
  // Confirmed once: a second confirmation is refused.
  EXPECT_EQ(anna.post("/api/groups/" + id + "/confirm", {{"value", "other"}})->status, 409);
}

TEST_F(GroupApi, ASequenceGroupFillsEachMemberWithItsOwnNumber) {
  auto anna = login("anna");
  auto g = biggest(anna, "sequence");
  ASSERT_TRUE(g.is_object());
  const std::string key = g["key"];  // entry numbers (so) or registration days (ngayDangKy)
  EXPECT_TRUE(key == "so" || key == "ngayDangKy") << key;
  const auto id = std::to_string(g["id"].get<std::int64_t>());
  auto members = to_fill(g);
  ASSERT_GE(members.size(), 2u);
  const std::int64_t removed = members.back()["field_id"];
  // No value is needed (one given is ignored): each member keeps its own reading.
  auto r = anna.post("/api/groups/" + id + "/confirm", {{"value", "99"}, {"removed", {removed}}});
  ASSERT_EQ(r->status, 200) << r->body;
  auto out = ClerkClient::json_of(r);
  EXPECT_EQ(out["value"], "");
  EXPECT_EQ(out["filled"].get<size_t>(), members.size() - 1);
  std::set<std::string> filled;
  for (const auto& m : members) {
    const std::int64_t f = m["field_id"];
    if (f == removed) {
      EXPECT_FALSE(reviewed_value(f).has_value());
      continue;
    }
    EXPECT_EQ(reviewed_value(f), m["value"].get<std::string>());
    filled.insert(m["value"].get<std::string>());
    auto audit = ClerkClient::json_of(anna.get("/api/record/" + std::to_string(m["record_id"].get<std::int64_t>()) + "/audit"));
    bool confirmed = false;
    for (const auto& a : audit) confirmed |= a["key"] == key && a["action"] == "confirm" && a["clerk"] == "anna";
    EXPECT_TRUE(confirmed) << audit.dump();
  }
  EXPECT_EQ(filled.size(), members.size() - 1) << "members hold different values";
}

TEST_F(GroupApi, AMemberProposedFromItsPageIsFilledWithTheProposal) {
  // A sequence member whose reading its file's page contradicts carries the page's value
  // (groups/file_names.hpp): the view shows it, and confirming fills it, as a correction.
  auto anna = login("anna");
  auto g = biggest(anna, "sequence");
  ASSERT_TRUE(g.is_object());
  const auto id = g["id"].get<std::int64_t>();
  const auto members = to_fill(g);
  ASSERT_GE(members.size(), 2u);
  const std::int64_t proposed_for = members.front()["field_id"];
  {
    sql::Db db(sample.store);
    sql::Stmt s(db, "UPDATE field_group_members SET proposed = '42' WHERE group_id = ? AND field_id = ?");
    s.bind(1, id).bind(2, proposed_for).run();
  }
  const auto view = ClerkClient::json_of(anna.get("/api/groups/" + std::to_string(id)));
  for (const auto& m : to_fill(view))
    EXPECT_EQ(m["proposed"], m["field_id"].get<std::int64_t>() == proposed_for ? json("42") : json()) << m.dump();
  auto r = anna.post("/api/groups/" + std::to_string(id) + "/confirm", {{"value", ""}});
  ASSERT_EQ(r->status, 200) << r->body;
  for (const auto& m : members) {
    const std::int64_t f = m["field_id"];
    EXPECT_EQ(reviewed_value(f), f == proposed_for ? "42" : m["value"].get<std::string>());
  }
  auto audit = ClerkClient::json_of(
      anna.get("/api/record/" + std::to_string(members.front()["record_id"].get<std::int64_t>()) + "/audit"));
  bool corrected = false;
  for (const auto& a : audit) corrected |= a["action"] == "correct" && a["new"] == "42";
  EXPECT_TRUE(corrected) << audit.dump();
}

TEST_F(GroupApi, AnAgreeingGroupFillsEachMemberWithItsOwnWords) {
  auto anna = login("anna");
  auto g = biggest(anna, "agreeing");
  ASSERT_TRUE(g.is_object());
  EXPECT_EQ(g["type"], "date-words");
  const auto members = to_fill(g);
  ASSERT_GE(members.size(), 2u);
  auto r = anna.post("/api/groups/" + std::to_string(g["id"].get<std::int64_t>()) + "/confirm", {{"value", ""}});
  ASSERT_EQ(r->status, 200) << r->body << ": no value is needed";
  EXPECT_EQ(ClerkClient::json_of(r)["filled"].get<size_t>(), members.size());
  std::set<std::string> filled;
  for (const auto& m : members) {
    EXPECT_EQ(reviewed_value(m["field_id"]), m["value"].get<std::string>());
    filled.insert(m["value"].get<std::string>());
  }
  EXPECT_EQ(filled.size(), members.size()) << "members hold different dates";
}

TEST_F(GroupApi, RecordOpenByAnotherClerkIsSkipped) {
  auto anna = login("anna"), carl = login("carl");
  auto g = biggest(anna);
  auto members = to_fill(g);
  ASSERT_GE(members.size(), 2u);
  const std::int64_t held = members.front()["field_id"];
  ASSERT_EQ(carl.get("/api/record/" + std::to_string(members.front()["record_id"].get<std::int64_t>()))->status, 200);
  int same_record = 0;
  for (const auto& m : members) same_record += m["record_id"] == members.front()["record_id"];
  auto r = anna.post("/api/groups/" + std::to_string(g["id"].get<std::int64_t>()) + "/confirm", {{"value", "Xã Tân Lập"}});
  ASSERT_EQ(r->status, 200) << r->body;
  auto out = ClerkClient::json_of(r);
  EXPECT_EQ(out["skipped_locked"].get<int>(), same_record);
  EXPECT_EQ(out["filled"].get<size_t>(), members.size() - size_t(same_record));
  EXPECT_FALSE(reviewed_value(held).has_value());
}

}  // namespace
}  // namespace ledger::review::test
