#!/usr/bin/env python3
"""test/e2e/readme_commands_check.py — every command in the README runs as written.

Reads README.md's ```sh blocks, joins `\\` continuations, drops comments, and runs each
`build/sovsim ...` command in order in one scratch directory that sees the repository's files
(scenarios/, docs/, ...) with build/sovsim being the binary under test, so `-o out/korea` starts
empty and `compare out/korea out/k11` reads what earlier commands wrote. Each must exit 0, and a
`run ... -o DIR` must leave DIR/summary.json and DIR/report.html. `tools/setup && build/sovsim ...`
runs the part after `&&` (tools/setup built the binary under test); `ctest ...` is the command
running this test and is skipped. The README's error transcript (`$ build/sovsim validate bad.yaml`)
is rebuilt from quickstart.yaml as its comment describes and its output compared line by line.

  readme_commands_check.py SOVSIM_BINARY REPO
"""
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import time


def readme_commands(text):
    """The shell commands of the README's ```sh blocks, one string each, comments removed."""
    commands = []
    for block in re.findall(r"```sh\n(.*?)```", text, re.S):
        joined = re.sub(r"\\\n", " ", block)
        for line in joined.splitlines():
            words = shlex.split(line, comments=True)
            if words:
                commands.append(words)
    return commands


def split_and(words):
    parts, current = [], []
    for w in words:
        if w == "&&":
            parts.append(current)
            current = []
        else:
            current.append(w)
    return parts + [current]


def scratch_dir(repo, binary, where):
    for entry in os.listdir(repo):
        if entry not in ("out", ".git", "build", "build-asan"):
            os.symlink(os.path.join(repo, entry), os.path.join(where, entry))
    os.mkdir(os.path.join(where, "build"))
    os.symlink(binary, os.path.join(where, "build", "sovsim"))


def output_dir(words):
    for flag in ("-o", "--output"):
        if flag in words[:-1]:
            return words[words.index(flag) + 1]
    return None


FLEET_YEAR = "scenarios/bench/fleet_year.yaml"
FLEET_YEAR_MIB = 4096  # docs/performance.md: the fleet-year target, "<= 60 s, <= 4 GiB"


def check_fleet_year_memory(perf_json):
    """The largest documented run stays within its documented memory (perf.json's peak RSS)."""
    peak = json.load(open(perf_json, encoding="utf-8"))["peak_rss_mib"]
    print(f"          fleet-year peak RSS {peak:.0f} MiB (bound {FLEET_YEAR_MIB} MiB)")
    return [] if 0 < peak <= FLEET_YEAR_MIB else [f"{FLEET_YEAR}: peak RSS {peak:.0f} MiB, "
                                                   f"documented bound {FLEET_YEAR_MIB} MiB"]


def check_error_transcript(text, repo, binary, scratch):
    """Rebuilds bad.yaml (quickstart.yaml, `seed` misspelt, each site's first count a word) and
    compares `validate bad.yaml` with the README's transcript. Returns a list of problems."""
    m = re.search(r"```\n\$ build/sovsim validate bad\.yaml[^\n]*\n(.*?)```", text, re.S)
    if not m:
        return ["README: the `validate bad.yaml` transcript is missing"]
    lines = open(os.path.join(repo, "scenarios", "quickstart.yaml"), encoding="utf-8").read().split("\n")
    first_counts = [i for i, l in enumerate(lines) if "- {hardware:" in l and "count: " in l
                    and "- {hardware:" not in lines[i - 1]]
    lines = [re.sub(r"^seed:", "sede:", l) for l in lines]
    for i in first_counts:
        lines[i] = re.sub(r"count: \d+", "count: four", lines[i])
    with open(os.path.join(scratch, "bad.yaml"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    p = subprocess.run([binary, "validate", "bad.yaml"], cwd=scratch, capture_output=True, text=True,
                       timeout=60)
    expected = m.group(1)
    problems = []
    if p.returncode != 2:
        problems.append(f"validate bad.yaml: exit {p.returncode}, expected 2")
    if p.stdout + p.stderr != expected:
        problems.append("validate bad.yaml printed\n" + p.stdout + p.stderr + "the README shows\n" + expected)
    return problems


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    binary, repo = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    text = open(os.path.join(repo, "README.md"), encoding="utf-8").read()
    problems, ran = [], 0
    with tempfile.TemporaryDirectory() as scratch:
        scratch_dir(repo, binary, scratch)
        for words in readme_commands(text):
            for part in split_and(words):
                if part[0] in ("tools/setup", "ctest"):
                    continue
                if part[0] != "build/sovsim":
                    problems.append(f"not a sovsim command, cannot be checked: {shlex.join(part)}")
                    continue
                start = time.monotonic()
                p = subprocess.run([binary] + part[1:], cwd=scratch, capture_output=True, text=True,
                                   timeout=1800)
                ran += 1
                print(f"{time.monotonic() - start:7.1f} s  exit {p.returncode}  {shlex.join(part)}",
                      flush=True)
                if p.returncode != 0:
                    problems.append(f"{shlex.join(part)}: exit {p.returncode}\n{p.stderr[-2000:]}")
                    continue
                out = output_dir(part)
                if part[1] == "run" and out:
                    for name in ("summary.json", "report.html"):
                        if not os.path.isfile(os.path.join(scratch, out, name)):
                            problems.append(f"{shlex.join(part)}: no {out}/{name}")
                if part[1:3] == ["run", FLEET_YEAR]:
                    problems += check_fleet_year_memory(os.path.join(scratch, out, "perf.json"))
        problems += check_error_transcript(text, repo, binary, scratch)
    for p in problems:
        print("FAIL:", p, file=sys.stderr)
    print(f"{ran} README commands run, {len(problems)} problems")
    return 1 if problems or ran == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
