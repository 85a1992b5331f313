// `ledger-ocr run INPUT... --out STORE`: turns scanned register pages into draft records in a
// SQLite store; re-running skips pages already stored (the logic lives in run/run_job.hpp).
// `ledger-ocr run --plan DIR --shard K --out STORE` runs one shard of a cluster plan instead.
#include <iostream>
#include <memory>
#include <optional>

#include "cli/command.hpp"
#include "cli/grouping_settings.hpp"
#include "groups/group_fields.hpp"
#include "cluster/plan.hpp"
#include "cluster/shard.hpp"
#include "core/error.hpp"
#include "run/run_job.hpp"

namespace {

struct Opts {
  ledger::RunRequest request;
  std::vector<std::string> inputs;
  std::string out, config, layouts, models, plan;
  std::optional<int> shard;
  int threads = -1;
  long max_pixels = 0;
  bool quiet = false;
  bool group = false;
};

}  // namespace

static const ledger::cli::CommandRegistration reg{
    {20, "run", "Turn scanned register pages into draft records (SQLite store)", [](CLI::App& sub) {
       auto o = std::make_shared<Opts>();
       sub.add_option("inputs", o->inputs, "image/PDF/TIFF files and folders (not with --plan)");
       sub.add_option("--plan", o->plan, "a plan folder (ledger-ocr plan): run one shard of it");
       sub.add_option("--shard", o->shard,
                      "the shard of --plan to run (default: $SLURM_ARRAY_TASK_ID, else "
                      "$JOB_COMPLETION_INDEX)")
           ->check(CLI::NonNegativeNumber);
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
       sub.add_flag("--group", o->group, "then group look-alike handwritten values of the books this run wrote (as `ledger-ocr group`)");
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
         if (o->plan.empty() == o->inputs.empty()) {
           std::cerr << "ledger-ocr run: give either INPUT... or --plan DIR\n";
           return int(ledger::cli::kUsage);
         }
         if (!o->plan.empty()) {
           ledger::Plan plan = ledger::read_plan(o->plan);
           std::optional<ledger::ShardIndex> shard;
           try {
             shard = ledger::resolve_shard_index(o->shard);
           } catch (const ledger::InputError& e) {  // a malformed SLURM_ARRAY_TASK_ID: usage
             std::cerr << "ledger-ocr run: " << e.what() << "\n";
             return int(ledger::cli::kUsage);
           }
           if (!shard) {
             std::cerr << "ledger-ocr run: --plan needs --shard K (or SLURM_ARRAY_TASK_ID or "
                          "JOB_COMPLETION_INDEX in the environment)\n";
             return int(ledger::cli::kUsage);
           }
           if (shard->index >= plan.shards) {
             std::cerr << "ledger-ocr run: shard " << shard->index << " (from " << shard->source
                       << ") is not in the plan: it has " << plan.shards << " shards (0.."
                       << plan.shards - 1 << ")\n";
             return int(ledger::cli::kUsage);
           }
           size_t refused = ledger::apply_shard(r, plan, shard->index);
           r.args += " --plan " + o->plan + " --shard " + std::to_string(shard->index);
           std::cerr << "shard " << shard->index << " of " << plan.shards << " (from "
                     << shard->source << "): " << r.pages->size() << " pages";
           if (refused) std::cerr << ", " << refused << " changed since planning";
           std::cerr << "\n";
         }
         auto summary = ledger::run_job(r, std::cerr);
         ledger::print_summary(summary, std::cout);
         if (o->group && summary.batch > 0) {
           ledger::cli::GroupingSettings grouping(ledger::resolve_config(r));
           grouping.options.batch = summary.batch;
           auto gs = ledger::groups::group_fields(r.store, grouping.options);
           std::cout << "grouping: " << gs.books << " book(s), " << ledger::cli::group_counts(gs) << "\n";
         }
         return summary.exit_code() == 0 ? int(ledger::cli::kOk) : int(ledger::cli::kSomePagesFailed);
       });
     }}};
