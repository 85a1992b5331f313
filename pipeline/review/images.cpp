// Page images and field crops (see images.hpp).
#include "review/images.hpp"

#include <algorithm>
#include <list>
#include <mutex>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "review/review_db.hpp"

namespace ledger::review {

namespace fs = std::filesystem;

std::vector<fs::path> input_roots(sql::Db& db) {
  std::vector<fs::path> out;
  sql::Stmt s(db, "SELECT DISTINCT path, rel_path FROM pages");
  std::vector<std::string> seen;
  while (s.step()) {
    std::string path = s.text(0), rel = s.text(1);
    if (rel.empty() || rel.size() > path.size() ||
        path.compare(path.size() - rel.size(), rel.size(), rel) != 0)
      continue;
    // A rel_path that climbs ("../x") would make a root outside the real input folder.
    if (fs::path(rel).lexically_normal().string().rfind("..", 0) == 0 || fs::path(rel).is_absolute())
      continue;
    std::string root = path.substr(0, path.size() - rel.size());
    if (std::find(seen.begin(), seen.end(), root) != seen.end()) continue;
    seen.push_back(root);
    std::error_code ec;
    fs::path canon = fs::weakly_canonical(root.empty() ? "." : root, ec);
    if (!ec && std::find(out.begin(), out.end(), canon) == out.end()) out.push_back(canon);
  }
  return out;
}

fs::path checked_source(const std::string& path, const std::vector<fs::path>& roots) {
  std::error_code ec;
  fs::path canon = fs::weakly_canonical(path, ec);
  if (ec) throw HttpError(403, "image path cannot be resolved");
  for (const auto& root : roots) {
    auto rel = canon.lexically_relative(root);
    if (!rel.empty() && rel.native().rfind("..", 0) != 0 && !rel.is_absolute()) {
      if (!fs::is_regular_file(canon, ec)) throw HttpError(404, "the scan is no longer there");
      return canon;
    }
  }
  throw HttpError(403, "image path is outside the store's input roots");
}

struct PageImageCache::Impl {
  std::mutex mutex;
  std::list<std::pair<std::int64_t, cv::Mat>> pages;  // most recent first
};

PageImageCache::PageImageCache(size_t capacity)
    : capacity_(capacity), impl_(std::make_shared<Impl>()) {}

namespace {

cv::Mat load_page(sql::Db& db, const std::vector<fs::path>& roots, std::int64_t page_id) {
  sql::Stmt s(db, "SELECT path, page FROM pages WHERE id = ?");
  s.bind(1, page_id);
  if (!s.step()) throw HttpError(404, "no page " + std::to_string(page_id));
  std::string path = s.text(0);
  int page = int(s.int64(1));
  s.reset();
  fs::path file = checked_source(path, roots);
  cv::Mat img;
  if (page <= 1) {
    img = cv::imread(file.string(), cv::IMREAD_COLOR);
  } else {
    std::vector<cv::Mat> all;
    if (cv::imreadmulti(file.string(), all, page - 1, 1, cv::IMREAD_COLOR) && !all.empty()) img = all[0];
  }
  if (img.empty()) throw HttpError(415, "the scan cannot be decoded for display");
  return img;
}

std::vector<unsigned char> to_jpeg(const cv::Mat& img) {
  std::vector<unsigned char> out;
  cv::imencode(".jpg", img, out, {cv::IMWRITE_JPEG_QUALITY, 85});
  return out;
}

}  // namespace

std::vector<unsigned char> PageImageCache::page_jpeg(sql::Db& db, const std::vector<fs::path>& roots,
                                                     std::int64_t page_id, int max_width) {
  auto& self = impl_;
  cv::Mat img;
  {
    std::lock_guard lock(self->mutex);
    for (auto it = self->pages.begin(); it != self->pages.end(); ++it)
      if (it->first == page_id) {
        img = it->second;
        self->pages.splice(self->pages.begin(), self->pages, it);
        break;
      }
  }
  if (img.empty()) {
    img = load_page(db, roots, page_id);
    std::lock_guard lock(self->mutex);
    self->pages.emplace_front(page_id, img);
    while (self->pages.size() > capacity_) self->pages.pop_back();
  }
  if (max_width > 0 && img.cols > max_width) {
    cv::Mat small;
    double f = double(max_width) / img.cols;
    cv::resize(img, small, {}, f, f, cv::INTER_AREA);
    return to_jpeg(small);
  }
  return to_jpeg(img);
}

std::vector<unsigned char> PageImageCache::crop_jpeg(sql::Db& db, const std::vector<fs::path>& roots,
                                                     std::int64_t record_id, const std::string& key,
                                                     double scale) {
  sql::Stmt s(db, "SELECT r.page_id, f.box_x, f.box_y, f.box_w, f.box_h FROM fields f JOIN records r "
                  "ON r.id = f.record_id WHERE f.record_id = ? AND f.key = ?");
  s.bind(1, record_id).bind(2, key);
  if (!s.step()) throw HttpError(404, "no field " + key);
  std::int64_t page_id = s.int64(0);
  cv::Rect box(int(s.int64(1)), int(s.int64(2)), int(s.int64(3)), int(s.int64(4)));
  s.reset();
  page_jpeg(db, roots, page_id, 0);  // fills the cache
  cv::Mat img;
  {
    auto& self = impl_;
    std::lock_guard lock(self->mutex);
    for (auto& [id, m] : self->pages)
      if (id == page_id) img = m;
  }
  if (img.empty()) throw HttpError(404, "page image is gone");
  // A margin of a third of the box height shows the neighbouring ink a clerk needs for context.
  int m = std::max(8, box.height / 3);
  cv::Rect grown(box.x - m, box.y - m, box.width + 2 * m, box.height + 2 * m);
  cv::Rect clipped = grown & cv::Rect(0, 0, img.cols, img.rows);
  if (clipped.empty()) throw HttpError(404, "field box is outside the page");
  cv::Mat crop = img(clipped);
  scale = std::clamp(scale, 0.25, 4.0);
  if (scale != 1.0) {
    cv::Mat out;
    cv::resize(crop, out, {}, scale, scale, scale < 1 ? cv::INTER_AREA : cv::INTER_CUBIC);
    return to_jpeg(out);
  }
  return to_jpeg(crop);
}

}  // namespace ledger::review
