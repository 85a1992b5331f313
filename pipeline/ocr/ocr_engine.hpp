// The OCR engine behind an interface, so that stages can be tested with a fake engine (fixed
// answers, no Tesseract timing) or a crashing one (error paths), and Tesseract swapped later.
#pragma once
#include <memory>
#include <opencv2/core.hpp>
#include <string>
#include <vector>

#include "core/geometry.hpp"
#include "core/page.hpp"

namespace ledger {

/// Page segmentation modes we use (Tesseract's numbering).
enum class Segmentation {
  SingleLine = 7,   // one text line: field values
  SingleBlock = 6,  // a block of lines
  SparseText = 11,  // scattered words: anchor search on a page region
};

/// What to recognise and how.
struct OcrRequest {
  cv::Mat image;                 // 8-bit gray or BGR; dark text on light paper, with a white border
  Segmentation mode = Segmentation::SingleLine;
  std::string whitelist;         // allowed characters, "" for all (e.g. "0123456789/.-")
  bool want_choices = false;     // fill per-character alternatives (lstm_choice_mode=2)
};

/// A recognised word with its box in the request image's pixels.
struct OcrWord {
  std::string text;   // NFC
  double conf = 0;    // 0..1, the engine's own (not calibrated) confidence
  Box box;
};

struct OcrResult {
  std::string text;           // NFC, words joined by single spaces, lines by single spaces
  std::vector<OcrWord> words;
  std::vector<CharChoice> chars;  // when asked for
  double mean_conf = 0;       // mean word confidence 0..1 (0 when no words)
  double min_conf = 0;        // worst word confidence 0..1
};

/// One engine instance is used by one thread at a time.
class OcrEngine {
 public:
  virtual ~OcrEngine() = default;
  /// Recognises the request. Throws std::runtime_error when the engine fails.
  virtual OcrResult recognize(const OcrRequest& request) = 0;
  /// "tesseract:vie", "fake", ...
  virtual std::string name() const = 0;
};

/// Makes engines, one per worker thread.
class OcrEngineFactory {
 public:
  virtual ~OcrEngineFactory() = default;
  virtual std::unique_ptr<OcrEngine> make() const = 0;
};

}  // namespace ledger
