// Access rules of the review API: sessions (401), units (403), CSRF (403), image roots (403).
#include <filesystem>

#include "core/error.hpp"

#include "records/store.hpp"
#include "review_fixture.hpp"

namespace ledger::review::test {
namespace {

// The id of a record in commune `commune` (first in page order).
std::int64_t record_in(const std::filesystem::path& store, const std::string& commune) {
  auto s = Store::open(store);
  for (const auto& r : s.records())
    if (r.page.ref.book.commune == commune) return r.id;
  return 0;
}

TEST_F(ReviewFixture, NoSessionGets401) {
  auto c = anonymous();
  auto id = std::to_string(record_in(sample.store, "Xã Hướng Phùng"));
  EXPECT_EQ(c.get("/api/queue")->status, 401);
  EXPECT_EQ(c.get("/api/record/" + id)->status, 401);
  EXPECT_EQ(c.post("/api/record/" + id + "/field", {{"key", "ho_ten"}, {"value", "X"}, {"version", 0}})->status, 401);
  c.cookie = std::string(64, 'a');  // a made-up token
  EXPECT_EQ(c.get("/api/books")->status, 401);
}

TEST_F(ReviewFixture, WrongPasswordGets401AndRepeatedFailuresAreSlowedDown) {
  auto c = anonymous();
  auto bad = nlohmann::json{{"name", "anna"}, {"password", "wrong password"}}.dump();
  EXPECT_EQ(c.http->Post("/api/login", bad, "application/json")->status, 401);
  for (int i = 0; i < 6; ++i) c.http->Post("/api/login", bad, "application/json");
  EXPECT_EQ(c.http->Post("/api/login", bad, "application/json")->status, 429);
}

TEST_F(ReviewFixture, ClerkOfAnotherUnitGets403) {
  auto bob = login("bob");
  auto id = std::to_string(record_in(sample.store, "Xã Hướng Phùng"));
  EXPECT_EQ(bob.get("/api/record/" + id)->status, 403);
  EXPECT_EQ(bob.get("/api/record/" + id + "/audit")->status, 403);
  EXPECT_EQ(bob.get("/api/record/" + id + "/crop?key=ho_ten")->status, 403);
  EXPECT_EQ(bob.post("/api/record/" + id + "/field", {{"key", "ho_ten"}, {"value", "X"}, {"version", 0}})->status, 403);
  EXPECT_EQ(bob.post("/api/record/" + id + "/done", nlohmann::json::object())->status, 403);
  auto view = ClerkClient::json_of(bob.get("/api/record/" + id + "?peek=1"));
  EXPECT_TRUE(view.contains("error"));
  // Bob's queue holds only his commune's records.
  auto q = ClerkClient::json_of(bob.get("/api/queue?status="));
  ASSERT_FALSE(q["items"].empty());
  for (const auto& it : q["items"]) EXPECT_EQ(it["unit"], "Xã Tân Hợp");
  auto anna = login("anna");
  EXPECT_EQ(anna.get("/api/record/" + id)->status, 200);
}

TEST_F(ReviewFixture, WriteWithoutCsrfTokenGets403) {
  auto anna = login("anna");
  auto id = std::to_string(record_in(sample.store, "Xã Hướng Phùng"));
  auto r = anna.post("/api/record/" + id + "/field", {{"key", "ho_ten"}, {"value", "X"}, {"version", 0}}, false);
  EXPECT_EQ(r->status, 403);
  ClerkClient other = login("anna");  // a second session's token is not this session's
  other.csrf = anna.csrf;
  EXPECT_EQ(other.post("/api/record/" + id + "/done", nlohmann::json::object())->status, 403);
}

TEST_F(ReviewFixture, ImagePathOutsideTheRootsIsRefused) {
  namespace fs = std::filesystem;
  auto anna = login("anna");
  auto inside = record_in(sample.store, "Xã Hướng Phùng");
  {
    auto s = Store::open(sample.store);
    auto rec = s.records()[0];
    EXPECT_EQ(anna.get("/api/page/" + std::to_string(rec.page.id) + "/image")->status, 200);
  }
  // A page whose file lies outside the input root (a symlink out of it, and a path whose
  // rel_path does not match) must not be served even though it is in anna's unit.
  fs::create_directories(tmp / "outside");
  fs::copy_file(fs::path(sample.root) / "c00/KS.2007.01.p0001.png", tmp / "outside/secret.png");
  fs::create_symlink(tmp / "outside/secret.png", sample.root / "c00/link.png");
  {
    auto s = Store::open(sample.store);
    auto batch = s.begin_batch("test");
    PageResult r;
    r.ref.book.commune = "Xã Hướng Phùng";
    r.ref.path = (sample.root / "c00/link.png").string();
    r.ref.rel_path = "c00/link.png";
    r.sha256 = "link";
    s.write_page(r, source_stamp(r.ref.path), batch);
    r.ref.path = (tmp / "outside/secret.png").string();
    r.ref.rel_path = "elsewhere/secret.png";
    r.sha256 = "outside";
    s.write_page(r, source_stamp(r.ref.path), batch);
  }
  auto s = Store::open(sample.store);
  int refused = 0;
  for (const auto& p : s.pages()) {
    if (p.sha256 != "link" && p.sha256 != "outside") continue;
    EXPECT_EQ(anna.get("/api/page/" + std::to_string(p.id) + "/image")->status, 403) << p.ref.path;
    ++refused;
  }
  EXPECT_EQ(refused, 2);
  (void)inside;
}

TEST(ReviewHelpers, ParsesUnitsListenAndCookies) {
  auto units = parse_units(" Xã A ; ;Xa\u0303 B;");  // "Xã" in NFD must become NFC
  ASSERT_EQ(units.size(), 2u);
  EXPECT_EQ(units[1], "Xã B");
  EXPECT_EQ(parse_listen("0.0.0.0:9000"), std::make_pair(std::string("0.0.0.0"), 9000));
  EXPECT_EQ(parse_listen("8081").second, 8081);
  EXPECT_THROW(parse_listen("host:port"), ConfigError);
  EXPECT_TRUE(is_loopback("127.0.0.1"));
  EXPECT_FALSE(is_loopback("0.0.0.0"));
  EXPECT_EQ(cookie_value("a=1; ledger_session=xyz; b=2", "ledger_session"), "xyz");
  EXPECT_EQ(cookie_value("a=1", "ledger_session"), "");
}

}  // namespace
}  // namespace ledger::review::test
