// A group's proposed value (see proposal.hpp).
#include "groups/proposal.hpp"

#include <algorithm>
#include <map>

namespace ledger::groups {

Proposal propose(const std::vector<MemberReading>& members, double sure_confidence, double purity) {
  Proposal p;
  std::map<std::string, int> clerk_votes;
  for (const auto& m : members)
    if (m.clerk && !m.value.empty()) ++clerk_votes[m.value];
  if (!clerk_votes.empty()) {
    auto best = std::max_element(clerk_votes.begin(), clerk_votes.end(),
                                 [](const auto& a, const auto& b) { return a.second < b.second; });
    int total = 0;
    for (const auto& [v, n] : clerk_votes) total += n;
    p.value = best->first;
    p.confidence = purity * double(best->second) / total;
    p.source = "clerk";
    return p;
  }
  // Best reading per value, and how many members read it (ties on confidence go to the more
  // frequent value).
  std::map<std::string, std::pair<double, int>> by_value;
  for (const auto& m : members) {
    if (m.value.empty()) continue;
    auto& [best, count] = by_value[m.value];
    best = std::max(best, m.confidence);
    ++count;
  }
  if (by_value.empty()) return p;
  auto top = std::max_element(by_value.begin(), by_value.end(), [](const auto& a, const auto& b) {
    return a.second.first != b.second.first ? a.second.first < b.second.first
                                            : a.second.second < b.second.second;
  });
  double conflict = 0;
  for (const auto& [v, bc] : by_value)
    if (v != top->first) conflict = std::max(conflict, bc.first);
  p.value = top->first;
  p.confidence = std::clamp(top->second.first * (1 - conflict) * purity, 0.0, 1.0);
  p.source = top->second.first >= sure_confidence ? "reading" : "none";
  return p;
}

}  // namespace ledger::groups
