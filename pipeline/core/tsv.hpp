// Reading the project's small tab-separated data files (lexicons in models/): lines starting
// with '#' are comments (each derived file keeps its source there), empty lines are skipped.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace ledger {

/// Rows of a TSV file, each split on tabs. Throws ConfigError when the file cannot be read.
std::vector<std::vector<std::string>> read_tsv(const std::filesystem::path& file);

}  // namespace ledger
