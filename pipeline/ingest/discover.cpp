// Walking inputs into PageRefs (see discover.hpp).
#include "ingest/discover.hpp"

#include <algorithm>

#include "ingest/image_header.hpp"

namespace ledger {
namespace {

void add_file(const std::filesystem::path& file, const std::filesystem::path& rel,
              const IngestOptions& opts, Discovery& out) {
  ImageFormat format = sniff_format(file);
  if (format == ImageFormat::Unknown) {
    std::error_code ec;
    auto size = std::filesystem::file_size(file, ec);
    if (has_image_extension(file))
      out.failures.emplace_back(file.string(), ec ? "cannot read file: " + ec.message()
                                               : size == 0 ? "empty file"
                                                           : "not an image (unrecognised content)");
    return;
  }
  try {
    ImageHeader header = read_image_header(file, opts.pdf_dpi);
    BookInfo book = parse_book_info(rel, opts.pattern);
    int n = int(header.pages.size());
    for (int i = 1; i <= n; ++i) {
      PageRef ref;
      ref.path = file.string();
      ref.rel_path = rel.generic_string();
      ref.page = i;
      ref.page_count = n;
      ref.book = book;
      out.pages.push_back(std::move(ref));
    }
  } catch (const InputError& e) {
    out.failures.push_back(e);
  }
}

bool hidden(const std::filesystem::path& rel) {
  for (const auto& part : rel) {
    std::string s = part.string();
    if (s.size() > 1 && s[0] == '.' && s != "..") return true;
  }
  return false;
}

}  // namespace

Discovery discover_pages(const std::vector<std::filesystem::path>& inputs, const IngestOptions& opts) {
  namespace fs = std::filesystem;
  Discovery out;
  for (const fs::path& input : inputs) {
    std::error_code ec;
    fs::file_status st = fs::status(input, ec);
    if (ec || !fs::exists(st)) {
      out.failures.emplace_back(input.string(), "no such file or folder");
      continue;
    }
    if (fs::is_regular_file(st)) {
      add_file(input, input.filename(), opts, out);
      continue;
    }
    if (!fs::is_directory(st)) {
      out.failures.emplace_back(input.string(), "not a file or folder");
      continue;
    }
    std::vector<std::pair<std::string, fs::path>> files;  // (rel generic string, path)
    fs::recursive_directory_iterator it(input, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) {
      out.failures.emplace_back(input.string(), "cannot list folder: " + ec.message());
      continue;
    }
    for (; it != end; it.increment(ec)) {
      if (ec) {
        out.failures.emplace_back(input.string(), "cannot list folder: " + ec.message());
        break;
      }
      fs::path rel = fs::relative(it->path(), input, ec);
      if (ec) rel = it->path().lexically_relative(input);
      if (hidden(rel)) {
        if (it->is_directory()) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec)) files.emplace_back(rel.generic_string(), it->path());
    }
    // Sorted by relative path, byte-wise: the same tree gives the same order on every machine.
    std::sort(files.begin(), files.end());
    for (const auto& [rel, path] : files) add_file(path, fs::path(rel), opts, out);
  }
  return out;
}

}  // namespace ledger
