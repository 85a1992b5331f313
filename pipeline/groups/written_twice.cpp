// One value written twice in a record (see written_twice.hpp).
#include "groups/written_twice.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "fields/lexicon_match.hpp"
#include "fields/places.hpp"

namespace ledger::groups {

namespace {

// Weighted distance of two folded strings as a share of the longer one's length.
double distance_share(const std::string& a, const std::string& b) {
  const size_t longer = std::max(utf8_length(a), utf8_length(b));
  return longer ? weighted_distance(a, b) / double(longer) : 0.0;
}

}  // namespace

bool same_name(std::string_view a, std::string_view b, const SameNameOptions& o) {
  const std::string fa = to_lower(clean_text(a)), fb = to_lower(clean_text(b));
  const auto wa = split_words(fa), wb = split_words(fb);
  if (wa.empty() || wb.empty()) return false;
  return distance_share(fa, fb) <= o.max_share && distance_share(wa.back(), wb.back()) <= o.max_given_share;
}

bool same_place(std::string_view a, std::string_view b, const SamePlaceOptions& o) {
  const auto pa = place_parts(to_lower(clean_text(a))), pb = place_parts(to_lower(clean_text(b)));
  if (pa.empty() || pa.size() != pb.size() || !read_alike(pa[0], pb[0], o.first)) return false;
  for (size_t i = 1; i < pa.size(); ++i)
    if (distance_share(pa[i], pb[i]) > o.max_part_share) return false;
  return true;
}

int twin_of(std::string_view reading, const std::vector<TwinCandidate>& partners, FieldType type,
            const TwinOptions& o) {
  const auto alike = [&](const TwinCandidate& p) {
    if (p.image_distance <= o.max_image_distance) return true;
    if (type == FieldType::Name) return same_name(reading, p.reading, o.names);
    if (type == FieldType::Place) return same_place(reading, p.reading, o.places);
    return read_alike(reading, p.reading, o.others);
  };
  int found = -1;
  for (int i = 0; i < int(partners.size()); ++i) {
    if (partners[size_t(i)].reading.empty() || !alike(partners[size_t(i)])) continue;
    if (found >= 0) return -1;  // like both parents: which one is unknown
    found = i;
  }
  return found;
}

}  // namespace ledger::groups
