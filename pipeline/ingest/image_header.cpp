// Format sniffing and header parsing for PNG, JPEG, BMP (by hand), TIFF (libtiff) and PDF
// (poppler-cpp). See image_header.hpp.
#include "ingest/image_header.hpp"

#include <tiffio.h>

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <array>
#include <cmath>
#include <cstring>
#include <fstream>
#include <memory>
#include <poppler-document.h>
#include <poppler-page.h>
#include <string>

#include "core/error.hpp"
#include "core/text.hpp"

namespace ledger {
namespace {

std::string read_bytes(const std::filesystem::path& file, std::streamoff offset, size_t n) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return {};
  in.seekg(offset, offset < 0 ? std::ios::end : std::ios::beg);
  if (!in) return {};
  std::string buf(n, '\0');
  in.read(buf.data(), std::streamsize(n));
  buf.resize(size_t(in.gcount()));
  return buf;
}

uint32_t be32(const std::string& s, size_t i) {
  return uint32_t(uint8_t(s[i])) << 24 | uint32_t(uint8_t(s[i + 1])) << 16 |
         uint32_t(uint8_t(s[i + 2])) << 8 | uint32_t(uint8_t(s[i + 3]));
}
uint16_t be16(const std::string& s, size_t i) {
  return uint16_t(uint8_t(s[i]) << 8 | uint8_t(s[i + 1]));
}
int32_t le32(const std::string& s, size_t i) {
  return int32_t(uint32_t(uint8_t(s[i])) | uint32_t(uint8_t(s[i + 1])) << 8 |
                 uint32_t(uint8_t(s[i + 2])) << 16 | uint32_t(uint8_t(s[i + 3])) << 24);
}

ImageHeader png_header(const std::filesystem::path& file) {
  std::string head = read_bytes(file, 0, 33);
  if (head.size() < 24 || head.compare(12, 4, "IHDR") != 0)
    throw InputError(file.string(), "truncated PNG header");
  PageHeader p;
  p.width = int(be32(head, 16));
  p.height = int(be32(head, 20));
  // Walk the chunks before the pixel data for pHYs (pixels per metre).
  std::ifstream in(file, std::ios::binary);
  in.seekg(8);
  std::string chunk(8, '\0');
  while (in.read(chunk.data(), 8)) {
    uint32_t len = be32(chunk, 0);
    std::string type = chunk.substr(4, 4);
    if (type == "IDAT" || type == "IEND") break;
    if (type == "pHYs" && len >= 9) {
      std::string d(9, '\0');
      if (!in.read(d.data(), 9)) break;
      if (d[8] == 1) p.dpi = int(std::lround(be32(d, 0) * 0.0254));
      break;
    }
    in.seekg(std::streamoff(len) + 4, std::ios::cur);
  }
  std::string tail = read_bytes(file, -12, 12);
  if (tail.size() < 12 || tail.compare(4, 4, "IEND") != 0)
    throw InputError(file.string(), "truncated PNG (no IEND chunk)");
  return {ImageFormat::Png, {p}};
}

ImageHeader jpeg_header(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  PageHeader p;
  bool found = false;
  in.seekg(2);
  std::string seg(4, '\0');
  while (!found && in.read(seg.data(), 4)) {
    if (uint8_t(seg[0]) != 0xFF) break;
    uint8_t marker = uint8_t(seg[1]);
    if (marker == 0xFF) { in.seekg(-3, std::ios::cur); continue; }  // fill byte
    uint16_t len = be16(seg, 2);
    if (len < 2) break;
    std::string body(len - 2, '\0');
    if (!in.read(body.data(), len - 2)) break;
    bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 &&
               marker != 0xCC;
    if (sof && body.size() >= 5) {
      p.height = be16(body, 1);
      p.width = be16(body, 3);
      found = true;
    } else if (marker == 0xE0 && body.size() >= 12 && body.compare(0, 5, std::string("JFIF\0", 5)) == 0) {
      int units = uint8_t(body[7]), xd = be16(body, 8);
      if (units == 1) p.dpi = xd;
      else if (units == 2) p.dpi = int(std::lround(xd * 2.54));
    } else if (marker == 0xDA) {
      break;  // start of scan before a frame header: damaged
    }
  }
  if (!found || p.width <= 0 || p.height <= 0)
    throw InputError(file.string(), "truncated JPEG header (no frame size)");
  // A complete JPEG ends with the end-of-image marker (a few writers add padding after it).
  std::string tail = read_bytes(file, -std::min<std::streamoff>(1024, std::filesystem::file_size(file)), 1024);
  if (tail.find("\xFF\xD9") == std::string::npos)
    throw InputError(file.string(), "truncated JPEG (no end-of-image marker)");
  return {ImageFormat::Jpeg, {p}};
}

ImageHeader bmp_header(const std::filesystem::path& file) {
  std::string head = read_bytes(file, 0, 46);
  if (head.size() < 26) throw InputError(file.string(), "truncated BMP header");
  PageHeader p;
  p.width = le32(head, 18);
  p.height = std::abs(le32(head, 22));
  if (head.size() >= 42) p.dpi = int(std::lround(le32(head, 38) * 0.0254));
  return {ImageFormat::Bmp, {p}};
}

int tiff_error(TIFF*, void* user, const char* module, const char* fmt, va_list ap) {
  char buf[512];
  std::vsnprintf(buf, sizeof buf, fmt, ap);
  auto* out = static_cast<std::string*>(user);
  if (out->empty()) *out = (module ? std::string(module) + ": " : std::string()) + buf;
  return 1;  // handled: do not print
}
int tiff_quiet(TIFF*, void*, const char*, const char*, va_list) { return 1; }

ImageHeader tiff_header(const std::filesystem::path& file) {
  std::string error;
  std::unique_ptr<TIFFOpenOptions, void (*)(TIFFOpenOptions*)> opts(TIFFOpenOptionsAlloc(),
                                                                     TIFFOpenOptionsFree);
  TIFFOpenOptionsSetErrorHandlerExtR(opts.get(), tiff_error, &error);
  TIFFOpenOptionsSetWarningHandlerExtR(opts.get(), tiff_quiet, nullptr);
  std::unique_ptr<TIFF, void (*)(TIFF*)> tif(TIFFOpenExt(file.c_str(), "r", opts.get()), TIFFClose);
  if (!tif) throw InputError(file.string(), "TIFF cannot be opened: " + (error.empty() ? "bad header" : error));
  ImageHeader h{ImageFormat::Tiff, {}};
  do {
    PageHeader p;
    uint32_t w = 0, l = 0;
    TIFFGetField(tif.get(), TIFFTAG_IMAGEWIDTH, &w);
    TIFFGetField(tif.get(), TIFFTAG_IMAGELENGTH, &l);
    p.width = int(w);
    p.height = int(l);
    float xres = 0;
    uint16_t unit = RESUNIT_INCH;
    if (TIFFGetField(tif.get(), TIFFTAG_XRESOLUTION, &xres) && xres > 0) {
      TIFFGetFieldDefaulted(tif.get(), TIFFTAG_RESOLUTIONUNIT, &unit);
      if (unit == RESUNIT_INCH) p.dpi = int(std::lround(xres));
      else if (unit == RESUNIT_CENTIMETER) p.dpi = int(std::lround(xres * 2.54));
    }
    h.pages.push_back(p);
  } while (TIFFReadDirectory(tif.get()));
  if (h.pages.empty() || h.pages[0].width <= 0 || h.pages[0].height <= 0)
    throw InputError(file.string(), "TIFF cannot be opened: " + (error.empty() ? "no image size" : error));
  return h;
}

void quiet_poppler(const std::string&, void*) {}

ImageHeader pdf_header(const std::filesystem::path& file, int pdf_dpi) {
  // poppler prints every syntax complaint to stderr; the reason we report is enough.
  static const bool silenced = (poppler::set_debug_error_function(quiet_poppler, nullptr), true);
  (void)silenced;
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(file.string()));
  if (!doc) throw InputError(file.string(), "PDF cannot be opened");
  if (doc->is_locked()) throw InputError(file.string(), "PDF is password-protected");
  int n = doc->pages();
  if (n <= 0) throw InputError(file.string(), "PDF has no pages");
  ImageHeader h{ImageFormat::Pdf, {}};
  for (int i = 0; i < n; ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    PageHeader p;
    p.dpi = pdf_dpi;
    if (page) {
      poppler::rectf r = page->page_rect(poppler::crop_box);
      p.width = int(std::ceil(r.width() * pdf_dpi / 72.0));
      p.height = int(std::ceil(r.height() * pdf_dpi / 72.0));
      auto o = page->orientation();
      if (o == poppler::page::landscape || o == poppler::page::seascape) std::swap(p.width, p.height);
    }
    h.pages.push_back(p);
  }
  return h;
}

}  // namespace

