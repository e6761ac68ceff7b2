#!/usr/bin/env python3
"""Checks that the pandas baseline computed the same figures as the pipeline.

Usage: compare_results.py PIPELINE.json PANDAS.json

Walks `areas`, `psychometrics`, `trends` and `evaporation` of both files and
compares every number both have (absolute tolerance 1e-6, 1e-3 on CI bounds,
alphas, correlations and priorities, as the conformance tests do) and every
string and null. Keys that only one side has (the pipeline's breakdowns,
texts, suppression details) are ignored. Prints one summary line; exits 1 on
a mismatch.
"""
import json
import sys

LOOSE = {"ci_low", "ci_high", "alpha", "r_drop", "alpha_if_dropped", "impact", "priority"}


def walk(a, b, path, out):
    if isinstance(a, dict) and isinstance(b, dict):
        for key in a.keys() & b.keys():
            walk(a[key], b[key], f"{path}.{key}", out)
    elif isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            out["mismatches"].append(f"{path}: {len(a)} vs {len(b)} entries")
        for index, (x, y) in enumerate(zip(a, b)):
            walk(x, y, f"{path}[{index}]", out)
    elif isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        out["numbers"] += 1
        tolerance = 1e-3 if path.rsplit(".", 1)[-1] in LOOSE else 1e-6
        difference = abs(a - b)
        out["max"] = max(out["max"], difference)
        if not difference <= tolerance:
            out["mismatches"].append(f"{path}: {a} vs {b}")
    elif a != b:
        out["mismatches"].append(f"{path}: {a!r} vs {b!r}")


def main():
    with open(sys.argv[1]) as handle:
        pipeline = json.load(handle)
    with open(sys.argv[2]) as handle:
        baseline = json.load(handle)
    out = {"numbers": 0, "max": 0.0, "mismatches": []}
    for key in ("wave", "waves", "areas", "psychometrics", "trends", "evaporation"):
        walk(pipeline.get(key), baseline.get(key), key, out)
    for line in out["mismatches"][:20]:
        print("  mismatch", line)
    verdict = "agree" if not out["mismatches"] else f"{len(out['mismatches'])} mismatches"
    print(f"pandas baseline vs pipeline: {out['numbers']} numbers compared, max |diff| {out['max']:.2e}, {verdict}")
    sys.exit(1 if out["mismatches"] else 0)


if __name__ == "__main__":
    main()
