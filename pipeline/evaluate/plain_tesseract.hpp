// The baseline every report compares with: plain `tesseract` on the whole page (CLI, --psm 6,
// TSV output), its words assigned to field boxes. Shows what the pipeline adds over it.
#pragma once
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/geometry.hpp"

namespace ledger {

/// One word of tesseract's TSV output (level 5 rows), in the file's (reading) order.
struct TsvWord {
  std::string text;
  Box box;            // image pixels
  double conf = 0;    // 0..100 as tesseract prints it
  int line_id = 0;    // block*1e6 + paragraph*1e3 + line: words of one line share it
};

/// Parses `tesseract ... tsv` output; header and non-word rows are skipped, empty words dropped.
std::vector<TsvWord> parse_tesseract_tsv(std::string_view tsv);

/// Runs `OMP_THREAD_LIMIT=1 tesseract IMAGE stdout -l LANG --psm 6 tsv` and parses it.
/// Throws InputError naming the image when tesseract cannot be started or fails.
std::vector<TsvWord> run_plain_tesseract(const std::filesystem::path& image, const std::string& lang = "vie");

/// The words whose box centre lies inside `box`, joined by spaces in reading order ("" if none).
std::string words_in_box(const std::vector<TsvWord>& words, const Box& box);

}  // namespace ledger
