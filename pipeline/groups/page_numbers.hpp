// Page numbers ("Trang số", trangSo) that the scan's file name confirms. A register page carries
// its number twice: written on the page, and in the name the scanning team gave its file
// (KS.2017.01.p0012.png, ingest/book_name.hpp; the MoJ export already fills an empty trangSo
// from it). The name is a witness no hand's quirk can sway: a hand that writes its 1 like a 7
// reads 73 on page 13 of every book, and 73 is not 13.
#pragma once
#include <vector>

#include "groups/entry_sequence.hpp"

namespace ledger::groups {

/// Which page numbers to fill their files' names confirm.
///   entries  the book's page-number fields, in book order, with their files' page numbers
/// Returns one fit per entry: `agrees` for an entry to fill whose number is its file's page
/// number plus the book's offset; `before` and `after` the nearest sure entries that show that
/// offset (-1: none).
/// Notes:
///   1. The offset is what the sure entries (accepted or typed) show, when they all show one.
///      Sure entries that disagree (a book whose files were numbered by scan order, with a page
///      skipped) confirm nothing.
///   2. Without a sure entry the offset is 0, the file's number being the page's (as the MoJ
///      export takes it), but only when at least half the book's readings of a number with a
///      file page, and at least 3, show it: a book named otherwise gets no group.
///   3. An entry without a file page, or whose reading is not a plain number, never agrees.
std::vector<SequenceFit> fit_page_numbers(const std::vector<SequenceEntry>& entries);

}  // namespace ledger::groups
