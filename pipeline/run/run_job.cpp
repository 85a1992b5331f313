// `ledger-ocr run` as one library call (see run_job.hpp).
#include "run/run_job.hpp"

#include <unistd.h>

#include <iostream>
#include <map>

#include "core/error.hpp"
#include "ingest/discover.hpp"
#include "ocr/fake_engine.hpp"
#include "ocr/ocr_config.hpp"
#include "ocr/tesseract_engine.hpp"
#include "records/store.hpp"
#include "run/book_checks.hpp"
#include "run/progress.hpp"
#include "run/run_pipeline.hpp"
#include "run/standard_processor.hpp"

namespace ledger {

PipelineConfig resolve_config(const RunRequest& request) {
  std::filesystem::path file = request.config.empty() ? default_pipeline_config_path() : request.config;
  PipelineConfig c = file.empty() ? default_pipeline_config() : load_pipeline_config(file);
  if (request.threads) c.threads = *request.threads;
  if (request.max_pixels) c.max_pixels = *request.max_pixels;
  if (!request.layouts_dir.empty()) c.layouts_dir = request.layouts_dir;
  if (!request.models_dir.empty()) c.models_dir = request.models_dir;
  if (!request.layout_id.empty()) c.layout_id = request.layout_id;
  if (!request.tessdata.empty()) c.tessdata = request.tessdata;
  if (!request.lang.empty()) c.lang = request.lang;
  // The model named in models/ocr.yaml fills what neither the config nor the user set.
  OcrConfig ocr = load_ocr_config(c.models_dir / "ocr.yaml");
  if (c.tessdata.empty()) c.tessdata = ocr.tessdata;
  if (c.lang.empty()) c.lang = ocr.lang;
  return c;
}

namespace {

std::shared_ptr<OcrEngineFactory> make_engines(const std::string& engine, const PipelineConfig& c) {
  if (engine == "fake")  // every field reads as empty: measures everything but OCR
    return std::make_shared<FakeEngineFactory>([](const OcrRequest&) { return OcrResult{}; });
  if (engine != "tesseract")
    throw ConfigError("unknown OCR engine '" + engine + "' (tesseract, fake)");
  auto factory = std::make_shared<TesseractEngineFactory>(c.tessdata, c.lang);
  factory->make();  // fail now, with the model's name, rather than on every page
  return factory;
}

// Stores the refused pages of a request as failed with their reason; hands the others on.
class RefusingProcessor : public PageProcessor {
 public:
  RefusingProcessor(std::unique_ptr<PageProcessor> inner,
                    const std::map<std::pair<std::string, int>, std::string>& refused)
      : inner_(std::move(inner)), refused_(refused) {}
  PageResult process(const PageRef& ref) override {
    auto it = refused_.find({ref.path, ref.page});
    if (it == refused_.end()) return inner_->process(ref);
    PageResult r;
    r.ref = ref;
    r.error = it->second;
    return r;
  }

 private:
  std::unique_ptr<PageProcessor> inner_;
  const std::map<std::pair<std::string, int>, std::string>& refused_;
};

class RefusingFactory : public PageProcessorFactory {
 public:
  RefusingFactory(PageProcessorFactory& inner, const std::vector<FailedPage>& refused) : inner_(inner) {
    for (const auto& f : refused) refused_[{f.path, f.page}] = f.reason;
  }
  std::unique_ptr<PageProcessor> make() override {
    return std::make_unique<RefusingProcessor>(inner_.make(), refused_);
  }

 private:
  PageProcessorFactory& inner_;
  std::map<std::pair<std::string, int>, std::string> refused_;
};

}  // namespace

RunSummary run_job(const RunRequest& request, std::ostream& log) {
  PipelineConfig config = resolve_config(request);
  IngestOptions ingest;
  ingest.max_pixels = config.max_pixels;
  ingest.pdf_dpi = config.pdf_dpi;
  if (!config.name_patterns.empty()) ingest.pattern.templates = config.name_patterns;

  StandardProcessorFactory factory(config, make_engines(request.engine, config));
  StoreOptions store_options;
  store_options.busy_timeout_ms = config.busy_timeout_ms;
  Store store = Store::open(request.store, store_options);

  Discovery found;
  if (request.pages)
    found.pages = *request.pages;
  else
    found = discover_pages(request.inputs, ingest);
  RunOptions options;
  options.pages = std::move(found.pages);
  options.discovery_failures = std::move(found.failures);
  options.threads = config.threads;
  options.max_in_flight = config.max_in_flight;
  options.args = request.args;

  std::unique_ptr<ProgressSink> progress;
  if (request.progress)
    progress = make_progress(log, &log == &std::cerr && is_terminal(STDERR_FILENO),
                             config.progress_every);
  else
    progress = std::make_unique<NullProgress>();
  RefusingFactory refusing(factory, request.refused);
  RunSummary summary = run_pipeline(options, refusing, store, *progress);
  check_books(store, store.books_of_batch(summary.batch));
  return summary;
}

}  // namespace ledger
