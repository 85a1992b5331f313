// Checks that need a whole book rather than one page, run after a batch's pages are stored:
// entry numbers (`so`) must rise through the book in page order, and accepted registration
// dates (`ngayDangKy`) must never fall.
#pragma once
#include <string>
#include <vector>

#include "records/store.hpp"

namespace ledger {

/// Re-checks the entry sequence and the registration order of every book in `books` over all
/// its stored records (this run's and earlier runs'), in page order, and stores the flags
/// (fields/record_rules.hpp: check_entry_sequence, check_registration_order).
/// Returns how many fields carry "so-out-of-sequence" or "ngayDangKy-out-of-order" afterwards.
/// Notes:
///   1. Flags of earlier checks go when the book's order is mended (pages added or read
///      again); a field sent to review stays there.
///   2. A flagged field that was accepted goes to review: an entry number or a registration day
///      that breaks the book's order is likely misread (`03.01.2012` between `11.01.2012` and
///      `14.01.2012`, a 1 lost from 13).
int check_books(Store& store, const std::vector<std::string>& books);

}  // namespace ledger
