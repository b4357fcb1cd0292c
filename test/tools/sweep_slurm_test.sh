#!/usr/bin/env bash
# test/tools/sweep_slurm_test.sh — `sovsim sweep --backend slurm` end to end on a real Slurm
# (tools/slurm-local): the tiny sweep gives byte-identical results.csv and aggregate.csv through
# a job array and through the local pool; after one result is deleted, the resumed sweep submits
# an array of that one run only and ends with the same tables; an array task killed with SIGKILL
# leaves its run without a result, resubmitted alone by the resumed sweep.
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

# A task dies (SIGKILL, as an out-of-memory kill or a lost node would end it): a run without a
# result, which the resumed sweep submits again.
( for _ in $(seq 3000); do pkill -KILL -o -f " sweep-task $work/killed" && break; sleep 0.01; done ) &
killer=$!
set +e
"$src/tools/slurm-local" -- "$sovsim" sweep "$sweep" -o "$work/killed" --backend slurm -j 2 \
  >"$work/out3.txt" 2>"$work/err3.txt"
code=$?
set -e
wait "$killer" || true
[ "$code" = 1 ] || fail "a sweep with a killed task exited $code: $(cat "$work/out3.txt" "$work/err3.txt")"
grep -q "12 runs: 11 ok (0 already done), 0 failed, 1 without a result" "$work/out3.txt" || fail "killed task: $(cat "$work/out3.txt")"
"$src/tools/slurm-local" -- "$sovsim" sweep "$sweep" -o "$work/killed" --backend slurm \
  >"$work/out4.txt" 2>"$work/err4.txt" || { cat "$work/err4.txt" >&2; fail "resume after a killed task failed"; }
grep -q "12 runs: 12 ok (11 already done)" "$work/out4.txt" || fail "resume after kill: $(cat "$work/out4.txt")"
cmp "$work/local/results.csv" "$work/killed/results.csv" || fail "results.csv differs after the killed task's rerun"
echo PASS
