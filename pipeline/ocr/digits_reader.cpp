// Digit-string reader (see digits_reader.hpp).
#include "ocr/digits_reader.hpp"

#include <algorithm>
#include <cmath>

#include "ocr/digits_features.hpp"

namespace ledger {

DigitReader DigitReader::load(const std::filesystem::path& model_dir) {
  return DigitReader(DigitClassifier::load(model_dir));
}

DigitReader::DigitReader(DigitClassifier model) : model_(std::move(model)) {}

DigitReading DigitReader::read(const cv::Mat& crop, DigitGrammar grammar, const DigitContext& ctx,
                               const cv::Mat& pen) const {
  GlyphScorer scorer = [this](const cv::Mat& mask) {
    auto s = model_.classify(normalize_glyph(mask));
    return std::log(std::max(1e-9, s.prob[size_t(s.best)]));
  };
  auto seg = segment_digits(crop, pen, scorer);
  std::vector<DigitSlot> slots;
  bool not_digit = false;
  for (const auto& g : seg.glyphs) {
    DigitSlot s;
    if (g.kind != GlyphKind::Digit) {
      s.separator = g.separator();
      if (g.kind == GlyphKind::Slash && !g.mask.empty()) {  // or a slanted '1'
        auto sc = model_.classify(normalize_glyph(g.mask));
        s.digits = sc.top(2);
        s.separator_prob = kSlashPrior;
      }
    } else {
      auto sc = model_.classify(normalize_glyph(g.mask));
      if (sc.margin < kNotDigitMargin) not_digit = true;
      s.digits = sc.top(4);
    }
    slots.push_back(std::move(s));
  }
  auto r = decode_digits(slots, grammar, ctx);
  r.probability *= std::pow(kWidePenalty, seg.wide);
  if (not_digit && !r.rejected) {
    r.rejected = true;
    r.reason = "not-digits";
  }
  return r;
}

FieldReading DigitReader::to_field_reading(const DigitReading& r, const std::string& key, FieldType type) const {
  FieldReading f;
  f.key = key;
  f.type = type;
  f.text = r.text;
  f.blank = r.text.empty() && r.reason == "no-ink";
  f.chars = r.chars;
  f.mean_conf = f.min_conf = r.rejected ? 0.0 : r.probability;
  f.hand = true;
  f.engine = "digits";
  if (r.rejected) f.issues.push_back("digits-rejected:" + r.reason);
  return f;
}

DigitGrammar grammar_for(FieldType type) {
  switch (type) {
    case FieldType::Date: return DigitGrammar::Date;
    case FieldType::Number: return DigitGrammar::EntryNumber;
    default: return DigitGrammar::Digits;
  }
}

}  // namespace ledger
