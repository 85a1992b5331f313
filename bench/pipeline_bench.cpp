// Pipeline speed and memory: pages/s and peak memory of `run` on generated pages with 1 and N
// threads (each in its own child process, so peaks are separate), against plain `tesseract`
// (whole page, --psm 6, OMP_THREAD_LIMIT=1) on the same pages, measured in the same run.
//
// Usage: pipeline_bench [--pages N] [--threads 1,2] [--layout ks-2016] [--engine tesseract|fake]
//                       [--no-tesseract] [--keep DIR]
// Targets (issue): 1 thread <= 0.8x plain tesseract's time per page; 2 threads >= 1.8x faster
// than 1; peak memory independent of the page count (<= 1 GB with 2 threads, 10 and 200 pages).
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "run/run_job.hpp"
#include "synth/synth_book.hpp"

namespace {

using Clock = std::chrono::steady_clock;

struct Args {
  int pages = 8;
  std::vector<int> threads{1, 2};
  std::string layout = "ks-2016";
  std::string engine = "tesseract";
  bool tesseract = true;
  std::string keep;
};

struct Measure {
  double seconds = 0;
  double cpu = 0;  // user + system seconds of the whole child process
  int pages = 0, failed = 0;
  long peak_kb = 0;
};

double cpu_seconds(int who) {
  rusage ru{};
  getrusage(who, &ru);
  return double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
         double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

long peak_rss_kb() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::atol(line.c_str() + 6);
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

// The child's side: runs the pipeline and prints "seconds pages failed peak_kb" on stdout.
int child_main(const std::filesystem::path& dir, const std::filesystem::path& store, int threads,
               const std::string& engine, const std::string& layout) {
  ledger::RunRequest r;
  r.inputs = {dir};
  r.store = store;
  r.threads = threads;
  r.engine = engine;
  r.progress = false;
  // The fake engine reads no printed labels, so the layout cannot be recognised: force it.
  if (engine == "fake") r.layout_id = layout;
  auto s = ledger::run_job(r, std::cerr);
  std::printf("%f %d %d %ld %f\n", s.seconds, s.done + s.failed, s.failed, peak_rss_kb(),
              cpu_seconds(RUSAGE_SELF));
  return 0;
}

// Runs the pipeline over `dir` in a fresh process (this program re-executed with --child), so
// that its peak memory is its own and not the generator's.
Measure run_child(const std::filesystem::path& dir, const std::filesystem::path& store, int threads,
                  const std::string& engine, const std::string& layout) {
  int fds[2];
  if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
  std::fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    dup2(fds[1], 1);
    std::string t = std::to_string(threads), d = dir.string(), st = store.string(), e = engine,
                l = layout;
    std::string self = "pipeline_bench", flag = "--child";
    char* argv[] = {self.data(), flag.data(), d.data(), st.data(), t.data(), e.data(), l.data(),
                    nullptr};
    execv("/proc/self/exe", argv);
    _exit(127);
  }
  close(fds[1]);
  std::string text;
  char buf[512];
  ssize_t n;
  while ((n = read(fds[0], buf, sizeof buf)) > 0) text.append(buf, size_t(n));
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || text.empty())
    throw std::runtime_error("pipeline child failed: " + text);
  Measure m;
  std::istringstream(text) >> m.seconds >> m.pages >> m.failed >> m.peak_kb >> m.cpu;
  return m;
}

