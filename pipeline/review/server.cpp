// The review station's HTTP server (see server.hpp).
#include "review/server.hpp"

#include "review/http.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <mutex>
#include <thread>

#include "core/error.hpp"
#include "review/access.hpp"
#include "review/accounts.hpp"
#include "groups/group_store.hpp"
#include "review/group_api.hpp"
#include "review/images.hpp"
#include "review/locks.hpp"
#include "review/queue.hpp"
#include "review/record_view.hpp"
#include "review/review_db.hpp"
#include "review/save.hpp"
#include "review/sessions.hpp"
#include "review/web/web_assets.hpp"

namespace ledger::review {

using nlohmann::json;

std::pair<std::string, int> parse_listen(const std::string& text) {
  std::string host = "127.0.0.1", port = text;
  auto colon = text.rfind(':');
  if (colon != std::string::npos) {
    host = text.substr(0, colon);
    port = text.substr(colon + 1);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    if (host.empty()) host = "127.0.0.1";
  }
  try {
    size_t used = 0;
    int p = std::stoi(port, &used);
    if (used != port.size() || p < 0 || p > 65535) throw std::out_of_range("port");
    return {host, p};
  } catch (const std::exception&) {
    throw ConfigError("--listen must be HOST:PORT, not '" + text + "'");
  }
}

bool is_loopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

struct ReviewServer::Impl {
  ServerOptions options;
  DbPool pool;
  httplib::Server http;
  std::thread thread;
  bool bound = false;
  int port = 0;
  PageImageCache images;
  std::mutex roots_mutex;
  std::vector<std::filesystem::path> roots;
  std::int64_t roots_at = -1000;
  std::mutex login_mutex;
  std::map<std::string, std::vector<std::int64_t>> login_failures;  // name -> failure times

  explicit Impl(ServerOptions o) : options(std::move(o)), pool(options.store, std::max(2, options.threads)) {
    auto db = pool.acquire();
    groups::ensure_group_tables(*db);  // the group view's tables (groups/group_store.hpp)
  }

  std::vector<std::filesystem::path> current_roots(sql::Db& db) {
    if (!options.roots.empty()) return options.roots;
    std::lock_guard lock(roots_mutex);
    // Pages a run adds while the station is open bring their roots within half a minute.
    if (unix_now() - roots_at > 30) {
      roots = input_roots(db);
      roots_at = unix_now();
    }
    return roots;
  }

  static void send_json(httplib::Response& res, const json& j, int status = 200) {
    res.status = status;
    res.set_content(j.dump(), "application/json; charset=utf-8");
  }

  static json body_of(const httplib::Request& req) {
    auto j = json::parse(req.body, nullptr, false);
    if (!j.is_object()) throw HttpError(400, "the request body must be a JSON object");
    return j;
  }

  static std::int64_t id_of(const httplib::Request& req) {
    try {
      return std::stoll(req.matches[1].str());
    } catch (const std::exception&) {
      throw HttpError(400, "bad id");
    }
  }

  static Session require_session(sql::Db& db, const httplib::Request& req, bool write) {
    auto token = cookie_value(req.get_header_value("Cookie"), kSessionCookie);
    auto session = token.empty() ? std::nullopt : find_session(db, token);
    if (!session) throw HttpError(401, "log in first");
    if (write && !same_token(req.get_header_value(kCsrfHeader), session->csrf))
      throw HttpError(403, "missing or wrong CSRF token");
    return *session;
  }

  using ApiFn = std::function<void(sql::Db&, const Session&, const httplib::Request&, httplib::Response&)>;

  // Wraps an API handler: a pooled connection, the session (and CSRF on writes), errors as JSON.
  httplib::Server::Handler api(ApiFn fn, bool write) {
    return [this, fn, write](const httplib::Request& req, httplib::Response& res) {
      guarded(res, [&] {
        auto db = pool.acquire();
        Session s = require_session(*db, req, write);
        fn(*db, s, req, res);
      });
    };
  }

  template <class F>
  static void guarded(httplib::Response& res, F&& f) {
    try {
      f();
    } catch (const HttpError& e) {
      json j = e.extra();
      j["error"] = e.what();
      send_json(res, j, e.status());
    } catch (const std::exception& e) {
      send_json(res, {{"error", e.what()}}, 500);
    }
  }

  QueueQuery query_of(const httplib::Request& req) {
    QueueQuery q;
    auto get = [&](const char* k, std::string& v) {
      if (req.has_param(k)) v = req.get_param_value(k);
    };
    get("mode", q.mode);
    get("book", q.book);
    get("unit", q.unit);
    get("status", q.status);
    get("reason", q.reason);
    try {
      if (req.has_param("limit")) q.limit = std::stoi(req.get_param_value("limit"));
      if (req.has_param("offset")) q.offset = std::stoi(req.get_param_value("offset"));
    } catch (const std::exception&) {
      throw HttpError(400, "limit and offset must be numbers");
    }
    return q;
  }