std::string_view to_string(ImageFormat f) {
  switch (f) {
    case ImageFormat::Png: return "PNG";
    case ImageFormat::Jpeg: return "JPEG";
    case ImageFormat::Tiff: return "TIFF";
    case ImageFormat::Pdf: return "PDF";
    case ImageFormat::Bmp: return "BMP";
    default: return "unknown";
  }
}

ImageFormat sniff_format(const std::filesystem::path& file) {
  std::string h = read_bytes(file, 0, 1024);
  auto starts = [&](std::string_view magic) { return h.size() >= magic.size() && h.compare(0, magic.size(), magic) == 0; };
  if (starts("\x89PNG\r\n\x1a\n")) return ImageFormat::Png;
  if (starts("\xFF\xD8\xFF")) return ImageFormat::Jpeg;
  if (starts(std::string_view("II*\0", 4)) || starts(std::string_view("MM\0*", 4)) ||
      starts(std::string_view("II+\0", 4)) || starts(std::string_view("MM\0+", 4)))
    return ImageFormat::Tiff;
  if (starts("BM") && h.size() >= 26) return ImageFormat::Bmp;
  // PDF readers accept the header anywhere in the first 1024 bytes.
  if (h.find("%PDF-") != std::string::npos) return ImageFormat::Pdf;
  return ImageFormat::Unknown;
}

bool has_image_extension(const std::filesystem::path& file) {
  static const std::array<std::string_view, 11> exts{".png", ".jpg", ".jpeg", ".tif", ".tiff", ".pdf",
                                                     ".bmp", ".webp", ".jp2", ".gif", ".jpe"};
  std::string e = to_lower(file.extension().string());
  return std::find(exts.begin(), exts.end(), e) != exts.end();
}

ImageHeader read_image_header(const std::filesystem::path& file, int pdf_dpi) {
  std::error_code ec;
  auto size = std::filesystem::file_size(file, ec);
  if (ec) throw InputError(file.string(), "cannot read file: " + ec.message());
  if (size == 0) throw InputError(file.string(), "empty file");
  switch (sniff_format(file)) {
    case ImageFormat::Png: return png_header(file);
    case ImageFormat::Jpeg: return jpeg_header(file);
    case ImageFormat::Tiff: return tiff_header(file);
    case ImageFormat::Pdf: return pdf_header(file, pdf_dpi);
    case ImageFormat::Bmp: return bmp_header(file);
    default: throw InputError(file.string(), "not an image (unrecognised content)");
  }
}

}  // namespace ledger
