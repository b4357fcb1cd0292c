#!/usr/bin/env python3
"""test/e2e/schema_check.py — `sovsim schema` is a valid JSON Schema (draft 2020-12) that accepts
every shipped scenario and rejects an unknown key, a wrong type and an out-of-range value, as
the loader does; `sovsim schema --sweep` accepts every shipped sweep file. Usage: schema_check.py SOVSIM_BINARY SOURCE_DIR. Needs python3-jsonschema and
python3-yaml (tools/setup installs them)."""
import glob
import json
import re
import subprocess
import sys

import jsonschema
import yaml


class Yaml12Loader(yaml.SafeLoader):
    """PyYAML follows YAML 1.1, where `1e12` is a string; scenarios are YAML 1.2 (yaml-cpp, and
    editors' YAML servers), where it is a number."""


# YAML 1.2 has no timestamp type either: `start_date: 2026-01-01` is a string, as the loader and
# the JSON Schema read it (PyYAML would make it a datetime.date).
Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$"),
    list("-+0123456789."))


def main():
    binary, source = sys.argv[1], sys.argv[2]
    schema = json.loads(subprocess.run([binary, "schema"], check=True, capture_output=True, text=True).stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    failures = 0
    files = sorted(glob.glob(f"{source}/scenarios/**/*.yaml", recursive=True))
    scenarios = [f for f in files if "/sweeps/" not in f]
    assert scenarios, "no shipped scenario found"
    for path in scenarios:
        with open(path) as f:
            document = yaml.load(f, Loader=Yaml12Loader)
        errors = list(validator.iter_errors(document))
        for e in errors[:5]:
            print(f"{path}: {'.'.join(map(str, e.path))}: {e.message}")
        failures += bool(errors)
    with open(f"{source}/scenarios/quickstart.yaml") as f:
        base = yaml.load(f, Loader=Yaml12Loader)
    bad_cases = {
        "unknown top-level key": lambda d: d.update(sede=7),
        "unknown site key": lambda d: d["sites"][0].update(wan_gpbs=10),
        "wrong type": lambda d: d["sites"][0]["nodes"][0].update(count="four"),
        "out of range": lambda d: d["tenants"][0].update(share=2),
        "unknown policy": lambda d: d.update(scheduler={"policy": "fifo"}),
    }
    for name, mutate in bad_cases.items():
        document = json.loads(json.dumps(base))
        mutate(document)
        if validator.is_valid(document):
            print(f"schema accepted a scenario with {name}")
            failures += 1
    # Sweep files (scenarios/sweeps/) against `sovsim schema --sweep`.
    sweep_schema = json.loads(subprocess.run([binary, "schema", "--sweep"], check=True,
                                             capture_output=True, text=True).stdout)
    jsonschema.Draft202012Validator.check_schema(sweep_schema)
    sweep_validator = jsonschema.Draft202012Validator(sweep_schema)
    sweeps = [f for f in files if "/sweeps/" in f]
    for path in sweeps:
        with open(path) as f:
            document = yaml.load(f, Loader=Yaml12Loader)
        errors = list(sweep_validator.iter_errors(document))
        for e in errors[:5]:
            print(f"{path}: {'.'.join(map(str, e.path))}: {e.message}")
        failures += bool(errors)
    if sweep_validator.is_valid({"scenario": "a.yaml", "metrics": {"w": "wait.mean_s"}, "sede": 1}):
        print("sweep schema accepted an unknown key")
        failures += 1
    print(f"{len(scenarios)} scenarios and {len(sweeps)} sweeps checked, {len(bad_cases)} bad "
          f"variants, {failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
