// Complete-linkage clustering (see clustering.hpp).
#include "groups/clustering.hpp"

#include <algorithm>
#include <limits>

#include <oneapi/tbb/parallel_for.h>

namespace ledger::groups {

std::vector<std::vector<int>> complete_linkage(int n, const std::function<double(int, int)>& distance,
                                               double threshold) {
  std::vector<std::vector<int>> clusters(size_t(std::max(0, n)));
  for (int i = 0; i < n; ++i) clusters[size_t(i)] = {i};
  // d[i][j]: the largest item distance between clusters i and j (complete linkage).
  std::vector<std::vector<double>> d(size_t(std::max(0, n)), std::vector<double>(size_t(std::max(0, n)), 0));
  // The n^2 / 2 distances are most of the work and independent: rows in parallel, each cell
  // written by one task, so the matrix is the same whatever the thread count.
  tbb::parallel_for(0, n, [&](int i) {
    for (int j = i + 1; j < n; ++j) d[size_t(i)][size_t(j)] = distance(i, j);
  });
  for (int i = 0; i < n; ++i)
    for (int j = i + 1; j < n; ++j) d[size_t(j)][size_t(i)] = d[size_t(i)][size_t(j)];
  std::vector<bool> alive(size_t(std::max(0, n)), true);
  while (true) {
    double best = std::numeric_limits<double>::infinity();
    int bi = -1, bj = -1;
    for (int i = 0; i < n; ++i) {
      if (!alive[size_t(i)]) continue;
      for (int j = i + 1; j < n; ++j)
        if (alive[size_t(j)] && d[size_t(i)][size_t(j)] < best) {
          best = d[size_t(i)][size_t(j)];
          bi = i;
          bj = j;
        }
    }
    if (bi < 0 || best > threshold) break;
    auto& into = clusters[size_t(bi)];
    into.insert(into.end(), clusters[size_t(bj)].begin(), clusters[size_t(bj)].end());
    clusters[size_t(bj)].clear();
    alive[size_t(bj)] = false;
    for (int k = 0; k < n; ++k)
      if (alive[size_t(k)] && k != bi)
        d[size_t(bi)][size_t(k)] = d[size_t(k)][size_t(bi)] =
            std::max(d[size_t(bi)][size_t(k)], d[size_t(bj)][size_t(k)]);
  }
  std::vector<std::vector<int>> out;
  for (int i = 0; i < n; ++i)
    if (alive[size_t(i)]) {
      std::sort(clusters[size_t(i)].begin(), clusters[size_t(i)].end());
      out.push_back(std::move(clusters[size_t(i)]));
    }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  return out;
}

}  // namespace ledger::groups
