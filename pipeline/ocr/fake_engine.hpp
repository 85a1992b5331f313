// Engines for tests of other stages: FakeEngine answers from a script and counts its calls,
// CrashingEngine always throws, so error paths can be tested without Tesseract.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <string>

#include "ocr/ocr_engine.hpp"

namespace ledger {

/// Answers each request from a script; no recognition happens.
class FakeEngine : public OcrEngine {
 public:
  using Script = std::function<OcrResult(const OcrRequest&)>;

  /// Every request gets `fallback` (default: an empty result).
  explicit FakeEngine(OcrResult fallback = {});
  /// Every request is answered by `script`.
  explicit FakeEngine(Script script);

  /// Answers requests whose key (see key_of) is `key` with `result`; others get the fallback.
  void add(const std::string& key, OcrResult result);

  /// The key a request is looked up by: the image's width x height ("120x40"), so a test can
  /// give each crop its own size and its own answer.
  static std::string key_of(const OcrRequest& request);

  /// A result with `text` split into words, each with confidence `conf`, and one alternative
  /// per character (also with `conf`).
  static OcrResult result_of(const std::string& text, double conf);

  OcrResult recognize(const OcrRequest& request) override;
  std::string name() const override { return "fake"; }

  /// How many requests were answered.
  int calls() const { return calls_; }
  /// The last request seen (whitelist, mode...).
  const OcrRequest& last_request() const { return last_; }

 private:
  Script script_;
  std::map<std::string, OcrResult> by_key_;
  OcrResult fallback_;
  int calls_ = 0;
  OcrRequest last_;
};

/// Throws std::runtime_error on every request (after counting it).
class CrashingEngine : public OcrEngine {
 public:
  OcrResult recognize(const OcrRequest& request) override;
  std::string name() const override { return "crashing"; }
  int calls() const { return calls_; }

 private:
  int calls_ = 0;
};

/// Makes FakeEngines that all answer with `script`.
class FakeEngineFactory : public OcrEngineFactory {
 public:
  explicit FakeEngineFactory(FakeEngine::Script script) : script_(std::move(script)) {}
  std::unique_ptr<OcrEngine> make() const override { return std::make_unique<FakeEngine>(script_); }

 private:
  FakeEngine::Script script_;
};

}  // namespace ledger
