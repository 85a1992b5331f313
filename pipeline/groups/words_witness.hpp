// A date's words read too badly to parse can still witness the date its digits were read as:
// "ngày mười bảy, Viếng mười Hai năm hai nghìn ..." names no date, but no day, month or year
// other than 17.12.2017's is written nearer it.
#pragma once
#include <string>

#include "fields/dates.hpp"

namespace ledger::groups {

/// Whether `words_reading` (Tesseract's reading of a date written in words) is nearer `date`
/// in words than the same date with any other day (1-31), month (1-12) or year (within 10).
///   words_reading  the reading as stored; case, marks and stray signs do not count
///   date           the date its digits were read as (a full date, not a year alone)
///   max_share      the most edit distance allowed, as a share of the reading's length
/// Returns false for a year alone or an empty reading.
/// Notes:
///   1. Each candidate is written as date_in_words (core/date_in_words.hpp) writes it, in the
///      four spellings of nghìn/ngàn and linh/lẻ, and the nearest spelling counts; a reading
///      and a candidate are compared as lower-case letters and digits, one space between words.
///   2. Each part is tested against its own alternatives, the other parts held: the day must
///      be nearer than every other day, and likewise the month and the year. A tie is no
///      witness: garbled words ("TjÀ1J mưởi") do not tell "hai" from "ba".
///   3. Tuned on the ks-2016 and ks-2006 grouping_bench stores (3 books x 15 pages each, six
///      sets): every birth date in digits to fill that its words witnessed was read right (52
///      of 52); with max_share 0.5.
///   4. Not a reading of the words: it says nothing of how they are spelt (the spelling of
///      nghìn/ngàn nearest such a reading was the writer's in 55 of 63 on those sets).
bool words_witness(const std::string& words_reading, const SimpleDate& date, double max_share = 0.5);

}  // namespace ledger::groups
