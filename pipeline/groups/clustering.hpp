// Complete-linkage clustering under a distance threshold: a group only holds items that are all
// pairwise close, so one look-alike cannot chain two different values into one group.
#pragma once
#include <functional>
#include <vector>

namespace ledger::groups {

/// Clusters `n` items by agglomeration with complete linkage.
///   n          number of items
///   distance   symmetric dissimilarity of items i and j; called from several threads at once
///              (oneTBB), so it must only read shared state
///   threshold  two clusters merge only while every cross pair is at most this far apart
/// Returns the clusters (item indices, ascending), singletons included, largest first.
/// Notes:
///   1. O(n^2) distance calls and O(n^3) merging in the worst case; a book's crops of one field
///      type are a few hundred. The distances are computed in parallel; the result does not
///      depend on the thread count.
std::vector<std::vector<int>> complete_linkage(int n, const std::function<double(int, int)>& distance,
                                               double threshold);

}  // namespace ledger::groups
