#!/usr/bin/env bash
# Regenerates samples/: a few synthetic register pages of each layout with ledger-gt/1 sidecars,
# filed like a real campaign (<province>/<district>/<commune>/<book type>/<year.volume>/).
# Usage: scripts/make_samples.sh [path/to/ledger-ocr]   (default: build/ledger-ocr)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${1:-build/ledger-ocr}"
[ -x "$BIN" ] || { echo "make_samples.sh: no ledger-ocr binary at $BIN (build it first)" >&2; exit 2; }

UNIT="samples/Tỉnh Quảng Trị/Huyện Hướng Hóa/Xã Hướng Phùng/ks"
rm -rf samples/"Tỉnh Quảng Trị"
# name layout year pages seed: mixed typed and handwritten pages, 200 dpi, JPEG (small files)
while read -r layout year pages seed; do
  "$BIN" synth --layout "$layout" --year "$year" --pages "$pages" --seed "$seed" \
    --commune "Xã Hướng Phùng" --hand-ratio 0.5 --dpi-min 200 --dpi-max 200 --format jpg \
    --out "$UNIT/$year.01"
done <<'LIST'
ks-2016 2017 4 17
ks-2006 2008 4 1
ks-ledger 1999 3 99
LIST
du -sh samples
