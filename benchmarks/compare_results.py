#!/usr/bin/env python3
"""Checks that a baseline (pandas or polars) computed the same figures as the pipeline.

Usage: compare_results.py [--strict] [--name NAME] PIPELINE.json BASELINE.json

Walks `wave`, `waves`, `areas`, `psychometrics`, `trends` and `evaporation` of
both files and compares every number both have and every string and null.

Default (the pandas baseline): absolute tolerance 1e-6, 1e-3 on CI bounds,
alphas, correlations and priorities, as the conformance tests do; keys that
only one side has (the pipeline's breakdowns, texts, suppression details) are
ignored.

--strict (the polars baseline, which writes the pipeline's keys): every key the
pipeline has in those sections must be in the baseline too (a missing figure is
a mismatch, so "agree" means every figure was checked); integers (n, counts)
must be equal; every other number within 1e-9 relative, |a - b| <= 1e-9 *
max(1, |a|, |b|) (figures are on 0-100, correlations and alphas on -1..1, so
the floor of 1 makes it 1e-9 absolute near zero); strings, booleans and nulls
exact. It also compares `rejected_by_reason` and each input's rows_read,
accepted, rejected and sha256. The keys in NOT_IN_BASELINE are the pipeline's
that the polars baseline does not compute (SPEC §5.2's `changes` and evaporation
`significant`, added after it was written; the reasons `field_too_long` and
`not_a_response`, which plain generated CSV cannot have and the baseline does
not look for): they are skipped and the summary line names them, so "agree"
still means every figure the baseline has was checked.

Prints the mismatches (at most 20) and one summary line; exits 1 on a mismatch.
"""
import argparse
import json
import sys

LOOSE = {"ci_low", "ci_high", "alpha", "r_drop", "alpha_if_dropped", "impact", "priority"}
SECTIONS = ("wave", "waves", "areas", "psychometrics", "trends", "evaporation")
INPUT_KEYS = ("rows_read", "accepted", "rejected", "sha256")
NOT_IN_BASELINE = {"changes", "significant", "field_too_long", "not_a_response"}


def walk(a, b, path, out, strict):
    if isinstance(a, dict) and isinstance(b, dict):
        keys = a.keys() if strict else a.keys() & b.keys()
        for key in keys:
            if strict and key in NOT_IN_BASELINE and key not in b:
                out["skipped"].add(key)
                continue
            if key not in b:
                out["mismatches"].append(f"{path}.{key}: missing in the baseline")
                continue
            walk(a[key], b[key], f"{path}.{key}", out, strict)
    elif isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            out["mismatches"].append(f"{path}: {len(a)} vs {len(b)} entries")
        for index, (x, y) in enumerate(zip(a, b)):
            walk(x, y, f"{path}[{index}]", out, strict)
    elif isinstance(a, (int, float)) and isinstance(b, (int, float)) \
            and not isinstance(a, bool) and not isinstance(b, bool):
        out["numbers"] += 1
        difference = abs(a - b)
        if strict:
            exact = isinstance(a, int) and isinstance(b, int)
            scale = max(1.0, abs(a), abs(b))
            out["max"] = max(out["max"], difference / scale)
            ok = difference == 0 if exact else difference <= 1e-9 * scale
        else:
            out["max"] = max(out["max"], difference)
            ok = difference <= (1e-3 if path.rsplit(".", 1)[-1] in LOOSE else 1e-6)
        if not ok:
            out["mismatches"].append(f"{path}: {a} vs {b}")
    elif a != b or (strict and type(a) is not type(b)):
        out["mismatches"].append(f"{path}: {a!r} vs {b!r}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--strict", action="store_true")
    parser.add_argument("--name", default="pandas baseline")
    parser.add_argument("pipeline")
    parser.add_argument("baseline")
    args = parser.parse_args()
    with open(args.pipeline) as handle:
        pipeline = json.load(handle)
    with open(args.baseline) as handle:
        baseline = json.load(handle)
    out = {"numbers": 0, "max": 0.0, "mismatches": [], "skipped": set()}
    for key in SECTIONS:
        walk(pipeline.get(key), baseline.get(key), key, out, args.strict)
    if args.strict:
        walk(pipeline.get("rejected_by_reason"), baseline.get("rejected_by_reason"), "rejected_by_reason", out, True)
        mine, theirs = pipeline.get("inputs", []), baseline.get("inputs", [])
        walk([{k: i.get(k) for k in INPUT_KEYS} for i in mine], [{k: i.get(k) for k in INPUT_KEYS} for i in theirs],
             "inputs", out, True)
    for line in out["mismatches"][:20]:
        print("  mismatch", line)
    verdict = "agree" if not out["mismatches"] else f"{len(out['mismatches'])} mismatches"
    measure = "max relative diff" if args.strict else "max |diff|"
    skipped = f" (not in the baseline, not compared: {', '.join(sorted(out['skipped']))})" if out["skipped"] else ""
    print(f"{args.name} vs pipeline: {out['numbers']} numbers compared, {measure} {out['max']:.2e}, {verdict}"
          + skipped)
    sys.exit(1 if out["mismatches"] else 0)


if __name__ == "__main__":
    main()
