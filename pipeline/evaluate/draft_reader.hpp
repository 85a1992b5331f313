// Reading `ledger-draft/1` JSON Lines (shared/spec/draft-records.md) into draft records grouped
// by page, so evaluation can score the output of any run (or of another tool).
#pragma once
#include <filesystem>
#include <istream>
#include <string>
#include <vector>

#include "core/page.hpp"

namespace ledger {

/// The draft records of one page, with where they came from.
struct DraftPage {
  std::string image;    // source.image: path relative to the run's input root
  int page = 1;         // source.page: 1-based page within the file
  std::string layout;   // layout id the pipeline used, "" when none matched
  std::vector<DraftRecord> records;  // sorted by record index
};

/// Parses JSON Lines from `in`; `where` names the source in errors.
/// Returns pages in order of first appearance; records of a page sorted by `record`.
/// Notes:
///   1. Throws InputError naming `where` and the line number on a line that is not JSON or not
///      `ledger-draft/1`; blank lines are skipped.
///   2. Field types are not in the format: they are taken from the key (field_type_for_key).
std::vector<DraftPage> read_drafts(std::istream& in, const std::string& where);

/// Same, from a file. Throws InputError when it cannot be opened.
std::vector<DraftPage> read_drafts_file(const std::filesystem::path& file);

}  // namespace ledger
