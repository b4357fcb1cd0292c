#!/usr/bin/env python3
"""The malformed-input corpus (test/data/bad/, listed in test/data/bad/cases.tsv): every case must
make `sovsim` exit 2 within a time bound (and, outside sanitizer builds, an address-space bound),
print a message naming the input file and its line, and write nothing.

    bad_inputs_check.py SOVSIM REPO [--sanitized] [--timeout S] [--jobs N] [--only REGEX]

Each row of cases.tsv is one case, four tab-separated columns (lines starting with # are comments):

    input     a path under test/data/bad/ (it need not exist: a missing file is a case too), or
              gen:NAME for an input too large to commit, written by GENERATED below
    command   validate | run | import-trace FORMAT | sweep | sweep-dry, then extra arguments
              (shell words; \\xHH in them stands for that byte, \\t for a tab)
    where     the location the message must name: LINE, LINE:COL, or - (the file, no line), with
              NAME@ in front when the file named is not the input itself (a trace the scenario
              refers to, <command line> for --set)
    expect    a Python regular expression stderr must match (the key, field or problem)

A case passes when: the exit code is 2; stderr names `NAME:LINE:` (or `NAME: ` for -) and matches
`expect`; no sanitizer reported anything; no error line says `<command line>` unless the case has
a --set; it ended within --timeout seconds; and the scratch directory it ran in (its working
directory, where -o points) is still empty afterwards: no output directory, no staging directory
(`.out.tmp-PID`), no partial -o file. At the end the corpus itself must be unchanged.
"""
import argparse
import concurrent.futures
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time

MEMORY_LIMIT_KIB = 2 * 1024 * 1024  # RLIMIT_AS: 2 GiB (not in sanitizer builds: ASan reserves TBs)
SANITIZER_MARKS = ("AddressSanitizer", "LeakSanitizer", "runtime error:", "UndefinedBehaviorSanitizer")
MIB = 1 << 20


def _write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def _sparse(path, size):
    with open(path, "wb") as f:
        f.truncate(size)


# Inputs too large to commit: NAME -> function(path) writing it. Each is described in cases.tsv.
GENERATED = {
    # 1,000,000 nested flow lists: the YAML parser's depth limit, not the stack, must stop it.
    "deep_flow_nesting.yaml": lambda p: _write(p, b"name: " + b"[" * 1_000_000 + b"\n"),
    # A key 2 MiB long on one line (yaml-cpp alone takes ~0.5 s per 2 MiB of a plain scalar).
    "huge_unknown_key.yaml": lambda p: _write(p, b"name: x\n" + b"k" * (2 * MIB) + b": 1\n"),
    # A node count of 2 MiB digits on one line.
    "huge_count_line.yaml": lambda p: _write(
        p, b"name: x\nhorizon: 1d\nsites:\n  - name: s1\n    nodes:\n      - {hardware: H100, count: "
        + b"9" * (2 * MIB) + b"}\ntenants: [{name: t1}]\nworkload: {}\n"),
    # A scenario above the 256 MiB limit (sparse: takes no disk space).
    "oversize_scenario.yaml": lambda p: _sparse(p, 300 * MIB),
    # A sweep file above its size limit (sparse).
    "oversize_sweep.yaml": lambda p: _sparse(p, 300 * MIB),
    # One SWF line of 4 million fields.
    "huge_line.swf": lambda p: _write(p, b"1 " * (4 * MIB) + b"\n"),
    # 500,000 malformed SWF lines: reported up to the cap of 50, then "too many errors".
    "many_bad_lines.swf": lambda p: _write(p, b"not a record\n" * 500_000),
    # An SWF log above the 4 GiB trace limit (sparse).
    "oversize.swf": lambda p: _sparse(p, 4 * 1024 * MIB + 1),
    # 1,000,000 nested JSON arrays.
    "deep_nesting.json": lambda p: _write(p, b"[" * 1_000_000),
    # A Philly job whose user name is 8 MiB long and whose submitted_time is a number.
    "huge_line.json": lambda p: _write(
        p, b'[{"user": "' + b"u" * (8 * MIB) + b'", "submitted_time": 5, "attempts": []}]\n'),
    # An ITP row whose num_gpu is 8 MiB of digits.
    "huge_field.csv": lambda p: _write(
        p, b"job_id,submission_time,duration,num_gpu\na1,10,60," + b"7" * (8 * MIB) + b"\n"),
}


