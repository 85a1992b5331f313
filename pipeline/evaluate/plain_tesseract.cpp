// The plain-tesseract baseline (see plain_tesseract.hpp).
#include "evaluate/plain_tesseract.hpp"

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <sstream>

#include "core/error.hpp"
#include "core/text.hpp"

namespace ledger {

namespace {

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> cols;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    cols.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return cols;
}

// Single-quotes a path for /bin/sh.
std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

}  // namespace

std::vector<TsvWord> parse_tesseract_tsv(std::string_view tsv) {
  std::vector<TsvWord> words;
  std::istringstream in{std::string(tsv)};
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    auto c = split_tabs(line);
    // level page_num block_num par_num line_num word_num left top width height conf text
    if (c.size() < 12 || c[0] != "5") continue;
    try {
      TsvWord w;
      w.text = clean_text(c[11]);
      if (w.text.empty()) continue;
      w.box = Box{std::stoi(c[6]), std::stoi(c[7]), std::stoi(c[8]), std::stoi(c[9])};
      w.conf = std::stod(c[10]);
      w.line_id = std::stoi(c[2]) * 1000000 + std::stoi(c[3]) * 1000 + std::stoi(c[4]);
      words.push_back(std::move(w));
    } catch (const std::exception&) {
      continue;  // a malformed row: skip it, the rest of the page still counts
    }
  }
  return words;
}

std::vector<TsvWord> run_plain_tesseract(const std::filesystem::path& image, const std::string& lang) {
  if (!std::filesystem::exists(image)) throw InputError(image.string(), "image not found for the baseline");
  const std::string cmd = "OMP_THREAD_LIMIT=1 tesseract " + shell_quote(image.string()) + " stdout -l " +
                          shell_quote(lang) + " --psm 6 tsv 2>/dev/null";
  FILE* pipe = popen(cmd.c_str(), "r");
  if (!pipe) throw InputError(image.string(), "cannot start tesseract");
  std::string out;
  std::array<char, 65536> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
  int status = pclose(pipe);
  if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw InputError(image.string(), "tesseract failed (exit status " + std::to_string(status) + ")");
  return parse_tesseract_tsv(out);
}

std::string words_in_box(const std::vector<TsvWord>& words, const Box& box) {
  std::string out;
  if (box.empty()) return out;
  for (const auto& w : words) {
    const double cx = w.box.x + w.box.w / 2.0, cy = w.box.y + w.box.h / 2.0;
    if (cx < box.x || cx >= box.x + box.w || cy < box.y || cy >= box.y + box.h) continue;
    if (!out.empty()) out += ' ';
    out += w.text;
  }
  return out;
}

}  // namespace ledger
