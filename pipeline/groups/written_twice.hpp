// One value written twice in a record: most births are declared by a parent, whose name is then
// written both as the parent's and as the declarant's, and most parents live at one address.
// Where the two readings say the same thing despite slips, a clerk can type it once for both
// ("written twice", group_fields.hpp note 11). Within one record this may be looser than
// read_alike.hpp across a book, where one letter makes another person.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/field_type.hpp"
#include "groups/read_alike.hpp"

namespace ledger::groups {

/// A key whose value is mostly one of its partners' in the same record.
struct TwinKeys {
  std::string key;                    // "nycHoTen"
  std::vector<std::string> partners;  // "chaHoTen", "meHoTen"
};

/// When two readings of names in one record name the same person.
struct SameNameOptions {
  /// Weighted OCR distance (fields/lexicon_match.hpp) allowed over the whole name, as a share
  /// of the longer reading's length.
  double max_share = 0.25;
  /// ... and over its last word, the given name, as a share of the longer last word: a grandparent who declares a birth bears the
  /// father's surname and often his middle name (`Lâm Văn Tú`, `Lâm Văn Nam`), so two readings
  /// alike but for the given name are two people.
  double max_given_share = 0.5;
};

/// True when names `a` and `b`, read in one record, are one person's despite OCR slips.
/// Notes:
///   1. Compared case-blind, on NFC text, with weighted_distance (tone and shape slips cost
///      less than other letters).
///   2. Measured on the ks-2016 tuning books (bench/grouping_bench seeds 101 and 801): every
///      pair of readings within 0.25 of their length was one person's, and the two nearest
///      different people (`Lâm Văn Tú`, `Lâm Văn Nam`; `Tôn Văn Dũng`, `Tôn Văn
///      Khánh`) were 0.27 and 0.31 apart, wholly in the given name.
bool same_name(std::string_view a, std::string_view b, const SameNameOptions& options = {});

/// When two readings of places in one record name one address.
struct SamePlaceOptions {
  /// Their first parts (the hamlet, or a facility: no list to check them against) must read
  /// alike as read_alike.hpp says with these options: `Thôn 1` and `Thôn 3`, `Thôn Phú Thành`
  /// and `Thôn Tân Hiệp` are parents living apart in one commune.
  ReadAlikeOptions first{.min_chars = 1, .max_edit_share = 0.25};
  /// Weighted distance allowed in each other part (a unit, which normalisation checked
  /// against the lexicon where it could), as a share of the longer one's length.
  double max_part_share = 0.5;
};

/// True when places `a` and `b`, read in one record, are one address despite OCR slips: as
/// many comma-separated parts (fields/places.hpp place_parts), alike as `options` says.
bool same_place(std::string_view a, std::string_view b, const SamePlaceOptions& options = {});

/// How values written twice in a record are compared.
struct TwinOptions {
  SameNameOptions names;    // names' readings: same_name
  SamePlaceOptions places;  // places' readings: same_place
  ReadAlikeOptions others;  // other readings: read_alike
  /// Crops this near by word_distance (groups/word_descriptor.hpp) are one value whatever
  /// they read: one hand writes one name alike twice on a page. On the ks-2016 tuning books
  /// (seeds 101 and 801) the declarant's and a parent's name crops were 0.20-0.45 apart for
  /// 50 of 82 one person's pairs, and never nearer than 0.75 for two people's (164 pairs,
  /// `Tôn Văn Dũng` and `Tôn Văn Khánh` at 0.81).
  double max_image_distance = 0.5;
};

/// A partner field of a value in its record.
struct TwinCandidate {
  std::string reading;          // its normalised value; "" = no partner
  double image_distance = 1.0;  // word_distance between the two crops (1 when unknown)
};

/// The partner of a value in its record: the one candidate that names the same value as
/// `reading`, a value of type `type`, by its reading (names: same_name; places: same_place;
/// others: read_alike) or by its crop's look.
/// Returns the partner's index, or -1 when none or more than one does.
int twin_of(std::string_view reading, const std::vector<TwinCandidate>& partners, FieldType type,
            const TwinOptions& options = {});

}  // namespace ledger::groups