  void login(const httplib::Request& req, httplib::Response& res) {
    guarded(res, [&] {
      json body = body_of(req);
      std::string name = body.value("name", ""), password = body.value("password", "");
      std::int64_t now = unix_now();
      {
        std::lock_guard lock(login_mutex);
        auto& f = login_failures[name];
        std::erase_if(f, [&](std::int64_t t) { return now - t > 300; });
        if (int(f.size()) >= options.max_login_failures)
          throw HttpError(429, "too many failed logins for this name; wait a few minutes");
      }
      auto db = pool.acquire();
      auto clerk = verify_login(*db, name, password);
      if (!clerk) {
        std::lock_guard lock(login_mutex);
        login_failures[name].push_back(now);
        throw HttpError(401, "wrong name or password");
      }
      auto [token, csrf] = create_session(*db, *clerk);
      res.set_header("Set-Cookie", std::string(kSessionCookie) + "=" + token +
                                       "; HttpOnly; SameSite=Strict; Path=/");
      send_json(res, {{"clerk", clerk->name}, {"units", clerk->units}, {"csrf", csrf}});
    });
  }

  // Groups of look-alike crops (review/group_api.hpp): list, view, confirm.
  void group_routes() {
    http.Get("/api/groups", api([](sql::Db& db, const Session& s, const httplib::Request& req,
                                   httplib::Response& res) {
      auto param = [&](const char* k) { return req.has_param(k) ? req.get_param_value(k) : std::string(); };
      send_json(res, list_groups(db, s.clerk, param("book"), param("type"), param("open") == "1"));
    }, false));
    http.Get(R"(/api/groups/(\d+))", api([](sql::Db& db, const Session& s, const httplib::Request& req,
                                            httplib::Response& res) {
      send_json(res, group_view(db, s.clerk, id_of(req)));
    }, false));
    http.Post(R"(/api/groups/(\d+)/confirm)", api([](sql::Db& db, const Session& s,
                                                     const httplib::Request& req, httplib::Response& res) {
      json body = body_of(req);
      if (!body.contains("value") || !body["value"].is_string())
        throw HttpError(400, "a confirmation needs a value");
      std::vector<std::int64_t> removed;
      if (body.contains("removed")) {
        if (!body["removed"].is_array()) throw HttpError(400, "removed must be a list of field ids");
        for (const auto& r : body["removed"]) {
          if (!r.is_number_integer()) throw HttpError(400, "removed must be a list of field ids");
          removed.push_back(r.get<std::int64_t>());
        }
      }
      send_json(res, confirm_group(db, s.clerk, id_of(req), body["value"], removed));
    }, true));
  }

