#!/usr/bin/env bash
# test/tools/sweep_slurm_test.sh — `sovsim sweep --backend slurm` end to end on a real Slurm
# (tools/slurm-local): the tiny sweep gives byte-identical results.csv and aggregate.csv through
# a job array and through the local pool; after one result is deleted, the resumed sweep submits
# an array of that one run only and ends with the same tables.
#   test/tools/sweep_slurm_test.sh SOURCE_DIR SOVSIM_BINARY
set -euo pipefail
src=$1
sovsim=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v sbatch >/dev/null || fail "'sbatch' is not installed: run tools/setup --deps-only"

sweep=$src/scenarios/sweeps/quickstart_tiny.yaml
"$sovsim" sweep "$sweep" -o "$work/local" -j 2 >/dev/null
"$src/tools/slurm-local" -- "$sovsim" sweep "$sweep" -o "$work/slurm" --backend slurm -j 2 \
  >"$work/out.txt" 2>"$work/err.txt" || { cat "$work/err.txt" >&2; fail "slurm sweep failed"; }
grep -q "12 runs: 12 ok" "$work/out.txt" || fail "unexpected summary: $(cat "$work/out.txt")"
grep -q -- "--array=0-11%2" "$work/slurm/slurm/array-0.sh" || fail "array spec: $(cat "$work/slurm/slurm/array-0.sh")"
for f in results.csv aggregate.csv; do
  cmp "$work/local/$f" "$work/slurm/$f" || fail "$f differs between the local and the Slurm backend"
done

rm "$work/slurm/results/r0005.json"
"$src/tools/slurm-local" -- "$sovsim" sweep "$sweep" -o "$work/slurm" --backend slurm \
  >"$work/out2.txt" 2>"$work/err2.txt" || { cat "$work/err2.txt" >&2; fail "resumed slurm sweep failed"; }
grep -q "12 runs: 12 ok (11 already done)" "$work/out2.txt" || fail "resume: $(cat "$work/out2.txt")"
grep -q -- "--array=5$" "$work/slurm/slurm/array-0.sh" || fail "resume array: $(grep array= "$work/slurm/slurm/array-0.sh")"
cmp "$work/local/results.csv" "$work/slurm/results.csv" || fail "results.csv differs after the resume"
echo PASS
