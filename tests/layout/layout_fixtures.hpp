// Test pages for the layout stage, drawn with OpenCV: a form page whose labels are dark word
// blocks on a noisy background (so any crop of it can be located exactly) with dotted leaders,
// a ruled table page, and an OCR engine that "reads" the label words it placed there.
#pragma once
#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>
#include <cstring>
#include <random>
#include <algorithm>

#include "core/page.hpp"
#include "core/text.hpp"
#include "layout/layout_template.hpp"
#include "ocr/ocr_engine.hpp"

namespace ledger::testfix {

/// A similarity from template fractions to pixels, in mm units like the fit: `px_per_mm`,
/// rotation `deg` (counter-clockwise on screen), then a shift in pixels.
inline Transform similarity(const LayoutTemplate& L, double px_per_mm, double deg, double tx, double ty) {
  double r = -deg * M_PI / 180, c = std::cos(r) * px_per_mm, s = std::sin(r) * px_per_mm;
  double W = L.page_width_mm, H = L.page_height_mm;
  return Transform{{c * W, -s * H, tx, s * W, c * H, ty}};
}

/// Noisy paper (215..245, never pure white) with a binary of nothing.
inline CleanPage blank_page(int w, int h, unsigned seed) {
  CleanPage p;
  p.gray = cv::Mat(h, w, CV_8U);
  cv::RNG rng(seed);
  rng.fill(p.gray, cv::RNG::UNIFORM, 215, 246);
  p.binary = cv::Mat::zeros(h, w, CV_8U);
  p.pen_ink = cv::Mat::zeros(h, w, CV_8U);
  return p;
}

inline void update_binary(CleanPage& p) { p.binary = p.gray < 128; }

/// Words of every label/anchor of `L` drawn as dark blocks where `truth` puts them; returns the
/// words with their page boxes (top-left = the transformed first-letter point, as OCR reports).
inline std::vector<OcrWord> draw_labels(CleanPage& p, const LayoutTemplate& L, const Transform& truth) {
  std::vector<OcrWord> words;
  double th = L.text_height;                                      // page-height fraction
  double cw = 0.6 * th * L.page_height_mm / L.page_width_mm;       // char width, width fraction
  for (const auto& a : L.all_anchors()) {
    double x = a.at.x;
    for (const auto& w : split_words(a.text)) {
      double ww = cw * utf8_length(w);
      PageRect r{x, a.at.y, ww, th};
      Point tl = truth.apply(r.x, r.y), tr = truth.apply(r.x + r.w, r.y),
            bl = truth.apply(r.x, r.y + r.h), br = truth.apply(r.x + r.w, r.y + r.h);
      std::vector<cv::Point> poly{{int(tl.x), int(tl.y)}, {int(tr.x), int(tr.y)},
                                  {int(br.x), int(br.y)}, {int(bl.x), int(bl.y)}};
      cv::fillConvexPoly(p.gray, poly, cv::Scalar(50));
      Box bb = truth.apply(r);
      words.push_back({w, 0.95, Box{int(std::lround(tl.x)), int(std::lround(tl.y)), bb.w, bb.h}});
      x += ww + cw;
    }
  }
  return words;
}

/// Dotted leaders on every form line, 0.3 text heights above the line's bottom.
inline void draw_leaders(CleanPage& p, const LayoutTemplate& L, const Transform& truth) {
  double th_px = L.text_height * std::abs(truth.m[4]);
  double step = 0.5 * L.text_height * L.page_height_mm / L.page_width_mm;
  for (const auto& f : L.fields)
    for (const auto& l : f.lines) {
      double y = f.at.y + l.y + l.h - 0.3 * L.text_height;
      for (double x = f.at.x + l.x; x <= f.at.x + l.x + l.w; x += step) {
        Point c = truth.apply(x, y);
        cv::circle(p.gray, {int(std::lround(c.x)), int(std::lround(c.y))},
                   std::max(1, int(th_px / 10)), cv::Scalar(40), cv::FILLED);
      }
    }
}

/// The expected box of a form line under `truth`.
inline Box line_box(const Transform& truth, const FormField& f, const PageRect& l) {
  return truth.apply(PageRect{f.at.x + l.x, f.at.y + l.y, l.w, l.h});
}

/// Reads the label words placed on `page`: finds where the request's crop lies in the page
/// (exact pixels on unique noise; works at OCR scale 1 only) and returns the words inside it.
class PlacedWordsEngine : public OcrEngine {
 public:
  PlacedWordsEngine(cv::Mat page_gray, std::vector<OcrWord> words)
      : page_(std::move(page_gray)), words_(std::move(words)) {
    // Index every run of 8 pixels: on noisy paper each run is unique, so a crop's first row
    // tells where the crop was cut (runs inside flat dark blocks are ambiguous and skipped).
    index_.reserve(size_t(page_.rows) * page_.cols);
    for (int y = 0; y < page_.rows; ++y)
      for (int x = 0; x + 8 <= page_.cols; ++x) index_.push_back({key_at(page_, x, y), x, y});
    std::sort(index_.begin(), index_.end(), [](const Entry& a, const Entry& b) { return a.key < b.key; });
  }

  OcrResult recognize(const OcrRequest& req) override {
    ++calls;
    OcrResult res;
    cv::Mat img = req.image;
    cv::Mat not_white = img < 255;
    cv::Rect content = cv::boundingRect(not_white);
    if (content.width < 24 || content.height < 4) return res;
    cv::Point at(-1, -1);
    for (int dx = 0; dx + 8 <= content.width && at.x < 0; ++dx) {
      uint64_t k = key_at(img, content.x + dx, content.y);
      auto it = std::lower_bound(index_.begin(), index_.end(), k,
                                 [](const Entry& e, uint64_t v) { return e.key < v; });
      bool unique = it != index_.end() && it->key == k && (it + 1 == index_.end() || (it + 1)->key != k);
      if (unique) at = cv::Point(it->x - dx, it->y);
    }
    if (at.x < 0) return res;  // not a crop of this page (e.g. downscaled)
    Box crop{at.x, at.y, content.width, content.height};
    for (const auto& w : words_) {
      if (intersect(w.box, crop) != w.box) continue;
      OcrWord o = w;
      o.box.x = w.box.x - crop.x + content.x;
      o.box.y = w.box.y - crop.y + content.y;
      res.words.push_back(o);
      res.text += (res.text.empty() ? "" : " ") + w.text;
    }
    return res;
  }
  std::string name() const override { return "placed-words"; }
  int calls = 0;

 private:
  static uint64_t key_at(const cv::Mat& m, int x, int y) {
    uint64_t k = 0;
    std::memcpy(&k, m.ptr<uchar>(y) + x, 8);
    return k;
  }
  cv::Mat page_;
  std::vector<OcrWord> words_;
  struct Entry {
    uint64_t key;
    int x, y;
  };
  std::vector<Entry> index_;
};

}  // namespace ledger::testfix
