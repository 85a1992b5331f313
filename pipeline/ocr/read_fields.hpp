// The OCR stage: every field region of a registered page becomes a FieldReading (text,
// confidences, alternatives, ink and pen measures, box on the source image).
#pragma once
#include <memory>
#include <string>

#include "core/page.hpp"
#include "ocr/digit_links.hpp"
#include "ocr/ink.hpp"
#include "ocr/ocr_engine.hpp"

namespace ledger {

class DigitReader;

struct ReadOptions {
  InkOptions ink;
  double blank_ink_ratio = 0.002;  // below this share of ink a line is blank (no OCR call)
  double hand_pen_share = 0.3;     // share of ink in coloured pen above which a field is "hand":
                                   // printed and typed values are black, officers write in
                                   // blue/violet (registers.md)
  double hand_slant_degrees = 12;  // strokes leaning more than this look handwritten (typed
                                   // values are upright); a guess, not tuned on data yet
  double tick_ink_ratio = 0.08;    // ink share inside a tick box above which it is ticked
  double tick_inset = 0.2;         // fraction of each side cut off a tick box (its printed frame)
  std::string numeric_whitelist = "0123456789/.-";  // Date, Number, IdNumber
  bool want_choices = true;
  int min_ocr_height = 48;         // shorter crops are scaled up to this before OCR: on 40
                                   // rendered Vietnamese lines 31 px tall, Debian vie gave CER
                                   // 1.2%; scaled 1.5x (46 px) 0.26%, as on large text
  int border = 8;                  // white pixels added around every crop
  /// The handwritten digit reader (load_digit_reader_if_present), shared by every thread;
  /// null: numeric fields are read by the engine alone.
  std::shared_ptr<const DigitReader> digits;
  /// Record facts the digit reader decodes with (registration not before birth, entry numbers
  /// rising down a page): config/pipeline.yaml ocr.digit_links.
  DigitLinks links;
};

/// Reads every field of every record of `page` with `engine`.
/// Returns one RecordReadings per page record, one FieldReading per field key (in region order).
/// Notes:
///   1. A line whose crop has (almost) no ink, or no letter-sized blob, is not sent to OCR; a
///      field with only such lines is `blank`. On form pages (records without a table row), a
///      blob wholly in a crop's top or bottom third is the line above's or below's, reaching
///      into the box (InkOptions::hanging_share); table cells, fenced by rules, count it.
///   2. Lines are read with Segmentation::SingleLine; numeric types (is_numeric) get
///      `numeric_whitelist`; texts of several lines are joined with a space.
///   3. Checkbox regions sharing a key make one reading: `choice_code` (and `text`) is the code
///      of the ticked box with most ink, `blank` when none is ticked, issue "several-ticked".
///   4. An engine that throws on a line gives that field empty text, confidence 0 and issue
///      "ocr-failed"; the rest of the page is still read.
///   5. `hand`: coloured pen ink (hand_pen_share) or strokes slanted beyond hand_slant_degrees.
///   6. Crops come from FieldRegion::line_images; when a region has none, from the clean page's
///      gray image at the line's box.
///   7. With `opts.digits`, a numeric field (is_numeric: dates, entry/page numbers, id numbers)
///      that looks handwritten (`hand`) is also read line by line by the digit reader, with the
///      line's grammar (line_grammar) and the book's year from the page's PageRef; each line's
///      two readings are joined by combine_readings (digits_combine.hpp). `engine` becomes
///      "digits" when a line took the digit reading, "<engine>+digits" when they agreed.
///      Printed (not hand) fields, dates in words and text never go to the digit reader.
///   8. With `opts.links`, a record's linked fields are read after the others and decoded with
///      record_context (digit_links.hpp): a registration date after a sure birth date, an entry
///      number above the previous row's sure one. Readings keep region order.
PageReadings read_fields(RegisteredPage page, OcrEngine& engine, const ReadOptions& opts = {});

/// Reads one (non-checkbox) field region; used by read_fields. `context`: what the record says
/// about the field's digits (record_context); the book's year is taken from the page.
FieldReading read_field(const FieldRegion& region, const CleanPage& page, OcrEngine& engine,
                        const ReadOptions& opts = {}, const DigitContext& context = {});

}  // namespace ledger
