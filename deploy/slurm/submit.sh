#!/usr/bin/env bash
# Runs a campaign on a Slurm cluster: plans the inputs into N shards (unless WORK/plan exists),
# submits one array task per shard, then the merge job that waits for them (afterok).
#
#   submit.sh --work DIR --shards N [--limit L] [--cpus C] [--only K] [--no-merge]
#             [--sbatch-args "..."] INPUT...
#
#   --work DIR     shared folder: DIR/plan, DIR/shards/shard-K.sqlite, DIR/campaign.sqlite, DIR/logs
#   --shards N     number of shards = array tasks (only used when planning)
#   --limit L      at most L tasks at once (sbatch --array=...%L), default 8
#   --cpus C       CPUs per task = page threads per task, default 4
#   --only K       (re)submit only shard K, e.g. after it was killed; the plan is reused
#   --no-merge     do not submit the merge job
# Environment: LEDGER_OCR (the binary, default: ledger-ocr on PATH), LEDGER_RUN_ARGS and
# LEDGER_MERGE_ARGS (extra options for run and merge), passed on to the jobs.
# Prints "array <jobid>" and "merge <jobid>".
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work="" shards="" limit=8 cpus=4 only="" merge=1 extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --work) work=$2; shift 2 ;;
    --shards) shards=$2; shift 2 ;;
    --limit) limit=$2; shift 2 ;;
    --cpus) cpus=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    --no-merge) merge=0; shift ;;
    --sbatch-args) read -r -a extra <<<"$2"; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    --) shift; break ;;
    -*) echo "submit.sh: unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
[ -n "$work" ] || { echo "submit.sh: --work DIR is required" >&2; exit 2; }
mkdir -p "$work/logs" "$work/shards"
work=$(cd "$work" && pwd)
LEDGER_OCR=${LEDGER_OCR:-ledger-ocr}
export LEDGER_OCR PLAN="$work/plan" SHARDS_DIR="$work/shards" CAMPAIGN="$work/campaign.sqlite"

if [ ! -f "$PLAN/plan.json" ]; then
  [ -n "$shards" ] && [ $# -gt 0 ] || { echo "submit.sh: planning needs --shards N and INPUT..." >&2; exit 2; }
  "$LEDGER_OCR" plan "$@" --shards "$shards" --out "$PLAN"
fi
n=$(sed -n 's/^ *"shards": *\([0-9]*\).*/\1/p' "$PLAN/plan.json" | head -1)
[ -n "$n" ] || { echo "submit.sh: cannot read the shard count from $PLAN/plan.json" >&2; exit 3; }
if [ -n "$only" ]; then range="$only"; else range="0-$((n - 1))%$limit"; fi

array=$(sbatch --parsable "${extra[@]}" --array="$range" --cpus-per-task="$cpus" \
  --output="$work/logs/shard-%A_%a.out" --export=ALL "$here/campaign.sbatch")
array=${array%%;*}  # --parsable prints "jobid[;cluster]"
echo "array $array"
if [ "$merge" -eq 1 ]; then
  job=$(sbatch --parsable "${extra[@]}" --dependency="afterok:$array" \
    --output="$work/logs/merge-%j.out" --export=ALL "$here/merge.sbatch")
  echo "merge ${job%%;*}"
fi
