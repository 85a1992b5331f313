// The settings of a run for every stage (see pipeline_config.hpp).
#include "run/pipeline_config.hpp"

#include <yaml-cpp/yaml.h>

#include <functional>
#include <map>
#include <set>

#include "core/error.hpp"

namespace ledger {

namespace {

std::string where(const std::filesystem::path& file, const YAML::Node& node) {
  return file.string() + ":" + std::to_string(node.Mark().line + 1);
}

template <typename T>
T read_value(const std::filesystem::path& file, const std::string& key, const YAML::Node& node,
             const char* expected) {
  try {
    if (!node.IsScalar()) throw YAML::Exception(node.Mark(), "not a scalar");
    return node.as<T>();
  } catch (const YAML::Exception&) {
    throw ConfigError(where(file, node) + ": `" + key + "` must be " + expected);
  }
}

int read_int(const std::filesystem::path& f, const std::string& key, const YAML::Node& n, int min) {
  long v = read_value<long>(f, key, n, "an integer");
  if (v < min || v > 1'000'000'000L)
    throw ConfigError(where(f, n) + ": `" + key + "` must be at least " + std::to_string(min));
  return int(v);
}

std::filesystem::path read_dir(const std::filesystem::path& f, const std::string& key,
                               const YAML::Node& n) {
  std::filesystem::path p = read_value<std::string>(f, key, n, "a path");
  if (p.empty() || p.is_absolute()) return p;
  return (f.parent_path() / p).lexically_normal();
}

// A list of field keys ("[so, ngayDangKy]").
std::set<std::string> read_keys(const std::filesystem::path& f, const std::string& key, const YAML::Node& n) {
  if (!n.IsSequence()) throw ConfigError(where(f, n) + ": `" + key + "` must be a list of keys");
  std::set<std::string> out;
  for (const auto& e : n) out.insert(read_value<std::string>(f, key, e, "a key"));
  return out;
}

using Setter = std::function<void(PipelineConfig&, const std::filesystem::path&, const std::string&,
                                  const YAML::Node&)>;

// Every accepted key, "section.key" -> how to read it.
const std::map<std::string, Setter>& setters() {
  static const std::map<std::string, Setter> s{
      {"run.threads", [](auto& c, auto& f, auto& k, auto& n) { c.threads = read_int(f, k, n, 0); }},
      {"run.max_in_flight",
       [](auto& c, auto& f, auto& k, auto& n) { c.max_in_flight = read_int(f, k, n, 0); }},
      {"run.progress_every",
       [](auto& c, auto& f, auto& k, auto& n) { c.progress_every = read_int(f, k, n, 1); }},
      {"ingest.max_pixels",
       [](auto& c, auto& f, auto& k, auto& n) {
         c.max_pixels = read_value<long>(f, k, n, "an integer");
         if (c.max_pixels < 1) throw ConfigError(where(f, n) + ": `" + k + "` must be positive");
       }},
      {"ingest.pdf_dpi", [](auto& c, auto& f, auto& k, auto& n) { c.pdf_dpi = read_int(f, k, n, 50); }},
      {"ingest.name_patterns",
       [](auto& c, auto& f, auto& k, auto& n) {
         if (!n.IsSequence()) throw ConfigError(where(f, n) + ": `" + k + "` must be a list");
         c.name_patterns.clear();
         for (const auto& e : n) c.name_patterns.push_back(read_value<std::string>(f, k, e, "a text"));
       }},
      {"layout.layouts_dir",
       [](auto& c, auto& f, auto& k, auto& n) { c.layouts_dir = read_dir(f, k, n); }},
      {"layout.layout_id",
       [](auto& c, auto& f, auto& k, auto& n) {
         c.layout_id = n.IsNull() ? "" : read_value<std::string>(f, k, n, "a text");
       }},
      {"ocr.tessdata",
       [](auto& c, auto& f, auto& k, auto& n) {
         c.tessdata = n.IsNull() ? "" : read_dir(f, k, n).string();
       }},
      {"ocr.lang",
       [](auto& c, auto& f, auto& k, auto& n) {
         c.lang = n.IsNull() ? "" : read_value<std::string>(f, k, n, "a text");
       }},
      {"ocr.digit_not_before",
       [](auto& c, auto& f, auto& k, auto& n) {
         if (!n.IsMap()) throw ConfigError(where(f, n) + ": `" + k + "` must map date keys to date keys");
         c.digit_links.not_before.clear();
         for (const auto& e : n)
           c.digit_links.not_before[read_value<std::string>(f, k, e.first, "a key")] =
               read_value<std::string>(f, k, e.second, "a key");
       }},
      {"ocr.digit_rising",
       [](auto& c, auto& f, auto& k, auto& n) { c.digit_links.rising = read_keys(f, k, n); }},
      {"ocr.digit_in_book_year",
       [](auto& c, auto& f, auto& k, auto& n) { c.digit_links.in_book_year = read_keys(f, k, n); }},
      {"fields.models_dir",
       [](auto& c, auto& f, auto& k, auto& n) { c.models_dir = read_dir(f, k, n); }},
      {"fields.accept_target_error",
       [](auto& c, auto& f, auto& k, auto& n) {
         c.accept_target_error = read_value<double>(f, k, n, "a number");
         if (!(c.accept_target_error > 0 && c.accept_target_error < 1))
           throw ConfigError(where(f, n) + ": `" + k + "` must be between 0 and 1");
       }},
      {"store.busy_timeout_ms",
       [](auto& c, auto& f, auto& k, auto& n) { c.busy_timeout_ms = read_int(f, k, n, 0); }},
      {"groups.sequence_keys",
       [](auto& c, auto& f, auto& k, auto& n) { c.sequence_keys = read_keys(f, k, n); }},
      {"groups.order_keys",
       [](auto& c, auto& f, auto& k, auto& n) { c.order_keys = read_keys(f, k, n); }},
      {"groups.page_keys",
       [](auto& c, auto& f, auto& k, auto& n) { c.page_keys = read_keys(f, k, n); }},
      {"groups.named_entry_keys",
       [](auto& c, auto& f, auto& k, auto& n) { c.named_entry_keys = read_keys(f, k, n); }},
      {"groups.named_day_keys",
       [](auto& c, auto& f, auto& k, auto& n) { c.named_day_keys = read_keys(f, k, n); }},
      {"groups.page_entry_keys",
       [](auto& c, auto& f, auto& k, auto& n) { c.page_entry_keys = read_keys(f, k, n); }},
      {"groups.twin_keys",
       [](auto& c, auto& f, auto& k, auto& n) {
         if (!n.IsMap()) throw ConfigError(where(f, n) + ": `" + k + "` must map keys to lists of keys");
         c.twin_keys.emplace();
         for (const auto& e : n) {
           const auto partners = read_keys(f, k, e.second);
           (*c.twin_keys)[read_value<std::string>(f, k, e.first, "a key")] = {partners.begin(), partners.end()};
         }
       }},
  };
  return s;
}

}  // namespace

PipelineConfig default_pipeline_config() {
  PipelineConfig c;
  const std::filesystem::path src = LEDGER_SOURCE_DIR;
  c.layouts_dir = src / "config" / "layouts";
  c.models_dir = src / "models";
  return c;
}

PipelineConfig load_pipeline_config(const std::filesystem::path& file) {
  YAML::Node root;
  try {
    root = YAML::LoadFile(file.string());
  } catch (const YAML::BadFile&) {
    throw ConfigError(file.string() + ": cannot be read");
  } catch (const YAML::Exception& e) {
    throw ConfigError(file.string() + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
  }
  PipelineConfig c = default_pipeline_config();
  c.source_file = file;
  if (root.IsNull()) return c;
  if (!root.IsMap()) throw ConfigError(where(file, root) + ": expected sections (run:, ingest:, ...)");
  for (const auto& section : root) {
    std::string name = section.first.as<std::string>();
    const YAML::Node& body = section.second;
    if (body.IsNull()) continue;
    if (!body.IsMap())
      throw ConfigError(where(file, section.first) + ": section `" + name + "` must hold keys");
    for (const auto& entry : body) {
      std::string key = name + "." + entry.first.as<std::string>();
      auto it = setters().find(key);
      if (it == setters().end())
        throw ConfigError(where(file, entry.first) + ": unknown key `" + key + "`");
      it->second(c, file, key, entry.second);
    }
  }
  return c;
}

std::filesystem::path default_pipeline_config_path() {
  std::error_code ec;
  std::filesystem::path local = "config/pipeline.yaml";
  if (std::filesystem::exists(local, ec)) return std::filesystem::absolute(local, ec);
  std::filesystem::path src = std::filesystem::path(LEDGER_SOURCE_DIR) / "config" / "pipeline.yaml";
  if (std::filesystem::exists(src, ec)) return src;
  return {};
}

}  // namespace ledger
