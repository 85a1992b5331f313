// Digit-string reader (see digits_reader.hpp).
#include "ocr/digits_reader.hpp"

#include <algorithm>
#include <cmath>

#include "ocr/digits_features.hpp"

namespace ledger {

DigitReader DigitReader::load(const std::filesystem::path& model_dir) {
  return DigitReader(DigitClassifier::load(model_dir));
}

namespace {

// Every digit with its probability, floored: the classifier's probabilities of unlikely
// digits are too small to let the grammar force the right string ("28/12/2077" where the '7'
// was a '0' in a 2008 book); the floor keeps such strings reachable, and unsure.
std::vector<std::pair<int, double>> alternatives(const DigitScores& sc) {
  const double floor = DigitReader::kDigitFloor;
  auto v = sc.top(10);
  for (auto& [d, p] : v) p = (1.0 - 10 * floor) * p + floor;
  return v;
}

}  // namespace

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
  for (size_t i = 0; i < seg.glyphs.size(); ++i) {
    const Glyph& g = seg.glyphs[i];
    DigitSlot s;
    if (!g.splits.empty()) {
      // A wide component: every cutting goes to the decoder, the grammar helps choose. A piece
      // that is no digit at all makes its cutting unlikely rather than the string rejected.
      for (const auto& [w, pieces] : g.splits) {
        std::vector<DigitSlot> subs;
        double weight = w;
        for (const auto& m : pieces) {
          auto sc = model_.classify(normalize_glyph(m));
          if (sc.margin < kNotDigitMargin) weight *= 0.01;
          DigitSlot d;
          d.digits = alternatives(sc);
          subs.push_back(std::move(d));
        }
        s.variants.emplace_back(weight, std::move(subs));
      }
      i += size_t(std::max(1, g.span)) - 1;  // the preferred cutting's pieces follow: skip them
    } else if (g.kind != GlyphKind::Digit) {
      s.separator = g.separator();
      if (g.kind == GlyphKind::Dot) s.skip_prob = kDotDoubt;
      if (g.kind == GlyphKind::Slash && !g.mask.empty()) {  // or a slanted '1'
        auto sc = model_.classify(normalize_glyph(g.mask));
        s.digits = sc.top(2);
        s.separator_prob = kSlashPrior;
      }
    } else {
      auto sc = model_.classify(normalize_glyph(g.mask));
      if (sc.margin < kNotDigitMargin) not_digit = true;
      s.digits = alternatives(sc);
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

std::shared_ptr<const DigitReader> load_digit_reader_if_present(const std::filesystem::path& models_dir) {
  const auto dir = models_dir / "digits";
  if (!std::filesystem::exists(dir / "digits_model.json")) return nullptr;
  return std::make_shared<const DigitReader>(DigitReader::load(dir));
}

DigitGrammar grammar_for(FieldType type) {
  switch (type) {
    case FieldType::Date: return DigitGrammar::Date;
    case FieldType::Number: return DigitGrammar::EntryNumber;
    default: return DigitGrammar::Digits;
  }
}

}  // namespace ledger
