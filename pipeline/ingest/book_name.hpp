// Book identity from a scan's file name and folders: type, year, volume, registration date,
// entry number, book page, and the administrative unit (registers.md "File naming").
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "core/book.hpp"

namespace ledger {

/// How file names are spelled: templates tried in order against the file name without its
/// extension; the first that matches the whole stem wins (case-insensitive).
/// Template fields: {type} letters (KS, KH, KT, CMC, TĐCC), {year} 4 digits, {volume} digits or
/// letters, {date} yyyy-m-d, {entry} digits with an optional letter, {page} digits (a leading
/// "p" is literal text in the template), {*} anything. Every other character is literal.
struct NamePattern {
  std::vector<std::string> templates{
      "{type}.{year}.{volume}.{date}.{entry}",  // KS.2007.01.2008-01-28.01.pdf: one record
      "{type}.{year}.{volume}.p{page}",         // KS.2017.01.p0012.png: one page of a book
      "{type}.{year}.{volume}",                 // KS.2017.01.tif: a whole book
  };
};

/// Parses what `rel_path`'s name and folders say about the book.
///   rel_path  path relative to the input root, e.g.
///             "Quảng Trị/Hướng Hóa/Hướng Phùng/ks/2007.01/KS.2007.01.2008-01-28.01.pdf"
///   pattern   the accepted file-name templates
/// Returns the BookInfo; `matched` is false (and type/year/volume empty) when no template fits.
/// Notes:
///   1. Units come from the folders above the book-type folder (`<province>/<district>/
///      <commune>/<type lower>/<year.volume>/`), nearest first: a path with only two folders
///      above gives district and commune. Without a type folder no unit is set.
///   2. Folder names are kept as written, in NFC; the type is upper-cased, the date zero-padded.
///   3. Throws ConfigError when a template is malformed (unknown {field}).
BookInfo parse_book_info(const std::filesystem::path& rel_path, const NamePattern& pattern);

}  // namespace ledger
