// The handwritten digit-string reader: segmentation + digit classifier + grammar decoding, used
// instead of Tesseract on handwritten numeric fields (entry numbers, dates, years, ids).
#pragma once
#include <filesystem>
#include <memory>
#include <opencv2/core.hpp>

#include "core/page.hpp"
#include "ocr/digits_grammar.hpp"
#include "ocr/digits_model.hpp"
#include "ocr/digits_segment.hpp"

namespace ledger {

class DigitReader {
 public:
  /// Loads the model folder (models/digits). Throws ConfigError when it is missing or broken.
  static DigitReader load(const std::filesystem::path& model_dir);
  explicit DigitReader(DigitClassifier model);

  /// Reads a field crop (8-bit gray or BGR, dark ink on light paper, leaders mostly removed).
  /// \param pen  optional pen-ink mask of the crop (255 = pen ink)
  /// Notes:
  ///   1. A glyph whose best pairwise margin is below kNotDigitMargin makes the reading
  ///      rejected ("not-digits"): printed words or scribbles must go to a clerk.
  ///   2. Thread-safe (const): one reader may serve every worker.
  DigitReading read(const cv::Mat& crop, DigitGrammar grammar, const DigitContext& ctx,
                    const cv::Mat& pen = {}) const;

  /// The reading as an OCR FieldReading (engine "digits"), to join calibration like any other:
  /// text, chars, mean_conf = min_conf = probability; issues gets "digits-rejected:<reason>".
  FieldReading to_field_reading(const DigitReading& r, const std::string& key, FieldType type) const;

  const DigitClassifier& classifier() const { return model_; }

  /// Pairwise SVM margin below which a glyph is not taken for a digit: 0 of the 1000 held-out
  /// digits.png digits fall below (digits_bench); not yet measured on printed words or scribbles.
  static constexpr double kNotDigitMargin = -0.6;
  /// Probability that a slanted stroke is '/' rather than a slanted '1' before the grammar
  /// speaks (synthetic strings: most such strokes between digit groups are separators).
  static constexpr double kSlashPrior = 0.6;
  /// Factor on a string's probability per component that may be touching digits: whether and
  /// where to split is a guess the classifier scores badly (digits_bench: most confident errors
  /// were touching "14" read as "4").
  static constexpr double kWidePenalty = 0.5;

 private:
  DigitClassifier model_;
};

/// The grammar for a field type: Date -> Date, Number -> EntryNumber, others -> Digits.
DigitGrammar grammar_for(FieldType type);

}  // namespace ledger