def unescape(word):
    """A shell word of cases.tsv as bytes: \\xHH is that byte, \\t a tab, \\\\ a backslash."""
    out = bytearray()
    i = 0
    raw = word.encode()
    while i < len(raw):
        if raw[i:i + 2] == b"\\x" and i + 4 <= len(raw):
            out.append(int(raw[i + 2:i + 4], 16))
            i += 4
        elif raw[i:i + 2] == b"\\t":
            out += b"\t"
            i += 2
        elif raw[i:i + 2] == b"\\\\":
            out += b"\\"
            i += 2
        else:
            out.append(raw[i])
            i += 1
    return bytes(out)


class Case:
    def __init__(self, number, input_, command, where, expect):
        self.line = number
        self.input = input_
        words = shlex.split(command)
        self.kind = words[0]
        self.format = words[1] if self.kind == "import-trace" else None
        self.extra = [unescape(w) for w in words[2 if self.format else 1:]]
        self.where = where
        self.expect = expect
        self.name = f"{input_} [{command}]"

    def group(self):
        """The kind counted in the summary: scenario, set, sweep, trace/FORMAT, ..."""
        if self.input.startswith("gen:"):
            return {"validate": "scenario", "run": "scenario", "sweep-dry": "sweep",
                    "sweep": "sweep"}.get(self.kind, f"trace/{self.format}")
        parts = self.input.split("/")
        return "/".join(parts[:2]) if parts[0] == "trace" else parts[0]

    def argv(self, binary, path, scratch):
        out = os.path.join(scratch, "out")
        if self.kind == "validate":
            args = ["validate", path]
        elif self.kind == "run":
            args = ["run", path, "-o", out]
        elif self.kind == "import-trace":
            args = ["import-trace", "--format", self.format, path, "-o", out + ".yaml"]
        elif self.kind == "sweep":
            args = ["sweep", path, "-o", out, "-j", "1"]
        elif self.kind == "sweep-dry":
            args = ["sweep", path, "--dry-run"]
        else:
            raise ValueError(f"cases.tsv:{self.line}: unknown command '{self.kind}'")
        return [binary.encode()] + [a.encode() for a in args] + self.extra

    def location_pattern(self):
        name, _, line = self.where.rpartition("@")
        name = name or os.path.basename(self.input.removeprefix("gen:"))
        if line == "-":
            return rf"(^|[\s/]){re.escape(name)}: "
        return rf"(^|[\s/]){re.escape(name)}:{re.escape(line)}[:\s]"


def read_cases(manifest):
    cases = []
    with open(manifest, encoding="utf-8") as f:
        for number, text in enumerate(f, 1):
            text = text.rstrip("\n")
            if not text.strip() or text.startswith("#"):
                continue
            fields = text.split("\t")
            if len(fields) != 4:
                raise ValueError(f"{manifest}:{number}: expected 4 tab-separated columns, "
                                 f"found {len(fields)}")
            cases.append(Case(number, *fields))
    return cases


