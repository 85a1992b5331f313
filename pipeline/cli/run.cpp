// `ledger-ocr run INPUT... --out STORE`: turns scanned register pages into draft records in a
// SQLite store; re-running skips pages already stored (the logic lives in run/run_job.hpp).
#include <iostream>
#include <memory>

#include "cli/command.hpp"
#include "run/run_job.hpp"

namespace {

struct Opts {
  ledger::RunRequest request;
  std::vector<std::string> inputs;
  std::string out, config, layouts, models;
  int threads = -1;
  long max_pixels = 0;
  bool quiet = false;
};

}  // namespace

static const ledger::cli::CommandRegistration reg{
    {20, "run", "Turn scanned register pages into draft records (SQLite store)", [](CLI::App& sub) {
       auto o = std::make_shared<Opts>();
       sub.add_option("inputs", o->inputs, "image/PDF/TIFF files and folders")->required();
       sub.add_option("--out,-o", o->out, "the SQLite store (created when absent)")->required();
       sub.add_option("--threads,-j", o->threads, "worker threads (default: config, 0 = all cores)")
           ->check(CLI::Range(0, 1024));
       sub.add_option("--config", o->config, "settings file (default: config/pipeline.yaml)");
       sub.add_option("--max-pixels", o->max_pixels, "refuse pages with more pixels")
           ->check(CLI::PositiveNumber);
       sub.add_option("--layouts", o->layouts, "folder of layout files (default: from the settings file, config/layouts)");
       sub.add_option("--layout", o->request.layout_id, "force this layout id on every page");
       sub.add_option("--models", o->models, "folder of fitted models (default: from the settings file, models/)");
       sub.add_option("--tessdata", o->request.tessdata, "Tesseract model folder");
       sub.add_option("--lang", o->request.lang, "Tesseract language (default: models/ocr.yaml)");
       sub.add_option("--engine", o->request.engine, "OCR engine: tesseract, or fake (tests)")
           ->capture_default_str()
           ->check(CLI::IsMember({"tesseract", "fake"}));
       sub.add_flag("--quiet,-q", o->quiet, "no progress, only the summary");
       return std::function<int()>([o] {
         auto& r = o->request;
         for (const auto& i : o->inputs) r.inputs.emplace_back(i);
         r.store = o->out;
         r.config = o->config;
         r.layouts_dir = o->layouts;
         r.models_dir = o->models;
         if (o->threads >= 0) r.threads = o->threads;
         if (o->max_pixels > 0) r.max_pixels = o->max_pixels;
         r.progress = !o->quiet;
         r.args = "run";
         for (const auto& i : o->inputs) r.args += " " + i;
         r.args += " --out " + o->out;
         auto summary = ledger::run_job(r, std::cerr);
         ledger::print_summary(summary, std::cout);
         return summary.exit_code() == 0 ? int(ledger::cli::kOk) : int(ledger::cli::kSomePagesFailed);
       });
     }}};
