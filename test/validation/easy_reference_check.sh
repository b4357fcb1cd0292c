#!/usr/bin/env bash
# test/validation/easy_reference_check.sh SOVSIM SOURCE_DIR — sovsim's `easy` must start every
# job at exactly the time an independent textbook EASY simulator (easy_reference.py) does, on the
# NASA iPSC log and on an overloaded synthetic 30,000-job log.
set -euo pipefail
sovsim=$1 src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ref="$src/test/validation/easy_reference.py"
python3 "$ref" generate "$work/synthetic.swf" 30000 11
for log in "$src/scenarios/traces/NASA-iPSC-1993-3.1-cln.swf" "$work/synthetic.swf"; do
  "$sovsim" run "$src/scenarios/replay/swf.yaml" -q --set scheduler.policy=easy \
    --set "workload.trace.path=$log" -o "$work/out"
  python3 "$ref" check "$log" "$work/out/jobs.csv" 128
done
