// The OCR stage (see read_fields.hpp).
#include "ocr/read_fields.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <opencv2/imgproc.hpp>

#include "ocr/digits_combine.hpp"
#include "ocr/digits_reader.hpp"

namespace ledger {
namespace {

struct LineCrop {
  cv::Mat gray;
  cv::Mat pen;
};

cv::Mat crop_of(const cv::Mat& img, const Box& b) {
  if (img.empty() || b.empty()) return {};
  Box c = intersect(b, Box{0, 0, img.cols, img.rows});
  if (c.empty()) return {};
  return img(cv::Rect(c.x, c.y, c.w, c.h));
}

// The crop of line `i` of `region`: the layout's cleaned crop when there is one, else cut from
// the clean page.
LineCrop line_crop(const FieldRegion& region, size_t i, const CleanPage& page) {
  LineCrop c;
  if (i < region.line_images.size() && !region.line_images[i].empty()) {
    c.gray = region.line_images[i];
    if (i < region.line_pen.size()) c.pen = region.line_pen[i];
  } else if (i < region.lines.size()) {
    c.gray = crop_of(page.gray, region.lines[i]);
    c.pen = crop_of(page.pen_ink, region.lines[i]);
  }
  if (!c.pen.empty() && c.pen.size() != c.gray.size()) c.pen = cv::Mat();
  return c;
}

Box source_box(const std::vector<Box>& lines, const CleanPage& page) {
  Box u;
  for (const auto& b : lines) u = u.empty() ? b : unite(u, b);
  return map_box(u, page.to_source);
}

cv::Mat prepare_for_ocr(const cv::Mat& crop, const ReadOptions& opts) {
  cv::Mat img = crop;
  if (img.rows < opts.min_ocr_height && img.rows > 0) {
    double f = double(opts.min_ocr_height) / img.rows;
    cv::resize(img, img, cv::Size(), f, f, cv::INTER_CUBIC);
  }
  cv::Mat out;
  cv::copyMakeBorder(img, out, opts.border, opts.border, opts.border, opts.border,
                     cv::BORDER_CONSTANT, cv::Scalar::all(255));
  return out;
}

// One reading for all tick boxes of one checkbox key.
FieldReading read_checkbox(const std::vector<const FieldRegion*>& choices, const CleanPage& page,
                           const ReadOptions& opts) {
  FieldReading r;
  r.key = choices.front()->key;
  r.type = FieldType::Checkbox;
  r.engine = "checkbox";
  std::vector<std::pair<double, const FieldRegion*>> scored;
  long ink = 0, pen = 0;
  for (const FieldRegion* c : choices) {
    r.lines.insert(r.lines.end(), c->lines.begin(), c->lines.end());
    LineCrop crop = line_crop(*c, 0, page);
    double ratio = inner_ink_ratio(crop.gray, opts.tick_inset, ink_threshold(crop.gray, opts.ink));
    scored.emplace_back(ratio, c);
    InkStats s = measure_ink(crop.gray, crop.pen, opts.ink);
    ink += s.ink_pixels;
    pen += long(s.pen_ratio * s.ink_pixels);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  double best = scored.front().first;
  double second = scored.size() > 1 ? scored[1].first : 0;
  r.ink_ratio = best;
  r.pen_ratio = ink ? double(pen) / ink : 0;
  r.hand = r.pen_ratio >= opts.hand_pen_share;
  if (best < opts.tick_ink_ratio) {
    r.blank = true;
    r.box = source_box(r.lines, page);
    // Sure of "nothing ticked" in proportion to how far the inkiest box is from the threshold.
    r.mean_conf = r.min_conf = std::clamp(1.0 - best / opts.tick_ink_ratio, 0.0, 1.0);
    return r;
  }
  if (second >= opts.tick_ink_ratio) r.issues.push_back("several-ticked");
  r.choice_code = scored.front().second->choice_code;
  r.text = r.choice_code;
  r.box = source_box(scored.front().second->lines, page);
  // Confidence: how clearly the ticked box stands out from the next one.
  r.mean_conf = r.min_conf = std::clamp((best - second) / best, 0.0, 1.0);
  return r;
}

}  // namespace

FieldReading read_field(const FieldRegion& region, const CleanPage& page, OcrEngine& engine,
                        const ReadOptions& opts, const DigitContext& context) {
  FieldReading r;
  r.key = region.key;
  r.type = region.type;
  r.lines = region.lines;
  r.box = source_box(region.lines, page);
  r.engine = engine.name();
  size_t n = std::max(region.lines.size(), region.line_images.size());
  long total_px = 0, ink_px = 0;
  double pen_px = 0, slant_sum = 0, slant_weight = 0;
  bool any_image = false, any_ink = false;
  // First every line through the engine; the digit reader needs `hand`, known after all lines.
  struct LineRead {
    LineCrop crop;
    size_t index = 0;
    OcrResult res;
    bool failed = false;
  };
  std::vector<LineRead> reads;
  for (size_t i = 0; i < n; ++i) {
    LineCrop crop = line_crop(region, i, page);
    if (crop.gray.empty()) continue;
    any_image = true;
    InkStats s = measure_ink(crop.gray, crop.pen, opts.ink);
    total_px += long(crop.gray.total());
    ink_px += s.ink_pixels;
    pen_px += s.pen_ratio * s.ink_pixels;
    if (s.ink_ratio < opts.blank_ink_ratio || s.text_blobs == 0) continue;  // nothing written
    any_ink = true;
    slant_sum += estimate_slant(crop.gray, ink_threshold(crop.gray, opts.ink)) * double(s.ink_pixels);
    slant_weight += double(s.ink_pixels);
    OcrRequest req;
    req.image = prepare_for_ocr(crop.gray, opts);
    req.mode = Segmentation::SingleLine;
    if (is_numeric(region.type)) req.whitelist = opts.numeric_whitelist;
    req.want_choices = opts.want_choices;
    LineRead lr;
    lr.crop = crop;
    lr.index = i;
    try {
      lr.res = engine.recognize(req);
    } catch (const std::exception&) {
      if (std::find(r.issues.begin(), r.issues.end(), "ocr-failed") == r.issues.end())
        r.issues.push_back("ocr-failed");
      lr.failed = true;
    }
    reads.push_back(std::move(lr));
  }
  r.ink_ratio = total_px ? double(ink_px) / total_px : 0;
  r.pen_ratio = ink_px ? pen_px / ink_px : 0;
  double slant = slant_weight > 0 ? slant_sum / slant_weight : 0;
  r.hand = r.pen_ratio >= opts.hand_pen_share || std::abs(slant) >= opts.hand_slant_degrees;
  if (!any_image) {
    r.issues.push_back("no-image");
    return r;
  }
  if (!any_ink) {
    r.blank = true;
    return r;
  }
  // Handwritten numeric lines: the digit reader too (never on printed fields: Tesseract reads
  // print better, and the classifier knows only handwritten digits).
  if (opts.digits && r.hand && is_numeric(region.type)) {
    DigitContext ctx = context;
    ctx.book_year = page.source.ref.book.year;
    bool took = false, agreed = false;
    for (auto& lr : reads) {
      if (lr.failed) continue;
      DigitGrammar g = line_grammar(region.type, lr.index, n);
      auto c = combine_readings(lr.res, opts.digits->read(lr.crop.gray, g, ctx, lr.crop.pen), g, ctx);
      lr.res = std::move(c.result);
      took = took || c.choice == DigitChoice::Digits;
      agreed = agreed || c.choice == DigitChoice::Agree;
    }
    if (took) r.engine = "digits";
    else if (agreed) r.engine += "+digits";
  }
  std::vector<double> confs;
  for (const auto& lr : reads) {
    const OcrResult& res = lr.res;
    if (lr.failed || res.text.empty()) {
      confs.push_back(0);  // ink but nothing recognised: as unsure as it gets
      continue;
    }
    if (!r.text.empty()) {
      r.text += ' ';
      if (!r.chars.empty() || !res.chars.empty()) r.chars.push_back(CharChoice{{{" ", 1.0}}});
    }
    r.text += res.text;
    r.chars.insert(r.chars.end(), res.chars.begin(), res.chars.end());
    if (res.words.empty())
      confs.push_back(res.mean_conf);
    else
      for (const auto& w : res.words) confs.push_back(w.conf);
  }
  if (!confs.empty()) {
    double sum = 0, mn = 1;
    for (double c : confs) sum += c, mn = std::min(mn, c);
    r.mean_conf = sum / confs.size();
    r.min_conf = mn;
  }
  return r;
}

PageReadings read_fields(RegisteredPage page, OcrEngine& engine, const ReadOptions& opts) {
  PageReadings out;
  out.records.reserve(page.records.size());
  // In a table a cell's rules fence it: nothing of the rows above or below hangs into it, and a
  // value may sit high in a tall cell (InkOptions::hanging_share is for form lines).
  ReadOptions cell_opts = opts;
  cell_opts.ink.hanging_share = 0;
  for (const RecordRegions& rec : page.records) {
    const ReadOptions& field_opts = rec.row.empty() ? opts : cell_opts;
    RecordReadings rr;
    rr.row = rec.row;
    // Checkbox choices of one key are gathered first, so the key's reading sits where its first
    // choice does.
    std::map<std::string, std::vector<const FieldRegion*>> boxes;
    for (const FieldRegion& f : rec.fields)
      if (f.type == FieldType::Checkbox) boxes[f.key].push_back(&f);
    std::map<std::string, bool> done;
    std::vector<std::pair<size_t, const FieldRegion*>> deferred;
    const std::vector<FieldReading>* previous = out.records.empty() ? nullptr : &out.records.back().fields;
    auto context_of = [&](const std::string& key) {
      return record_context(key, opts.links, rr.fields, previous, page.page.source.ref.book.year);
    };
    for (const FieldRegion& f : rec.fields) {
      if (f.type == FieldType::Checkbox) {
        if (done[f.key]) continue;
        done[f.key] = true;
        rr.fields.push_back(read_checkbox(boxes[f.key], page.page, opts));
      } else if (opts.links.not_before.count(f.key)) {
        deferred.emplace_back(rr.fields.size(), &f);  // after the field it must not precede
        rr.fields.emplace_back().key = f.key;
      } else {
        rr.fields.push_back(read_field(f, page.page, engine, field_opts, context_of(f.key)));
      }
    }
    for (const auto& [at, f] : deferred)
      rr.fields[at] = read_field(*f, page.page, engine, field_opts, context_of(f->key));
    out.records.push_back(std::move(rr));
  }
  out.page = std::move(page);
  return out;
}

}  // namespace ledger
