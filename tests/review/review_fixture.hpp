// A review station for tests: a sample store in a TempDir, three clerks (anna and carl on
// Xã Hướng Phùng, bob on Xã Tân Hợp) and the server on a random loopback port.
#pragma once
#include <gtest/gtest.h>

#include <memory>
#include <nlohmann/json.hpp>

#include "review/accounts.hpp"
#include "review/http.hpp"
#include "review/review_db.hpp"
#include "review/sample_store.hpp"
#include "review/server.hpp"
#include "review/sessions.hpp"
#include "testkit.hpp"

namespace ledger::review::test {

inline const char* kPassword = "correct horse 1";

/// A logged-in clerk's HTTP client: keeps the cookie and CSRF token.
struct ClerkClient {
  std::unique_ptr<httplib::Client> http;
  std::string cookie, csrf;

  httplib::Headers headers(bool with_csrf = true) const {
    httplib::Headers h;
    if (!cookie.empty()) h.emplace("Cookie", std::string(kSessionCookie) + "=" + cookie);
    if (with_csrf && !csrf.empty()) h.emplace(kCsrfHeader, csrf);
    return h;
  }
  httplib::Result get(const std::string& path) const { return http->Get(path.c_str(), headers()); }
  httplib::Result post(const std::string& path, const nlohmann::json& body, bool with_csrf = true) const {
    return http->Post(path.c_str(), headers(with_csrf), body.dump(), "application/json");
  }
  static nlohmann::json json_of(const httplib::Result& r) { return nlohmann::json::parse(r->body); }
};

class ReviewFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    SampleOptions o;
    sample = write_sample_store(tmp.path(), o);
    {
      auto db = open_review_db(sample.store);
      add_clerk(db, "anna", kPassword, {"Xã Hướng Phùng"}, HashCost::Interactive);
      add_clerk(db, "carl", kPassword, {"Xã Hướng Phùng"}, HashCost::Interactive);
      add_clerk(db, "bob", kPassword, {"Xã Tân Hợp"}, HashCost::Interactive);
    }
    ServerOptions so;
    so.store = sample.store;
    so.port = 0;
    so.threads = 4;
    server = std::make_unique<ReviewServer>(so);
    port = server->start();
  }
  void TearDown() override { server->stop(); }

  ClerkClient anonymous() const {
    ClerkClient c;
    c.http = std::make_unique<httplib::Client>("127.0.0.1", port);
    return c;
  }
  ClerkClient login(const std::string& name) const {
    ClerkClient c = anonymous();
    auto r = c.http->Post("/api/login", nlohmann::json{{"name", name}, {"password", kPassword}}.dump(),
                          "application/json");
    EXPECT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    c.cookie = cookie_value(r->get_header_value("Set-Cookie"), kSessionCookie);
    c.csrf = ClerkClient::json_of(r)["csrf"];
    return c;
  }

  testkit::TempDir tmp;
  SampleStore sample;
  std::unique_ptr<ReviewServer> server;
  int port = 0;
};

}  // namespace ledger::review::test
