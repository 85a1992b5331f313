// Checks that need a whole book (see book_checks.hpp).
#include "run/book_checks.hpp"

#include <algorithm>

#include "fields/record_rules.hpp"

namespace ledger {

namespace {
const std::string kFlag = "so-out-of-sequence";

void drop(std::vector<std::string>& v, const std::string& item) {
  v.erase(std::remove(v.begin(), v.end(), item), v.end());
}
}  // namespace

int check_books(Store& store, const std::vector<std::string>& books) {
  int flagged = 0;
  for (const auto& book : books) {
    RecordFilter filter;
    filter.book_id = book;
    auto records = store.records(filter);  // book, path, page, record order
    if (records.empty()) continue;
    std::vector<DraftRecord*> ptrs;
    for (auto& r : records) {
      drop(r.draft.issues, kFlag);
      if (DraftField* so = r.draft.find("so")) drop(so->reasons, kFlag);
      ptrs.push_back(&r.draft);
    }
    check_entry_sequence(ptrs);
    for (auto& r : records) {
      DraftField* so = r.draft.find("so");
      if (so && std::find(so->reasons.begin(), so->reasons.end(), kFlag) != so->reasons.end()) {
        ++flagged;
        if (so->status == FieldStatus::Accept) so->status = FieldStatus::Review;
      }
    }
    store.update_flags(records);
  }
  return flagged;
}

}  // namespace ledger
