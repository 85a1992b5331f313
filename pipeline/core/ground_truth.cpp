// The `ledger-gt/1` sidecar format (see ground_truth.hpp).
#include "core/ground_truth.hpp"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/error.hpp"

namespace ledger {

using nlohmann::ordered_json;

const GtField* GtRecord::find(const std::string& key) const {
  for (const auto& [k, f] : fields)
    if (k == key) return &f;
  return nullptr;
}

namespace {

[[noreturn]] void fail(const std::filesystem::path& file, const std::string& why) {
  throw ConfigError(file.string() + ": not a valid ledger-gt/1 sidecar: " + why);
}

Box read_box(const ordered_json& j, const std::filesystem::path& file, const std::string& key) {
  if (!j.is_array() || j.size() != 4) fail(file, "field '" + key + "': box must be [x, y, w, h]");
  for (const auto& v : j)
    if (!v.is_number()) fail(file, "field '" + key + "': box values must be numbers");
  Box b{j[0].get<int>(), j[1].get<int>(), j[2].get<int>(), j[3].get<int>()};
  if (b.w < 0 || b.h < 0) fail(file, "field '" + key + "': box has negative size");
  return b;
}

}  // namespace

GroundTruth read_ground_truth(const std::filesystem::path& sidecar) {
  std::ifstream in(sidecar);
  if (!in) throw ConfigError(sidecar.string() + ": cannot open");
  ordered_json j;
  try {
    j = ordered_json::parse(in);
  } catch (const std::exception& e) {
    fail(sidecar, std::string("JSON syntax: ") + e.what());
  }
  if (!j.is_object() || j.value("schema", "") != "ledger-gt/1") fail(sidecar, "schema is not ledger-gt/1");
  if (!j.contains("image") || !j["image"].is_string()) fail(sidecar, "missing \"image\"");
  if (!j.contains("records") || !j["records"].is_array()) fail(sidecar, "missing \"records\" array");
  GroundTruth gt;
  gt.image = j["image"].get<std::string>();
  gt.layout = j.value("layout", "");
  if (j.contains("book") && j["book"].is_object()) {
    const auto& b = j["book"];
    GtBook book;
    book.type = b.value("type", "");
    if (b.contains("year") && b["year"].is_number_integer()) book.year = b["year"].get<int>();
    book.volume = b.value("volume", "");
    book.unit = b.value("unit", "");
    gt.book = book;
  }
  if (j.contains("page") && j["page"].is_number_integer()) gt.page = j["page"].get<int>();
  if (j.contains("dpi") && j["dpi"].is_number_integer()) gt.dpi = j["dpi"].get<int>();
  for (const auto& r : j["records"]) {
    if (!r.is_object() || !r.contains("fields") || !r["fields"].is_object())
      fail(sidecar, "a record without a \"fields\" object");
    GtRecord rec;
    for (const auto& [key, f] : r["fields"].items()) {
      if (!f.is_object() || !f.contains("value") || !f["value"].is_string())
        fail(sidecar, "field '" + key + "' needs a string \"value\"");
      GtField field;
      field.value = f["value"].get<std::string>();
      if (f.contains("box")) field.box = read_box(f["box"], sidecar, key);
      if (f.contains("hand") && f["hand"].is_boolean()) field.hand = f["hand"].get<bool>();
      rec.fields.emplace_back(key, std::move(field));
    }
    gt.records.push_back(std::move(rec));
  }
  return gt;
}

std::string ground_truth_json(const GroundTruth& gt) {
  ordered_json j;
  j["schema"] = "ledger-gt/1";
  j["image"] = gt.image;
  if (!gt.layout.empty()) j["layout"] = gt.layout;
  if (gt.book) {
    ordered_json b;
    b["type"] = gt.book->type;
    if (gt.book->year) b["year"] = *gt.book->year;
    b["volume"] = gt.book->volume;
    b["unit"] = gt.book->unit;
    j["book"] = b;
  }
  if (gt.page) j["page"] = *gt.page;
  if (gt.dpi) j["dpi"] = *gt.dpi;
  j["records"] = ordered_json::array();
  for (const auto& rec : gt.records) {
    ordered_json fields = ordered_json::object();
    for (const auto& [key, f] : rec.fields) {
      ordered_json o;
      o["value"] = f.value;
      if (f.box) o["box"] = {f.box->x, f.box->y, f.box->w, f.box->h};
      if (f.hand) o["hand"] = *f.hand;
      fields[key] = o;
    }
    j["records"].push_back({{"fields", fields}});
  }
  return j.dump(2) + "\n";
}

void write_ground_truth(const GroundTruth& gt, const std::filesystem::path& sidecar) {
  std::ofstream out(sidecar, std::ios::binary);
  if (!out) throw ConfigError(sidecar.string() + ": cannot write");
  out << ground_truth_json(gt);
}

std::vector<std::filesystem::path> find_sidecars(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> found;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (e.is_regular_file() && name.size() > 8 && name.ends_with(".gt.json")) found.push_back(e.path());
  }
  std::sort(found.begin(), found.end());
  return found;
}

}  // namespace ledger
