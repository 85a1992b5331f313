// Readings that name one value (see read_alike.hpp).
#include "groups/read_alike.hpp"

#include <algorithm>
#include <map>

#include "core/text.hpp"
#include "groups/clustering.hpp"

namespace ledger::groups {

namespace {

// What two readings must share exactly to be compared at all (notes 2 and 3): their digits in
// order and their number of words. Empty when the reading is too short to group.
std::string bucket_of(const std::string& folded, const ReadAlikeOptions& o) {
  int chars = 0;
  std::string digits;
  for (char32_t c : to_u32(folded)) {
    if (c >= U'0' && c <= U'9') digits += char(c);
    // letters: anything past ASCII is a Vietnamese letter or mark in a normalised value
    if ((c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') || c > 0x7F) ++chars;
  }
  if (chars < o.min_chars) return "";
  return digits + "|" + std::to_string(split_words(folded).size());
}

// Share of the longer reading that must be edited to turn one into the other.
double edit_share(const std::string& a, const std::string& b) {
  const size_t longer = std::max(utf8_length(a), utf8_length(b));
  return longer ? double(edit_distance(a, b)) / double(longer) : 0.0;
}

std::string fold(std::string_view s) { return to_lower(clean_text(s)); }

// True when no word of `a` is wholly another word than its counterpart in `b` (words in order,
// as many in both): each pair differs in at most half the letters of the longer word. A slip
// changes a letter or two (`huyên`, `UBWD`); `Hòa` for `Tài` is another commune.
bool words_slip_only(const std::string& a, const std::string& b) {
  const auto wa = split_words(a), wb = split_words(b);
  if (wa.size() != wb.size()) return false;
  for (size_t i = 0; i < wa.size(); ++i)
    if (2 * edit_distance(wa[i], wb[i]) > std::max(utf8_length(wa[i]), utf8_length(wb[i]))) return false;
  return true;
}

// How far apart two folded readings of one bucket are: the edit share, or 1 when a word differs
// wholly.
double reading_distance(const std::string& a, const std::string& b) {
  return words_slip_only(a, b) ? edit_share(a, b) : 1.0;
}

}  // namespace

bool read_alike(std::string_view a, std::string_view b, const ReadAlikeOptions& o) {
  const std::string fa = fold(a), fb = fold(b);
  const std::string ka = bucket_of(fa, o);
  return !ka.empty() && ka == bucket_of(fb, o) && reading_distance(fa, fb) <= o.max_edit_share;
}

std::vector<std::vector<int>> cluster_readings(const std::vector<std::string>& readings, const ReadAlikeOptions& o) {
  std::vector<std::string> folded;
  std::map<std::string, std::vector<int>> buckets;
  std::vector<std::vector<int>> out;
  for (int i = 0; i < int(readings.size()); ++i) {
    folded.push_back(fold(readings[size_t(i)]));
    if (std::string k = bucket_of(folded.back(), o); !k.empty()) buckets[k].push_back(i);
    else out.push_back({i});
  }
  // Only readings of one bucket can read alike: clustering bucket by bucket keeps complete
  // linkage's cubic cost to the few readings that share digits and word count.
  for (const auto& [key, items] : buckets)
    for (auto& cl : complete_linkage(
             int(items.size()),
             [&](int x, int y) {
               return reading_distance(folded[size_t(items[size_t(x)])], folded[size_t(items[size_t(y)])]);
             },
             o.max_edit_share)) {
      for (int& k : cl) k = items[size_t(k)];
      out.push_back(std::move(cl));
    }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  return out;
}

}  // namespace ledger::groups
