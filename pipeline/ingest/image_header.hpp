// What an input file is before it is decoded: its format from the magic bytes, and each page's
// pixel size and resolution from the header, so that discovery can count pages and loading can
// refuse oversized pages without decoding them.
#pragma once
#include <filesystem>
#include <string_view>
#include <vector>

namespace ledger {

enum class ImageFormat { Unknown, Png, Jpeg, Tiff, Pdf, Bmp };

/// "PNG", "JPEG", ... ("unknown").
std::string_view to_string(ImageFormat f);

/// Format from the first bytes of `file`; Unknown for empty, unreadable or unrecognised files.
ImageFormat sniff_format(const std::filesystem::path& file);

/// True when the extension is one scans usually have (.png .jpg .jpeg .tif .tiff .pdf .bmp
/// .webp .jp2 .gif), case-insensitive: such a file that cannot be read is reported, not skipped.
bool has_image_extension(const std::filesystem::path& file);

/// One page as the header describes it.
struct PageHeader {
  int width = 0, height = 0;  // pixels (PDF: at the requested render resolution, crop box)
  int dpi = 0;                // from the file, 0 when it has none
};

struct ImageHeader {
  ImageFormat format = ImageFormat::Unknown;
  std::vector<PageHeader> pages;  // one per page, at least one
};

/// Reads the header of every page of `file` without decoding pixels.
///   file     the input file
///   pdf_dpi  resolution PDF pages will be rendered at (their size is computed for it)
/// Returns the format and the pages.
/// Notes:
///   1. Throws InputError(file, reason) with reasons such as "empty file", "not an image",
///      "truncated PNG (no IEND chunk)", "truncated JPEG (no end-of-image marker)",
///      "TIFF cannot be opened: <libtiff message>", "PDF cannot be opened".
///   2. PDF sizes use the crop box: register scans are spreads cropped to one page.
ImageHeader read_image_header(const std::filesystem::path& file, int pdf_dpi);

}  // namespace ledger
