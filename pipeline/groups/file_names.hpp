// Readings that the scan's file name confirms. Scanning teams name files by what the register
// says: a page of a book (KS.2017.01.p0012.png: page 12), or one record (KS.2007.01.2008-01-28.01
// .pdf: registered on 28 January 2008, entry 01; registers.md "File naming"). The name is a
// witness no hand's quirk sways: a hand that writes its 1 like a 7 reads 73 on page 13 of every
// book, and 73 is not 13. (The MoJ export already fills an empty trangSo from the page.)
#pragma once
#include <optional>
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
///   4. Once the offset is known, an entry to fill with a file page that does not agree is
///      proposed its file's page plus the offset (SequenceFit::proposed): `70` on page 10 of a
///      book at offset 0 is proposed `10`.
std::vector<SequenceFit> fit_page_numbers(const std::vector<SequenceEntry>& entries);

/// Which entry numbers to fill their files' page numbers confirm, in a book of one record per
/// page (form layouts): there the entry number advances with the page, so entry = page +
/// the book's offset, found as fit_page_numbers finds a page number's.
///   entries    the book's entry-number fields, in book order, with their files' page numbers
///   book_year  the year the book opened (its file names'), when known
/// Notes:
///   1. As fit_page_numbers, on the readings' numbers: "05/2017" on page 5 has offset 0. Without
///      a sure entry only offset 0 is taken, shown by at least half the readings and at least
///      3: a book opened on page 1 with entry 01. A hand's quirk (a 1 written like a 7:
///      `70/2017`, `71/2017`, ... on pages 10, 11, ...) reads a run of numbers off by the same
///      amount, so a run of unsure readings agreeing on another offset proves nothing.
///   2. A reading with a year counts only when that is `book_year` (numbers restart at 01 each
///      year, registers.md): a book running into the next year leaves its next year's entries
///      unconfirmed, and an entry whose year is misread ("05/2077") is never confirmed.
///   3. In a book of several records per page (ledgers) the rows of a page share its number,
///      so at most one per page can show offset 0, too few for a group.
///   4. Proposals as fit_page_numbers note 4, written as most of the book's readings write
///      theirs: with `book_year` ("05/2017"; none when the year is unknown) or without ("05"),
///      numbers under 10 with a leading zero or not.
std::vector<SequenceFit> fit_entry_pages(const std::vector<SequenceEntry>& entries, std::optional<int> book_year);

/// What a one-record file's name says a field holds.
enum class NamedPart { Entry, Day };

/// Which entries to fill their files' names confirm, for a value a one-record file's name
/// carries: the entry number (`so`: SequenceEntry::named "01") or the registration day
/// (`ngayDangKy`: "2008-01-28").
/// Returns one fit per entry: `agrees` for an entry to fill that names what its file's name
/// does; `before` and `after` the nearest sure entries that do too.
/// Notes:
///   1. Entry numbers agree when their numbers are equal (and their years, when the reading
///      has one: "01/2008" for entry 01 of a file registered in 2008); days when they are the
///      same day.
///   2. Only in a book where the names hold: at least 3, and at least half, of the readings
///      that can be compared with a name (sure ones included) agree with it.
std::vector<SequenceFit> fit_named_values(const std::vector<SequenceEntry>& entries, NamedPart part);

}  // namespace ledger::groups
