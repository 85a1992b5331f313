#!/usr/bin/env bash
# Runs the three steps in order on the current kubectl context: volume, plan, shards (Indexed
# Job), then the merge once every shard completed. Edit --shards in plan-job.yaml and
# completions in shards-job.yaml together.
set -euo pipefail
cd "$(dirname "$0")"
timeout=${TIMEOUT:-48h}
kubectl apply -f campaign-volume.yaml
kubectl apply -f plan-job.yaml
kubectl wait --for=condition=complete job/ledger-plan --timeout=2h
kubectl apply -f shards-job.yaml
kubectl wait --for=condition=complete job/ledger-shards --timeout="$timeout"
kubectl apply -f merge-job.yaml
kubectl wait --for=condition=complete job/ledger-merge --timeout=6h
kubectl logs job/ledger-merge
