// Matching an OCR reading against a closed vocabulary: a weighted edit distance over code points
// where the confusions common in OCR of Vietnamese cost less, plus OCR's own alternatives.
#pragma once
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/page.hpp"

namespace ledger {

/// Per code point of a query: the OCR alternatives for that character (nullptr = none known).
using CharAlternatives = std::vector<const CharChoice*>;

/// Splits `raw` (NFC) on whitespace into words, each with the OCR alternatives of its code points.
/// `chars` is used when it holds one choice per code point of `raw` (or of `raw` without its
/// spaces); otherwise the words get no alternatives.
std::vector<std::pair<std::string, CharAlternatives>> words_with_alternatives(
    std::string_view raw, const std::vector<CharChoice>* chars);

/// Weighted edit distance between two strings, case-insensitive.
///  Notes:
///   (1) Costs: same letter with another tone mark 0.3, or another vowel/consonant shape
///       (a/ă/â, o/ô/ơ, u/ư, e/ê, d/đ) 0.3; both 0.4; OCR look-alikes (l/I/1/i, 0/o, 5/s,
///       8/B, c/e, u/v, rn/m, cl/d) 0.5; anything else, and every insertion/deletion, 1.
///   (2) With `alts` (one entry per code point of `query`), substituting a character by one of
///       its OCR alternatives costs between 0.2 (the alternative was as likely as the character
///       read) and the plain cost (it was a distant second).
///   (3) Hand-set costs, not fitted: they only have to rank diacritic slips below real letter
///       changes; calibration turns the distance into a probability.
double weighted_distance(std::string_view query, std::string_view entry,
                         const CharAlternatives* alts = nullptr);

/// The outcome of matching one query against one lexicon.
struct LexiconMatch {
  bool found = false;      // some entry lies within the distance limit
  size_t index = 0;        // of the best entry
  std::string entry;       // the best entry as stored (its spelling and case)
  double distance = std::numeric_limits<double>::infinity();  // weighted distance to it
  double margin = std::numeric_limits<double>::infinity();    // second-best score minus best,
                                                              // at most 1.0
  bool exact = false;      // equal up to case and tone-mark placement
  std::optional<size_t> runner_up;  // index of the second-best entry, when one was within reach
};

/// A closed vocabulary prepared for fast matching (entries bucketed by length).
class LexiconIndex {
 public:
  LexiconIndex() = default;

  /// Adds an entry with its frequency (higher = more likely when distances tie). Entries equal
  /// up to case and tone placement are kept once (counts add up).
  void add(const std::string& entry, double count = 1);
  size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  const std::string& entry(size_t i) const { return entries_[i].text; }
  double count(size_t i) const { return entries_[i].count; }

  /// The entry equal to `s` up to case and tone-mark placement, if any.
  std::optional<size_t> find_exact(std::string_view s) const;

  /// The best entry for `query` within `max_distance`.
  ///   alts          per code point of `query`, OCR alternatives (may be null)
  ///   max_distance  entries farther than this are not considered
  /// Returns the match; `found` false when nothing lies within `max_distance`.
  ///  Notes:
  ///   (1) Ranking score = distance + 0.1 x (1 - log(1+count)/log(1+max count)): frequency only
  ///       breaks near-ties (0.1 is below the cheapest edit of 0.3), and `margin` is the score
  ///       gap to the runner-up, so a tie broken by frequency alone shows a small margin.
  ///   (2) Cost: one small DP per entry of a length within max_distance of the query's.
  LexiconMatch best(std::string_view query, const CharAlternatives* alts = nullptr,
                    double max_distance = 2.0) const;

 private:
  struct Entry {
    std::string text;
    std::u32string glyphs;  // 4 units per character: lower-case, base, shape, tone (see .cpp)
    uint32_t mask = 0;      // base letters present, one bit each (see .cpp)
    double count = 1;
  };
  std::vector<Entry> entries_;
  std::vector<std::vector<size_t>> by_length_;  // code-point length -> entry indices
  std::unordered_map<std::string, size_t> by_key_;  // tone_key -> index
  double max_count_ = 1;
};

/// The best entry of a closed vocabulary (countries, ethnic groups) for a reading a hand may
/// have garbled.
///   near       the distance best() corrects within (names.hpp correction_limit)
///   far_share  a farther match is taken up to this share of the query's letters...
///   same       ...when no other entry comes within 1 of it (best()'s margin at its cap), or the
///              one that does is the same value (two spellings of one group); may be null
/// Returns the match, `far` set when it lies beyond `near` ("Việt Nưmn" is Việt Nam at 2.0:
/// no other country comes near); `found` false when neither holds.
///  Notes:
///   (1) A far match is a guess from a closed list: callers send it to review ("lexicon-far").
struct ClosedMatch {
  LexiconMatch match;
  bool far = false;
};
ClosedMatch best_in_closed_vocabulary(const LexiconIndex& idx, std::string_view query, double near,
                                      double far_share = 0.4,
                                      const std::function<bool(size_t, size_t)>& same = nullptr);

}  // namespace ledger
