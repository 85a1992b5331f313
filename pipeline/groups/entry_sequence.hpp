// Entry and page numbers run through a book one by one: a reading that continues the sure
// numbers (accepted or typed) before and after it is backed by them, and a clerk can confirm a
// book's worth of such readings at once (a "sequence" group, group_fields.hpp note 6).
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace ledger::groups {

/// One numbered field of a book, in book order (page, then row).
struct SequenceEntry {
  std::string value;     // the reading, or a clerk's value
  bool sure = false;     // needs no clerk: accepted, or typed by a clerk
  bool to_fill = false;  // under review with no clerk's value: the entries a sequence group fills
  std::optional<int> file_page;  // the page number its scan's file name carries (pages.book_page)
  std::string named;             // the entry number or registration day a one-record file's name
                                 // carries for it (pages.entry, pages.reg_date); "" when none
};

/// How an entry stands against the sure numbers around it.
struct SequenceFit {
  bool agrees = false;  // an entry to fill whose number its nearest sure neighbours predict
  int before = -1;      // index of the nearest sure, parsable entry before it (-1: none)
  int after = -1;       // the same after it
  /// An entry to fill that does not agree, where a witness other than its ink gives its value
  /// (file_names.hpp: its file's page plus the book's offset): that value; "" when none.
  std::string proposed;
};

/// Which entries to fill continue the book's sure numbers.
///   entries  the book's numbered fields of one key, in book order; blank fields left out
/// Returns one fit per entry.
/// Notes:
///   1. An entry to fill agrees when it parses (fields/entry_number.hpp), has a sure neighbour
///      on at least one side, and every such neighbour predicts its number: the neighbour's
///      number plus (or minus) the count of entries between them. A year part, when both carry
///      one, must match.
///   2. Sure entries that do not parse are not neighbours. An entry neither sure nor to fill
///      (settled in a confirmed group) is skipped, and counted in the distance.
///   3. Two sure neighbours that do not predict the same number (a skipped or repeated entry,
///      a restart at 01 for a new year, a missing page) back nothing between them.
std::vector<SequenceFit> fit_sequence(const std::vector<SequenceEntry>& entries);

/// The nearest anchors before and after each entry (`agrees` left false): `anchor(i)` says
/// whether entry i can back its neighbours. Shared by the fitters of numbers and dates.
std::vector<SequenceFit> nearest_anchors(size_t count, const std::function<bool(int)>& anchor);

}  // namespace ledger::groups
