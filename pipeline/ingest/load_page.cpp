// Page decoding per format (see load_page.hpp).
#include "ingest/load_page.hpp"

#include <tiffio.h>

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include "core/error.hpp"
#include "ingest/image_header.hpp"
#include "ingest/sha256.hpp"

namespace ledger {
namespace {

// Refuses a page before its pixels are allocated.
void check_pixel_limit(const std::string& where, long w, long h, long max_pixels) {
  if (w <= 0 || h <= 0) throw InputError(where, "image has no size");
  if (w * h > max_pixels)
    throw InputError(where, "image " + std::to_string(w) + "x" + std::to_string(h) +
                                " exceeds the pixel limit " + std::to_string(max_pixels));
}

int tiff_error(TIFF*, void* user, const char* module, const char* fmt, va_list ap) {
  char buf[512];
  std::vsnprintf(buf, sizeof buf, fmt, ap);
  auto* out = static_cast<std::string*>(user);
  if (out->empty()) *out = (module ? std::string(module) + ": " : std::string()) + buf;
  return 1;
}
int tiff_quiet(TIFF*, void*, const char*, const char*, va_list) { return 1; }

// libtiff's RGBA interface reads every photometric/compression/bit-depth combination scanners
// write (bilevel G4, palette, 16-bit, YCbCr JPEG) and applies the orientation tag.
// Only the wanted directory is read: a whole-book TIFF is not walked once per page.
cv::Mat decode_tiff(const std::string& path, int page, const std::string& where, long max_pixels,
                    int& dpi) {
  std::string error;
  std::unique_ptr<TIFFOpenOptions, void (*)(TIFFOpenOptions*)> opts(TIFFOpenOptionsAlloc(),
                                                                     TIFFOpenOptionsFree);
  TIFFOpenOptionsSetErrorHandlerExtR(opts.get(), tiff_error, &error);
  TIFFOpenOptionsSetWarningHandlerExtR(opts.get(), tiff_quiet, nullptr);
  std::unique_ptr<TIFF, void (*)(TIFF*)> tif(TIFFOpenExt(path.c_str(), "r", opts.get()), TIFFClose);
  if (!tif) throw InputError(where, "TIFF cannot be opened: " + error);
  if (!TIFFSetDirectory(tif.get(), tdir_t(page - 1)))
    throw InputError(where, "TIFF has no page " + std::to_string(page));
  uint32_t w = 0, h = 0;
  TIFFGetField(tif.get(), TIFFTAG_IMAGEWIDTH, &w);
  TIFFGetField(tif.get(), TIFFTAG_IMAGELENGTH, &h);
  check_pixel_limit(where, long(w), long(h), max_pixels);
  float xres = 0;
  uint16_t unit = RESUNIT_INCH;
  if (TIFFGetField(tif.get(), TIFFTAG_XRESOLUTION, &xres) && xres > 0) {
    TIFFGetFieldDefaulted(tif.get(), TIFFTAG_RESOLUTIONUNIT, &unit);
    if (unit == RESUNIT_INCH) dpi = int(std::lround(xres));
    else if (unit == RESUNIT_CENTIMETER) dpi = int(std::lround(xres * 2.54));
  }
  cv::Mat rgba(int(h), int(w), CV_8UC4);
  // Stop at the first error: libtiff would otherwise fill missing strips and report success.
  if (!TIFFReadRGBAImageOriented(tif.get(), w, h, reinterpret_cast<uint32_t*>(rgba.data),
                                 ORIENTATION_TOPLEFT, 1) ||
      !error.empty())
    throw InputError(where, "cannot decode TIFF page (truncated or damaged): " +
                                (error.empty() ? std::string("read error") : error));
  // The raster holds ABGR words (R in the low byte): RGBA byte order in memory.
  cv::Mat bgr;
  cv::cvtColor(rgba, bgr, cv::COLOR_RGBA2BGR);
  return bgr;
}

// Only the wanted page is looked at: a whole-book PDF is not measured once per page.
void quiet_poppler(const std::string&, void*) {}

cv::Mat render_pdf(const std::string& path, int page, int dpi, const std::string& where,
                   long max_pixels) {
  // poppler prints every syntax complaint to stderr; the reason we throw is enough.
  static const bool silenced = (poppler::set_debug_error_function(quiet_poppler, nullptr), true);
  (void)silenced;
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(path));
  if (!doc) throw InputError(where, "PDF cannot be opened");
  if (doc->is_locked()) throw InputError(where, "PDF is password-protected");
  std::unique_ptr<poppler::page> p(page >= 1 && page <= doc->pages() ? doc->create_page(page - 1)
                                                                      : nullptr);
  if (page < 1 || page > doc->pages() || !p)
    throw InputError(where, "PDF has " + std::to_string(doc->pages()) + " page(s), no page " +
                                std::to_string(page));
  poppler::rectf box = p->page_rect(poppler::crop_box);
  check_pixel_limit(where, long(std::ceil(box.width() * dpi / 72.0)),
                    long(std::ceil(box.height() * dpi / 72.0)), max_pixels);
  poppler::page_renderer renderer;
  renderer.set_render_hints(poppler::page_renderer::antialiasing |
                            poppler::page_renderer::text_antialiasing);
  renderer.set_paper_color(0xffffffff);
  // render_page draws the crop box (poppler-cpp renders with crop on, media box off).
  poppler::image img = renderer.render_page(p.get(), dpi, dpi);
  if (!img.is_valid() || img.width() <= 0 || img.height() <= 0)
    throw InputError(where, "PDF page cannot be rendered");
  cv::Mat bgr;
  if (img.format() == poppler::image::format_argb32 || img.format() == poppler::image::format_rgb24) {
    // Both are 32-bit words 0xAARRGGBB: B, G, R, A bytes in memory on little-endian machines.
    cv::Mat bgra(img.height(), img.width(), CV_8UC4, const_cast<char*>(img.const_data()),
                 size_t(img.bytes_per_row()));
    cv::cvtColor(bgra, bgr, cv::COLOR_BGRA2BGR);
  } else if (img.format() == poppler::image::format_bgr24) {
    cv::Mat(img.height(), img.width(), CV_8UC3, const_cast<char*>(img.const_data()),
            size_t(img.bytes_per_row())).copyTo(bgr);
  } else if (img.format() == poppler::image::format_gray8) {
    cv::Mat gray(img.height(), img.width(), CV_8UC1, const_cast<char*>(img.const_data()),
                 size_t(img.bytes_per_row()));
    cv::cvtColor(gray, bgr, cv::COLOR_GRAY2BGR);
  } else {
    throw InputError(where, "PDF page rendered in an unexpected pixel format");
  }
  return bgr;
}

}  // namespace

