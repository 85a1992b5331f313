// The grouping pass over a store (`ledger-ocr group STORE`): for each book, the fields a clerk
// would review are grouped so that one confirmation fills many: crops that look alike and long
// values read alike (one proposed value each; accepted ones join as evidence), and entry
// numbers in sequence, registration days in order and dates whose digits and words agree
// (each member keeps its own reading).
#pragma once
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "core/field_type.hpp"
#include "fields/lexicons.hpp"
#include "groups/read_alike.hpp"
#include "groups/written_twice.hpp"

namespace ledger::groups {

/// Settings of the grouping pass.
struct GroupingOptions {
  std::string book_id;   // "" = every book in the store
  long long batch = 0;   // > 0: only the books pages of this batch (one run) were written to
  /// Complete-linkage threshold on word_distance (groups/word_descriptor.hpp). Tuned with
  /// bench/grouping_bench's sweep (clustering alone) on one-hand ks-2016 books of 15 pages,
  /// with whole pen strokes and half-step blocks: on seeds 101-103 and 801-803, 0.45 grouped
  /// 410 and 427 crops at 0.998 and 1.000, 0.50 fell to 0.995; on held-out seeds 201-203, 0.45
  /// grouped 413 of 786 crops, all of one true value (0.40: 389).
  double threshold = 0.45;
  /// Field types grouped: values that repeat within a book. Dates, numbers and ids hardly ever
  /// repeat, and the digit reader handles them.
  std::vector<FieldType> types = {FieldType::Sex,   FieldType::Ethnicity, FieldType::Nationality,
                                  FieldType::Text,  FieldType::Name,      FieldType::Place};
  /// Field types whose long readings are also grouped when they read alike (note 7).
  std::vector<FieldType> reading_types = {FieldType::Text, FieldType::Place, FieldType::Date, FieldType::Name};
  /// Closed-vocabulary types whose fields to fill read as the same entry (`Việt Nam`, `Kinh`)
  /// are grouped too, however short (note 7). Not sex: a `Nữ` misread lands on `Nam`, the
  /// other entry, as readily as on nothing.
  std::vector<FieldType> vocabulary_types = {FieldType::Nationality, FieldType::Ethnicity};
  ReadAlikeOptions read_alike;
  /// Keys of numbers that run through a book one by one (entry and page numbers): their readings
  /// that continue the sure ones around them form one sequence group per book and key (note 6).
  std::set<std::string> sequence_keys = {"so", "trangSo"};
  /// Keys of page numbers, which the scans' file names carry too: their readings that the file
  /// names confirm join the key's sequence group as well (note 10).
  std::set<std::string> page_keys = {"trangSo"};
  /// Keys of entry numbers, which advance with the page in books of one record per page: their
  /// readings that their files' page numbers confirm join the key's sequence group too (note 10).
  std::set<std::string> page_entry_keys = {"so"};
  /// Keys of the entry number and the registration day that a one-record file's name carries
  /// (KS.2007.01.2008-01-28.01.pdf): their readings the names confirm join the key's sequence
  /// group as well (note 10).
  std::set<std::string> named_entry_keys = {"so"};
  std::set<std::string> named_day_keys = {"ngayDangKy"};
  /// Keys of dates that never fall through a book (registration days): their readings in order
  /// between the sure ones around them form one sequence group per book and key (note 8).
  std::set<std::string> order_keys = {"ngayDangKy"};
  /// Dates written twice whose digits and words agree form agreeing groups (note 9).
  bool agreeing = true;
  /// Keys whose value is mostly a partner's in the same record (note 11): the declarant is
  /// mostly a parent, and the parents mostly live at one address.
  std::vector<TwinKeys> twin_keys = {{"nycHoTen", {"chaHoTen", "meHoTen"}}, {"chaNoiCuTru", {"meNoiCuTru"}}};
  /// When two values written in one record read as one (note 11).
  TwinOptions twins;
  int max_cluster_input = 400;   // crops clustered together at most (note 5)
  double sure_confidence = 0.9;  // a reading this confident backs a proposal ("reading")
  double purity = 0.99;          // measured grouping precision, folded into proposal confidence
  /// Closed vocabularies (ethnic groups, countries) for groups no reading backs
  /// (vocabulary_vote.hpp); null: Lexicons::builtin().
  const Lexicons* lexicons = nullptr;
};

/// What the pass did.
struct GroupingSummary {
  int books = 0;
  int crops = 0;           // field crops described
  int groups = 0;          // groups stored (each holds at least one field to review)
  int grouped_fields = 0;  // fields to review that are in a group
  int proposed = 0;        // groups with a proposal backed by a sure reading or a clerk
  int sequences = 0;       // of the groups, sequence groups (note 6)
  int read_alike = 0;      // of the groups, read-alike groups (note 7)
  int in_order = 0;        // of the groups, sequence groups of dates in order (note 8)
  int agreeing = 0;        // of the groups, dates whose digits and words agree (note 9)
  int written_twice = 0;   // of the groups, one value written twice in a record (note 11)
  int pages_unreadable = 0;  // pages whose scan could not be decoded (their fields stay ungrouped)
  double seconds = 0;
};

/// Groups the fields of `store` (the SQLite file of a run).
/// Notes:
///   1. Groups no clerk confirmed are rebuilt from scratch for each book processed; confirmed
///      groups stay, and their members are not grouped again.
///   2. Members to fill are fields with status review and no clerk value yet; fields accepted
///      or already typed by a clerk join groups as evidence only. Groups without a field to
///      fill, and single crops, are not stored.
///   3. Never changes a field: status, value and reviewed value stay as they are.
///   3a. A group of ethnicity, nationality or sex that no sure reading or clerk backs proposes
///      the vocabulary entry most of its readings are nearest to (vocabulary_vote.hpp), with
///      confidence 0.5 x share of votes x purity, source "none": a suggestion to confirm.
///      Without a vote, it proposes the value of the nearest crop read surely elsewhere in the
///      book (sure_neighbour.hpp; confidence 0.5 x purity, source "none") when that value is
///      an entry of the vocabulary, else nothing (a misreading like "rh" would only have to be
///      deleted).
///   4. Pages are decoded from the paths stored in `pages` (ingest/load_page.hpp); a page that
///      is gone or unreadable is counted and skipped.
///   5. Complete linkage costs n^2 distances and up to n^3 steps: a book's crops of one type are
///      clustered in runs of `max_cluster_input`, taken in order of aspect ratio.
///   6. Sequence groups: for each key of `sequence_keys`, the book's non-blank fields in book
///      order (pages by path, then rows) are fitted by fit_sequence (entry_sequence.hpp); sure
///      means accepted or typed by a clerk (not merely read with high confidence: one hand's
///      quirk, a 1 written like a 7, misreads every page alike, so unsure readings back each
///      other wrongly). The fields to fill that agree are the members, each to be filled with
///      its own reading; the sure neighbours that backed them join as evidence. The group's
///      confidence is the least confident neighbour's times `purity`, its source "reading", its
///      proposed value "" (each member has its own). No crops are decoded for it.
///   7. Read-alike groups: after the other groups, the book's fields of `reading_types` that
///      no other group holds are clustered by their readings (read_alike.hpp): long values one
///      hand wrote alike and Tesseract read alike (a place, the signer's line, a registration
///      day, a name). Per type, but dates per key: a birthday read like another entry's
///      registration day is a coincidence. Names read alike only when read the same: one letter
///      makes another person (`Trần Thị Khương`, `Trần Thị Phương`). Readings a whole-book check contradicts (fields/record_rules.hpp:
///      out of sequence, out of order) are left out. Members to fill and evidence as in note 2;
///      the proposal as for look-alikes (proposal.hpp), but only evidence (an accepted or typed
///      crop) makes its source "reading": the members were grouped for reading alike, and one
///      hand's misreading repeats (`UBWD` for `UBND` on two pages, each read with 0.9). They are
///      stored as kind "look-alike" (one value for all members: the review station shows them
///      alike) and counted in `read_alike`. Fields of `vocabulary_types` join such groups when
///      read as the same entry of their vocabulary (the lexicon's countries, ethnic groups).
///   8. Days in order: for each key of `order_keys`, the book's non-blank fields in book order
///      are fitted by fit_date_order (date_order.hpp; the book's year from pages.book_year), sure
///      meaning accepted or typed as in note 6. The fields to fill in order between their sure
///      neighbours form a sequence group like note 6's, of the key's field type (a date).
///   9. Agreeing groups (agreeing_dates.hpp): a date written twice in a record, in digits (key
///      K) and in words (K + "BangChu", fields/record_rules.hpp), is read twice by different
///      readers. Where the two name the same day, each field to fill of the pair joins its
///      key's agreeing group (kind "agreeing"), to be filled with its own reading: one for the
///      book's dates in digits, one for their words. Built after the sequence groups, before
///      the read-alike ones; a group needs two members. The words' group claims no more than
///      its readings' own confidence: the digits vouch for the day, not the spelling. Words
///      too garbled to name a day still witness the digits when nearest their day
///      (words_witness.hpp): the digits join alone, with their own confidence.
///  10. File names: for each key of `page_keys` (also when not in `sequence_keys`), a field
///      to fill whose number its scan's file name confirms (file_names.hpp: the file's page
///      number, plus the offset the book's sure page numbers show, or 0 when at least half its
///      readings show that) joins the key's sequence group, with the sure entries that showed
///      the offset as evidence. Likewise the entry numbers (`named_entry_keys`) and registration
///      days (`named_day_keys`) that one-record files' names carry, in books where at least
///      half the readings agree with the names. And the entry numbers (`page_entry_keys`)
///      that their files' page numbers confirm in books of one record per page
///      (fit_entry_pages). Confidence as note 6 (1 when no sure entry backs it, so purity).
///      In a book whose offset is known, a page or entry number to fill that its file's page
///      contradicts (a hand's 1 read as 7: `73` on page 13) joins too, with the page's value
///      proposed for it (GroupMember::proposed, written as the book writes its numbers); the
///      clerk sees its crop beside that value, and confirming fills it. A group holding such a
///      member claims half its confidence: the value is the book's witness, not its ink.
///  11. Written twice (written_twice.hpp): after the read-alike groups, for each record and
///      each of `twin_keys`, a field of the key and the one partner field whose reading names
///      the same value (twin_of with `twins`: looser than read-alike across the book, and for
///      names and places part by part) form a group of two, one value for both,
///      when at least one of them is left to fill and neither is held by another group. The
///      proposal is made as for read-alike groups (note 7): only an accepted or typed member
///      makes its source "reading". Stored as kind "look-alike", counted in `written_twice`.
/// Throws InputError naming the store when it cannot be opened.
GroupingSummary group_fields(const std::filesystem::path& store, const GroupingOptions& options = {});

}  // namespace ledger::groups
