// Scripted and crashing engines for tests (see fake_engine.hpp).
#include "ocr/fake_engine.hpp"

#include <stdexcept>

#include "core/text.hpp"

namespace ledger {

FakeEngine::FakeEngine(OcrResult fallback) : fallback_(std::move(fallback)) {}
FakeEngine::FakeEngine(Script script) : script_(std::move(script)) {}

void FakeEngine::add(const std::string& key, OcrResult result) { by_key_[key] = std::move(result); }

std::string FakeEngine::key_of(const OcrRequest& request) {
  return std::to_string(request.image.cols) + "x" + std::to_string(request.image.rows);
}

OcrResult FakeEngine::result_of(const std::string& text, double conf) {
  OcrResult r;
  for (const auto& w : split_words(text)) {
    if (!r.text.empty()) {
      r.text += ' ';
      r.chars.push_back(CharChoice{{{" ", 1.0}}});
    }
    r.text += nfc(w);
    r.words.push_back(OcrWord{nfc(w), conf, Box{}});
    for (char32_t c : to_u32(nfc(w))) r.chars.push_back(CharChoice{{{to_utf8(std::u32string(1, c)), conf}}});
  }
  if (!r.words.empty()) r.mean_conf = r.min_conf = conf;
  return r;
}

OcrResult FakeEngine::recognize(const OcrRequest& request) {
  ++calls_;
  last_ = request;
  if (script_) return script_(request);
  auto it = by_key_.find(key_of(request));
  return it != by_key_.end() ? it->second : fallback_;
}

OcrResult CrashingEngine::recognize(const OcrRequest&) {
  ++calls_;
  throw std::runtime_error("crashing engine: simulated failure");
}

}  // namespace ledger
