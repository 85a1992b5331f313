// Settings of the preprocess stage: which corrections run, the estimation resolution, and the
// binarisation and ink-colour thresholds (defaults tuned on generated pages, see each field).
#pragma once

namespace ledger {

struct PreprocessOptions {
  bool fix_orientation = true;  // detect and undo 90/180/270 degree turns
  bool deskew = true;           // detect and undo small rotations
  double max_skew_degrees = 5;  // skew search range, +-; scanners and phone photos stay within it
  /// Orientation and skew are estimated on a copy whose long side is near this many pixels
  /// (shrunk by a whole factor; A4 at 300 dpi: 1754 px, 150 dpi): within 0.05 degree on the
  /// generated golden pages, a quarter of the work.
  int estimate_long_side = 1600;
  /// Sauvola window at 300 dpi (scaled with the page's dpi) and k: a window of about two text
  /// line heights; k = 0.2 keeps faint ballpoint strokes on flattened paper (generated pages).
  int sauvola_window_300dpi = 41;
  double sauvola_k = 0.2;
  /// Pen ink: hue in [pen_hue_min, pen_hue_max] degrees (blue to violet), saturation >= pen_sat
  /// (0..255) and chroma (max-min channel) >= min_chroma, so grey print and paper never count.
  double pen_hue_min = 200, pen_hue_max = 290;
  int pen_sat = 60;
  /// Red seals: hue within seal_hue_width degrees of 0/360, saturation >= seal_sat, and
  /// brightest channel >= seal_min_value: stamp ink is a light red, while print seen through a
  /// stamp is a dark red that must stay text (tuned on the committed synth samples).
  double seal_hue_width = 25;
  int seal_sat = 80;
  int seal_min_value = 120;
  int min_chroma = 40;
  /// Whiten seal pixels in gray and drop them from binary, so a stamp is not read as text.
  bool remove_seal = true;
};

}  // namespace ledger
