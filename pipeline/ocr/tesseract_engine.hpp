// The Tesseract LSTM engine behind OcrEngine: one TessBaseAPI per instance, initialised once and
// reused for every request of one thread; the factory makes one per worker thread.
#pragma once
#include <memory>
#include <string>

#include "ocr/ocr_engine.hpp"

namespace tesseract {
class TessBaseAPI;
}

namespace ledger {

/// One Tesseract instance. Not thread-safe: use one per thread (TesseractEngineFactory::make).
class TesseractEngine : public OcrEngine {
 public:
  /// Loads `lang` from `tessdata_dir` ("" = the Debian default folder).
  /// Throws ConfigError naming the folder and the language when Tesseract cannot initialise.
  /// Notes:
  ///   1. Init takes ~100 ms: keep the engine and reuse it.
  ///   2. `dpi` is what Tesseract is told about every image (it otherwise guesses and warns).
  TesseractEngine(const std::string& tessdata_dir, const std::string& lang, int dpi = 300);
  ~TesseractEngine() override;
  TesseractEngine(const TesseractEngine&) = delete;
  TesseractEngine& operator=(const TesseractEngine&) = delete;

  /// Recognises one request: page segmentation mode, whitelist (reset afterwards) and
  /// per-character alternatives as asked. Throws std::runtime_error on an unusable image.
  OcrResult recognize(const OcrRequest& request) override;
  /// "tesseract:<lang>".
  std::string name() const override;

 private:
  std::unique_ptr<tesseract::TessBaseAPI> api_;
  std::string lang_;
  int dpi_;
};

/// Makes one TesseractEngine per worker thread, all with the same model.
class TesseractEngineFactory : public OcrEngineFactory {
 public:
  /// `tessdata_dir` "" = Debian default; `lang` e.g. "vie".
  TesseractEngineFactory(std::string tessdata_dir, std::string lang);
  /// A fresh engine; throws ConfigError when the model cannot be loaded.
  std::unique_ptr<OcrEngine> make() const override;

  const std::string& tessdata_dir() const { return tessdata_dir_; }
  const std::string& lang() const { return lang_; }

 private:
  std::string tessdata_dir_;
  std::string lang_;
};

}  // namespace ledger
