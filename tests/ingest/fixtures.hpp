// Test inputs written on the fly: a hand-made PDF with a crop box, multi-page TIFFs, and
// broken files of every kind discovery and loading must report.
#pragma once
#include <filesystem>
#include <fstream>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <string>
#include <vector>

namespace ledger::testfix {

inline void write_text(const std::filesystem::path& p, const std::string& bytes) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << bytes;
}

/// A PDF of `pages` pages: media box [0 0 mw mh] points; crop box "x0 y0 x1 y1" ("" = none).
/// Each page's left half (x < mw/2) is filled red, the right half blue.
inline void write_pdf(const std::filesystem::path& p, int mw, int mh, const std::string& crop,
                      int pages = 1) {
  std::string content = "1 0 0 rg 0 0 " + std::to_string(mw / 2) + " " + std::to_string(mh) +
                        " re f 0 0 1 rg " + std::to_string(mw / 2) + " 0 " +
                        std::to_string(mw - mw / 2) + " " + std::to_string(mh) + " re f\n";
  // Objects: 1 catalog, 2 pages, 3 contents, then one page object each (4, 5, ...).
  std::string kids;
  for (int i = 0; i < pages; ++i) kids += std::to_string(4 + i) + " 0 R ";
  std::vector<std::string> objs{
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages) + " >>",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "endstream",
  };
  for (int i = 0; i < pages; ++i)
    objs.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + std::to_string(mw) + " " +
                   std::to_string(mh) + "]" + (crop.empty() ? "" : " /CropBox [" + crop + "]") +
                   " /Contents 3 0 R /Resources << >> >>");
  std::string out = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objs.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objs[i] + "\nendobj\n";
  }
  size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objs.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t o : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", o);
    out += line;
  }
  out += "trailer\n<< /Size " + std::to_string(objs.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  write_text(p, out);
}

/// A small page image whose content depends on `seed` (so hashes differ per seed).
inline cv::Mat page_image(int seed, int w = 120, int h = 160) {
  cv::Mat m(h, w, CV_8UC3, cv::Scalar(250, 250, 250));
  cv::putText(m, std::to_string(seed), {10, 80}, cv::FONT_HERSHEY_SIMPLEX, 1.5, {20, 20, 20}, 3);
  cv::rectangle(m, {5 + seed % 20, 5}, {30 + seed % 20, 20}, {200, 40, 40}, cv::FILLED);
  return m;
}

}  // namespace ledger::testfix
