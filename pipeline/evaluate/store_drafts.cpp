// Draft records from a store (see store_drafts.hpp).
#include "evaluate/store_drafts.hpp"

#include <map>

#include "core/error.hpp"
#include "evaluate/scoring.hpp"
#include "records/store.hpp"

namespace ledger {

std::vector<DraftPage> read_drafts_store(const std::filesystem::path& store_file) {
  if (!std::filesystem::is_regular_file(store_file)) throw InputError(store_file.string(), "no such store");
  Store store = Store::open(store_file);
  std::vector<DraftPage> pages;
  std::map<std::pair<std::string, int>, size_t> index;
  store.for_each_record({}, [&](const StoredRecord& r) {
    const std::string image = r.page.ref.rel_path.empty() ? r.page.ref.path : r.page.ref.rel_path;
    auto [it, fresh] = index.try_emplace({image, r.page.ref.page}, pages.size());
    if (fresh) pages.push_back(DraftPage{image, r.page.ref.page, r.page.layout_id, {}});
    DraftRecord rec = r.draft;
    for (auto& [key, f] : rec.fields) f.type = field_type_for_key(key);
    pages[it->second].records.push_back(std::move(rec));
  });
  return pages;
}

}  // namespace ledger
