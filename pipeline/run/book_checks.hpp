// Checks that need a whole book rather than one page, run after a batch's pages are stored:
// entry numbers (`so`) must rise through the book in page order.
#pragma once
#include <string>
#include <vector>

#include "records/store.hpp"

namespace ledger {

/// Re-checks the entry sequence of every book in `books` over all its stored records (this run's
/// and earlier runs'), in page order, and stores the flags.
/// Returns how many records carry "so-out-of-sequence" afterwards.
/// Notes:
///   1. Earlier "so-out-of-sequence" flags are cleared first: pages added later may mend a
///      sequence that looked broken.
///   2. A flagged `so` that was accepted goes to review: an entry number that breaks the
///      sequence is likely misread.
int check_books(Store& store, const std::vector<std::string>& books);

}  // namespace ledger
