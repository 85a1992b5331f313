#!/usr/bin/env python3
# Builds the lexicons in models/lexicons/ from the public data in ../shared/data (see shared/README.md).
# Each output keeps a `# source:` first line; run again after the shared data changes, then commit.
#
# usage: scripts/build_lexicons.py [--shared ../shared] [--out models/lexicons]
#
# ethnicities.tsv and countries.tsv are written by hand (public knowledge) and are not touched here.

import argparse
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def nfc(s):
    return unicodedata.normalize("NFC", " ".join(s.split()))


def read_counts(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        next(f)  # header
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2 and parts[0].strip():
                rows.append((nfc(parts[0]), int(parts[1])))
    merged = {}
    for name, count in rows:
        merged[name] = merged.get(name, 0) + count
    return sorted(merged.items(), key=lambda kv: (-kv[1], kv[0]))


def strip_marks(s):
    d = unicodedata.normalize("NFD", s.lower())
    return "".join(c for c in d if not unicodedata.combining(c)).replace("đ", "d")


# Rare spellings that are real names (public knowledge), kept although one diacritic away from a
# frequent name: Lường and Phàn are surnames of the Thái and Dao, the others common syllables.
REAL_RARE = set("Lường Phàn Tiên Định Khanh Thi Phượng Quảng Lễ Hoằng Trùng Trương Trưng Quan Hai "
                "Tám Phù Tần Ấn Lĩnh Dụng Thạo Nhạn Bao Dưỡng Trị Thào".split())


def drop_typos(rows):
    """Drops rare spellings one diacritic away from a far more frequent one ("Nguyến" x1 next to
    "Nguyễn" x2746): typos of the name list, which would stop OCR slips from being corrected."""
    by_bare = {}
    for syl, count in rows:
        by_bare.setdefault(strip_marks(syl), []).append((syl, count))
    kept = []
    for syl, count in rows:
        top = max(c for s, c in by_bare[strip_marks(syl)])
        if syl not in REAL_RARE and count <= 3 and top >= 50 * count and len(syl) == len(
                next(s for s, c in by_bare[strip_marks(syl)] if c == top)):
            other = next(s for s, c in by_bare[strip_marks(syl)] if c == top)
            diffs = sum(1 for a, b in zip(unicodedata.normalize("NFC", syl.lower()),
                                          unicodedata.normalize("NFC", other.lower())) if a != b)
            if diffs == 1:
                continue
        kept.append((syl, count))
    return kept


def write_counts(out, name, source, rows):
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        f.write(f"# source: {source}\n")
        f.write("# syllable<TAB>count, NFC, most frequent first; rare spellings one diacritic away "
                "from a 50x more frequent one dropped as typos\n")
        for syl, count in rows:
            f.write(f"{syl}\t{count}\n")


# A Vietnamese syllable: optional onset, a vowel nucleus of one to three vowels, optional coda.
# Checked on the accent-stripped lower-case form; keeps the word list's Vietnamese syllables and
# drops the English and other foreign words it also holds.
ONSET = r"(ngh|ch|gh|gi|kh|ng|nh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?"
NUCLEUS = r"(a|e|i|o|u|y|ă|â|ê|ô|ơ|ư){1,3}"
CODA = r"(ng|nh|ch|c|m|n|p|t)?"
SYLLABLE = re.compile("^" + ONSET + NUCLEUS + CODA + "$")
TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def strip_tones(s):
    d = unicodedata.normalize("NFD", s)
    return unicodedata.normalize("NFC", "".join(c for c in d if c not in TONES))


def is_vietnamese_syllable(s):
    return bool(SYLLABLE.match(strip_tones(s)))


def build_syllables(shared, out, name_rows, extra_words):
    words = set()
    with open(os.path.join(shared, "data/vn-wordlist/vie.wordlist"), encoding="utf-8") as f:
        for line in f:
            w = nfc(line.strip()).lower()
            if w and " " not in w and is_vietnamese_syllable(w):
                words.add(w)
    for rows in name_rows:
        for syl, _ in rows:
            w = syl.lower()
            if is_vietnamese_syllable(w):
                words.add(w)
    # Syllables of unit and ethnic-group names, unfiltered: minority-language syllables such as
    # "Krông" or "Bru" are real written forms in place and ethnicity fields.
    for w in extra_words:
        for piece in re.split(r"[\s\-']+", nfc(w).lower()):
            if piece and re.search(r"[^\d\W]", piece):
                words.add(piece)
    # Number words and unit words that registers always use, in case the word list lacks them.
    words.update("không một hai ba bốn năm sáu bảy tám chín mười mươi mốt lăm tư linh lẻ "
                 "trăm ngàn nghìn ngày tháng giêng chạp thôn xóm bản ấp xã phường huyện tỉnh "
                 "thị trấn thành phố khu phố tổ".split())
    with open(os.path.join(out, "syllables.txt"), "w", encoding="utf-8") as f:
        f.write("# source: shared/data/vn-wordlist/vie.wordlist (tesseract-ocr/langdata_lstm @ 07930fd, "
                "Apache-2.0), filtered to Vietnamese syllables by scripts/build_lexicons.py, plus name "
                "syllables of shared/data/vn-names, of the unit names in places.tsv and of ethnicities.tsv, "
                "and number/unit words\n")
        for w in sorted(words):
            f.write(w + "\n")
    return len(words)


def build_places(shared, out, rows_out):
    d = os.path.join(shared, "data/vn-admin-units")
    rows = []  # code, level, name, parent, from, to
    # Quảng Trị's own table: units as of 2025-03, older names, the 2025-07 merged communes.
    qt = []
    with open(os.path.join(d, "quang-tri-units.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            p = line.rstrip("\n").split("\t")
            level, code, parent, name, _type, source = p[:6]
            qt.append((level, code, parent, nfc(name), source))
    renamed = {code for level, code, parent, name, source in qt if source == "historical_alias"}
    for level, code, parent, name, source in qt:
        if source == "historical_alias":
            # Đông Hà became a city in 2009 (NQ 33/NQ-CP); every other old name ended with the
            # commune reorganisation of 1 Jan 2020 (NQ 832/NQ-UBTVQH14). Years are inclusive.
            to = "2009" if code == "461" else "2019"
            rows.append((code, level, name, parent, "", to))
        elif level.endswith("-new"):
            lvl = "1" if level.startswith("1") else "3"  # after 2025 communes hang on the province
            rows.append((code, lvl, name, parent, "2025", ""))
        else:
            start = ("2009" if code == "461" else "2020") if code in renamed else ""
            rows.append((code, level, name, parent, start, "2025"))
    # Every province and district of 2025-03 (births elsewhere), Quảng Bình's communes (merged into
    # Quảng Trị in 2025), and the 34 provinces after the 2025-07 merger.
    units = json.load(open(os.path.join(d, "units-2025-03.json"), encoding="utf-8"))["data"]
    for p1 in units:
        if p1["level1_id"] == "45":
            continue  # Quảng Trị: from its own table above
        rows.append((p1["level1_id"], "1", nfc(p1["name"]), "", "", "2025"))
        for p2 in p1.get("level2s", []):
            rows.append((p2["level2_id"], "2", nfc(p2["name"]), p1["level1_id"], "", "2025"))
            if p1["level1_id"] == "44":
                for p3 in p2.get("level3s", []):
                    rows.append((p3["level3_id"], "3", nfc(p3["name"]), p2["level2_id"], "", "2025"))
    merged = json.load(open(os.path.join(d, "merger-2025-07.json"), encoding="utf-8"))["data"]
    for p1 in merged:
        if p1["level1_id"] == "44":
            continue  # in Quảng Trị's table
        rows.append((p1["level1_id"], "1", nfc(p1["name"]), "", "2025", ""))
    rows_out[:] = rows
    with open(os.path.join(out, "places.tsv"), "w", encoding="utf-8") as f:
        f.write("# source: shared/data/vn-admin-units/quang-tri-units.tsv, units-2025-03.json, "
                "merger-2025-07.json (daohoangson/dvhcvn @ 4b1b6b5, dvhcvn-historical-data @ d88580f, "
                "dvhcvn/20250701 @ dd94887; GSO codes); validity years of renamed units from public "
                "knowledge (NQ 832/NQ-UBTVQH14 2020, NQ 33/NQ-CP 2009)\n")
        f.write("# code<TAB>level (1 province, 2 district, 3 commune)<TAB>name<TAB>parent_code<TAB>"
                "valid_from<TAB>valid_to (years, inclusive; empty = open)\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    return len(rows)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(ROOT), "shared"))
    ap.add_argument("--out", default=os.path.join(ROOT, "models/lexicons"))
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    names = os.path.join(a.shared, "data/vn-names")
    up = "(duyet/vietnamese-namedb @ 2129070, MIT)"
    sur = drop_typos(read_counts(os.path.join(names, "surname_counts_DERIVED.tsv")))
    mid = drop_typos(read_counts(os.path.join(names, "middle_name_syllable_counts_DERIVED.tsv")))
    giv = drop_typos(read_counts(os.path.join(names, "given_name_syllable_counts_DERIVED.tsv")))
    write_counts(a.out, "surnames.tsv", f"shared/data/vn-names/surname_counts_DERIVED.tsv {up}", sur)
    write_counts(a.out, "middle_names.tsv",
                 f"shared/data/vn-names/middle_name_syllable_counts_DERIVED.tsv {up}", mid)
    write_counts(a.out, "given_names.tsv",
                 f"shared/data/vn-names/given_name_syllable_counts_DERIVED.tsv {up}", giv)
    place_rows = []
    n_pl = build_places(a.shared, a.out, place_rows)
    extra = [r[2] for r in place_rows]
    eth = os.path.join(a.out, "ethnicities.tsv")  # hand-written, read for its words
    if os.path.exists(eth):
        for line in open(eth, encoding="utf-8"):
            if not line.startswith("#"):
                p = line.rstrip("\n").split("\t")
                extra += [p[0]] + (p[2].split(";") if len(p) > 2 else [])
    n_syl = build_syllables(a.shared, a.out, [sur, mid, giv], extra)
    print(f"surnames {len(sur)}, middle {len(mid)}, given {len(giv)}, syllables {n_syl}, places {n_pl}")


if __name__ == "__main__":
    sys.exit(main())
