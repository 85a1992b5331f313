// Saving through the review API: audit trail, finishing a record, locks and conflicting saves.
#include "records/store.hpp"
#include "review_fixture.hpp"

namespace ledger::review::test {
namespace {

using nlohmann::json;

StoredRecord stored(const std::filesystem::path& store, std::int64_t id) {
  auto s = Store::open(store);
  for (auto& r : s.records())
    if (r.id == id) return r;
  ADD_FAILURE() << "no record " << id;
  return {};
}

TEST_F(ReviewFixture, CorrectionIsAuditedAndFinishedRecordIsDone) {
  auto anna = login("anna");
  auto next = ClerkClient::json_of(anna.get("/api/next"));
  ASSERT_TRUE(next["id"].is_number());
  std::string id = std::to_string(next["id"].get<std::int64_t>());
  auto view = ClerkClient::json_of(anna.get("/api/record/" + id));
  ASSERT_EQ(view["fields"][0]["key"], "ho_ten");
  std::string old_value = view["fields"][0]["value"];
  auto r = anna.post("/api/record/" + id + "/field", {{"key", "ho_ten"}, {"value", "  Lê   Văn Tám "}, {"version", 0}});
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(ClerkClient::json_of(r)["value"], "Lê Văn Tám");  // cleaned like every stored value

  auto audit = ClerkClient::json_of(anna.get("/api/record/" + id + "/audit"));
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0]["clerk"], "anna");
  EXPECT_EQ(audit[0]["action"], "correct");
  EXPECT_EQ(audit[0]["old"], old_value);
  EXPECT_EQ(audit[0]["new"], "Lê Văn Tám");
  EXPECT_FALSE(audit[0]["at"].get<std::string>().empty());

  auto done = anna.post("/api/record/" + id + "/done", json::object());
  ASSERT_EQ(done->status, 200) << done->body;
  EXPECT_EQ(ClerkClient::json_of(done)["progress"]["done"], 1);

  auto rec = stored(sample.store, std::stoll(id));
  EXPECT_EQ(rec.reviewed_by, "anna");
  EXPECT_FALSE(rec.reviewed_at.empty());
  EXPECT_EQ(rec.reviewed_values["ho_ten"], "Lê Văn Tám");
  // Fields the clerk did not touch keep their values as reviewed ones.
  EXPECT_EQ(rec.reviewed_values["ngay_sinh"], rec.draft.find("ngay_sinh")->value);
  // The next record handed out is another one.
  auto after = ClerkClient::json_of(anna.get("/api/next"));
  EXPECT_NE(after["id"], next["id"]);
}

TEST_F(ReviewFixture, LockedRecordIsNotHandedToAnotherClerk) {
  auto anna = login("anna"), carl = login("carl");
  auto first = ClerkClient::json_of(anna.get("/api/next"))["id"].get<std::int64_t>();
  std::string id = std::to_string(first);
  ASSERT_EQ(anna.get("/api/record/" + id)->status, 200);  // anna opens it: locked
  auto carl_next = ClerkClient::json_of(carl.get("/api/next"))["id"];
  EXPECT_NE(carl_next, first);
  auto carl_view = ClerkClient::json_of(carl.get("/api/record/" + id));
  EXPECT_EQ(carl_view["locked_by"], "anna");
  EXPECT_TRUE(carl_view["readonly"]);
  auto r = carl.post("/api/record/" + id + "/field", {{"key", "ho_ten"}, {"value", "X Y"}, {"version", 0}});
  EXPECT_EQ(r->status, 409);
  EXPECT_EQ(ClerkClient::json_of(r)["locked_by"], "anna");
  // Once anna lets go, carl gets it.
  ASSERT_EQ(anna.post("/api/record/" + id + "/release", json::object())->status, 200);
  EXPECT_EQ(ClerkClient::json_of(carl.get("/api/next"))["id"], first);
}

TEST_F(ReviewFixture, ConflictingSaveOfTheSameFieldIsRefused) {
  auto anna = login("anna"), carl = login("carl");
  auto id = std::to_string(ClerkClient::json_of(anna.get("/api/next"))["id"].get<std::int64_t>());
  // Both saw version 0 (carl peeked without locking); anna saves first.
  auto seen = ClerkClient::json_of(carl.get("/api/record/" + id + "?peek=1"));
  auto v0 = seen["fields"][0]["version"].get<std::int64_t>();
  ASSERT_EQ(anna.post("/api/record/" + id + "/field", {{"key", "ho_ten"}, {"value", "Trần Văn Một"}, {"version", v0}})->status, 200);
  ASSERT_EQ(anna.post("/api/record/" + id + "/release", json::object())->status, 200);
  auto r = carl.post("/api/record/" + id + "/field", {{"key", "ho_ten"}, {"value", "Trần Văn Hai"}, {"version", v0}});
  ASSERT_EQ(r->status, 409) << r->body;
  auto body = ClerkClient::json_of(r);
  EXPECT_EQ(body["current"], "Trần Văn Một");
  EXPECT_EQ(body["by"], "anna");
  EXPECT_EQ(stored(sample.store, std::stoll(id)).reviewed_values["ho_ten"], "Trần Văn Một");
  // With the version it was told, carl's deliberate overwrite goes through and is audited.
  auto again = carl.post("/api/record/" + id + "/field", {{"key", "ho_ten"}, {"value", "Trần Văn Hai"}, {"version", body["version"]}});
  EXPECT_EQ(again->status, 200);
  EXPECT_EQ(ClerkClient::json_of(anna.get("/api/record/" + id + "/audit")).size(), 2u);
}

TEST_F(ReviewFixture, FieldQueueIsLowestConfidenceFirstAndFilters) {
  auto anna = login("anna");
  auto q = ClerkClient::json_of(anna.get("/api/queue?mode=fields&limit=100"));
  ASSERT_GE(q["items"].size(), 3u);
  double prev = -1;
  for (const auto& it : q["items"]) {
    EXPECT_EQ(it["status"], "review");
    EXPECT_GE(it["confidence"].get<double>(), prev);
    prev = it["confidence"];
  }
  auto none = ClerkClient::json_of(anna.get("/api/queue?reason=no-such-reason"));
  EXPECT_TRUE(none["items"].empty());
  auto books = ClerkClient::json_of(anna.get("/api/books"));
  ASSERT_EQ(books.size(), 1u);
  EXPECT_EQ(books[0]["unit"], "Xã Hướng Phùng");
  EXPECT_EQ(books[0]["done"], 0);
}

TEST_F(ReviewFixture, PasswordsAreStoredHashedAndLoginChecksThem) {
  auto db = open_review_db(sample.store);
  sql::Stmt s(db, "SELECT pw_hash FROM clerks WHERE name = 'anna'");
  ASSERT_TRUE(s.step());
  std::string hash = s.text(0);
  s.reset();
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u);
  EXPECT_EQ(hash.find(kPassword), std::string::npos);
  EXPECT_TRUE(verify_login(db, "anna", kPassword));
  EXPECT_FALSE(verify_login(db, "anna", "nope nope nope"));
  EXPECT_FALSE(verify_login(db, "nobody", kPassword));
  EXPECT_TRUE(remove_clerk(db, "carl"));
  EXPECT_EQ(list_clerks(db).size(), 2u);
}

}  // namespace
}  // namespace ledger::review::test
