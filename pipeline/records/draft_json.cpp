// The `ledger-draft/1` JSON form of a stored record (see draft_json.hpp).
#include "records/draft_json.hpp"

#include <algorithm>
#include <cmath>

namespace ledger {

namespace {
// Three decimals are plenty for a calibrated probability and keep lines short and stable.
double round3(double v) { return std::round(v * 1000.0) / 1000.0; }
}  // namespace

nlohmann::ordered_json draft_json(const StoredRecord& r) {
  using J = nlohmann::ordered_json;
  const PageRef& ref = r.page.ref;
  J j;
  j["schema"] = "ledger-draft/1";
  j["source"] = {{"image", ref.rel_path.empty() ? ref.path : ref.rel_path},
                 {"page", ref.page},
                 {"sha256", r.page.sha256}};
  J book = J::object();
  book["type"] = ref.book.type;
  book["year"] = ref.book.year ? J(*ref.book.year) : J(nullptr);
  book["volume"] = ref.book.volume;
  book["unit"] = ref.book.unit();
  j["book"] = book;
  j["layout"] = r.page.layout_id;
  j["record"] = r.draft.record;
  J fields = J::object();
  for (const auto& [key, f] : r.draft.fields) {
    J jf;
    auto reviewed = r.reviewed_values.find(key);
    jf["value"] = reviewed != r.reviewed_values.end() ? reviewed->second : f.value;
    jf["raw"] = f.raw;
    jf["confidence"] = round3(f.confidence);
    jf["status"] = std::string(to_string(f.status));
    if (f.status != FieldStatus::Blank) {
      if (!f.box.empty()) jf["box"] = {f.box.x, f.box.y, f.box.w, f.box.h};
      jf["hand"] = f.hand;
      jf["reasons"] = f.reasons;
    }
    fields[key] = jf;
  }
  j["fields"] = fields;
  std::vector<std::string> issues = r.draft.issues;
  for (const auto& issue : r.page.issues)
    if (std::find(issues.begin(), issues.end(), issue) == issues.end()) issues.push_back(issue);
  j["issues"] = issues;
  return j;
}

size_t export_jsonl(const Store& store, std::ostream& out, const RecordFilter& filter) {
  size_t n = 0;
  store.for_each_record(filter, [&](const StoredRecord& r) {
    out << draft_json(r).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    ++n;
  });
  return n;
}

}  // namespace ledger
