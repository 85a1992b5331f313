// `ledger-ocr synth`: renders synthetic register pages with ground-truth sidecars from the
// layout templates (the logic lives in synth/synth_book.hpp).
#include <iostream>
#include <memory>

#include "cli/command.hpp"
#include "synth/synth_book.hpp"

namespace {

struct Opts {
  ledger::synth::SynthOptions s;
  std::string layouts_dir, out, data_root;
  int year = 0;
};

}  // namespace

static const ledger::cli::CommandRegistration reg{{60, "synth", "Render synthetic register pages with ground truth",
  [](CLI::App& sub) {
    auto o = std::make_shared<Opts>();
    sub.add_option("--layout", o->s.layout_id, "layout id (config/layouts/<id>.yaml)")->capture_default_str();
    sub.add_option("--layouts", o->layouts_dir, "folder of layout files (default: config/layouts)");
    sub.add_option("--pages", o->s.pages, "number of pages")->capture_default_str()->check(CLI::Range(1, 100000));
    sub.add_option("--seed", o->s.seed, "random seed: same seed, same bytes")->capture_default_str();
    sub.add_option("--out", o->out, "output folder")->required();
    sub.add_option("--hand-ratio", o->s.hand_ratio, "share of handwritten pages, 0..1")->capture_default_str()->check(CLI::Range(0.0, 1.0));
    sub.add_option("--dpi-min", o->s.dpi_min, "lowest resolution")->capture_default_str();
    sub.add_option("--dpi-max", o->s.dpi_max, "highest resolution")->capture_default_str();
    sub.add_flag("--clean", o->s.clean, "no scan effects (skew, blur, noise, JPEG)");
    sub.add_option("--format", o->s.format, "png or jpg")->capture_default_str()->check(CLI::IsMember({"png", "jpg"}));
    sub.add_option("--year", o->year, "year the book opened (default: drawn within the layout's years)");
    sub.add_option("--volume", o->s.volume, "volume number of the book")->capture_default_str();
    sub.add_option("--commune", o->s.commune, "registering commune, e.g. \"Xã Hướng Phùng\" (default: drawn)");
    sub.add_option("--first-page", o->s.first_page, "page number of the first page")->capture_default_str();
    sub.add_option("--data", o->data_root, "folder holding models/lexicons (default: the source tree)");
    return std::function<int()>([o] {
      o->s.out = o->out;
      o->s.layouts_dir = o->layouts_dir;
      o->s.data_root = o->data_root;
      if (o->year > 0) o->s.year = o->year;
      const auto r = ledger::synth::synthesize(o->s);
      int hand = 0, records = 0;
      for (const auto& p : r.pages) hand += p.hand, records += p.records;
      std::cout << "synth: " << r.pages.size() << " pages of " << r.book << " (" << r.layout_id << "), " << records
                << " records, " << hand << " handwritten pages, lexicon " << r.lexicon_source << ", in "
                << o->out << "\n"
                << "synth: " << r.seconds << " s, " << r.seconds / double(r.pages.size()) << " s/page\n";
      return ledger::cli::kOk;
    });
  }}};