def run_case(case, args, data_dir, gen_dir, scratch_root):
    """Runs one case; returns (case, problems, seconds)."""
    if case.input.startswith("gen:"):
        path = os.path.join(gen_dir, case.input[4:])
    else:
        path = os.path.join(data_dir, case.input)
    scratch = tempfile.mkdtemp(prefix="case-", dir=scratch_root)
    argv = case.argv(args.binary, path, scratch)
    if not args.sanitized:  # through sh: ulimit in the child alone (preexec_fn is not thread-safe)
        argv = [b"/bin/sh", b"-c", f'ulimit -v {MEMORY_LIMIT_KIB} && exec "$0" "$@"'.encode()] + argv
    started = time.monotonic()
    proc = subprocess.Popen(argv, cwd=scratch, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True)
    problems = []
    try:
        stdout, stderr = proc.communicate(timeout=args.timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # its own session: sovsim and any child it started
        stdout, stderr = proc.communicate()
        problems.append(f"still running after {args.timeout:g} s (killed)")
    seconds = time.monotonic() - started
    err = stderr.decode("utf-8", "replace")
    if proc.returncode != 2 and not problems:
        what = (f"killed by signal {-proc.returncode}" if proc.returncode < 0
                else f"exit {proc.returncode}")
        problems.append(f"{what}, expected exit 2")
    if not re.search(case.location_pattern(), err, re.MULTILINE):
        problems.append(f"no message naming '{case.where}' (pattern {case.location_pattern()})")
    try:
        if not re.search(case.expect, err, re.MULTILINE):
            problems.append(f"stderr does not match {case.expect!r}")
    except re.error as e:
        problems.append(f"bad regular expression {case.expect!r}: {e}")
    if any(mark in err for mark in SANITIZER_MARKS):
        problems.append("sanitizer report")
    if b"--set" not in case.extra and "<command line>" in err:
        problems.append("an error attributed to <command line>, but the case sets nothing there")
    leftovers = sorted(os.listdir(scratch))
    if leftovers:
        problems.append(f"wrote {', '.join(leftovers)} (expected nothing)")
    if problems:
        for name, text in (("stderr", err), ("stdout", stdout.decode("utf-8", "replace"))):
            if text.strip() or name == "stderr":
                lines = (text.strip() or "(empty)").splitlines()[:8]
                problems.append(f"{name}:\n" + "\n".join("      | " + line[:300] for line in lines))
    shutil.rmtree(scratch, ignore_errors=True)
    return case, problems, seconds


def snapshot(directory):
    state = {}
    for root, dirs, files in os.walk(directory):
        for name in dirs + files:
            path = os.path.join(root, name)
            st = os.lstat(path)
            state[os.path.relpath(path, directory)] = (st.st_size, st.st_mtime_ns)
    return state


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("binary")
    parser.add_argument("repo")
    parser.add_argument("--sanitized", action="store_true",
                        help="sanitizer build: no address-space limit")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds per case")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--only", default="", help="run the cases whose input matches this")
    args = parser.parse_args()
    args.binary = os.path.abspath(args.binary)
    args.repo = os.path.abspath(args.repo)
    data_dir = os.path.join(args.repo, "test", "data", "bad")
    cases = [c for c in read_cases(os.path.join(data_dir, "cases.tsv"))
             if re.search(args.only, c.input)]
    unknown = sorted({c.input[4:] for c in cases if c.input.startswith("gen:")} - set(GENERATED))
    if unknown:
        print(f"cases.tsv names generated inputs that GENERATED lacks: {', '.join(unknown)}")
        return 1
    before = snapshot(data_dir)
    started = time.monotonic()
    failed = []
    counts = {}
    slowest = (0.0, None)
    with tempfile.TemporaryDirectory(prefix="sovsim-bad-inputs-") as scratch_root:
        gen_dir = os.path.join(scratch_root, "generated")
        os.mkdir(gen_dir)
        for name in sorted({c.input[4:] for c in cases if c.input.startswith("gen:")}):
            GENERATED[name](os.path.join(gen_dir, name))
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            futures = [pool.submit(run_case, c, args, data_dir, gen_dir, scratch_root)
                       for c in cases]
            for future in futures:
                case, problems, seconds = future.result()
                counts[case.group()] = counts.get(case.group(), 0) + 1
                slowest = max(slowest, (seconds, case.name), key=lambda s: s[0])
                if problems:
                    failed.append(case)
                    print(f"FAIL cases.tsv:{case.line}: {case.name} ({seconds:.2f} s)")
                    for p in problems:
                        print(f"    {p}")
    after = snapshot(data_dir)
    changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
    if changed:
        print(f"FAIL the corpus changed while the cases ran: {', '.join(changed)}")
    elapsed = time.monotonic() - started
    kinds = ", ".join(f"{k} {n}" for k, n in sorted(counts.items()))
    print(f"bad inputs: {len(cases)} cases ({kinds}); {len(cases) - len(failed)} passed, "
          f"{len(failed)} failed; {elapsed:.1f} s, slowest {slowest[0]:.2f} s ({slowest[1]})")
    return 1 if failed or changed or not cases else 0


if __name__ == "__main__":
    sys.exit(main())
