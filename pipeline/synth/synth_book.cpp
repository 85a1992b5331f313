// A book of synthetic register pages (see synth_book.hpp).
#include "synth/synth_book.hpp"

#include <chrono>
#include <cstdio>
#include <opencv2/imgcodecs.hpp>

#include "core/error.hpp"
#include "core/ground_truth.hpp"
#include "core/text.hpp"
#include "layout/layout_library.hpp"
#include "synth/degrade.hpp"
#include "synth/page_renderer.hpp"
#include "synth/record_generator.hpp"
#include "synth/sidecar.hpp"
#include "synth/synth_lexicon.hpp"

namespace ledger::synth {
namespace {

namespace fs = std::filesystem;

LayoutTemplate resolve_layout(const SynthOptions& o) {
  if (o.layout) return *o.layout;
  const fs::path dir = o.layouts_dir.empty() ? default_layout_dir() : o.layouts_dir;
  LayoutLibrary lib = LayoutLibrary::load_dir(dir);
  const LayoutTemplate* t = lib.find(o.layout_id);
  if (!t) {
    std::string known;
    for (const auto& l : lib.all()) known += (known.empty() ? "" : ", ") + l.id;
    throw ConfigError(dir.string() + ": no layout '" + o.layout_id + "' (known: " + known + ")");
  }
  return *t;
}

void check(const SynthOptions& o) {
  if (o.pages < 1) throw ConfigError("--pages must be at least 1");
  if (o.dpi_min < 50 || o.dpi_max > 1200 || o.dpi_min > o.dpi_max)
    throw ConfigError("dpi range must satisfy 50 <= dpi-min <= dpi-max <= 1200");
  if (o.hand_ratio < 0 || o.hand_ratio > 1) throw ConfigError("--hand-ratio must be within 0..1");
  if (o.format != "png" && o.format != "jpg") throw ConfigError("--format must be png or jpg");
  if (o.out.empty()) throw ConfigError("an output folder is required");
}

std::string page_name(const std::string& book, int page) {
  char buf[32];
  std::snprintf(buf, sizeof buf, ".p%04d", page);
  return book + buf;
}

}  // namespace

SynthResult synthesize(const SynthOptions& o) {
  const auto t0 = std::chrono::steady_clock::now();
  check(o);
  const LayoutTemplate layout = resolve_layout(o);
  const SynthLexicon lex = o.builtin_lexicon ? builtin_synth_lexicon()
                                             : load_synth_lexicon(o.data_root.empty() ? fs::path(LEDGER_SOURCE_DIR) : o.data_root);
  Rng book_rng(o.seed);

  SynthBook book;
  book.layout_id = layout.id;
  book.volume = o.volume;
  // Books we generate opened between 1990 and 2020, within the layout's years.
  const int lo = std::max(layout.year_from, 1990), hi = std::min(layout.year_to, 2020);
  book.year = o.year ? *o.year : book_rng.range(std::min(lo, hi), std::max(lo, hi));
  if (!o.commune.empty()) {
    for (const auto& c : lex.communes)
      if (tone_key(c.commune) == tone_key(o.commune) && c.valid_from <= book.year && book.year <= c.valid_to) book.unit = c;
    if (book.unit.commune.empty()) throw ConfigError("unknown commune '" + o.commune + "' for " + std::to_string(book.year));
  }
  RecordGenerator gen(lex, book, book_rng.next());
  book = gen.book();
  const Printing printing = Printing::random(book_rng);
  const std::string type = layout.book_type.empty() ? "KS" : layout.book_type;
  char vol_year[64];
  std::snprintf(vol_year, sizeof vol_year, "%s.%d.%s", type.c_str(), book.year, book.volume.c_str());

  std::error_code ec;
  fs::create_directories(o.out, ec);
  if (!fs::is_directory(o.out)) throw InputError(o.out.string(), "cannot create the output folder");

  // One officer wrote the whole book: the handwriting style is drawn once, from its own stream,
  // so the pages' other draws (dpi, seal, entries, scan effects) stay as without the option.
  std::optional<PageStyle> book_hand;
  if (o.one_hand) {
    Rng hand_rng(o.seed ^ 0x6f6e652d68616e64ULL);  // "one-hand"
    book_hand = PageStyle::random(hand_rng, 1.0, 300);
  }

  SynthResult result;
  result.layout_id = layout.id;
  result.book = vol_year;
  result.lexicon_source = lex.source;
  for (int i = 0; i < o.pages; ++i) {
    const int page_no = o.first_page + i;
    Rng rng = book_rng.fork(uint64_t(page_no));
    const int dpi = rng.range(o.dpi_min, o.dpi_max);
    PageStyle style = PageStyle::random(rng, o.hand_ratio, dpi);
    style.printing = printing;
    if (book_hand) {
      style.hand = true;
      style.value = book_hand->value;
      style.value_scale = book_hand->value_scale;
    }
    style.seal_text = to_upper("UBND " + book.unit.commune);

    std::vector<SynthRecord> entries;
    const int n = layout.kind == LayoutKind::Table ? rng.range(8, std::min(15, table_rows(layout))) : 1;
    for (int k = 0; k < n; ++k) entries.push_back(gen.next(page_no));

    RenderedPage page = render_page(layout, entries, style, rng);
    cv::Mat image = page.bgr;
    cv::Matx33d H = cv::Matx33d::eye();
    if (!o.clean) {
      Degraded d = degrade(page.bgr, dpi, rng);
      image = d.bgr;
      H = d.H;
    }
    const std::string stem = page_name(vol_year, page_no);
    const fs::path img_path = o.out / (stem + "." + o.format);
    const fs::path gt_path = o.out / (stem + ".gt.json");
    std::vector<int> params = o.format == "jpg" ? std::vector<int>{cv::IMWRITE_JPEG_QUALITY, rng.range(75, 92)}
                                                : std::vector<int>{cv::IMWRITE_PNG_COMPRESSION, 3};
    if (!cv::imwrite(img_path.string(), image, params)) throw InputError(img_path.string(), "cannot write the image");
    write_ground_truth(make_ground_truth(layout, entries, page, H, image.cols, image.rows, book, page_no,
                                         img_path.filename().string()),
                       gt_path);
    result.pages.push_back({img_path, gt_path, page_no, dpi, int(page.records.size()), style.hand});
  }
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return result;
}

}  // namespace ledger::synth
