// Comparing two stores by content (see compare_stores.hpp).
#include "cluster/compare_stores.hpp"

#include <cmath>
#include <cstdio>
#include <map>

#include "core/error.hpp"
#include "records/store.hpp"

namespace ledger {

namespace {

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& e : v) {
    if (e.rfind("possible-duplicate:", 0) == 0) continue;
    s += (s.empty() ? "" : ",") + e;
  }
  return "[" + s + "]";
}

// Everything compared, as "what -> value" lines keyed by rel_path#page[#record[#field]].
std::map<std::string, std::string> content(const std::filesystem::path& file, size_t& pages,
                                           size_t& records) {
  if (!std::filesystem::is_regular_file(file)) throw InputError(file.string(), "no such store");
  Store store = Store::open(file);
  std::map<std::string, std::string> out;
  for (const StoredPage& p : store.pages()) {
    ++pages;
    out[p.ref.rel_path + "#" + std::to_string(p.ref.page)] =
        "status=" + p.status + " error=" + p.error + " layout=" + p.layout_id +
        " issues=" + join(p.issues);
  }
  store.for_each_record({}, [&](const StoredRecord& r) {
    ++records;
    std::string key = r.page.ref.rel_path + "#" + std::to_string(r.page.ref.page) + "#" +
                      std::to_string(r.draft.record);
    out[key] = "issues=" + join(r.draft.issues);
    for (const auto& [name, f] : r.draft.fields) {
      char conf[32];
      std::snprintf(conf, sizeof conf, "%.9f", f.confidence);
      out[key + "#" + name] = "value=" + f.value + " raw=" + f.raw + " status=" +
                              std::string(to_string(f.status)) + " conf=" + conf +
                              " reasons=" + join(f.reasons);
    }
  });
  return out;
}

}  // namespace

StoreComparison compare_stores(const std::filesystem::path& a, const std::filesystem::path& b,
                               size_t max_differences) {
  StoreComparison c;
  auto ca = content(a, c.pages_a, c.records_a);
  auto cb = content(b, c.pages_b, c.records_b);
  auto differ = [&](const std::string& line) {
    if (c.difference_count++ < max_differences) c.differences.push_back(line);
  };
  auto ia = ca.begin(), ib = cb.begin();
  while (ia != ca.end() || ib != cb.end()) {
    if (ib == cb.end() || (ia != ca.end() && ia->first < ib->first)) {
      differ(ia->first + ": only in " + a.filename().string() + " (" + ia->second + ")");
      ++ia;
    } else if (ia == ca.end() || ib->first < ia->first) {
      differ(ib->first + ": only in " + b.filename().string() + " (" + ib->second + ")");
      ++ib;
    } else {
      if (ia->second.rfind("value=", 0) == 0) ++c.fields_compared;
      if (ia->second != ib->second)
        differ(ia->first + ": " + ia->second + " | " + ib->second);
      ++ia, ++ib;
    }
  }
  return c;
}

}  // namespace ledger