std::string page_sha256(const cv::Mat& bgr) {
  Sha256 h;
  h.update(std::to_string(bgr.cols) + "x" + std::to_string(bgr.rows) + "\n");
  size_t row_bytes = size_t(bgr.cols) * bgr.elemSize();
  for (int y = 0; y < bgr.rows; ++y) h.update(bgr.ptr(y), row_bytes);
  return h.hex();
}

int dpi_from_page_size(cv::Size pixels) {
  const double long_side_inches = 290.0 / 25.4;  // a register page's long side: 287 to 297 mm
  const int dpi = int(std::lround(std::max(pixels.width, pixels.height) / long_side_inches));
  return std::clamp(dpi, 100, 600);
}

std::optional<int> retry_dpi(const PageImage& page) {
  if (!page.dpi_assumed) return std::nullopt;
  const int guess = dpi_from_page_size(page.bgr.size());
  if (std::abs(guess - page.dpi) * 5 < page.dpi) return std::nullopt;
  return guess;
}

PageImage load_page(const PageRef& ref, const IngestOptions& opts) {
  std::string where = ref.path;
  if (ref.page_count > 1 || ref.page > 1) where += "#" + std::to_string(ref.page);
  PageImage out;
  out.ref = ref;
  int dpi = 0;
  ImageFormat format = sniff_format(ref.path);
  if (format == ImageFormat::Tiff) {
    out.bgr = decode_tiff(ref.path, ref.page, where, opts.max_pixels, dpi);
  } else if (format == ImageFormat::Pdf) {
    out.bgr = render_pdf(ref.path, ref.page, opts.pdf_dpi, where, opts.max_pixels);
    dpi = opts.pdf_dpi;
  } else {
    // Single-page formats (and unknown content, for which the header reader names the reason).
    ImageHeader header;
    try {
      header = read_image_header(ref.path, opts.pdf_dpi);
    } catch (const InputError& e) {
      throw InputError(where, e.reason());
    }
    if (ref.page != 1) throw InputError(where, "file has 1 page, no page " + std::to_string(ref.page));
    const PageHeader& ph = header.pages.front();
    check_pixel_limit(where, ph.width, ph.height, opts.max_pixels);
    out.bgr = cv::imread(ref.path, cv::IMREAD_COLOR);
    if (out.bgr.empty())
      throw InputError(where, "cannot decode " + std::string(to_string(header.format)) + " (damaged data)");
    dpi = ph.dpi;
  }
  out.dpi_assumed = dpi < 100 || dpi > 1200;
  out.dpi = out.dpi_assumed ? 300 : dpi;
  out.sha256 = page_sha256(out.bgr);
  return out;
}

}  // namespace ledger
