// Benchmark of ingest + preprocess: ms per page for a generated 300-dpi A4 page (one OpenCV
// thread and the default), and, for files or folders given as arguments, per-page timings with
// the orientation and skew found. Usage: preprocess_bench [--repeat N] [inputs...]
#include <opencv2/core.hpp>
#include <opencv2/core/utility.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "ingest/discover.hpp"
#include "ingest/load_page.hpp"
#include "preprocess/binarize.hpp"
#include "preprocess/deskew.hpp"
#include "preprocess/illumination.hpp"
#include "preprocess/ink_layers.hpp"
#include "preprocess/orientation.hpp"
#include "preprocess/preprocess.hpp"

namespace {

using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}
// CPU time of this thread: the cost on one core, whatever else the machine is running.
double thread_cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

// A register-like A4 page at 300 dpi: text lines with dotted leaders, blue values, a red seal,
// turned by 1.3 degrees.
cv::Mat generated_page() {
  const int w = 2480, h = 3508;
  cv::Mat page(h, w, CV_8UC3, cv::Scalar(228, 240, 246));
  for (int i = 0, y = 350; i < 24; ++i, y += 120) {
    cv::putText(page, "Ho, chu dem, ten nguoi:", {250, y}, cv::FONT_HERSHEY_SIMPLEX, 1.5,
                cv::Scalar(35, 35, 35), 3, cv::LINE_AA);
    for (int x = 900; x < 2280; x += 14) cv::circle(page, {x, y}, 2, cv::Scalar(35, 35, 35), -1);
    cv::putText(page, "Nguyen Van Anh 05/3/2010", {950, y - 12}, cv::FONT_HERSHEY_SCRIPT_SIMPLEX,
                1.8, cv::Scalar(170, 60, 30), 3, cv::LINE_AA);
  }
  cv::circle(page, {500, 3300}, 130, cv::Scalar(50, 40, 215), 12);
  cv::Mat m = cv::getRotationMatrix2D({w / 2.0f, h / 2.0f}, 1.3, 1.0), out;
  cv::warpAffine(page, out, m, page.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT,
                 cv::Scalar(228, 240, 246));
  return out;
}

// Each step alone, one thread, as preprocess() runs it on a 300-dpi page.
void bench_steps(const cv::Mat& bgr, int repeat) {
  ledger::PreprocessOptions o;
  auto step = [&](const char* name, auto&& fn) {
    auto t = Clock::now();
    double c = thread_cpu_ms();
    for (int i = 0; i < repeat; ++i) fn();
    std::printf("    %-34s %7.1f ms wall %7.1f ms cpu\n", name, ms_since(t) / repeat,
                (thread_cpu_ms() - c) / repeat);
  };
  cv::Mat small, sgray, sbin, text, full_gray, flat, warped;
  step("shrink for estimation", [&] { cv::resize(bgr, small, bgr.size() / 2, 0, 0, cv::INTER_AREA); });
  step("estimation gray+flatten+sauvola", [&] {
    cv::cvtColor(small, sgray, cv::COLOR_BGR2GRAY);
    sbin = ledger::binarize_sauvola(ledger::flatten_illumination(sgray, 150), 21, 0.2);
  });
  step("text components", [&] { text = ledger::text_components(sbin); });
  step("lines across or down", [&] { ledger::lines_run_vertically(text, 5); });
  step("skew search", [&] { ledger::estimate_skew(sbin, 5); });
  step("upside-down cue", [&] { ledger::looks_upside_down(text); });
  cv::Mat m = cv::getRotationMatrix2D({bgr.cols / 2.0f, bgr.rows / 2.0f}, -1.3, 1.0);
  step("warp colour page", [&] {
    cv::warpAffine(bgr, warped, m, bgr.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar::all(255));
  });
  step("gray", [&] { cv::cvtColor(warped, full_gray, cv::COLOR_BGR2GRAY); });
  step("ink layers", [&] { ledger::separate_inks(warped, o); });
  step("flatten illumination", [&] { flat = ledger::flatten_illumination(full_gray, 300); });
  step("sauvola", [&] { ledger::binarize_sauvola(flat, 41, 0.2); });
}

void bench_generated(int repeat) {
  ledger::PageImage img;
  img.bgr = generated_page();
  for (int threads : {1, cv::getNumberOfCPUs()}) {
    cv::setNumThreads(threads);
    ledger::preprocess(img);  // warm-up
    std::vector<double> times;
    double skew = 0, cpu = thread_cpu_ms();
    for (int i = 0; i < repeat; ++i) {
      auto t = Clock::now();
      ledger::CleanPage c = ledger::preprocess(img);
      times.push_back(ms_since(t));
      skew = c.skew_degrees;
    }
    cpu = (thread_cpu_ms() - cpu) / repeat;
    std::sort(times.begin(), times.end());
    std::printf("generated 2480x3508 page, %d OpenCV thread(s): median %.1f ms/page wall, min %.1f ms"
                "%s (skew found %.3f, true 1.300)\n",
                threads, times[times.size() / 2], times.front(),
                threads == 1 ? cv::format(", %.1f ms cpu", cpu).c_str() : "", skew);
  }
  cv::setNumThreads(1);
  // Stage split, one thread.
  ledger::PreprocessOptions none;
  none.deskew = none.fix_orientation = false;
  double c = thread_cpu_ms();
  for (int i = 0; i < repeat; ++i) ledger::preprocess(img, none);
  std::printf("  of which without orientation/deskew estimation: %.1f ms/page cpu\n",
              (thread_cpu_ms() - c) / repeat);
  bench_steps(img.bgr, repeat);
}

}  // namespace

int main(int argc, char** argv) {
  int repeat = 5;
  std::vector<std::filesystem::path> inputs;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--repeat") && i + 1 < argc) repeat = std::max(1, std::atoi(argv[++i]));
    else inputs.emplace_back(argv[i]);
  }
  bench_generated(repeat);
  if (inputs.empty()) return 0;
  cv::setNumThreads(1);
  ledger::IngestOptions opts;
  auto t = Clock::now();
  ledger::Discovery d = ledger::discover_pages(inputs, opts);
  std::printf("discovered %zu pages, %zu failures in %.1f ms\n", d.pages.size(), d.failures.size(),
              ms_since(t));
  for (const auto& f : d.failures) std::printf("  failure: %s\n", f.what());
  double load_total = 0, pre_total = 0;
  for (const auto& ref : d.pages) {
    try {
      double t0 = thread_cpu_ms();
      ledger::PageImage img = ledger::load_page(ref, opts);
      double load_ms = thread_cpu_ms() - t0;
      int w = img.bgr.cols, h = img.bgr.rows;
      double t1 = thread_cpu_ms();
      ledger::CleanPage c = ledger::preprocess(std::move(img));
      double pre_ms = thread_cpu_ms() - t1;
      load_total += load_ms;
      pre_total += pre_ms;
      std::printf("  %s#%d %dx%d load %.0f ms, preprocess %.0f ms cpu, rotation %d, skew %+.2f\n",
                  ref.rel_path.c_str(), ref.page, w, h, load_ms, pre_ms, c.rotation, c.skew_degrees);
    } catch (const std::exception& e) {
      std::printf("  %s#%d failed: %s\n", ref.rel_path.c_str(), ref.page, e.what());
    }
  }
  if (!d.pages.empty())
    std::printf("mean load %.1f ms/page, preprocess %.1f ms/page (cpu, 1 thread)\n",
                load_total / d.pages.size(), pre_total / d.pages.size());
  return 0;
}
