// The review station's HTTP server: the web page and a JSON API over the store (login, queue,
// record view, saves, finishing, audit, page images and crops), on a pool of worker threads.
#pragma once
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace ledger::review {

struct ServerOptions {
  std::filesystem::path store;
  std::string host = "127.0.0.1";  // loopback unless told otherwise
  int port = 8080;                 // 0 = any free port
  int threads = 16;                // worker threads (and store connections)
  std::vector<std::filesystem::path> roots;  // image roots; empty = derived from the pages
  int max_login_failures = 5;      // per name within 5 minutes, then 429 until the window ends
};

/// Splits "HOST:PORT" (or ":PORT", or "PORT"); throws ConfigError on anything else.
std::pair<std::string, int> parse_listen(const std::string& text);

/// True for 127.0.0.0/8, ::1 and "localhost".
bool is_loopback(const std::string& host);

/// The server. Routes (JSON unless noted; every /api route but login needs the session cookie,
/// 401 otherwise; every POST but login needs the X-CSRF-Token header, 403 otherwise):
///   GET / /app.js /app.css            the web page (compiled in)
///   POST /api/login {name,password}    sets the cookie; returns {clerk, units, csrf}
///   POST /api/logout, GET /api/me
///   GET /api/books                     books of the clerk's units with progress
///   GET /api/queue?mode=records|fields&book=&unit=&status=&reason=&limit=&offset=
///   GET /api/next?book=&unit=          {"id": next unlocked record to review, or null}
///   GET /api/record/ID[?peek=1]        record view (locks it for the clerk unless peek)
///   POST /api/record/ID/field {key,value,version}   409 on a stale version or another's lock
///   POST /api/record/ID/done, POST /api/record/ID/release
///   GET /api/record/ID/audit
///   GET /api/page/ID/image?w=          JPEG; GET /api/record/ID/crop?key=&scale=  JPEG
///   GET /api/groups?book=&type=&open=1  look-alike groups (review/group_api.hpp)
///   GET /api/groups/ID, POST /api/groups/ID/confirm {value, removed: [field ids]}
class ReviewServer {
 public:
  /// Opens the store (creating the review tables). Throws InputError naming the file.
  explicit ReviewServer(ServerOptions options);
  ~ReviewServer();
  ReviewServer(const ReviewServer&) = delete;
  ReviewServer& operator=(const ReviewServer&) = delete;

  /// Binds the socket; returns the port (useful with port 0). Throws InputError when it cannot.
  int bind();
  /// Serves until stop() (binds first if needed).
  void run();
  /// Serves on a background thread (binds first if needed); returns the port.
  int start();
  /// Stops serving and joins the background thread.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ledger::review
