// The value a group of crops no reading backs may borrow from a crop read surely elsewhere in
// its book: another writing of the same word in the same hand, kept out of the group by the
// strict clustering threshold.
#pragma once
#include <string>
#include <vector>

#include "groups/word_descriptor.hpp"

namespace ledger::groups {

/// A crop whose value is known: read surely by the pipeline, or typed by a clerk.
struct SureCrop {
  const WordDescriptor* desc = nullptr;
  std::string value;
};

/// Mean word distance from a group to a sure crop, at most, for the crop's value to be
/// suggested: between the median distance of two writings of one word in one hand (about 0.3
/// on bench/grouping_bench's books) and the nearest two different ethnic groups there (0.40 on
/// ks-2016, 0.51 on ks-2006).
inline constexpr double kSureNeighbourDistance = 0.4;

/// The value of the sure crop nearest to `group` by mean word_distance over the group's crops.
///   group              the group's crops' descriptors
///   sure               candidate crops (not members of the group)
///   max_mean_distance  farther crops are not considered
/// Returns "" when no candidate is near enough (or the group is empty).
std::string nearest_sure_value(const std::vector<const WordDescriptor*>& group, const std::vector<SureCrop>& sure,
                               double max_mean_distance = kSureNeighbourDistance);

}  // namespace ledger::groups
