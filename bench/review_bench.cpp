// Review station under load: a store of 100,000 generated records, the server on a loopback
// port, 10 clerks (one commune each) working at once; prints p50/p95/p99 per endpoint.
// Usage: review_bench [records=100000] [iterations per clerk=200] [folder to keep the store in]. Goal: p95 < 100 ms each.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "review/accounts.hpp"
#include "review/http.hpp"
#include "review/review_db.hpp"
#include "review/sample_store.hpp"
#include "review/server.hpp"
#include "review/sessions.hpp"
#include <unistd.h>

using namespace ledger::review;
using Clock = std::chrono::steady_clock;

namespace {

struct Timings {
  std::mutex mutex;
  std::map<std::string, std::vector<double>> ms;
  void add(const std::string& what, double v) {
    std::lock_guard lock(mutex);
    ms[what].push_back(v);
  }
};

double pct(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, size_t(p * double(v.size())))];
}

}  // namespace

int main(int argc, char** argv) {
  int records = argc > 1 ? std::atoi(argv[1]) : 100000;
  int iterations = argc > 2 ? std::atoi(argv[2]) : 200;
  constexpr int kClerks = 10;
  bool keep = argc > 3;
  auto dir = keep ? std::filesystem::path(argv[3])
                  : std::filesystem::temp_directory_path() / ("review-bench-" + std::to_string(getpid()));
  SampleOptions o;
  o.images = false;
  o.records_per_page = 10;
  o.pages_per_book = 100;
  o.communes.clear();
  for (int c = 0; c < kClerks; ++c) o.communes.push_back("Xã Thử " + std::to_string(c));
  o.books_per_commune = std::max(1, records / (kClerks * o.pages_per_book * o.records_per_page));
  auto t0 = Clock::now();
  auto sample = write_sample_store(dir, o);
  {
    auto db = open_review_db(sample.store);
    for (int c = 0; c < kClerks; ++c)
      add_clerk(db, "clerk" + std::to_string(c), "bench password", {o.communes[c]}, HashCost::Interactive);
  }
  std::printf("store: %d records written in %.1f s\n", sample.records,
              std::chrono::duration<double>(Clock::now() - t0).count());

  ServerOptions so;
  so.store = sample.store;
  so.port = 0;
  so.threads = 16;
  ReviewServer server(so);
  int port = server.start();

  Timings t;
  std::vector<std::thread> clerks;
  for (int c = 0; c < kClerks; ++c)
    clerks.emplace_back([&, c] {
      httplib::Client http("127.0.0.1", port);
      http.set_keep_alive(true);
      http.set_tcp_nodelay(true);
      auto login = http.Post("/api/login",
                             nlohmann::json{{"name", "clerk" + std::to_string(c)}, {"password", "bench password"}}.dump(),
                             "application/json");
      if (!login || login->status != 200) { std::fprintf(stderr, "login failed\n"); return; }
      httplib::Headers h{{"Cookie", std::string(kSessionCookie) + "=" +
                                        cookie_value(login->get_header_value("Set-Cookie"), kSessionCookie)},
                         {kCsrfHeader, nlohmann::json::parse(login->body)["csrf"].get<std::string>()}};
      auto timed = [&](const char* what, auto&& call) {
        auto start = Clock::now();
        auto r = call();
        t.add(what, std::chrono::duration<double, std::milli>(Clock::now() - start).count());
        if (!r || r->status != 200) std::fprintf(stderr, "%s: status %d\n", what, r ? r->status : -1);
        return r;
      };
      for (int i = 0; i < iterations; ++i) {
        const char* mode = i % 2 ? "/api/queue?status=todo&limit=50" : "/api/queue?mode=fields&limit=50";
        timed(i % 2 ? "queue (records)" : "queue (fields)", [&] { return http.Get(mode, h); });
        auto next = http.Get("/api/next", h);
        auto id = nlohmann::json::parse(next->body)["id"];
        if (!id.is_number()) break;
        std::string path = "/api/record/" + std::to_string(id.get<std::int64_t>());
        auto view = timed("record view", [&] { return http.Get(path.c_str(), h); });
        auto f = nlohmann::json::parse(view->body)["fields"][0];
        nlohmann::json save{{"key", f["key"]}, {"value", "Nguyễn Văn " + std::to_string(i)}, {"version", f["version"]}};
        timed("save field", [&] { return http.Post((path + "/field").c_str(), h, save.dump(), "application/json"); });
        timed("finish record", [&] { return http.Post((path + "/done").c_str(), h, "{}", "application/json"); });
      }
    });
  auto w0 = Clock::now();
  for (auto& th : clerks) th.join();
  double wall = std::chrono::duration<double>(Clock::now() - w0).count();
  server.stop();
  std::printf("%d clerks x %d iterations in %.1f s\n", kClerks, iterations, wall);
  std::printf("%-18s %8s %8s %8s %8s\n", "endpoint", "n", "p50 ms", "p95 ms", "p99 ms");
  for (auto& [what, v] : t.ms)
    std::printf("%-18s %8zu %8.2f %8.2f %8.2f\n", what.c_str(), v.size(), pct(v, 0.5), pct(v, 0.95), pct(v, 0.99));
  std::error_code ec;
  if (!keep) std::filesystem::remove_all(dir, ec);
  return 0;
}