  void routes() {
    http.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                              {"X-Frame-Options", "DENY"},
                              {"Referrer-Policy", "no-referrer"},
                              {"Cache-Control", "no-store"},
                              {"Content-Security-Policy",
                               "default-src 'self'; img-src 'self' blob:; style-src 'self'; "
                               "script-src 'self'; frame-ancestors 'none'"}});
    http.Get("/", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(web::kIndexHtml, "text/html; charset=utf-8");
    });
    http.Get("/app.js", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(web::kAppJs, "text/javascript; charset=utf-8");
    });
    http.Get("/app.css", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(web::kAppCss, "text/css; charset=utf-8");
    });
    http.Post("/api/login", [this](const httplib::Request& req, httplib::Response& res) { login(req, res); });
    http.Post("/api/logout", api([](sql::Db& db, const Session&, const httplib::Request& req,
                                    httplib::Response& res) {
      end_session(db, cookie_value(req.get_header_value("Cookie"), kSessionCookie));
      res.set_header("Set-Cookie", std::string(kSessionCookie) + "=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0");
      send_json(res, {{"ok", true}});
    }, true));
    http.Get("/api/me", api([](sql::Db&, const Session& s, const httplib::Request&, httplib::Response& res) {
      send_json(res, {{"clerk", s.clerk.name}, {"units", s.clerk.units}, {"csrf", s.csrf}});
    }, false));
    http.Get("/api/books", api([](sql::Db& db, const Session& s, const httplib::Request&, httplib::Response& res) {
      send_json(res, books(db, s.clerk));
    }, false));
    http.Get("/api/queue", api([this](sql::Db& db, const Session& s, const httplib::Request& req,
                                      httplib::Response& res) {
      send_json(res, queue(db, s.clerk, query_of(req)));
    }, false));
    http.Get("/api/next", api([this](sql::Db& db, const Session& s, const httplib::Request& req,
                                     httplib::Response& res) {
      auto id = next_record(db, s.clerk, query_of(req));
      send_json(res, {{"id", id ? json(*id) : json()}});
    }, false));
    http.Get(R"(/api/record/(\d+))", api([](sql::Db& db, const Session& s, const httplib::Request& req,
                                            httplib::Response& res) {
      bool peek = req.has_param("peek") && req.get_param_value("peek") == "1";
      send_json(res, record_view(db, s.clerk, id_of(req), !peek));
    }, false));
    http.Get(R"(/api/record/(\d+)/audit)", api([](sql::Db& db, const Session& s,
                                                  const httplib::Request& req, httplib::Response& res) {
      send_json(res, record_audit(db, s.clerk, id_of(req)));
    }, false));
    http.Post(R"(/api/record/(\d+)/field)", api([](sql::Db& db, const Session& s,
                                                   const httplib::Request& req, httplib::Response& res) {
      json body = body_of(req);
      if (!body.contains("key") || !body["key"].is_string() || !body.contains("value") ||
          !body["value"].is_string() || !body.contains("version") || !body["version"].is_number_integer())
        throw HttpError(400, "a save needs key, value and version");
      send_json(res, save_field(db, s.clerk, id_of(req), body["key"], body["value"],
                                body["version"].get<std::int64_t>()));
    }, true));
    http.Post(R"(/api/record/(\d+)/done)", api([](sql::Db& db, const Session& s,
                                                  const httplib::Request& req, httplib::Response& res) {
      send_json(res, finish_record(db, s.clerk, id_of(req)));
    }, true));
    http.Post(R"(/api/record/(\d+)/release)", api([](sql::Db& db, const Session& s,
                                                     const httplib::Request& req, httplib::Response& res) {
      release_lock(db, s.clerk, id_of(req));
      send_json(res, {{"ok", true}});
    }, true));
    http.Get(R"(/api/page/(\d+)/image)", api([this](sql::Db& db, const Session& s,
                                                    const httplib::Request& req, httplib::Response& res) {
      std::int64_t page = id_of(req);
      check_page_access(db, s.clerk, page);
      int w = 1400;
      if (req.has_param("w")) w = std::clamp(std::atoi(req.get_param_value("w").c_str()), 100, 4000);
      auto jpeg = images.page_jpeg(db, current_roots(db), page, w);
      res.set_content(reinterpret_cast<const char*>(jpeg.data()), jpeg.size(), "image/jpeg");
    }, false));
    http.Get(R"(/api/record/(\d+)/crop)", api([this](sql::Db& db, const Session& s,
                                                    const httplib::Request& req, httplib::Response& res) {
      std::int64_t record = id_of(req);
      check_record_access(db, s.clerk, record);
      double scale = req.has_param("scale") ? std::atof(req.get_param_value("scale").c_str()) : 1.0;
      auto jpeg = images.crop_jpeg(db, current_roots(db), record, req.get_param_value("key"), scale);
      res.set_content(reinterpret_cast<const char*>(jpeg.data()), jpeg.size(), "image/jpeg");
    }, false));
    group_routes();
    int threads = std::max(2, options.threads);
    http.new_task_queue = [threads] { return new httplib::ThreadPool(size_t(threads)); };
    http.set_payload_max_length(1 << 20);
    // Without TCP_NODELAY, Nagle + delayed ACK add ~40 ms to every keep-alive answer.
    http.set_tcp_nodelay(true);
  }
};

ReviewServer::ReviewServer(ServerOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {
  impl_->routes();
}

ReviewServer::~ReviewServer() { stop(); }

int ReviewServer::bind() {
  if (impl_->bound) return impl_->port;
  auto& o = impl_->options;
  if (o.port == 0) {
    impl_->port = impl_->http.bind_to_any_port(o.host);
    if (impl_->port < 0) throw InputError(o.host, "cannot listen on any port");
  } else {
    if (!impl_->http.bind_to_port(o.host, o.port))
      throw InputError(o.host + ":" + std::to_string(o.port), "cannot listen (in use or not allowed)");
    impl_->port = o.port;
  }
  impl_->bound = true;
  return impl_->port;
}

void ReviewServer::run() {
  bind();
  impl_->http.listen_after_bind();
}

int ReviewServer::start() {
  int port = bind();
  impl_->thread = std::thread([this] { impl_->http.listen_after_bind(); });
  return port;
}

void ReviewServer::stop() {
  if (!impl_) return;
  impl_->http.stop();
  if (impl_->thread.joinable()) impl_->thread.join();
}

}  // namespace ledger::review
