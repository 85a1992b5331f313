#!/usr/bin/env bash
# The cluster test on a real single-node Slurm cluster: starts munged, slurmctld and slurmd (as
# root, on localhost, from the Debian packages), generates pages, runs them once on this machine,
# then as a 4-shard array plus the dependent merge job (deploy/slurm/submit.sh), and checks that
# the merged store equals the single run; then kills one array task, re-submits it and checks again.
#   run.sh LEDGER_OCR_BINARY
# Exit 77 (skipped) when not root or when the Slurm/munge packages are absent.
set -euo pipefail
bin=$(readlink -f "${1:?usage: run.sh LEDGER_OCR_BINARY}")
src=$(cd "$(dirname "$0")/../.." && pwd)

if [ "$(id -u)" -ne 0 ]; then echo "skipped: needs root to start slurmctld/slurmd/munged"; exit 77; fi
for c in munged munge unmunge slurmctld slurmd sbatch squeue scontrol scancel sinfo sqlite3; do
  command -v "$c" >/dev/null || { echo "skipped: $c not installed (scripts/setup.sh)"; exit 77; }
done

T=$(mktemp -d /tmp/ledger-slurm.XXXXXX)
chmod 755 "$T"
pids=()
cleanup() {
  local rc=$?
  if [ -n "${SLURM_CONF:-}" ]; then scancel --quiet --user=root 2>/dev/null || true; fi
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill "${pids[$i]}" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  if [ "$rc" -ne 0 ]; then
    echo "--- FAILED (rc $rc); logs:"
    for f in "$T"/*.log "$T"/*.out "$T"/work/logs/*; do [ -f "$f" ] && { echo "== $f"; tail -n 30 "$f"; }; done
  fi
  rm -rf "$T"
}
trap cleanup EXIT
step() { echo "[$(date +%T)] $*"; }

# --- munge, on its own socket and key -----------------------------------------------------------
dd if=/dev/urandom of="$T/munge.key" bs=1024 count=1 status=none
chmod 400 "$T/munge.key"
munged --foreground --force --key-file="$T/munge.key" --socket="$T/munge.sock" \
  --pid-file="$T/munged.pid" --log-file="$T/munged.log" --seed-file="$T/munged.seed" \
  >>"$T/munged.log" 2>&1 &
pids+=($!)
for _ in $(seq 50); do [ -S "$T/munge.sock" ] && break; sleep 0.1; done
munge -n -S "$T/munge.sock" | unmunge -S "$T/munge.sock" >/dev/null

# --- a one-node cluster: this machine, every CPU ------------------------------------------------
base=$((20000 + ($$ % 5000) * 2))
mkdir -p "$T/state" "$T/spool/localhost"
# nproc obeys OMP_THREAD_LIMIT (ctest runs with 1): ask for the CPUs the machine has.
cpus=$(getconf _NPROCESSORS_ONLN)
cat > "$T/slurm.conf" <<CONF
ClusterName=ledgertest
SlurmctldHost=localhost
SlurmctldPort=$base
SlurmdPort=$((base + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$T/munge.sock
CredType=cred/munge
StateSaveLocation=$T/state
SlurmdSpoolDir=$T/spool/%n
SlurmctldPidFile=$T/slurmctld.pid
SlurmdPidFile=$T/slurmd.pid
SlurmctldLogFile=$T/slurmctld.log
SlurmdLogFile=$T/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
ReturnToService=2
MinJobAge=600
SchedulerParameters=defer_batch=0
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$cpus State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$T/slurm.conf"
slurmctld -D -i >"$T/slurmctld.out" 2>&1 &
pids+=($!)
slurmd -D -N localhost >"$T/slurmd.out" 2>&1 &
pids+=($!)
step "waiting for the node"
for _ in $(seq 100); do
  state=$(sinfo -h -N -o %T 2>/dev/null | head -1 || true)
  case "$state" in idle*|mix*|alloc*) break ;; esac
  sleep 0.3
done
case "$state" in idle*|mix*|alloc*) ;; *) echo "node did not come up (state '$state')"; exit 1 ;; esac
step "node $state"

# --- pages and the single-machine reference -----------------------------------------------------
export OMP_THREAD_LIMIT=1
"$bin" synth --layout ks-2016 --pages 4 --seed 11 --out "$T/pages/a" >/dev/null
"$bin" synth --layout ks-ledger --pages 4 --seed 12 --volume 02 --out "$T/pages/b" >/dev/null
step "single-machine run"
"$bin" run "$T/pages" --out "$T/single.sqlite" --quiet --threads "$cpus" | head -1

# Wait for every job in "$@" to leave the queue, then print each one's final state.
wait_jobs() {
  local deadline=$((SECONDS + 600)) left
  while :; do
    left=$(squeue -h -j "$(IFS=,; echo "$*")" 2>/dev/null | wc -l || true)
    [ "$left" -eq 0 ] && break
    [ $SECONDS -lt $deadline ] || { echo "jobs $* still queued after 600 s"; squeue; return 1; }
    sleep 1
  done
}
job_state() { scontrol show job "$1" | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p' | sort -u | tr '\n' ' '; }

export LEDGER_OCR="$bin" LEDGER_MERGE_ARGS="--compare $T/single.sqlite"
submit=("$src/deploy/slurm/submit.sh" --work "$T/work" --cpus 1 --limit 2)

# --- the campaign: 4 shards + the dependent merge -----------------------------------------------
step "submitting 4 shards and the merge"
out=$("${submit[@]}" --shards 4 "$T/pages")
echo "$out"
array=$(sed -n 's/^array //p' <<<"$out")
merge=$(sed -n 's/^merge //p' <<<"$out")
wait_jobs "$array" "$merge"
step "array: $(job_state "$array")  merge: $(job_state "$merge")"
[ "$(job_state "$array")" = "COMPLETED " ] || { echo "array tasks did not all complete"; exit 1; }
[ "$(job_state "$merge")" = "COMPLETED " ] || { echo "merge job did not complete"; exit 1; }
cat "$T/work/logs/merge-$merge.out"
grep -q "campaign complete" "$T/work/logs/merge-$merge.out"
grep -q ": EQUAL" "$T/work/logs/merge-$merge.out" || { echo "merged store differs from the single run"; exit 1; }
records=$(sqlite3 "$T/work/campaign.sqlite" "SELECT COUNT(*) FROM records")
[ "$records" -gt 0 ] || { echo "no records merged"; exit 1; }

# --- kill one array task while it runs, re-submit it, merge again -------------------------------
step "killing shard 1 while it runs"
rm -f "$T/work/shards/shard-1.sqlite"*
out=$("${submit[@]}" --only 1 --no-merge)
killed=$(sed -n 's/^array //p' <<<"$out")
for _ in $(seq 600); do
  # Once the task has stored a page, so that the re-run has something to resume from.
  stored=$(sqlite3 "$T/work/shards/shard-1.sqlite" "SELECT COUNT(*) FROM pages" 2>/dev/null || echo 0)
  [ "$(job_state "$killed")" = "RUNNING " ] && [ "$stored" -ge 1 ] && break
  [ -z "$(squeue -h -j "$killed")" ] && break
  sleep 0.1
done
scancel --signal=KILL "$killed" || true
wait_jobs "$killed"
step "killed task: $(job_state "$killed")"
done_before=$(sqlite3 "$T/work/shards/shard-1.sqlite" "SELECT COUNT(*) FROM pages" 2>/dev/null || echo 0)
[ "$(job_state "$killed")" = "CANCELLED " ] || echo "note: shard 1 finished before it could be killed"
step "re-submitting shard 1 ($done_before pages stored before the kill) and the merge"
out=$("${submit[@]}" --only 1)
array=$(sed -n 's/^array //p' <<<"$out")
merge=$(sed -n 's/^merge //p' <<<"$out")
wait_jobs "$array" "$merge"
step "array: $(job_state "$array")  merge: $(job_state "$merge")"
[ "$(job_state "$merge")" = "COMPLETED " ] || { echo "second merge job did not complete"; exit 1; }
cat "$T/work/logs/merge-$merge.out"
grep -q ": EQUAL" "$T/work/logs/merge-$merge.out" || { echo "re-merged store differs from the single run"; exit 1; }
[ "$(sqlite3 "$T/work/campaign.sqlite" "SELECT COUNT(*) FROM records")" = "$records" ] || {
  echo "record count changed after the re-merge"; exit 1; }
step "slurm campaign: merged store equals the single run, also after a killed and re-run shard"
