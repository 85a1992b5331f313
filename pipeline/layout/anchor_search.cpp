// Label search by windowed OCR (see anchor_search.hpp).
#include "layout/anchor_search.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

#include "core/text.hpp"

namespace ledger {
namespace {

// Comparison form of a word: tone_key (case and tone placement folded), letters and digits only.
std::string word_key(std::string_view w) {
  std::u32string out;
  for (char32_t c : to_u32(tone_key(w)))
    if (c >= 0x80 || std::isalnum(int(c))) out.push_back(c);
  return to_utf8(out);
}

// Words sorted into lines (vertical overlap), lines top to bottom, words left to right.
std::vector<OcrWord> reading_order(std::vector<OcrWord> words) {
  std::sort(words.begin(), words.end(), [](const OcrWord& a, const OcrWord& b) {
    return a.box.y + a.box.h / 2 < b.box.y + b.box.h / 2;
  });
  std::vector<std::vector<OcrWord>> lines;
  for (auto& w : words) {
    int cy = w.box.y + w.box.h / 2;
    if (!lines.empty()) {
      const Box& l = lines.back().front().box;
      if (cy >= l.y && cy <= l.y + l.h) {
        lines.back().push_back(w);
        continue;
      }
    }
    lines.push_back({w});
  }
  std::vector<OcrWord> out;
  for (auto& l : lines) {
    std::sort(l.begin(), l.end(), [](const OcrWord& a, const OcrWord& b) { return a.box.x < b.box.x; });
    out.insert(out.end(), l.begin(), l.end());
  }
  return out;
}

bool same_line(const OcrWord& a, const OcrWord& b) {
  int cy = b.box.y + b.box.h / 2;
  return cy >= a.box.y - a.box.h / 2 && cy <= a.box.y + a.box.h * 3 / 2 && b.box.x >= a.box.x;
}

double estimated_chars(const std::string& label, size_t max_words) {
  auto words = split_words(label);
  size_t n = std::min(max_words, words.size()), chars = 0;
  for (size_t i = 0; i < n; ++i) chars += utf8_length(words[i]) + 1;
  return double(chars);
}

}  // namespace

std::vector<LabelHit> match_label(const std::string& label, const std::vector<OcrWord>& words,
                                  size_t max_words, double min_similarity) {
  std::vector<std::string> lw;
  for (const auto& w : split_words(label))
    if (auto k = word_key(w); !k.empty()) lw.push_back(k);
  std::vector<LabelHit> hits;
  if (lw.empty() || words.empty()) return hits;
  size_t k = std::min(max_words, lw.size());
  std::string target;
  for (size_t i = 0; i < k; ++i) target += lw[i];
  size_t tlen = utf8_length(target);
  std::vector<std::string> keys;
  for (const auto& w : words) keys.push_back(word_key(w.text));
  for (size_t i = 0; i < words.size(); ++i) {
    if (keys[i].empty()) continue;
    std::string joined;
    LabelHit best;
    best.similarity = -1;
    for (size_t j = i; j < words.size() && j < i + k + 2; ++j) {
      if (j > i && !same_line(words[i], words[j])) break;
      joined += keys[j];
      size_t jl = utf8_length(joined);
      double sim = 1.0 - double(edit_distance(joined, target)) / double(std::max(tlen, jl));
      if (sim > best.similarity) best = {i, j, sim, false};
      if (jl > tlen + 3) break;
    }
    if (best.similarity >= min_similarity) {
      // The whole label matched when it has no more words than were compared.
      best.whole = lw.size() <= max_words;
      hits.push_back(best);
    }
  }
  std::stable_sort(hits.begin(), hits.end(),
                   [](const LabelHit& a, const LabelHit& b) { return a.similarity > b.similarity; });
  return hits;
}

std::vector<Anchor> pick_anchors(const LayoutTemplate& layout, const AnchorSearchOptions& opts) {
  std::vector<Anchor> pool;
  for (const auto& a : layout.all_anchors()) {
    std::string joined;
    for (const auto& w : split_words(a.text)) joined += word_key(w);
    if (utf8_length(joined) >= opts.min_chars) pool.push_back(a);
  }
  // Labels printed more than once ("Dân tộc:") are kept: each window only sees one of them.
  std::vector<Anchor> out;
  if (pool.empty()) return out;
  auto longest = std::max_element(pool.begin(), pool.end(), [](const Anchor& a, const Anchor& b) {
    return utf8_length(a.text) < utf8_length(b.text);
  });
  out.push_back(*longest);
  std::vector<char> used(pool.size(), 0);
  used[longest - pool.begin()] = 1;
  double aspect = layout.page_height_mm / std::max(1.0, layout.page_width_mm);
  while (int(out.size()) < opts.max_anchors) {
    int pick = -1;
    double far = -1;
    for (size_t i = 0; i < pool.size(); ++i) {
      if (used[i]) continue;
      double d = 1e9;
      for (const auto& o : out)
        d = std::min(d, std::hypot(pool[i].at.x - o.at.x, (pool[i].at.y - o.at.y) * aspect));
      if (d > far) far = d, pick = int(i);
    }
    if (pick < 0) break;
    used[pick] = 1;
    out.push_back(pool[pick]);
  }
  return out;
}

std::vector<AnchorMatch> find_anchors(const CleanPage& page, const LayoutTemplate& layout,
                                      const Transform& coarse, OcrEngine& engine,
                                      const AnchorSearchOptions& opts, int* failures,
                                      int* windows) {
  std::vector<AnchorMatch> found;
  const cv::Mat& gray = page.gray;
  if (gray.empty()) return found;
  int W = gray.cols, H = gray.rows;
  // Pixel size of printed text under the coarse transform: sets the OCR downscale and the
  // window's width (a printed character is ~0.6 text heights wide in these forms).
  double th_px = std::max(4.0, layout.text_height * std::abs(coarse.m[4]));
  double scale = opts.text_px > 0 ? std::min(1.0, opts.text_px / th_px) : 1.0;
  double win_x = opts.window * std::abs(coarse.m[0]), win_y = opts.window * std::abs(coarse.m[4]);
  int tried = 0;
  for (const auto& a : pick_anchors(layout, opts)) {
    if (tried++ == opts.give_up_after && int(found.size()) < opts.give_up_below) break;
    if (opts.enough > 0 && int(found.size()) >= opts.enough) break;
    Point p = coarse.apply(a.at.x, a.at.y);
    double text_w = estimated_chars(a.text, opts.max_words) * 0.6 * th_px;
    Box win{int(p.x - win_x), int(p.y - win_y), int(text_w + 2 * win_x), int(th_px + 2 * win_y)};
    win = intersect(win, Box{0, 0, W, H});
    if (win.w < 8 || win.h < 8) continue;
    if (windows) ++*windows;
    cv::Mat crop = gray(cv::Rect(win.x, win.y, win.w, win.h));
    cv::Mat small;
    if (scale < 1.0)
      cv::resize(crop, small, {}, scale, scale, cv::INTER_AREA);
    else
      small = crop.clone();
    const int border = 10;
    OcrRequest req;
    cv::copyMakeBorder(small, req.image, border, border, border, border, cv::BORDER_CONSTANT, 255);
    req.mode = Segmentation::SparseText;
    OcrResult res;
    try {
      res = engine.recognize(req);
    } catch (const std::exception&) {
      if (failures) ++*failures;
      continue;
    }
    auto words = reading_order(res.words);
    auto hits = match_label(a.text, words, opts.max_words, opts.min_similarity);
    if (hits.empty()) continue;
    // Among equally good readings prefer the one nearest the expected place.
    auto to_page = [&](double x, double y) {
      return Point{win.x + (x - border) / scale, win.y + (y - border) / scale};
    };
    const LabelHit* best = nullptr;
    double best_score = -1e9;
    for (const auto& h : hits) {
      Point q = to_page(words[h.first].box.x, words[h.first].box.y);
      double dist = std::hypot((q.x - p.x) / std::max(1.0, win_x), (q.y - p.y) / std::max(1.0, win_y));
      double score = h.similarity - 0.1 * dist;
      if (score > best_score) best_score = score, best = &h;
    }
    AnchorMatch m;
    m.anchor = a;
    m.found = to_page(words[best->first].box.x, words[best->first].box.y);
    m.similarity = best->similarity;
    if (best->whole) {
      const Box& last = words[best->last].box;
      m.right = to_page(last.x + last.w, 0).x;
    }
    found.push_back(m);
  }
  return found;
}

}  // namespace ledger
