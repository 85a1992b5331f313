// Progress of a run (see progress.hpp).
#include "run/progress.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>

namespace ledger {

namespace {

std::string format_eta(double seconds) {
  if (seconds < 0 || seconds > 1e7) return "?";
  long s = long(seconds + 0.5);
  if (s >= 3600) return fmt::format("{}h{:02}m", s / 3600, (s % 3600) / 60);
  if (s >= 60) return fmt::format("{}m{:02}s", s / 60, s % 60);
  return fmt::format("{}s", s);
}

class StreamProgress : public ProgressSink {
 public:
  StreamProgress(std::ostream& out, bool tty, int every)
      : out_(out), tty_(tty), every_(std::max(1, every)) {}

  void start(int total) override {
    total_ = total;
    started_ = std::chrono::steady_clock::now();
    if (!tty_) out_ << fmt::format("run: {} pages to look at\n", total) << std::flush;
  }

  void page_done(const PageResult& r, bool skipped) override {
    ++seen_;
    if (skipped) {
      ++skipped_;
    } else {
      ++processed_;
      if (!r.error.empty()) {
        if (tty_) out_ << "\r\033[K";
        out_ << fmt::format("failed: {}#{}: {}\n", r.ref.path, r.ref.page, r.error);
      }
    }
    if (tty_ || seen_ % every_ == 0 || seen_ == total_) draw();
  }

  void finish() override {
    if (tty_) out_ << "\n";
    out_ << std::flush;
  }

 private:
  void draw() {
    double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    double rate = elapsed > 0 ? processed_ / elapsed : 0;
    int left = total_ - seen_;
    std::string eta = rate > 0 ? format_eta(left / rate) : "?";
    if (tty_) {
      constexpr int kWidth = 30;
      int filled = total_ > 0 ? int(double(kWidth) * seen_ / total_) : kWidth;
      out_ << "\r\033[K[" << std::string(size_t(filled), '#')
           << std::string(size_t(kWidth - filled), '.') << "] "
           << fmt::format("{}/{} pages  {:.2f} pages/s  ETA {}", seen_, total_, rate, eta)
           << std::flush;
    } else {
      out_ << fmt::format("run: {}/{} pages ({} skipped), {:.2f} pages/s, ETA {}\n", seen_, total_,
                          skipped_, rate, eta)
           << std::flush;
    }
  }

  std::ostream& out_;
  bool tty_;
  int every_;
  int total_ = 0, seen_ = 0, processed_ = 0, skipped_ = 0;
  std::chrono::steady_clock::time_point started_;
};

}  // namespace

std::unique_ptr<ProgressSink> make_progress(std::ostream& out, bool tty, int every) {
  return std::make_unique<StreamProgress>(out, tty, every);
}

bool is_terminal(int fd) { return isatty(fd) == 1; }

}  // namespace ledger
