#!/usr/bin/env bash
# test/tools/slurm_local_test.sh — tools/slurm-local starts a real single-node Slurm, runs a job
# array on it and leaves nothing behind (docs/slurm.md):
#   1. a job array 0-3%2 runs, each task writes its line, task 2 exits 3 and Slurm records it as
#      FAILED with exit code 3; COMMAND's exit code comes back (0, then 7);
#   2. SIGTERM to tools/slurm-local while a job runs: exit 143, the job is killed;
#   and after each run no process of that instance (munged, slurmctld, slurmd, slurmstepd, job) is
#   running and its state directory is gone. Needs root and Slurm (tools/setup installs it).
#
#   test/tools/slurm_local_test.sh [REPO_ROOT]
set -euo pipefail
root=${1:-$(cd "$(dirname "$0")/../.." && pwd)}
tool=$root/tools/slurm-local

fail() { echo "FAIL: $*" >&2; exit 1; }
for c in sbatch squeue scontrol slurmctld slurmd munged; do
  command -v "$c" >/dev/null ||
    fail "'$c' is not installed: run tools/setup --deps-only (Debian slurmctld slurmd slurm-client munge)"
done
[ "$(id -u)" -eq 0 ] || fail "must run as root (tools/slurm-local starts slurmd)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/out"

# Processes, not zombies, whose command line or environment names $1 or that hold a file in it.
# The pattern is read from a file so that grep does not find itself.
leftovers() {
  local f p stat
  printf '%s\n' "$1" >"$work/pattern"
  for f in $(grep -lsFf "$work/pattern" /proc/[0-9]*/cmdline /proc/[0-9]*/environ) \
           $(find /proc/[0-9]*/fd -maxdepth 1 -lname "$1/*" 2>/dev/null); do
    p=${f#/proc/}; p=${p%%/*}
    read -r stat 2>/dev/null <"/proc/$p/stat" || continue
    stat=${stat##*) }
    [ "${stat:0:1}" = Z ] || echo "$p $(tr '\0' ' ' <"/proc/$p/cmdline")"
  done | sort -u
}

check_stopped() {  # STATE_DIR: everything of that instance is gone
  local state=$1 left
  [[ $state == */slurm-local.* ]] || fail "COMMAND did not see SLURM_LOCAL_DIR (got '$state')"
  [ ! -e "$state" ] || fail "state directory $state still exists"
  left=$(leftovers "$state")
  [ -z "$left" ] || fail "still running after tools/slurm-local returned:"$'\n'"$left"
}

# --- 1. a job array, polled with squeue (no accounting: no sacct, no sbatch --wait)
cat >"$work/array.sh" <<'EOF'
set -euo pipefail
out=$1
echo "$SLURM_LOCAL_DIR" >"$out/state_dir"
[ "$(sinfo -h -o %T)" = idle ] || { echo "node not idle: $(sinfo)" >&2; exit 1; }
job=$(sbatch --parsable --array=0-3%2 --output="$out/task-%a.out" \
  --wrap='echo task $SLURM_ARRAY_TASK_ID; if [ "$SLURM_ARRAY_TASK_ID" = 2 ]; then exit 3; fi')
job=${job%%;*}
echo "$job" >"$out/job_id"
deadline=$((SECONDS + 120))
while q=$(squeue -h -j "$job") && [ -n "$q" ]; do
  ((SECONDS < deadline)) || { echo "array $job still queued after 120 s:"$'\n'"$q" >&2; exit 1; }
  sleep 0.5
done
for t in 0 1 2 3; do scontrol show job "${job}_$t" >"$out/task-$t.scontrol"; done
EOF
start=$SECONDS
rc=0
(cd / && "$tool" -- bash "$work/array.sh" "$work/out") || rc=$?
echo "array run: exit $rc after $((SECONDS - start)) s"
[ "$rc" -eq 0 ] || fail "tools/slurm-local -- bash array.sh exited $rc, want 0"
[ -s "$work/out/job_id" ] || fail "no job id recorded"
for t in 0 1 2 3; do
  [ -f "$work/out/task-$t.out" ] || fail "task $t wrote no output file"
  got=$(<"$work/out/task-$t.out")
  [ "$got" = "task $t" ] || fail "task $t output is '$got', want 'task $t'"
  sc=$(<"$work/out/task-$t.scontrol")
  grep -q "ArrayTaskId=$t " <<<"$sc" || fail "scontrol for task $t shows another task:"$'\n'"$sc"
  grep -q "ArrayTaskThrottle=2" <<<"$sc" || fail "task $t: the %2 throttle is not recorded"
  if [ "$t" = 2 ]; then want_state=FAILED want_exit=3:0; else want_state=COMPLETED want_exit=0:0; fi
  grep -q "JobState=$want_state " <<<"$sc" || fail "task $t is not $want_state:"$'\n'"$sc"
  grep -q "ExitCode=$want_exit" <<<"$sc" || fail "task $t exit code is not $want_exit:"$'\n'"$sc"
done
check_stopped "$(<"$work/out/state_dir")"

rc=0
# shellcheck disable=SC2016  # expanded by the inner bash
"$tool" -- bash -c 'echo "$SLURM_LOCAL_DIR" >"$1"; exit 7' _ "$work/exit7_state" || rc=$?
[ "$rc" -eq 7 ] || fail "tools/slurm-local -- bash -c 'exit 7' exited $rc, want 7"
check_stopped "$(<"$work/exit7_state")"

# --- 2. SIGTERM while a job runs
cat >"$work/long.sh" <<'EOF'
out=$1
echo "$SLURM_LOCAL_DIR" >"$out/long_state"
job=$(sbatch --parsable --output=/dev/null --wrap="touch $out/long_running; exec sleep 600")
until [ -e "$out/long_running" ]; do sleep 0.2; done
echo "${job%%;*}" >"$out/long_job"
exec sleep 600
EOF
"$tool" -- bash "$work/long.sh" "$work/out" &
pid=$!
for ((i = 0; i < 600; i++)); do
  [ -s "$work/out/long_job" ] && break
  kill -0 "$pid" 2>/dev/null || fail "tools/slurm-local exited before the long job ran"
  sleep 0.1
done
[ -s "$work/out/long_job" ] || { kill -TERM "$pid"; fail "the long job did not start within 60 s"; }
start=$SECONDS
kill -TERM "$pid"
rc=0
wait "$pid" || rc=$?
echo "SIGTERM run: exit $rc, $((SECONDS - start)) s after SIGTERM"
[ "$rc" -eq 143 ] || fail "tools/slurm-local exited $rc after SIGTERM, want 143"
check_stopped "$(<"$work/out/long_state")"
echo "PASS"
