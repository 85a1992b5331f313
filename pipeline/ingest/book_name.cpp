// File-name templates compiled to regular expressions, and the folder walk for units
// (see book_name.hpp).
#include "ingest/book_name.hpp"

#include <cctype>
#include <map>
#include <mutex>
#include <regex>

#include "core/error.hpp"
#include "core/text.hpp"

namespace ledger {
namespace {

struct CompiledTemplate {
  std::regex re;
  std::vector<std::string> fields;  // capture group i+1 holds fields[i]
};

// Field regexes; std::regex works on bytes, so "Đ" is spelled out as its UTF-8 sequences.
const std::map<std::string, std::string>& field_regexes() {
  static const std::map<std::string, std::string> m{
      {"type", "((?:[A-Za-z]|\xC4\x90|\xC4\x91)+)"},
      {"year", "(\\d{4})"},
      {"volume", "([0-9A-Za-z]+)"},
      {"date", "(\\d{4}-\\d{1,2}-\\d{1,2})"},
      {"entry", "(\\d+[A-Za-z]?)"},
      {"page", "(\\d{1,6})"},
  };
  return m;
}

CompiledTemplate compile(const std::string& tmpl) {
  CompiledTemplate out;
  std::string re;
  for (size_t i = 0; i < tmpl.size();) {
    if (tmpl[i] == '{') {
      size_t end = tmpl.find('}', i);
      if (end == std::string::npos)
        throw ConfigError("file-name template \"" + tmpl + "\": unclosed {");
      std::string name = tmpl.substr(i + 1, end - i - 1);
      if (name == "*") {
        re += ".*?";
      } else {
        auto it = field_regexes().find(name);
        if (it == field_regexes().end())
          throw ConfigError("file-name template \"" + tmpl + "\": unknown field {" + name + "}");
        re += it->second;
        out.fields.push_back(name);
      }
      i = end + 1;
    } else {
      unsigned char c = tmpl[i++];
      if (std::isalnum(c) || c >= 0x80) re += char(c);
      else { re += '\\'; re += char(c); }
    }
  }
  out.re = std::regex(re, std::regex::ECMAScript | std::regex::icase);
  return out;
}

// Compiling regexes is slow next to matching one name; discovery calls this per file.
const std::vector<CompiledTemplate>& compiled(const NamePattern& pattern) {
  static std::mutex mu;
  static std::map<std::vector<std::string>, std::vector<CompiledTemplate>> cache;
  std::lock_guard lock(mu);
  auto it = cache.find(pattern.templates);
  if (it != cache.end()) return it->second;
  std::vector<CompiledTemplate> list;
  for (const auto& t : pattern.templates) list.push_back(compile(t));
  return cache.emplace(pattern.templates, std::move(list)).first->second;
}

std::string pad2(const std::string& s) { return s.size() == 1 ? "0" + s : s; }

std::string normalise_date(const std::string& d) {
  size_t a = d.find('-'), b = d.rfind('-');
  return d.substr(0, a) + "-" + pad2(d.substr(a + 1, b - a - 1)) + "-" + pad2(d.substr(b + 1));
}

bool is_year_volume(const std::string& s) {
  static const std::regex re("\\d{4}\\.[0-9A-Za-z]+");
  return std::regex_match(s, re);
}

bool is_type_folder(const std::string& s) {
  static const std::regex re("(?:[A-Za-z]|\xC4\x90|\xC4\x91){2,5}");
  return std::regex_match(s, re);
}

void parse_units(const std::filesystem::path& rel_path, BookInfo& info) {
  std::vector<std::string> dirs;
  for (const auto& part : rel_path.parent_path()) {
    std::string s = part.string();
    if (s.empty() || s == "." || s == "/") continue;
    dirs.push_back(nfc(s));
  }
  // The type folder: the one named like the parsed type, else one followed by "yyyy.vv".
  int at = -1;
  for (int i = int(dirs.size()) - 1; i >= 0 && at < 0; --i)
    if (!info.type.empty() && to_upper(dirs[i]) == info.type) at = i;
  for (int i = int(dirs.size()) - 2; i >= 0 && at < 0; --i)
    if (is_type_folder(dirs[i]) && is_year_volume(dirs[i + 1])) at = i;
  if (at < 0) return;
  std::string* units[] = {&info.commune, &info.district, &info.province};
  for (int k = 0; k < 3 && at - 1 - k >= 0; ++k) *units[k] = dirs[at - 1 - k];
}

}  // namespace

BookInfo parse_book_info(const std::filesystem::path& rel_path, const NamePattern& pattern) {
  BookInfo info;
  std::string stem = nfc(rel_path.stem().string());
  for (const auto& t : compiled(pattern)) {
    std::smatch m;
    if (!std::regex_match(stem, m, t.re)) continue;
    info.matched = true;
    for (size_t i = 0; i < t.fields.size(); ++i) {
      const std::string& f = t.fields[i];
      std::string v = m[i + 1].str();
      if (f == "type") info.type = to_upper(v);
      else if (f == "year") info.year = std::stoi(v);
      else if (f == "volume") info.volume = v;
      else if (f == "date") info.reg_date = normalise_date(v);
      else if (f == "entry") info.entry = v;
      else if (f == "page") info.book_page = std::stoi(v);
    }
    break;
  }
  parse_units(rel_path, info);
  return info;
}

}  // namespace ledger
