// Headline and terminal summary (see report_text.hpp).
#include "evaluate/report_text.hpp"

#include <fmt/format.h>

namespace ledger {

std::string with_thousands(long n) {
  std::string digits = std::to_string(n < 0 ? -n : n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return (n < 0 ? "-" : "") + out;
}

std::string percent(double share, int decimals) { return fmt::format("{:.{}f}%", share * 100, decimals); }

std::string report_headline(const EvalReport& r) {
  const FieldTally& t = r.overall;
  if (t.fields == 0) return "No ground-truth fields were scored.";
  return fmt::format(
      "Of {} fields, {} can be pre-filled; {} of {} pre-filled fields were wrong ({}); clerks would "
      "type {} of the keystrokes of keying from scratch.",
      with_thousands(t.fields), percent(t.prefilled_share(), 0), with_thousands(t.residual_errors()),
      with_thousands(t.prefilled), percent(t.residual_error_rate(), 2), percent(t.keystroke_share(), 0));
}

std::string report_summary(const EvalReport& r) {
  const FieldTally& t = r.overall;
  const LayoutTally& l = r.layout;
  std::string s = report_headline(r) + "\n";
  s += fmt::format("pages: {} ({} with drafts, {} without); layout found on {}, right on {} of {} given\n",
                   l.pages, l.pages_with_drafts, l.pages - l.pages_with_drafts, l.layout_found,
                   l.layout_correct, l.layout_given);
  s += fmt::format("records found: {} of {} expected ({} extra); field boxes located: {} of {} (IoU >= 0.5), "
                   "{} covered\n",
                   l.records_found, l.records_expected, l.records_extra, t.boxes_located, t.boxes_expected,
                   t.boxes_covered);
  s += fmt::format("accuracy (exact after normalisation): {}; CER raw {}, value {}\n", percent(t.accuracy()),
                   percent(t.cer_raw()), percent(t.cer_value()));
  s += fmt::format("pre-filled: {} ({}), precision {}, residual errors {}; to review: {}; missing: {}\n",
                   t.prefilled, percent(t.prefilled_share()), t.prefilled ? percent(t.precision(), 2) : "-",
                   t.residual_errors(), t.review, t.missing);
  s += fmt::format("calibration error (ECE, 10 bins): {:.3f}\n", r.ece);
  s += fmt::format("clerk: {} keystrokes with drafts vs {} from scratch ({}); {} fields to look at\n",
                   with_thousands(t.keys_draft), with_thousands(t.keys_scratch), percent(t.keystroke_share()),
                   with_thousands(t.to_look));
  for (const auto& [hand, h] : r.by_hand)
    s += fmt::format("  {}: {} fields, accuracy {}, pre-filled {}\n", hand, h.fields, percent(h.accuracy()),
                     percent(h.prefilled_share()));
  if (r.baseline_run)
    s += fmt::format("baseline (plain tesseract, whole page): accuracy {}, CER {}, keystrokes {}\n",
                     percent(t.base_accuracy()), percent(t.base_cer()), percent(t.base_keystroke_share()));
  if (!r.warnings.empty()) s += fmt::format("warnings: {} (see report.json)\n", r.warnings.size());
  return s;
}

}  // namespace ledger
