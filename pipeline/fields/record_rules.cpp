// The reviewers' quality rules and cross-field checks (see record_rules.hpp).
#include "fields/record_rules.hpp"

#include <algorithm>
#include <cctype>

#include "core/text.hpp"
#include "fields/date_words.hpp"
#include "fields/dates.hpp"
#include "fields/entry_number.hpp"

namespace ledger {
namespace {

void add_reason(DraftField* f, const std::string& reason) {
  if (f && std::find(f->reasons.begin(), f->reasons.end(), reason) == f->reasons.end())
    f->reasons.push_back(reason);
}

void add_issue(DraftRecord& r, const std::string& issue) {
  if (std::find(r.issues.begin(), r.issues.end(), issue) == r.issues.end()) r.issues.push_back(issue);
}

void set_evidence(DraftField* f, const std::string& name, double v) {
  if (!f) return;
  for (auto& [k, x] : f->evidence)
    if (k == name) {
      x = v;
      return;
    }
  f->evidence.emplace_back(name, v);
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// A filled field of `record` (nullptr when absent or blank).
DraftField* filled(DraftRecord& record, const std::string& key) {
  DraftField* f = record.find(key);
  return f && !clean_text(f->value).empty() ? f : nullptr;
}

// The date a value names: "dd.mm.yyyy"/"yyyy", or (`words`) a date in words.
std::optional<SimpleDate> date_of(const std::string& value, bool words) {
  if (auto d = parse_normalized_date(clean_text(value))) return d;
  if (words) return parse_date_words(value).date;
  return std::nullopt;
}

// The date a date field's value names.
std::optional<SimpleDate> value_date(const DraftField* f) {
  if (!f) return std::nullopt;
  return date_of(f->value, f->type == FieldType::DateWords);
}

// Registration rules: so/quyenSo form, ngayDangKy form, years against each other and the book.
void registration_rules(DraftRecord& record, std::optional<int> book_year) {
  DraftField* so = filled(record, "so");
  DraftField* reg = filled(record, "ngayDangKy");
  std::optional<EntryNumber> entry;
  if (so) {
    entry = parse_entry_number(so->value);
    if (!entry) add_reason(so, "so-format");
    else if (!entry->year) add_issue(record, "so-without-year");  // MoJ wants "11/2017"; "11" is as written
  }
  if (DraftField* q = filled(record, "quyenSo"); q && !parse_entry_number(q->value)) add_reason(q, "quyenSo-format");
  std::optional<SimpleDate> reg_date;
  if (reg) {
    reg_date = parse_normalized_date(clean_text(reg->value));
    if (!reg_date || reg_date->year_only()) add_reason(reg, "ngayDangKy-format");
  }
  if (entry && entry->year && reg_date && *entry->year != reg_date->year) {
    add_reason(so, "year-mismatch");
    add_reason(reg, "year-mismatch");
    add_issue(record, "year-mismatch");
  }
  // A book is opened in its year: nothing in it is registered earlier.
  if (book_year) {
    if (reg_date && reg_date->year < *book_year) {
      add_reason(reg, "year-mismatch");
      add_issue(record, "year-mismatch");
    }
    if (entry && entry->year && *entry->year < *book_year) {
      add_reason(so, "year-mismatch");
      add_issue(record, "year-mismatch");
    }
  }
  if (DraftField* page = filled(record, "trangSo"); page && !all_digits(clean_text(page->value)))
    add_reason(page, "trangSo-not-number");
}

// Every date field: birth dates in an accepted form, no impossible calendar dates.
void date_rules(DraftRecord& record) {
  for (auto& [key, f] : record.fields) {
    std::string v = clean_text(f.value);
    if (v.empty()) continue;
    bool is_date = f.type == FieldType::Date || ends_with(key, "NgaySinh") || key == "ngayDangKy";
    if (!is_date) continue;
    if (parse_normalized_date(v)) continue;
    if (parse_date_text(v).impossible) add_reason(&f, "impossible-date");
    if (ends_with(key, "NgaySinh")) add_reason(&f, "birth-date-format");
  }
}

// Birth (or death) after registration; parents' ages at the child's birth.
void chronology_rules(DraftRecord& record) {
  DraftField* reg = filled(record, "ngayDangKy");
  auto reg_date = value_date(reg);
  for (const char* key : {"nksNgaySinh", "nktNgaySinh", "nktNgayChet"}) {
    DraftField* f = filled(record, key);
    auto d = value_date(f);
    if (d && reg_date && compare_dates(*d, *reg_date) > 0) {
      add_reason(f, "after-registration-date");
      add_reason(reg, "after-registration-date");
      add_issue(record, "after-registration-date");
    }
  }
  auto child = value_date(filled(record, "nksNgaySinh"));
  if (!child) return;
  for (const char* key : {"meNgaySinh", "chaNgaySinh"}) {
    DraftField* f = filled(record, key);
    auto d = value_date(f);
    if (!d) continue;
    int age = child->year - d->year;
    // A parent 12 to 70 years old at the birth (issue's rule).
    if (age < 12 || age > 70) {
      add_reason(f, "parent-age-implausible");
      add_issue(record, "parent-age-implausible");
    }
  }
}

// A date written twice, in digits (K) and in words (K + "BangChu"): agreement is evidence for
// both, disagreement sends both to review.
void date_words_rules(DraftRecord& record) {
  const std::string suffix = kInWordsSuffix;
  for (auto& [key, f] : record.fields) {
    if (!ends_with(key, suffix)) continue;
    DraftField* words = filled(record, key);
    DraftField* digits = filled(record, key.substr(0, key.size() - suffix.size()));
    if (!value_date(words) || !value_date(digits)) continue;
    const bool agree = dates_agree(digits->value, words->value);
    set_evidence(words, "date-words-agree", agree ? 1 : 0);
    set_evidence(digits, "date-words-agree", agree ? 1 : 0);
    if (!agree) {
      add_reason(words, "date-words-mismatch");
      add_reason(digits, "date-words-mismatch");
      add_issue(record, "date-words-mismatch");
    }
  }
}

}  // namespace

bool dates_agree(const std::string& digits, const std::string& words) {
  auto d = date_of(digits, false), w = date_of(words, true);
  return d && w && compare_dates(*w, *d) == 0 && w->year_only() == d->year_only();
}

namespace {

// The items of the longest chain in which each item may follow the one before (`may_follow(j,
// i)` for j < i): keep[i] is true for the chain's items. O(n^2): a book has ~100 entries.
template <class MayFollow>
std::vector<bool> longest_run(size_t n, MayFollow may_follow) {
  std::vector<size_t> len(n, 1), prev(n, n);
  for (size_t i = 0; i < n; ++i)
    for (size_t j = 0; j < i; ++j)
      if (may_follow(j, i) && len[j] + 1 > len[i]) {
        len[i] = len[j] + 1;
        prev[i] = j;
      }
  std::vector<bool> keep(n, false);
  size_t end = n;
  for (size_t i = 0; i < n; ++i)
    if (end == n || len[i] > len[end]) end = i;
  for (size_t i = end; i < n; i = prev[i]) keep[i] = true;
  return keep;
}

}  // namespace

const std::vector<std::string>& default_required_keys() {
  static const std::vector<std::string> keys{"so", "ngayDangKy"};
  return keys;
}

void apply_record_rules(DraftRecord& record, std::optional<int> book_year,
                        const std::vector<std::string>& required_keys) {
  for (const auto& key : required_keys) {
    DraftField* f = record.find(key);
    if (f && clean_text(f->value).empty()) {
      add_reason(f, "required-missing");
      add_issue(record, "required-missing:" + key);
    }
  }
  registration_rules(record, book_year);
  date_rules(record);
  chronology_rules(record);
  date_words_rules(record);
}

void apply_record_rules(DraftRecord& record, std::optional<int> book_year) {
  apply_record_rules(record, book_year, default_required_keys());
}

void check_entry_sequence(std::vector<DraftRecord*>& records) {
  // Key (year, number) per record with a readable entry number; the year comes from the number
  // ("11/2017"), else the registration date, else the previous record (numbers restart yearly).
  struct Item {
    DraftRecord* record;
    int year, number;
  };
  std::vector<Item> items;
  int last_year = 0;
  for (DraftRecord* r : records) {
    if (!r) continue;
    DraftField* so = filled(*r, "so");
    auto e = so ? parse_entry_number(so->value) : std::nullopt;
    if (!e) continue;
    int year = last_year;
    if (e->year) year = *e->year;
    else if (auto d = value_date(filled(*r, "ngayDangKy"))) year = d->year;
    last_year = year;
    items.push_back({r, year, e->number});
  }
  // The longest strictly rising run of keys is taken as the true sequence; the rest are flagged
  // (one misread number breaks only itself, not its neighbours).
  const auto keep = longest_run(items.size(), [&](size_t j, size_t i) {
    return items[j].year != items[i].year ? items[j].year < items[i].year : items[j].number < items[i].number;
  });
  for (size_t i = 0; i < items.size(); ++i)
    if (!keep[i]) {
      add_reason(items[i].record->find("so"), kEntryOutOfSequence);
      add_issue(*items[i].record, kEntryOutOfSequence);
    }
}

void check_registration_order(std::vector<DraftRecord*>& records) {
  const std::string flag = kRegistrationOutOfOrder;
  std::vector<std::pair<DraftRecord*, SimpleDate>> items;
  for (DraftRecord* r : records) {
    DraftField* reg = r ? filled(*r, "ngayDangKy") : nullptr;
    if (!reg) continue;
    const bool flagged = std::find(reg->reasons.begin(), reg->reasons.end(), flag) != reg->reasons.end();
    if (reg->status != FieldStatus::Accept && !flagged) continue;
    reg->reasons.erase(std::remove(reg->reasons.begin(), reg->reasons.end(), flag), reg->reasons.end());
    r->issues.erase(std::remove(r->issues.begin(), r->issues.end(), flag), r->issues.end());
    if (auto d = value_date(reg)) items.emplace_back(r, *d);
  }
  const auto keep = longest_run(
      items.size(), [&](size_t j, size_t i) { return compare_dates(items[j].second, items[i].second) <= 0; });
  for (size_t i = 0; i < items.size(); ++i)
    if (!keep[i]) {
      add_reason(items[i].first->find("ngayDangKy"), flag);
      add_issue(*items[i].first, flag);
    }
}

}  // namespace ledger
