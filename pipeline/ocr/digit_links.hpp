// Facts about a record that rule out handwritten numbers: a registration is not dated before
// the birth it registers, entry numbers rise down a ledger page (config/pipeline.yaml).
#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/page.hpp"
#include "ocr/digits_grammar.hpp"

namespace ledger {

/// Which fields constrain which, by field key (ocr.digit_links in config/pipeline.yaml).
struct DigitLinks {
  std::map<std::string, std::string> not_before;  // date key -> key of the date it cannot precede
  std::set<std::string> rising;                   // keys whose numbers rise from row to row
  std::set<std::string> in_book_year;             // keys dated in the book's own year (registrations)
  /// A reading must be at least this sure (FieldReading::mean_conf) to constrain another: a
  /// wrong birth date must not drag a right registration date along.
  double sure = 0.9;
  bool empty() const { return not_before.empty() && rising.empty() && in_book_year.empty(); }
};

/// yyyymmdd of a day/month/year reading ("26/8/2008", "26.08.2008", "26-8-2008").
/// \return nullopt for anything else (a year alone, words, an impossible month)
std::optional<int> date_ordinal(const std::string& text);

/// The number of an entry-number reading ("12", "12/2017" -> 12); nullopt for anything else.
std::optional<int> entry_value(const std::string& text);

/// The context for decoding field `key` of a record.
///   links     the configured links
///   record    the record's fields read so far
///   previous  the page's previous record (table rows), or null
///   book_year the book's year, when known
/// Notes:
///   1. not_before: the linked date's ordinal, when that field was read, is not blank and is
///      at least `links.sure`.
///   2. previous_entry: the previous record's value of the same key under the same condition.
///   3. in_book_year: set for the keys `links.in_book_year` names.
DigitContext record_context(const std::string& key, const DigitLinks& links,
                            const std::vector<FieldReading>& record, const std::vector<FieldReading>* previous,
                            std::optional<int> book_year);

}  // namespace ledger
