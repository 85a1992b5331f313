// Checks that need a whole book (see book_checks.hpp).
#include "run/book_checks.hpp"

#include <algorithm>

#include "fields/record_rules.hpp"

namespace ledger {

namespace {

// Each whole-book check: the field it judges and the flag it leaves there.
struct BookFlag {
  const char* key;
  const char* flag;
};
constexpr BookFlag kFlags[] = {{"so", kEntryOutOfSequence}, {"ngayDangKy", kRegistrationOutOfOrder}};

void drop(std::vector<std::string>& v, const std::string& item) {
  v.erase(std::remove(v.begin(), v.end(), item), v.end());
}

bool has(const std::vector<std::string>& v, const std::string& item) {
  return std::find(v.begin(), v.end(), item) != v.end();
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
      // the registration check re-judges its own flags (record_rules.hpp note 3)
      drop(r.draft.issues, kFlags[0].flag);
      if (DraftField* so = r.draft.find("so")) drop(so->reasons, kFlags[0].flag);
      ptrs.push_back(&r.draft);
    }
    check_entry_sequence(ptrs);
    check_registration_order(ptrs);
    for (auto& r : records)
      for (const auto& [key, flag] : kFlags) {
        DraftField* f = r.draft.find(key);
        if (f && has(f->reasons, flag)) {
          ++flagged;
          if (f->status == FieldStatus::Accept) f->status = FieldStatus::Review;
        }
      }
    store.update_flags(records);
  }
  return flagged;
}

}  // namespace ledger
