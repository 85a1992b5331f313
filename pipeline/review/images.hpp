// Page images and field crops for the clerk, cut on demand from the source scan named in the
// store, after checking that the file lies inside the store's input roots.
#pragma once
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "records/sqlite_db.hpp"

namespace ledger::review {

/// The input roots of a store: for each page, its path with its rel_path removed (the folder the
/// run was pointed at), canonical and deduplicated. Pages whose path does not end in their
/// rel_path give no root.
std::vector<std::filesystem::path> input_roots(sql::Db& db);

/// The canonical source path of `path`, or HttpError 403 when it resolves (symlinks, "..")
/// outside every root, or 404 when it does not exist.
std::filesystem::path checked_source(const std::string& path,
                                     const std::vector<std::filesystem::path>& roots);

/// Decoded pages kept in memory (a record's crops come from one page): a small LRU, thread-safe.
class PageImageCache {
 public:
  explicit PageImageCache(size_t capacity = 8);
  /// JPEG of page `page_id`, downscaled to at most `max_width` pixels wide.
  std::vector<unsigned char> page_jpeg(sql::Db& db, const std::vector<std::filesystem::path>& roots,
                                       std::int64_t page_id, int max_width);
  /// JPEG of the box of field `key` of record `record_id`, with a margin, scaled by `scale`.
  std::vector<unsigned char> crop_jpeg(sql::Db& db, const std::vector<std::filesystem::path>& roots,
                                       std::int64_t record_id, const std::string& key, double scale);

 private:
  struct Impl;
  size_t capacity_;
  std::shared_ptr<Impl> impl_;
};

}  // namespace ledger::review
