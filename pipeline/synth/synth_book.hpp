// The generator's entry point: a book of synthetic register pages with `ledger-gt/1` sidecars,
// rendered from the same layout templates the pipeline registers against (`ledger-ocr synth`).
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "layout/layout_template.hpp"

namespace ledger::synth {

struct SynthOptions {
  std::string layout_id = "ks-2016";
  std::filesystem::path layouts_dir;        // "" = config/layouts of the source tree
  std::optional<LayoutTemplate> layout;     // use this template instead of loading layout_id
  int pages = 20;
  uint64_t seed = 7;
  double hand_ratio = 0.5;                  // share of pages written by hand (else typed)
  int dpi_min = 150, dpi_max = 300;         // each page's resolution is drawn in this range
  bool clean = false;                       // no scan effects (no skew, noise, JPEG)
  std::string format = "png";               // "png" or "jpg"
  std::filesystem::path out;                // output folder (created)
  std::optional<int> year;                  // year the book opened; default: drawn within the layout's years
  std::string volume = "01";
  std::string commune;                      // registering commune ("Xã Hướng Phùng"); default: drawn
  int first_page = 1;                       // page number of the first generated page in the book
  std::filesystem::path data_root;          // where models/lexicons and ../shared are looked for;
                                            // "" = the source tree
  bool builtin_lexicon = false;             // ignore data files (tests)
  bool one_hand = false;                    // opt-in: every page handwritten by one officer (one
                                            // font, slant, ink and size per book, drawn from the
                                            // seed); hand_ratio is then ignored. Default off, so
                                            // existing seeds render the same bytes.
};

struct SynthPage {
  std::filesystem::path image, sidecar;
  int page = 0;      // page number in the book
  int dpi = 0;
  int records = 0;   // entries on the page
  bool hand = false; // values handwriting-like
};

struct SynthResult {
  std::vector<SynthPage> pages;
  std::string layout_id;
  std::string book;            // "KS.2017.01"
  std::string lexicon_source;  // "lexicons", "shared" or "built-in"
  double seconds = 0;          // wall time of the whole run
};

/// Renders `options.pages` pages of one book into `options.out`: `KS.<year>.<vol>.p<NNNN>.png`
/// (or .jpg) with `KS.<year>.<vol>.p<NNNN>.gt.json` next to each.
/// Returns what was written. Throws ConfigError for an unknown layout or bad options, InputError
/// when the output cannot be written.
/// Notes:
///   1. Deterministic: the same options (seed included) give the same bytes, whatever else ran.
///   2. Entries are numbered upward through the book and registration dates rise with them.
SynthResult synthesize(const SynthOptions& options);

}  // namespace ledger::synth