// Plain tesseract on every page, one after the other, single-threaded OpenMP. Returns wall
// seconds; `cpu` receives the CPU seconds of the tesseract processes.
double plain_tesseract_seconds(const std::vector<std::filesystem::path>& images, double& cpu) {
  double cpu0 = cpu_seconds(RUSAGE_CHILDREN);
  auto t0 = Clock::now();
  for (const auto& img : images) {
    std::string cmd = "OMP_THREAD_LIMIT=1 tesseract '" + img.string() +
                      "' - -l vie --psm 6 >/dev/null 2>&1";
    if (std::system(cmd.c_str()) != 0) throw std::runtime_error("tesseract failed on " + img.string());
  }
  cpu = cpu_seconds(RUSAGE_CHILDREN) - cpu0;
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

Args parse(int argc, char** argv) {
  Args a;
  for (int i = 1; i < argc; ++i) {
    std::string k = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) throw std::runtime_error("missing value after " + k);
      return argv[++i];
    };
    if (k == "--pages") a.pages = std::stoi(next());
    else if (k == "--layout") a.layout = next();
    else if (k == "--engine") a.engine = next();
    else if (k == "--no-tesseract") a.tesseract = false;
    else if (k == "--keep") a.keep = next();
    else if (k == "--threads") {
      a.threads.clear();
      std::stringstream ss(next());
      std::string t;
      while (std::getline(ss, t, ',')) a.threads.push_back(std::stoi(t));
    } else {
      throw std::runtime_error("unknown option " + k);
    }
  }
  return a;
}

}  // namespace

int main(int argc, char** argv) {
  // Tesseract's OpenMP must be limited before it loads (see cli/main.cpp).
  if (!std::getenv("OMP_THREAD_LIMIT")) {
    setenv("OMP_THREAD_LIMIT", "1", 1);
    execv("/proc/self/exe", argv);
  }
  try {
    if (argc == 7 && std::string(argv[1]) == "--child")
      return child_main(argv[2], argv[3], std::stoi(argv[4]), argv[5], argv[6]);
    Args args = parse(argc, argv);
    std::filesystem::path dir = args.keep.empty()
        ? std::filesystem::temp_directory_path() / ("ledger-bench-" + std::to_string(getpid()))
        : std::filesystem::path(args.keep);
    std::filesystem::create_directories(dir / "pages");

    ledger::synth::SynthOptions so;
    so.layout_id = args.layout;
    so.pages = args.pages;
    so.seed = 11;
    so.out = dir / "pages";
    ledger::synth::SynthResult synth;
    try {
      synth = ledger::synth::synthesize(so);
    } catch (const std::exception& e) {
      std::cout << "pipeline_bench: cannot generate pages (" << e.what() << "), skipped\n";
      return 0;
    }
    std::vector<std::filesystem::path> images;
    for (const auto& p : synth.pages) images.push_back(p.image);
    std::printf("pipeline_bench: %zu pages of %s, engine %s, %u cores\n", images.size(),
                args.layout.c_str(), args.engine.c_str(), std::thread::hardware_concurrency());

    double one_thread = 0, one_thread_cpu = 0;
    for (int t : args.threads) {
      auto store = dir / ("store-" + std::to_string(t) + ".sqlite");
      std::filesystem::remove(store);
      Measure m = run_child(dir / "pages", store, t, args.engine, args.layout);
      double pps = m.seconds > 0 ? m.pages / m.seconds : 0;
      if (t == 1) one_thread = m.seconds, one_thread_cpu = m.cpu;
      std::printf("run  threads=%d: %d pages (%d failed) in %.2f s = %.3f pages/s, %.3f s/page, "
                  "CPU %.2f s, peak RSS %.0f MB", t, m.pages, m.failed, m.seconds, pps,
                  m.pages ? m.seconds / m.pages : 0.0, m.cpu, m.peak_kb / 1024.0);
      if (t != 1 && one_thread > 0) std::printf(", speed-up vs 1 thread %.2fx", one_thread / m.seconds);
      std::printf("\n");
    }
    if (args.tesseract) {
      double tess_cpu = 0;
      double tess = plain_tesseract_seconds(images, tess_cpu);
      std::printf("plain tesseract --psm 6 (1 thread): %.2f s = %.3f s/page, CPU %.2f s\n", tess,
                  tess / double(images.size()), tess_cpu);
      // CPU time is the fairer ratio on a shared machine (wall time depends on other load).
      if (one_thread > 0)
        std::printf("ratio run(1 thread) / plain tesseract: wall %.2f, CPU %.2f (target <= 0.80)\n",
                    one_thread / tess, tess_cpu > 0 ? one_thread_cpu / tess_cpu : 0.0);
    }
    if (args.keep.empty()) std::filesystem::remove_all(dir);
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "pipeline_bench: %s\n", e.what());
    return 3;
  }
}
