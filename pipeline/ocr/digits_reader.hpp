// The handwritten digit-string reader: segmentation + digit classifier + grammar decoding, used
// beside Tesseract on handwritten numeric fields (entry numbers, dates, years, ids).
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
  /// Probability that a '.' found between digits is a speck or a broken stroke rather than a
  /// separator: the grammar decides (digits_bench seed 7: "2.1/5/2015", "0.3/05/2007").
  static constexpr double kDotDoubt = 0.35;
  /// Least probability of any digit at any position (the classifier's are smoothed by it), so
  /// that the grammar can always pick a digit the classifier ruled out.
  static constexpr double kDigitFloor = 1e-3;
  /// Factor on a string's probability per component that may be touching digits. Was 0.5
  /// while the split was the segmenter's guess; now every cutting goes to the decoder, whose
  /// probability already weighs them, and any penalty only hurt (digits_bench seed 7, 1000
  /// strings: 0.5 accepted 6.6% of strings at 97.0% right, 1.0 accepted 16.4% at 98.8%).
  static constexpr double kWidePenalty = 1.0;

 private:
  DigitClassifier model_;
};

/// The digit reader of a models folder, to share across threads: loads `models_dir`/digits.
/// \return nullptr when that folder has no digits_model.json (the pipeline then reads numeric
///         fields with Tesseract only)
/// Throws ConfigError naming the file when the model is there but unreadable.
std::shared_ptr<const DigitReader> load_digit_reader_if_present(const std::filesystem::path& models_dir);

/// The grammar for a field type: Date -> Date, Number -> EntryNumber, others -> Digits.
DigitGrammar grammar_for(FieldType type);

}  // namespace ledger
