// Reading `ledger-draft/1` JSON Lines (see draft_reader.hpp).
#include "evaluate/draft_reader.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "evaluate/scoring.hpp"

namespace ledger {

namespace {

using nlohmann::ordered_json;

Box read_box(const ordered_json& j) {
  if (!j.is_array() || j.size() != 4) return {};
  for (const auto& v : j)
    if (!v.is_number()) return {};
  return Box{j[0].get<int>(), j[1].get<int>(), j[2].get<int>(), j[3].get<int>()};
}

FieldStatus read_status(const std::string& s, const std::string& where) {
  if (s == "accept") return FieldStatus::Accept;
  if (s == "review") return FieldStatus::Review;
  if (s == "blank") return FieldStatus::Blank;
  throw InputError(where, "unknown field status '" + s + "'");
}

DraftField read_field(const std::string& key, const ordered_json& f, const std::string& where) {
  if (!f.is_object()) throw InputError(where, "field '" + key + "' is not an object");
  DraftField d;
  d.type = field_type_for_key(key);
  d.value = f.value("value", "");
  d.raw = f.value("raw", d.value);
  if (f.contains("confidence") && f["confidence"].is_number()) d.confidence = f["confidence"].get<double>();
  d.status = read_status(f.value("status", d.value.empty() ? "blank" : "review"), where);
  if (f.contains("box")) d.box = read_box(f["box"]);
  if (f.contains("hand") && f["hand"].is_boolean()) d.hand = f["hand"].get<bool>();
  if (f.contains("reasons") && f["reasons"].is_array())
    for (const auto& r : f["reasons"])
      if (r.is_string()) d.reasons.push_back(r.get<std::string>());
  return d;
}

}  // namespace

std::vector<DraftPage> read_drafts(std::istream& in, const std::string& where) {
  std::vector<DraftPage> pages;
  std::map<std::pair<std::string, int>, size_t> index;
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::string at = where + ":" + std::to_string(line_no);
    ordered_json j;
    try {
      j = ordered_json::parse(line);
    } catch (const std::exception& e) {
      throw InputError(at, std::string("not JSON: ") + e.what());
    }
    if (!j.is_object() || j.value("schema", "") != "ledger-draft/1")
      throw InputError(at, "not a ledger-draft/1 record");
    if (!j.contains("source") || !j["source"].is_object() || !j["source"].contains("image"))
      throw InputError(at, "missing source.image");
    const auto& src = j["source"];
    DraftPage key_page;
    key_page.image = src["image"].get<std::string>();
    key_page.page = src.contains("page") && src["page"].is_number_integer() ? src["page"].get<int>() : 1;
    auto [it, fresh] = index.try_emplace({key_page.image, key_page.page}, pages.size());
    if (fresh) {
      key_page.layout = j.contains("layout") && j["layout"].is_string() ? j["layout"].get<std::string>() : "";
      pages.push_back(std::move(key_page));
    }
    DraftPage& page = pages[it->second];
    DraftRecord rec;
    rec.record = j.contains("record") && j["record"].is_number_integer() ? j["record"].get<int>()
                                                                          : int(page.records.size());
    if (j.contains("fields") && j["fields"].is_object())
      for (const auto& [key, f] : j["fields"].items()) rec.fields.emplace_back(key, read_field(key, f, at));
    if (j.contains("issues") && j["issues"].is_array())
      for (const auto& s : j["issues"])
        if (s.is_string()) rec.issues.push_back(s.get<std::string>());
    page.records.push_back(std::move(rec));
  }
  for (auto& p : pages)
    std::stable_sort(p.records.begin(), p.records.end(),
                     [](const DraftRecord& a, const DraftRecord& b) { return a.record < b.record; });
  return pages;
}

std::vector<DraftPage> read_drafts_file(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw InputError(file.string(), "cannot open drafts file");
  return read_drafts(in, file.string());
}

}  // namespace ledger
