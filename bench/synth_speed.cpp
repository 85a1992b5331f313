// Speed of the page generator: time to render and to degrade one page, per layout, at 150, 200
// and 300 dpi (goal: a 300-dpi A4 page rendered and degraded in well under 1 s). Prints wall
// time and process CPU time (the CPU time is the fairer number on a shared, loaded machine).
#include <chrono>
#include <ctime>
#include <cstdio>

#include "layout/layout_library.hpp"
#include "synth/degrade.hpp"
#include "synth/page_renderer.hpp"
#include "synth/record_generator.hpp"
#include "synth/synth_lexicon.hpp"

int main() {
  using clock = std::chrono::steady_clock;
  using namespace ledger::synth;
  const auto lib = ledger::LayoutLibrary::load_dir(ledger::default_layout_dir());
  const SynthLexicon lex = builtin_synth_lexicon();
  for (const auto& layout : lib.all()) {
    for (int dpi : {150, 200, 300}) {
      for (bool hand : {false, true}) {
        const int reps = 3;
        double render = 0, deg = 0;
        const std::clock_t cpu0 = std::clock();
        for (int i = 0; i < reps; ++i) {
          Rng rng(uint64_t(i + 1));
          SynthBook book;
          book.layout_id = layout.id;
          RecordGenerator gen(lex, book, 11);
          std::vector<SynthRecord> entries;
          for (int k = 0; k < (layout.kind == ledger::LayoutKind::Table ? 12 : 1); ++k) entries.push_back(gen.next(1));
          PageStyle style = PageStyle::random(rng, hand ? 1.0 : 0.0, dpi);
          auto t0 = clock::now();
          RenderedPage page = render_page(layout, entries, style, rng);
          auto t1 = clock::now();
          Degraded d = degrade(page.bgr, dpi, rng);
          auto t2 = clock::now();
          render += std::chrono::duration<double>(t1 - t0).count();
          deg += std::chrono::duration<double>(t2 - t1).count();
        }
        const double cpu = double(std::clock() - cpu0) / CLOCKS_PER_SEC / reps;
        std::printf("%-10s %3d dpi %-5s render %.3f s  degrade %.3f s  wall %.3f s/page  cpu %.3f s/page\n",
                    layout.id.c_str(), dpi, hand ? "hand" : "typed", render / reps, deg / reps, (render + deg) / reps, cpu);
      }
    }
  }
}
