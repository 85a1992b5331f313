// Planning a campaign for a cluster (see plan.hpp).
#include "cluster/plan.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <numeric>
#include <queue>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/tsv.hpp"
#include "ingest/discover.hpp"
#include "ingest/sha256.hpp"

namespace ledger {

namespace {

const char* kManifestHeader =
    "#shard\torder\tbook_id\trel_path\tpath\tpage\tpage_count\tsize\tsha256";

bool tsv_safe(const std::string& s) { return s.find_first_of("\t\r\n") == std::string::npos; }

}  // namespace

std::vector<long> Plan::shard_sizes() const {
  std::vector<long> out(size_t(std::max(shards, 1)), 0);
  for (const auto& p : pages)
    if (p.shard >= 0 && p.shard < shards) ++out[size_t(p.shard)];
  return out;
}

std::vector<std::vector<std::pair<int, long>>> balance_books(const std::vector<BookSize>& books,
                                                             int shards) {
  if (shards < 1) throw ConfigError("plan: the number of shards must be at least 1");
  long total = 0;
  for (const auto& b : books) total += b.pages;
  // Ceiling, so that a book of exactly the mean is not split.
  const long mean = std::max(1L, (total + shards - 1) / shards);

  // Pieces to place: whole books, or chunks of a book larger than the mean.
  struct Piece {
    size_t book;
    int chunk;
    long pages;
  };
  std::vector<Piece> pieces;
  for (size_t i = 0; i < books.size(); ++i) {
    long n = books[i].pages;
    if (n <= mean) {
      pieces.push_back({i, 0, n});
      continue;
    }
    // Chunks of exactly a mean shard (the last one smaller): each fills a shard on its own.
    int chunk = 0;
    for (long start = 0; start < n; start += mean) pieces.push_back({i, chunk++, std::min(mean, n - start)});
  }
  std::sort(pieces.begin(), pieces.end(), [&](const Piece& a, const Piece& b) {
    if (a.pages != b.pages) return a.pages > b.pages;
    if (books[a.book].book_id != books[b.book].book_id)
      return books[a.book].book_id < books[b.book].book_id;
    return a.chunk < b.chunk;
  });

  // Least-loaded shard first; ties by index.
  using Load = std::pair<long, int>;
  std::priority_queue<Load, std::vector<Load>, std::greater<Load>> heap;
  for (int s = 0; s < shards; ++s) heap.push({0, s});
  std::vector<std::vector<std::pair<int, std::pair<int, long>>>> placed(books.size());  // chunk -> (shard, pages)
  for (const Piece& p : pieces) {
    auto [load, s] = heap.top();
    heap.pop();
    placed[p.book].push_back({p.chunk, {s, p.pages}});
    heap.push({load + p.pages, s});
  }
  std::vector<std::vector<std::pair<int, long>>> out(books.size());
  for (size_t i = 0; i < books.size(); ++i) {
    std::sort(placed[i].begin(), placed[i].end());
    for (const auto& [chunk, sp] : placed[i]) out[i].push_back(sp);
  }
  return out;
}

std::string file_sha256(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw InputError(file.string(), "cannot open file");
  Sha256 h;
  std::vector<char> buf(1 << 20);
  while (in) {
    in.read(buf.data(), std::streamsize(buf.size()));
    if (in.gcount() > 0) h.update(buf.data(), size_t(in.gcount()));
  }
  if (in.bad()) throw InputError(file.string(), "cannot read file");
  return h.hex();
}

Plan make_plan(const std::vector<std::filesystem::path>& inputs, int shards,
               const IngestOptions& ingest) {
  if (shards < 1) throw ConfigError("plan: the number of shards must be at least 1");
  Plan plan;
  plan.shards = shards;
  plan.created_at = utc_now();
  std::vector<std::filesystem::path> absolute;
  for (const auto& i : inputs) {
    absolute.push_back(std::filesystem::absolute(i).lexically_normal());
    plan.inputs.push_back(absolute.back().string());
  }
  Discovery found = discover_pages(absolute, ingest);
  for (const auto& f : found.failures) plan.failures.push_back(f.what());

  // Hash each file once (a multi-page TIFF is one file).
  std::map<std::string, std::pair<std::int64_t, std::string>> files;
  std::vector<PlanPage> pages;
  for (size_t i = 0; i < found.pages.size(); ++i) {
    const PageRef& ref = found.pages[i];
    if (!tsv_safe(ref.path) || !tsv_safe(ref.rel_path)) {
      plan.failures.push_back(ref.path + ": a tab or line break in the path cannot be planned");
      continue;
    }
    auto it = files.find(ref.path);
    if (it == files.end()) {
      std::error_code ec;
      auto size = std::filesystem::file_size(ref.path, ec);
      std::string sha;
      try {
        sha = file_sha256(ref.path);
      } catch (const InputError& e) {
        plan.failures.push_back(e.what());
        continue;
      }
      it = files.emplace(ref.path, std::make_pair(ec ? -1 : std::int64_t(size), sha)).first;
    }
    PlanPage p;
    p.order = long(i);
    p.book_id = ref.book.book_id();
    p.rel_path = ref.rel_path;
    p.path = ref.path;
    p.page = ref.page;
    p.page_count = ref.page_count;
    p.size = it->second.first;
    p.sha256 = it->second.second;
    pages.push_back(std::move(p));
  }

  // Books in first-seen order; their pages stay in discovery order.
  std::vector<BookSize> books;
  std::map<std::string, size_t> book_index;
  for (const auto& p : pages) {
    auto [it, added] = book_index.emplace(p.book_id, books.size());
    if (added) books.push_back({p.book_id, 0});
    ++books[it->second].pages;
  }
  auto placement = balance_books(books, shards);
  std::vector<size_t> cursor(books.size(), 0);  // (chunk index, pages used in it)
  std::vector<long> used(books.size(), 0);
  for (auto& p : pages) {
    size_t b = book_index[p.book_id];
    auto& chunks = placement[b];
    while (used[b] >= chunks[cursor[b]].second) {
      ++cursor[b];
      used[b] = 0;
    }
    p.shard = chunks[cursor[b]].first;
    ++used[b];
  }
  for (size_t b = 0; b < books.size(); ++b) {
    if (placement[b].size() < 2) continue;
    SplitBook s{books[b].book_id, int(books[b].pages), {}};
    for (const auto& [shard, n] : placement[b]) s.shards.push_back(shard);
    plan.split_books.push_back(std::move(s));
  }
  std::sort(pages.begin(), pages.end(), [](const PlanPage& a, const PlanPage& b) {
    return std::tie(a.shard, a.order) < std::tie(b.shard, b.order);
  });
  plan.pages = std::move(pages);
  return plan;
}

void write_plan(const Plan& plan, const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  auto manifest = dir / "manifest.tsv";
  {
    std::ofstream out(manifest, std::ios::binary);
    if (!out) throw InputError(manifest.string(), "cannot write");
    out << kManifestHeader << "\n";
    for (const auto& p : plan.pages)
      out << p.shard << "\t" << p.order << "\t" << p.book_id << "\t" << p.rel_path << "\t"
          << p.path << "\t" << p.page << "\t" << p.page_count << "\t" << p.size << "\t"
          << p.sha256 << "\n";
    if (!out) throw InputError(manifest.string(), "cannot write");
  }
  nlohmann::ordered_json j;
  j["format"] = "ledger-plan/1";
  j["inputs"] = plan.inputs;
  j["shards"] = plan.shards;
  j["pages"] = plan.pages.size();
  j["created_at"] = plan.created_at;
  j["shard_pages"] = plan.shard_sizes();
  nlohmann::ordered_json split = nlohmann::ordered_json::array();
  for (const auto& s : plan.split_books)
    split.push_back({{"book_id", s.book_id}, {"pages", s.pages}, {"shards", s.shards}});
  j["split_books"] = split;  // books larger than a mean shard: sequence checks rerun at merge
  j["failures"] = plan.failures;
  auto json_file = dir / "plan.json";
  std::ofstream out(json_file);
  if (!out) throw InputError(json_file.string(), "cannot write");
  out << j.dump(2) << "\n";
  if (!out) throw InputError(json_file.string(), "cannot write");
}

Plan read_plan(const std::filesystem::path& dir) {
  auto json_file = dir / "plan.json";
  auto manifest = dir / "manifest.tsv";
  Plan plan;
  {
    std::ifstream in(json_file);
    if (!in) throw InputError(json_file.string(), "cannot open (not a plan folder?)");
    auto j = nlohmann::json::parse(in, nullptr, false);
    if (!j.is_object() || !j.contains("shards") || !j["shards"].is_number_integer())
      throw InputError(json_file.string(), "not a ledger-ocr plan (no shard count)");
    plan.shards = j["shards"].get<int>();
    if (plan.shards < 1) throw InputError(json_file.string(), "shard count below 1");
    plan.created_at = j.value("created_at", "");
    if (j.contains("inputs")) plan.inputs = j["inputs"].get<std::vector<std::string>>();
    if (j.contains("failures")) plan.failures = j["failures"].get<std::vector<std::string>>();
    if (j.contains("split_books"))
      for (const auto& s : j["split_books"])
        plan.split_books.push_back({s.value("book_id", ""), s.value("pages", 0),
                                    s.value("shards", std::vector<int>{})});
  }
  std::vector<std::vector<std::string>> rows;
  try {
    rows = read_tsv(manifest);
  } catch (const ConfigError&) {
    throw InputError(manifest.string(), "cannot open");
  }
  size_t line = 1;
  for (const auto& r : rows) {
    ++line;
    if (r.size() != 9)
      throw InputError(manifest.string(), "line " + std::to_string(line) + ": expected 9 columns");
    try {
      PlanPage p;
      p.shard = std::stoi(r[0]);
      p.order = std::stol(r[1]);
      p.book_id = r[2];
      p.rel_path = r[3];
      p.path = r[4];
      p.page = std::stoi(r[5]);
      p.page_count = std::stoi(r[6]);
      p.size = std::stoll(r[7]);
      p.sha256 = r[8];
      if (p.shard < 0 || p.shard >= plan.shards) throw std::out_of_range("shard");
      plan.pages.push_back(std::move(p));
    } catch (const std::exception&) {
      throw InputError(manifest.string(), "line " + std::to_string(line) + ": bad number");
    }
  }
  return plan;
}

}  // namespace ledger
