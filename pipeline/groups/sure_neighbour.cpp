// The nearest sure crop of a group (see sure_neighbour.hpp).
#include "groups/sure_neighbour.hpp"

namespace ledger::groups {

std::string nearest_sure_value(const std::vector<const WordDescriptor*>& group, const std::vector<SureCrop>& sure,
                               double max_mean_distance) {
  std::string best;
  if (group.empty()) return best;
  double best_d = max_mean_distance;
  for (const SureCrop& s : sure) {
    if (!s.desc || s.value.empty()) continue;
    double d = 0;
    for (const WordDescriptor* m : group) d += word_distance(*s.desc, *m);
    d /= double(group.size());
    if (d <= best_d) best_d = d, best = s.value;
  }
  return best;
}

}  // namespace ledger::groups
