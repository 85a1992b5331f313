// A folder of sample pages with `ledger-gt/1` sidecars, as evaluation sees it: each sidecar with
// the path of its image relative to the folder, so it can be matched to draft records.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "core/ground_truth.hpp"

namespace ledger {

/// One ground-truth page and where its image is.
struct GtPage {
  GroundTruth gt;
  std::string rel_image;              // image path relative to the GT root, '/'-separated
  std::filesystem::path image_path;   // the image on disk ("" when built in memory)
};

/// Reads every `*.gt.json` under `dir` (recursively, sorted by path).
/// Throws ConfigError naming the sidecar when one is not valid `ledger-gt/1`, InputError when
/// `dir` is not a folder.
std::vector<GtPage> load_gt_pages(const std::filesystem::path& dir);

/// Wraps sidecars read elsewhere; `rel_image` is the sidecar's `image` as written.
std::vector<GtPage> gt_pages_from(const std::vector<GroundTruth>& gts);

}  // namespace ledger
