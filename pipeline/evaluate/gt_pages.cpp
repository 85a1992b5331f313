// Loading a folder of ground-truth pages (see gt_pages.hpp).
#include "evaluate/gt_pages.hpp"

#include "core/error.hpp"

namespace ledger {

std::vector<GtPage> load_gt_pages(const std::filesystem::path& dir) {
  namespace fs = std::filesystem;
  if (!fs::is_directory(dir)) throw InputError(dir.string(), "not a folder of ground-truth pages");
  std::vector<GtPage> pages;
  for (const auto& sidecar : find_sidecars(dir)) {
    GtPage p;
    p.gt = read_ground_truth(sidecar);
    p.image_path = (sidecar.parent_path() / p.gt.image).lexically_normal();
    p.rel_image = p.image_path.lexically_relative(dir.lexically_normal()).generic_string();
    pages.push_back(std::move(p));
  }
  return pages;
}

std::vector<GtPage> gt_pages_from(const std::vector<GroundTruth>& gts) {
  std::vector<GtPage> pages;
  for (const auto& gt : gts) pages.push_back(GtPage{gt, gt.image, {}});
  return pages;
}

}  // namespace ledger
