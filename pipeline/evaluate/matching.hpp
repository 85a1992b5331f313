// Pairing ground truth with draft records: pages by image path, records by index on form pages
// and by row position on table pages (so a missed or extra row does not shift every later row).
#pragma once
#include <vector>

#include "evaluate/draft_reader.hpp"
#include "evaluate/gt_pages.hpp"

namespace ledger {

/// For each GT page, the index of its draft page in `drafts`, or -1 when none.
/// Notes:
///   1. Matches the relative image path first, then the path's tail (the drafts may have been
///      run on a parent or child folder), then the bare file name when it is unique.
///   2. For multi-page files the draft page with the GT's `page` (else page 1) is taken.
std::vector<int> match_pages(const std::vector<GtPage>& gt, const std::vector<DraftPage>& drafts);

/// For each GT record, the index of its draft record in `draft.records`, or -1 when missed.
/// Notes:
///   1. When every record on both sides has at least one field box, records are paired by
///      vertical overlap of their boxes (rows are horizontal bands), best pairs first, needing
///      at least 30% overlap of the shorter band's height.
///   2. Otherwise by position: GT record i <-> draft record i.
std::vector<int> match_records(const GroundTruth& gt, const DraftPage& draft);

}  // namespace ledger
