// Real scans with ALTO v4 line ground truth (e.g. shared/data/real-scans/lectaurep-registers):
// reads the lines (text + box) and scores a line-level reading of the page against them.
#pragma once
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/geometry.hpp"
#include "evaluate/plain_tesseract.hpp"

namespace ledger {

/// One ground-truth text line.
struct AltoLine {
  std::string id;
  std::string text;  // String CONTENTs joined by spaces, NFC, whitespace folded
  Box box;           // TextLine HPOS/VPOS/WIDTH/HEIGHT (else the polygon's bounds)
};

/// One ALTO file.
struct AltoPage {
  std::filesystem::path xml;
  std::filesystem::path image;  // sourceImageInformation/fileName next to the XML ("" if none)
  int width = 0, height = 0;
  std::vector<AltoLine> lines;  // lines with text only, in file order
};

/// Reads an ALTO (v2-v4) file. Throws InputError naming it when it cannot be read or holds no
/// Page element. A small tag scanner, not a validating parser: ALTO from HTR tools is regular.
AltoPage read_alto(const std::filesystem::path& xml);

/// Line-level scores of one page or a whole folder.
struct AltoScore {
  long pages = 0, lines = 0, lines_exact = 0, lines_empty = 0;  // empty: nothing read in the box
  long edits = 0, chars = 0;
  double cer() const { return chars ? double(edits) / chars : 0.0; }
  double exact_share() const { return lines ? double(lines_exact) / lines : 0.0; }
};

/// Scores words read on a page (e.g. plain tesseract's) against its lines: each line's reading
/// is the words whose centre falls in its box; CER over NFC, whitespace-folded text.
AltoScore score_alto_page(const AltoPage& page, const std::vector<TsvWord>& words);

/// Every `*.xml` under `dir` (recursively, sorted) scored with `read_words(image)`; default reads
/// with plain tesseract (`lang`). Pages that fail are skipped with a line in `warnings`.
AltoScore evaluate_alto_dir(const std::filesystem::path& dir, std::vector<std::string>& warnings,
                            const std::string& lang = "eng",
                            std::function<std::vector<TsvWord>(const std::filesystem::path&)> read_words = {});

}  // namespace ledger
