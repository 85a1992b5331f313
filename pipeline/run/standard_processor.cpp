// The real chain for one page (see standard_processor.hpp).
#include "run/standard_processor.hpp"

#include <algorithm>
#include <chrono>
#include <iostream>
#include <optional>

#include "core/error.hpp"
#include "fields/assemble.hpp"
#include "fields/field_models.hpp"
#include "fields/places.hpp"
#include "ingest/load_page.hpp"
#include "layout/layout_library.hpp"
#include "layout/register_page.hpp"
#include "ocr/digits_reader.hpp"
#include "ocr/read_fields.hpp"
#include "preprocess/preprocess.hpp"

namespace ledger {

struct StandardProcessorFactory::Shared {
  IngestOptions ingest;
  PreprocessOptions preprocess;
  RegisterOptions registration;
  ReadOptions read;
  LayoutLibrary layouts;
  FieldModels models;
};

namespace {

// Ledger pages end with unused ruled rows: a row without ink in any cell is not an entry, so it
// must not become a draft for a clerk to dismiss.
void drop_empty_rows(PageReadings& readings) {
  auto& rows = readings.records;
  rows.erase(std::remove_if(rows.begin(), rows.end(),
                            [](const RecordReadings& row) {
                              return std::all_of(row.fields.begin(), row.fields.end(),
                                                 [](const FieldReading& f) { return f.blank; });
                            }),
             rows.end());
}

class StandardProcessor : public PageProcessor {
 public:
  StandardProcessor(std::shared_ptr<const StandardProcessorFactory::Shared> shared,
                    std::unique_ptr<OcrEngine> engine)
      : shared_(std::move(shared)), engine_(std::move(engine)) {}

  PageResult process(const PageRef& ref) override {
    auto t0 = std::chrono::steady_clock::now();
    PageResult r;
    r.ref = ref;
    try {
      run(r);
    } catch (const InputError& e) {
      r.records.clear();
      r.error = e.reason();
    } catch (const std::exception& e) {
      r.records.clear();
      r.error = e.what();
    }
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return r;
  }

 private:
  void run(PageResult& r) {
    const Shared& s = *shared_;
    PageImage image = load_page(r.ref, s.ingest);
    r.sha256 = image.sha256;
    r.width = image.bgr.cols;
    r.height = image.bgr.rows;
    r.dpi = image.dpi;
    // Each stage takes the previous value by move: one copy of the pixels per page in flight.
    CleanPage clean = preprocess(std::move(image), s.preprocess);
    RegisteredPage page = register_page(std::move(clean), s.layouts, *engine_, s.registration);
    if (page.layout_id.empty())
      if (auto again = second_chance(page.page.source)) {
        page = std::move(*again);
        r.dpi = page.page.source.dpi;
      }
    r.issues = page.issues;
    if (page.layout_id.empty()) {
      r.error = "no layout matched";
      return;
    }
    r.layout_id = page.layout_id;
    const LayoutTemplate* layout = s.layouts.find(page.layout_id);
    if (!layout) throw std::runtime_error("layout '" + page.layout_id + "' is not in the library");
    PageReadings readings = read_fields(std::move(page), *engine_, s.read);
    if (layout->kind == LayoutKind::Table) drop_empty_rows(readings);
    const BookInfo& book = r.ref.book;
    const auto home = home_units(book.province, book.district, book.commune, s.models.lexicons, book.year);
    r.records = assemble_records(readings, *layout, s.models, book.year, home);
  }

  // A page no layout matched whose file gave no resolution: preprocessed again at the resolution
  // its size suggests (load_page.hpp, retry_dpi). Returns the page registered again, or nothing
  // when that did not help.
  std::optional<RegisteredPage> second_chance(const PageImage& source) {
    const std::optional<int> dpi = retry_dpi(source);
    if (!dpi) return std::nullopt;
    PageImage image = source;  // a header copy: the same pixels
    image.dpi = *dpi;
    RegisteredPage again = register_page(preprocess(std::move(image), shared_->preprocess), shared_->layouts,
                                         *engine_, shared_->registration);
    if (again.layout_id.empty()) return std::nullopt;
    again.issues.push_back("dpi-guessed");
    return again;
  }

  using Shared = StandardProcessorFactory::Shared;
  std::shared_ptr<const Shared> shared_;
  std::unique_ptr<OcrEngine> engine_;
};

}  // namespace

StandardProcessorFactory::StandardProcessorFactory(const PipelineConfig& config,
                                                   std::shared_ptr<OcrEngineFactory> engines)
    : engines_(std::move(engines)) {
  auto s = std::make_shared<Shared>();
  s->ingest.max_pixels = config.max_pixels;
  s->ingest.pdf_dpi = config.pdf_dpi;
  if (!config.name_patterns.empty()) s->ingest.pattern.templates = config.name_patterns;
  s->registration.layout_id = config.layout_id;
  s->layouts = LayoutLibrary::load_dir(config.layouts_dir);
  s->models = load_field_models(config.models_dir);
  // Handwritten numeric fields also go to the digit reader when models/digits is there.
  s->read.digits = load_digit_reader_if_present(config.models_dir);
  s->read.links = config.digit_links;
  // The accept threshold is chosen when the calibration is fitted; a model fitted for a looser
  // target than the one configured would accept more errors than the user asked for.
  const auto& cal = s->models.calibration;
  if (cal.fitted() && cal.max_error_rate() > config.accept_target_error * 1.0001)
    std::cerr << "warning: " << (config.models_dir / "calibration.json").string()
              << " was fitted for an accept error of " << cal.max_error_rate() << ", above the "
              << config.accept_target_error << " of fields.accept_target_error: refit it\n";
  shared_ = std::move(s);
}

StandardProcessorFactory::~StandardProcessorFactory() = default;

std::unique_ptr<PageProcessor> StandardProcessorFactory::make() {
  return std::make_unique<StandardProcessor>(shared_, engines_->make());
}

}  // namespace ledger
