// ALTO line ground truth (see alto_adapter.hpp).
#include "evaluate/alto_adapter.hpp"

#include <algorithm>
#include <climits>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include "core/error.hpp"
#include "core/text.hpp"
#include "evaluate/scoring.hpp"

namespace ledger {

namespace {

std::string decode_entities(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    size_t semi = s.find(';', i);
    if (semi == std::string::npos || semi - i > 10) {
      out += s[i];
      continue;
    }
    std::string ent = s.substr(i + 1, semi - i - 1);
    static const std::map<std::string, std::string> named{
        {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}};
    if (auto it = named.find(ent); it != named.end()) {
      out += it->second;
    } else if (!ent.empty() && ent[0] == '#') {
      try {
        char32_t cp = ent.size() > 1 && (ent[1] == 'x' || ent[1] == 'X') ? std::stoul(ent.substr(2), nullptr, 16)
                                                                         : std::stoul(ent.substr(1));
        out += to_utf8(std::u32string(1, cp));
      } catch (const std::exception&) {
        out += "&" + ent + ";";
      }
    } else {
      out += "&" + ent + ";";
    }
    i = semi;
  }
  return out;
}

// Attributes of one start tag's text ("<TextLine ID=\"x\" HPOS=\"1\" ...>").
std::map<std::string, std::string> attributes(const std::string& tag) {
  std::map<std::string, std::string> out;
  size_t i = tag.find_first_of(" \t\r\n");
  while (i != std::string::npos && i < tag.size()) {
    size_t eq = tag.find('=', i);
    if (eq == std::string::npos) break;
    size_t q = tag.find_first_of("\"'", eq);
    if (q == std::string::npos) break;
    size_t end = tag.find(tag[q], q + 1);
    if (end == std::string::npos) break;
    std::string name = fold_whitespace(tag.substr(i, eq - i));
    out[name] = decode_entities(tag.substr(q + 1, end - q - 1));
    i = end + 1;
  }
  return out;
}

// Next start tag named `name` at or after `from` (not matching longer names); npos when none.
size_t find_tag(const std::string& xml, const std::string& name, size_t from, size_t limit = std::string::npos) {
  while (true) {
    size_t p = xml.find("<" + name, from);
    if (p == std::string::npos || p >= limit) return std::string::npos;
    char after = p + 1 + name.size() < xml.size() ? xml[p + 1 + name.size()] : '>';
    if (after == ' ' || after == '>' || after == '/' || after == '\t' || after == '\n' || after == '\r') return p;
    from = p + 1;
  }
}

std::string tag_text(const std::string& xml, size_t start) {
  size_t end = xml.find('>', start);
  return xml.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

int to_int(const std::map<std::string, std::string>& a, const std::string& k) {
  auto it = a.find(k);
  if (it == a.end()) return INT_MIN;
  try {
    return int(std::lround(std::stod(it->second)));
  } catch (const std::exception&) {
    return INT_MIN;
  }
}

Box polygon_bounds(const std::string& points) {
  std::istringstream in(points);
  std::vector<double> v;
  std::string tok;
  while (in >> tok) {
    for (auto& c : tok)
      if (c == ',') c = ' ';
    std::istringstream t(tok);
    double d;
    while (t >> d) v.push_back(d);
  }
  if (v.size() < 4) return {};
  double x0 = 1e18, y0 = 1e18, x1 = -1e18, y1 = -1e18;
  for (size_t i = 0; i + 1 < v.size(); i += 2) {
    x0 = std::min(x0, v[i]), x1 = std::max(x1, v[i]);
    y0 = std::min(y0, v[i + 1]), y1 = std::max(y1, v[i + 1]);
  }
  return Box{int(x0), int(y0), int(x1 - x0), int(y1 - y0)};
}

}  // namespace

AltoPage read_alto(const std::filesystem::path& xml_path) {
  std::ifstream in(xml_path, std::ios::binary);
  if (!in) throw InputError(xml_path.string(), "cannot open ALTO file");
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string xml = ss.str();
  AltoPage page;
  page.xml = xml_path;
  size_t p = find_tag(xml, "Page", 0);
  if (p == std::string::npos) throw InputError(xml_path.string(), "not ALTO: no <Page> element");
  auto pa = attributes(tag_text(xml, p));
  page.width = std::max(0, to_int(pa, "WIDTH"));
  page.height = std::max(0, to_int(pa, "HEIGHT"));
  if (size_t f = xml.find("<fileName>"); f != std::string::npos) {
    size_t e = xml.find("</fileName>", f);
    std::string name = fold_whitespace(decode_entities(xml.substr(f + 10, e - f - 10)));
    if (!name.empty()) page.image = xml_path.parent_path() / name;
  }
  for (size_t t = find_tag(xml, "TextLine", p); t != std::string::npos; t = find_tag(xml, "TextLine", t + 1)) {
    size_t end = xml.find("</TextLine>", t);
    auto a = attributes(tag_text(xml, t));
    AltoLine line;
    line.id = a.count("ID") ? a["ID"] : "";
    const int x = to_int(a, "HPOS"), y = to_int(a, "VPOS"), w = to_int(a, "WIDTH"), h = to_int(a, "HEIGHT");
    if (x != INT_MIN && y != INT_MIN && w != INT_MIN && h != INT_MIN) {
      line.box = Box{x, y, w, h};
    } else if (size_t poly = find_tag(xml, "Polygon", t, end); poly != std::string::npos) {
      auto pa2 = attributes(tag_text(xml, poly));
      line.box = polygon_bounds(pa2["POINTS"]);
    }
    std::string text;
    for (size_t s = find_tag(xml, "String", t, end); s != std::string::npos; s = find_tag(xml, "String", s + 1, end)) {
      auto sa = attributes(tag_text(xml, s));
      if (!text.empty()) text += ' ';
      text += sa["CONTENT"];
    }
    line.text = clean_text(text);
    if (!line.text.empty()) page.lines.push_back(std::move(line));
  }
  return page;
}

AltoScore score_alto_page(const AltoPage& page, const std::vector<TsvWord>& words) {
  AltoScore s;
  s.pages = 1;
  for (const auto& line : page.lines) {
    const std::string read = words_in_box(words, line.box);
    ++s.lines;
    s.lines_empty += read.empty() ? 1 : 0;
    s.lines_exact += clean_text(read) == line.text ? 1 : 0;
    s.edits += long(char_edits(FieldType::Text, read, line.text));
    s.chars += long(truth_length(line.text));
  }
  return s;
}

AltoScore evaluate_alto_dir(const std::filesystem::path& dir, std::vector<std::string>& warnings,
                            const std::string& lang,
                            std::function<std::vector<TsvWord>(const std::filesystem::path&)> read_words) {
  namespace fs = std::filesystem;
  if (!fs::is_directory(dir)) throw InputError(dir.string(), "not a folder of ALTO files");
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file() && e.path().extension() == ".xml") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  AltoScore total;
  for (const auto& f : files) {
    try {
      AltoPage page = read_alto(f);
      if (page.image.empty() || !fs::exists(page.image)) throw InputError(f.string(), "image named in the file not found");
      auto words = read_words ? read_words(page.image) : run_plain_tesseract(page.image, lang);
      AltoScore s = score_alto_page(page, words);
      total.pages += s.pages;
      total.lines += s.lines;
      total.lines_exact += s.lines_exact;
      total.lines_empty += s.lines_empty;
      total.edits += s.edits;
      total.chars += s.chars;
    } catch (const std::exception& e) {
      warnings.push_back(e.what());
    }
  }
  return total;
}

}  // namespace ledger
