// The Tesseract LSTM engine (see tesseract_engine.hpp).
#include "ocr/tesseract_engine.hpp"

#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <opencv2/imgproc.hpp>
#include <stdexcept>
#include <string_view>
#include <utility>

#include "core/error.hpp"
#include "core/text.hpp"

namespace ledger {
namespace {

// Owns a string returned by Tesseract (allocated with new[]).
std::string take_text(char* s) {
  if (!s) return {};
  std::string out(s);
  delete[] s;
  return out;
}

// Slashes the LSTM model prefers over '/' on handwriting ("01⁄2019"): registers never mean a
// fraction or division slash, so they are read as '/'. Without this, a '/' whitelist forces
// the model off its favourite glyph and the word's confidence collapses to 0 (seen on synthetic
// handwritten "01/2019").
constexpr std::pair<std::string_view, std::string_view> kSlashes[] = {{"\u2044", "/"}, {"\u2215", "/"}};

std::string fold_slashes(std::string s) {
  for (const auto& [from, to] : kSlashes)
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
      s.replace(at, from.size(), to);
  return s;
}

// The alternatives of the symbol under `it`, best first, confidences 0..1. With
// lstm_choice_mode=2 the ChoiceIterator lists what the LSTM considered at that position; the
// recognised symbol is put in when the iterator misses it, so the list is never empty.
CharChoice symbol_choices(const tesseract::ResultIterator& it, const std::string& best,
                          double best_conf) {
  CharChoice cc;
  tesseract::ChoiceIterator ci(it);
  do {
    const char* t = ci.GetUTF8Text();
    if (!t) continue;
    std::string alt = fold_slashes(nfc(t));
    double conf = std::clamp(ci.Confidence() / 100.0, 0.0, 1.0);
    auto same = std::find_if(cc.alternatives.begin(), cc.alternatives.end(),
                             [&](const auto& a) { return a.first == alt; });
    if (same == cc.alternatives.end())
      cc.alternatives.emplace_back(alt, conf);
    else
      same->second = std::max(same->second, conf);
  } while (ci.Next());
  auto found = std::find_if(cc.alternatives.begin(), cc.alternatives.end(),
                            [&](const auto& a) { return a.first == best; });
  if (found == cc.alternatives.end()) cc.alternatives.emplace_back(best, best_conf);
  std::stable_sort(cc.alternatives.begin(), cc.alternatives.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  // The recognised symbol goes first even when an alternative scored equal: text and chars agree.
  auto pos = std::find_if(cc.alternatives.begin(), cc.alternatives.end(),
                          [&](const auto& a) { return a.first == best; });
  std::rotate(cc.alternatives.begin(), pos, pos + 1);
  return cc;
}

}  // namespace

TesseractEngine::TesseractEngine(const std::string& tessdata_dir, const std::string& lang, int dpi)
    : api_(std::make_unique<tesseract::TessBaseAPI>()), lang_(lang), dpi_(dpi) {
  // Silence Tesseract's chatter ("Empty page!!", DPI guesses) that would flood the logs.
  const char* names[] = {"debug_file"};
  const char* values[] = {"/dev/null"};
  std::vector<std::string> vn(names, names + 1), vv(values, values + 1);
  int rc = api_->Init(tessdata_dir.empty() ? nullptr : tessdata_dir.c_str(), lang.c_str(),
                      tesseract::OEM_LSTM_ONLY, nullptr, 0, &vn, &vv, false);
  if (rc != 0)
    throw ConfigError("cannot load Tesseract language '" + lang + "' from tessdata folder '" +
                      (tessdata_dir.empty() ? std::string("(default)") : tessdata_dir) +
                      "': is " + lang + ".traineddata there?");
  api_->SetVariable("user_defined_dpi", std::to_string(dpi_).c_str());
}

TesseractEngine::~TesseractEngine() {
  if (api_) api_->End();
}

std::string TesseractEngine::name() const { return "tesseract:" + lang_; }

OcrResult TesseractEngine::recognize(const OcrRequest& request) {
  if (request.image.empty()) throw std::runtime_error("tesseract: empty image");
  cv::Mat gray;
  if (request.image.type() == CV_8UC1)
    gray = request.image;
  else if (request.image.type() == CV_8UC3)
    cv::cvtColor(request.image, gray, cv::COLOR_BGR2GRAY);
  else if (request.image.type() == CV_8UC4)
    cv::cvtColor(request.image, gray, cv::COLOR_BGRA2GRAY);
  else
    throw std::runtime_error("tesseract: image must be 8-bit gray, BGR or BGRA");
  if (!gray.isContinuous()) gray = gray.clone();

  api_->SetPageSegMode(static_cast<tesseract::PageSegMode>(static_cast<int>(request.mode)));
  std::string whitelist = request.whitelist;
  if (whitelist.find('/') != std::string::npos)
    for (const auto& [from, to] : kSlashes) whitelist += from;
  api_->SetVariable("tessedit_char_whitelist", whitelist.c_str());
  api_->SetVariable("lstm_choice_mode", request.want_choices ? "2" : "0");
  api_->SetImage(gray.data, gray.cols, gray.rows, 1, static_cast<int>(gray.step));
  api_->SetSourceResolution(dpi_);

  OcrResult result;
  int rc = api_->Recognize(nullptr);
  if (rc == 0) {
    std::unique_ptr<tesseract::ResultIterator> it(api_->GetIterator());
    if (it) {
      it->Begin();
      do {
        if (it->Empty(tesseract::RIL_WORD)) continue;
        OcrWord w;
        w.text = fold_slashes(nfc(take_text(it->GetUTF8Text(tesseract::RIL_WORD))));
        if (w.text.empty()) continue;
        w.conf = std::clamp(it->Confidence(tesseract::RIL_WORD) / 100.0, 0.0, 1.0);
        int l = 0, t = 0, r = 0, b = 0;
        if (it->BoundingBox(tesseract::RIL_WORD, &l, &t, &r, &b)) w.box = Box{l, t, r - l, b - t};
        if (request.want_choices) {
          if (!result.chars.empty()) result.chars.push_back(CharChoice{{{" ", 1.0}}});
          // Walk this word's symbols with a second iterator so the word loop is untouched.
          tesseract::ResultIterator sym(*it);
          do {
            if (sym.Empty(tesseract::RIL_SYMBOL)) continue;
            std::string s = fold_slashes(nfc(take_text(sym.GetUTF8Text(tesseract::RIL_SYMBOL))));
            double c = std::clamp(sym.Confidence(tesseract::RIL_SYMBOL) / 100.0, 0.0, 1.0);
            result.chars.push_back(symbol_choices(sym, s, c));
          } while (!sym.IsAtFinalElement(tesseract::RIL_WORD, tesseract::RIL_SYMBOL) &&
                   sym.Next(tesseract::RIL_SYMBOL));
        }
        result.words.push_back(std::move(w));
      } while (it->Next(tesseract::RIL_WORD));
    }
  }
  api_->SetVariable("tessedit_char_whitelist", "");
  api_->Clear();
  if (rc != 0) throw std::runtime_error("tesseract: recognition failed");

  double sum = 0, mn = 1;
  for (size_t i = 0; i < result.words.size(); ++i) {
    if (i) result.text += ' ';
    result.text += result.words[i].text;
    sum += result.words[i].conf;
    mn = std::min(mn, result.words[i].conf);
  }
  if (!result.words.empty()) {
    result.mean_conf = sum / result.words.size();
    result.min_conf = mn;
  }
  return result;
}

TesseractEngineFactory::TesseractEngineFactory(std::string tessdata_dir, std::string lang)
    : tessdata_dir_(std::move(tessdata_dir)), lang_(std::move(lang)) {}

std::unique_ptr<OcrEngine> TesseractEngineFactory::make() const {
  return std::make_unique<TesseractEngine>(tessdata_dir_, lang_);
}

}  // namespace ledger
