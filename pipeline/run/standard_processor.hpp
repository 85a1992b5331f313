// The real chain for one page: ingest (decode, hash) -> preprocess -> layout (register) ->
// ocr (read fields) -> fields (assemble draft records), one instance per worker thread. A page
// no layout matched whose file gave no resolution is preprocessed and registered once more at
// the resolution its size suggests (ingest/load_page.hpp, retry_dpi; page issue "dpi-guessed").
#pragma once
#include <memory>

#include "ocr/ocr_engine.hpp"
#include "run/page_processor.hpp"
#include "run/pipeline_config.hpp"

namespace ledger {

/// Makes StandardProcessors that share the read-only models (layouts, lexicons, field models)
/// loaded once, each with its own OCR engine.
class StandardProcessorFactory : public PageProcessorFactory {
 public:
  /// Loads the layouts and field models named by `config`.
  ///   config   folders, limits, thresholds
  ///   engines  makes one OCR engine per processor (Tesseract, or a fake in tests)
  /// Throws ConfigError when the layouts or models cannot be loaded.
  StandardProcessorFactory(const PipelineConfig& config, std::shared_ptr<OcrEngineFactory> engines);
  ~StandardProcessorFactory() override;
  std::unique_ptr<PageProcessor> make() override;

  struct Shared;  // the models, read-only while pages run

 private:
  std::shared_ptr<const Shared> shared_;
  std::shared_ptr<OcrEngineFactory> engines_;
};

}  // namespace ledger
