// Pairing ground truth with draft records (see matching.hpp).
#include "evaluate/matching.hpp"

#include <algorithm>
#include <optional>
#include <tuple>

namespace ledger {

namespace {

// A row of a handwritten table is ~1 line pitch tall; a neighbour row overlaps it by a few
// pixels at most, so 30% of the shorter band separates "same row" from "next row" widely.
constexpr double kMinRowOverlap = 0.3;

bool path_ends_with(const std::string& path, const std::string& tail) {
  if (tail.size() > path.size()) return false;
  if (path.compare(path.size() - tail.size(), tail.size(), tail) != 0) return false;
  return path.size() == tail.size() || path[path.size() - tail.size() - 1] == '/';
}

std::string file_name(const std::string& path) {
  auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

template <class Fields>
std::optional<Box> band(const Fields& fields, auto box_of) {
  std::optional<Box> u;
  for (const auto& [key, f] : fields) {
    std::optional<Box> b = box_of(f);
    if (!b || b->empty()) continue;
    u = u ? unite(*u, *b) : *b;
  }
  return u;
}

}  // namespace

std::vector<int> match_pages(const std::vector<GtPage>& gt, const std::vector<DraftPage>& drafts) {
  std::vector<int> out(gt.size(), -1);
  for (size_t g = 0; g < gt.size(); ++g) {
    const std::string& rel = gt[g].rel_image;
    const int want_page = 1;  // GT `page` is the book's page number, not the page in the file
    auto pick = [&](auto pred) {
      int best = -1;
      for (size_t d = 0; d < drafts.size(); ++d) {
        if (!pred(drafts[d].image)) continue;
        if (best < 0 || (drafts[d].page == want_page && drafts[best].page != want_page)) best = int(d);
      }
      return best;
    };
    int found = pick([&](const std::string& img) { return img == rel; });
    if (found < 0)
      found = pick([&](const std::string& img) { return path_ends_with(img, rel) || path_ends_with(rel, img); });
    if (found < 0) {
      const std::string name = file_name(rel);
      int same = 0;
      for (const auto& p : gt)
        if (file_name(p.rel_image) == name) ++same;
      if (same == 1) found = pick([&](const std::string& img) { return file_name(img) == name; });
    }
    out[g] = found;
  }
  return out;
}

std::vector<int> match_records(const GroundTruth& gt, const DraftPage& draft) {
  std::vector<int> out(gt.records.size(), -1);
  std::vector<std::optional<Box>> gb, db;
  bool all_boxed = gt.records.size() > 1 || draft.records.size() > 1;  // forms pair by index
  for (const auto& r : gt.records) {
    gb.push_back(band(r.fields, [](const GtField& f) { return f.box; }));
    all_boxed = all_boxed && gb.back().has_value();
  }
  for (const auto& r : draft.records) {
    db.push_back(band(r.fields, [](const DraftField& f) { return std::optional<Box>(f.box); }));
    all_boxed = all_boxed && db.back().has_value();
  }
  if (!all_boxed) {
    for (size_t i = 0; i < out.size() && i < draft.records.size(); ++i) out[i] = int(i);
    return out;
  }
  std::vector<std::tuple<double, size_t, size_t>> pairs;  // overlap, gt, draft
  for (size_t g = 0; g < gb.size(); ++g)
    for (size_t d = 0; d < db.size(); ++d) {
      const Box &a = *gb[g], &b = *db[d];
      const int top = std::max(a.y, b.y), bottom = std::min(a.y + a.h, b.y + b.h);
      const double shorter = std::max(1, std::min(a.h, b.h));
      const double overlap = std::max(0, bottom - top) / shorter;
      if (overlap >= kMinRowOverlap) pairs.emplace_back(overlap, g, d);
    }
  std::stable_sort(pairs.begin(), pairs.end(), [](const auto& x, const auto& y) { return std::get<0>(x) > std::get<0>(y); });
  std::vector<bool> used(db.size(), false);
  for (const auto& [overlap, g, d] : pairs) {
    if (out[g] >= 0 || used[d]) continue;
    out[g] = int(d);
    used[d] = true;
  }
  return out;
}

}  // namespace ledger
