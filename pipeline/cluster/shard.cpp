// One shard of a plan as run work (see shard.hpp).
#include "cluster/shard.hpp"

#include <cstdlib>
#include <map>

#include "core/error.hpp"

namespace ledger {

std::optional<ShardIndex> resolve_shard_index(
    std::optional<int> given, const std::function<const char*(const char*)>& getenv) {
  if (given) return ShardIndex{*given, "--shard"};
  auto get = getenv ? getenv : [](const char* name) -> const char* { return std::getenv(name); };
  for (const char* name : {"SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX"}) {
    const char* v = get(name);
    if (!v || !*v) continue;
    std::string s(v);
    if (s.find_first_not_of("0123456789") != std::string::npos || s.size() > 9)
      throw InputError(name, "'" + s + "' is not a shard index (a non-negative integer)");
    return ShardIndex{std::stoi(s), name};
  }
  return std::nullopt;
}

ShardWork shard_work(const Plan& plan, int shard, const NamePattern& pattern) {
  if (shard < 0 || shard >= plan.shards)
    throw InputError("--shard", "shard " + std::to_string(shard) + " is not in the plan (0.." +
                                    std::to_string(plan.shards - 1) + ")");
  ShardWork work;
  std::map<std::string, std::string> checked;  // path -> "" when unchanged, else the reason
  for (const PlanPage& p : plan.pages) {
    if (p.shard != shard) continue;
    PageRef ref;
    ref.path = p.path;
    ref.rel_path = p.rel_path;
    ref.page = p.page;
    ref.page_count = p.page_count;
    ref.book = parse_book_info(p.rel_path, pattern);
    auto it = checked.find(p.path);
    if (it == checked.end()) {
      std::string reason;
      std::error_code ec;
      auto size = std::filesystem::file_size(p.path, ec);
      if (ec) {
        reason = "file missing or unreadable since planning (" + ec.message() + ")";
      } else if (std::int64_t(size) != p.size) {
        reason = "file changed since planning (size " + std::to_string(size) + " bytes, planned " +
                 std::to_string(p.size) + ")";
      } else {
        try {
          if (file_sha256(p.path) != p.sha256) reason = "file changed since planning (SHA-256 differs)";
        } catch (const InputError& e) {
          reason = "file unreadable since planning (" + e.reason() + ")";
        }
      }
      it = checked.emplace(p.path, reason).first;
    }
    if (!it->second.empty()) work.refused.push_back({p.path, p.page, it->second});
    work.pages.push_back(std::move(ref));
  }
  return work;
}

namespace {
IngestOptions ingest_of(const PipelineConfig& config) {
  IngestOptions ingest;  // as run_job() builds it
  ingest.max_pixels = config.max_pixels;
  ingest.pdf_dpi = config.pdf_dpi;
  if (!config.name_patterns.empty()) ingest.pattern.templates = config.name_patterns;
  return ingest;
}
}  // namespace

IngestOptions ingest_options_from(const std::filesystem::path& config) {
  RunRequest request;
  request.config = config;
  return ingest_of(resolve_config(request));
}

size_t apply_shard(RunRequest& request, const Plan& plan, int shard) {
  ShardWork work = shard_work(plan, shard, ingest_of(resolve_config(request)).pattern);
  request.pages = std::move(work.pages);
  request.refused = std::move(work.refused);
  return request.refused.size();
}

}  // namespace ledger
