// `ledger-ocr review --store FILE [--listen 127.0.0.1:8080]`: serves the clerk review station
// (review/server.hpp) until interrupted; `--sample DIR` writes a sample store to try it on.
#include <csignal>
#include <iostream>
#include <memory>

#include "cli/command.hpp"
#include "core/error.hpp"
#include "review/sample_store.hpp"
#include "review/server.hpp"

namespace {

struct Opts {
  std::string store, listen = "127.0.0.1:8080", sample;
  std::vector<std::string> roots;
  int threads = 16;
};

ledger::review::ReviewServer* g_server = nullptr;

}  // namespace

static const ledger::cli::CommandRegistration reg{
    {60, "review", "Serve the clerk review station in the browser", [](CLI::App& sub) {
       auto o = std::make_shared<Opts>();
       sub.add_option("--store,-s", o->store, "the SQLite store to review");
       sub.add_option("--listen", o->listen, "HOST:PORT to listen on (loopback unless told otherwise)")
           ->capture_default_str();
       sub.add_option("--root", o->roots,
                      "folder page images may be read from (repeatable; default: the input roots "
                      "recorded with the pages)");
       sub.add_option("--threads", o->threads, "worker threads")->capture_default_str();
       sub.add_option("--sample", o->sample,
                      "write a sample store (generated records and page images) into this folder "
                      "and exit");
       return std::function<int()>([o] {
         if (!o->sample.empty()) {
           auto s = ledger::review::write_sample_store(o->sample);
           std::cout << s.store.string() << "\n";
           std::cerr << "review: sample store with " << s.records << " records, scans under "
                     << s.root.string() << "\n";
           return int(ledger::cli::kOk);
         }
         if (o->store.empty()) {
           std::cerr << "ledger-ocr review: give the store (--store FILE)\n";
           return int(ledger::cli::kUsage);
         }
         if (!std::filesystem::exists(o->store)) throw ledger::InputError(o->store, "no such store");
         ledger::review::ServerOptions options;
         options.store = o->store;
         std::tie(options.host, options.port) = ledger::review::parse_listen(o->listen);
         options.threads = o->threads;
         for (const auto& r : o->roots) options.roots.push_back(std::filesystem::weakly_canonical(r));
         ledger::review::ReviewServer server(options);
         int port = server.bind();
         if (!ledger::review::is_loopback(options.host))
           std::cerr << "review: WARNING: listening on " << options.host
                     << ", reachable from other machines (plain HTTP)\n";
         std::cout << "review: serving " << o->store << " on http://" << options.host << ":" << port
                   << "/ (Ctrl+C to stop)" << std::endl;
         g_server = &server;
         std::signal(SIGINT, [](int) { if (g_server) g_server->stop(); });
         std::signal(SIGTERM, [](int) { if (g_server) g_server->stop(); });
         server.run();
         g_server = nullptr;
         std::cerr << "review: stopped\n";
         return int(ledger::cli::kOk);
       });
     }}};
