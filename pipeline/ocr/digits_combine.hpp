// Joining the digit reader with Tesseract on a handwritten numeric line: which reading wins,
// and how sure the result is when both readers agree.
#pragma once
#include <cstddef>
#include <string>

#include "core/field_type.hpp"
#include "ocr/digits_grammar.hpp"
#include "ocr/ocr_engine.hpp"

namespace ledger {

/// Which reading a combined line took.
enum class DigitChoice {
  Tesseract,  // the digit reader was rejected or less sure: Tesseract's reading stands
  Digits,     // the digit reader's string replaced Tesseract's
  Agree,      // both gave the same digits: the digit reader's string, with a raised confidence
};
std::string_view to_string(DigitChoice c);

/// The grammar of line `line` of a numeric field with `lines` lines: a date written in three
/// blanks (ks-2006 "ngày .. tháng .. năm ..") is Day, Month, Year; otherwise grammar_for(type).
DigitGrammar line_grammar(FieldType type, size_t line, size_t lines);

/// True when `a` and `b` hold the same digit groups ("15/1/2001" = "15.1.2001" = "15 1 2001";
/// "15/01/2001" differs): separators and spaces are not compared, digits are.
bool same_digits(const std::string& a, const std::string& b);

struct CombinedLine {
  OcrResult result;  // what the field reader uses for the line
  DigitChoice choice = DigitChoice::Tesseract;
};

/// Combines Tesseract's reading of one handwritten numeric line with the digit reader's.
/// \param tess    Tesseract's result for the line (numeric whitelist)
/// \param digits  DigitReader::read of the same crop with `grammar`
/// \return the line's result and which reading it took
/// Notes (rules chosen on generated pages of seed 404, see models/digits/README.md):
///   1. A rejected digit reading never replaces anything.
///   2. Same digits (same_digits): the digit reader's text and characters, confidence
///      1 - (1 - p_tess)(1 - p_digits): two different readers that agree are rarely both wrong
///      (seed 303 and 404 pages: every agreeing line was right).
///   3. Otherwise the digit reading replaces Tesseract's when Tesseract's text (spaces removed)
///      breaks the grammar, or the digit probability is above Tesseract's mean confidence.
CombinedLine combine_readings(const OcrResult& tess, const DigitReading& digits, DigitGrammar grammar,
                              const DigitContext& ctx);

}  // namespace ledger
