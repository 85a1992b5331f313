// Dates written twice in a record, in digits (key K) and in words (K + "BangChu"), and read by
// two readers apart (the digit reader, Tesseract): where both readings name the same day (or
// the words, too garbled to name one, are nearest the digits' day), a clerk can confirm a
// book's worth of them at once, each with its own reading ("agreeing" groups, group_fields.hpp
// note 9).
#pragma once
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "groups/group_store.hpp"
#include "records/sqlite_db.hpp"

namespace ledger::groups {

/// The agreeing groups of one book: one for its dates in digits and one for their words, per
/// key, each holding the fields to fill whose other writing names the same day.
///   taken   fields another group of the book holds to fill (not grouped again)
///   purity  the measured grouping precision, folded into the confidence
/// Returns the groups (kind "agreeing", source "reading", no proposed value), those of two
/// members or more.
/// Notes:
///   1. A field to fill: status review, no clerk's value, not in a confirmed group. Its other
///      writing may be anything not blank: accepted, typed by a clerk, or under review.
///   2. Confidence of the digits' group: the least of 1 - (1 - c) x (1 - c') over its members
///      (c its reading's, c' the words', 1 when a clerk typed them), times `purity`. The words'
///      group: the least of its readings' own confidence, times `purity`: the digits vouch for
///      the day, not for the words' spelling (`ngàn` read for `nghìn`, `bẩy` for `bảy`).
///   3. Words read too badly to name any date still witness the digits when no other day,
///      month or year is written nearer them (words_witness.hpp): the digits' field then
///      joins the digits' group with its own reading's confidence (the words lend none), and
///      the words' field stays out (its reading is no value to fill it with).
std::vector<FieldGroup> agreeing_date_groups(sql::Db& db, const std::string& book,
                                             const std::set<std::int64_t>& taken, double purity);

}  // namespace ledger::groups
