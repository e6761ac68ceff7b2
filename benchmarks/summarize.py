#!/usr/bin/env python3
"""Turns the raw runs of benchmarks/run into the markdown of .build-bench/results.md.

Usage: summarize.py --scratch .build-bench --binary PATH --runs N SCALE...

Reads, per scale S, .build-bench/runs-SM/<variant>.<run>.{time,err,busy}
(GNU time -v output, the variant's stderr, the machine's busy CPU jiffies
before and after), identical.txt and agreement.txt, and prints medians,
every ratio of the pipeline to the peers (polars, DuckDB, pandas), the
pipeline's stage times and the targets of issue 15.
"""
import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys

VARIANTS = [
    ("read_floor", "read floor: `cat` both CSVs > /dev/null"),
    ("pipeline_j2", "survey-pipeline run --jobs 2 (end to end)"),
    ("pipeline_j1", "survey-pipeline run --jobs 1 (end to end)"),
    ("pandas", "pandas baseline (benchmarks/pandas_baseline.py)"),
    ("polars", "polars baseline (benchmarks/polars_baseline.py)"),
    ("duckdb", "DuckDB aggregate-only (benchmarks/duckdb_means.py)"),
]
STAGES = ["ingest_s", "normalize_s", "score_s", "export_s"]
HZ = os.sysconf("SC_CLK_TCK")
# Other processes' CPU (in cores, averaged over a run) above which a run counts as disturbed.
BUSY = 0.25


def parse_time(path):
    text = open(path).read()

    def field(label):
        match = re.search(re.escape(label) + r"[^:]*:\s*(\S+)", text)
        if not match:
            sys.exit(f"{path}: no '{label}'")
        return match.group(1)

    parts = [float(p) for p in field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")]
    wall = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
    cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
    rss = int(field("Maximum resident set size (kbytes)")) * 1024
    return wall, cpu, rss


def parse_stages(path):
    """The stage seconds of the pipeline's JSON `run finished` log line."""
    for line in open(path, errors="replace"):
        line = line.strip()
        if not line.startswith("{"):
            continue
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if record.get("message") == "run finished":
            return {stage: float(record[stage]) for stage in STAGES if stage in record}
    return {}


def load(scratch, scale, runs):
    folder = os.path.join(scratch, f"runs-{scale}m")
    results = {}
    for name, _ in VARIANTS:
        samples = []
        for run in range(1, runs + 1):
            base = os.path.join(folder, f"{name}.{run}")
            if not os.path.exists(base + ".time"):
                continue
            wall, cpu, rss = parse_time(base + ".time")
            busy = [int(x) for x in open(base + ".busy").read().split()]
            background = max(0.0, (busy[1] - busy[0]) / HZ - cpu) / wall if wall > 0 and len(busy) == 2 else 0.0
            samples.append({"wall": wall, "cpu": cpu, "rss": rss, "background": background,
                            "stages": parse_stages(base + ".err") if name.startswith("pipeline") else {}})
        if samples:
            clean = [s for s in samples if s["background"] <= BUSY]
            # Medians over the undisturbed runs when there are at least three of them.
            chosen = clean if len(clean) >= 3 else samples
            for s in chosen:
                s["total"], s["clean"] = len(samples), len(clean)
            results[name] = chosen
    identical = open(os.path.join(folder, "identical.txt")).read().split("\n")
    agreement = open(os.path.join(folder, "agreement.txt")).read().strip().splitlines()
    return results, [line for line in identical if line], agreement


def median(samples, key):
    return statistics.median(s[key] for s in samples)


def stage_median(samples, stage):
    values = [s["stages"][stage] for s in samples if stage in s["stages"]]
    return statistics.median(values) if values else None


def machine(scratch, binary, runs):
    model = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")),
                 platform.processor() or "unknown")
    mem = next(int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal"))
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines() \
        if subprocess.run(["which", "swift"], capture_output=True).returncode == 0 else ["?"]
    import pandas, duckdb, xlsxwriter, numpy, polars, scipy  # noqa: E401 - versions only
    info = {}
    path = os.path.join(scratch, "build-info.txt")
    lines_of_info = open(path).read().splitlines() if os.path.exists(path) else []
    for line in lines_of_info:
        key, _, value = line.partition(" ")
        info[key] = value
    tree = f"commit {info.get('commit', 'unknown')}"
    if info.get("uncommitted", "0") != "0":
        tree += f" plus {info['uncommitted']} uncommitted files under Sources/"
    if "sources_sha256" in info:
        tree += f" (Sources digest {info['sources_sha256']})"
    if any(line.startswith("sources changed") for line in lines_of_info):
        tree += "; sources changed during the build"
    lines = [
        f"- machine: {os.cpu_count()} cores (nproc), {model}, {mem / 1024 / 1024:.1f} GiB RAM, "
        f"Linux {platform.release()}",
        f"- {swift[0] if swift else '?'}; binary {binary} (release), built from {tree}",
        f"- Python {platform.python_version()}, polars {polars.__version__}, scipy {scipy.__version__}, "
        f"pandas {pandas.__version__}, numpy {numpy.__version__}, XlsxWriter {xlsxwriter.__version__}, "
        f"DuckDB {duckdb.__version__}",
        f"- {runs} runs per variant, round-robin, warm page cache; medians shown",
    ]
    return "\n".join(lines)


def fmt(value, digits=2):
    return "–" if value is None else f"{value:.{digits}f}"


def table(scale, results, identical, agreement):
    out = [f"## {scale}M employee + {scale}M customer rows", ""]
    out.append("| variant | wall s | CPU s (user+sys) | peak RSS MB | wall min–max s | runs used | other load (cores, max) |")
    out.append("|---|---:|---:|---:|---:|---:|---:|")
    for name, label in VARIANTS:
        if name not in results:
            continue
        samples = results[name]
        out.append(f"| {label} | {median(samples, 'wall'):.2f} | {median(samples, 'cpu'):.2f} | "
                   f"{median(samples, 'rss') / 1e6:.0f} | {min(s['wall'] for s in samples):.2f}–"
                   f"{max(s['wall'] for s in samples):.2f} | {len(samples)} of {samples[0]['total']} | "
                   f"{max(s['background'] for s in samples):.2f} |")
    busy = [(label, max(s["background"] for s in results[name])) for name, label in VARIANTS
            if name in results and name != "read_floor"]
    busy = [(label, load) for label, load in busy if load > BUSY]
    dropped = sum(s[0]["total"] - len(s) for s in results.values())
    out.append("")
    out.append(f"Runs during which other processes used more than {BUSY} cores are left out of the medians "
               f"when at least three undisturbed runs remain ({dropped} left out).")
    if busy:
        out.append("")
        out.append("**Warning:** fewer than three undisturbed runs for: " +
                   "; ".join(f"{label} (other load up to {load:.2f} cores)" for label, load in busy) +
                   ". Their wall times and --jobs speed-ups are not reliable; rerun on an idle machine.")
    out.append("")
    wall = {name: median(samples, "wall") for name, samples in results.items()}
    cpu = {name: median(samples, "cpu") for name, samples in results.items()}
    rss = {name: median(samples, "rss") for name, samples in results.items()}
    out.append("Ratios of medians (below 1 the pipeline is faster, or smaller):")
    out.append("")
    out.append("| ratio | wall, --jobs 2 | CPU, --jobs 2 | peak RSS, --jobs 2 | wall, --jobs 1 | CPU, --jobs 1 |")
    out.append("|---|---:|---:|---:|---:|---:|")
    for peer, label in (("polars", "polars baseline"), ("duckdb", "DuckDB aggregate-only"),
                        ("pandas", "pandas baseline"), ("read_floor", "read floor")):
        if peer not in wall:
            continue
        digits = 0 if peer == "read_floor" else 2
        out.append(f"| pipeline / {label} | {wall['pipeline_j2'] / wall[peer]:.{digits}f}× | "
                   f"{cpu['pipeline_j2'] / max(cpu[peer], 0.01):.{digits}f}× | "
                   f"{rss['pipeline_j2'] / rss[peer]:.2f}× | {wall['pipeline_j1'] / wall[peer]:.{digits}f}× | "
                   f"{cpu['pipeline_j1'] / max(cpu[peer], 0.01):.{digits}f}× |")
    out.append("")
    out.append("Pipeline stage wall times (median s of the same runs, from the `run finished` JSON log line):")
    out.append("")
    out.append("| --jobs | " + " | ".join(STAGES) + " |")
    out.append("|---|" + "---:|" * len(STAGES))
    for jobs in (1, 2):
        samples = results[f"pipeline_j{jobs}"]
        out.append(f"| {jobs} | " + " | ".join(fmt(stage_median(samples, s), 3) for s in STAGES) + " |")
    one, two = stage_median(results["pipeline_j1"], "score_s"), stage_median(results["pipeline_j2"], "score_s")
    speedup = one / two if one and two else None
    out.append("")
    out.append(f"Score stage: --jobs 1 {fmt(one, 3)} s, --jobs 2 {fmt(two, 3)} s, speed-up {fmt(speedup)}×.")
    same = all(line.startswith("identical") for line in identical) and identical
    out.append(f"Outputs of --jobs 1 and --jobs 2 (cmp): {'byte-identical' if same else 'DIFFERENT'} "
               f"({', '.join(line.split(' ', 1)[1] + (' differs' if line.startswith('DIFF') else '') for line in identical)}).")
    out.append("Agreement (benchmarks/compare_results.py): " + ("; ".join(agreement) if agreement else "not checked")
               + ".")
    out.append("")
    return "\n".join(out), {"wall": wall, "cpu": cpu, "speedup": speedup, "same": bool(same), "busy": bool(busy),
                            "rss": rss}


def targets(figures, scales):
    """The targets of issue 15 that this benchmark measures (1M + 1M on this machine, --jobs 2)."""
    one = figures[scales[0]]
    rows = []

    def row(target, measured, met):
        rows.append(f"| {target} | {measured} | {'met' if met else 'NOT met'} |")

    wall = one["wall"]
    ratio = wall["polars"] / wall["pipeline_j2"]
    row("whole job ≥ 1.5× faster than the polars baseline (1M+1M, wall)",
        f"{ratio:.2f}× (pipeline / polars = {1 / ratio:.2f}×)", ratio >= 1.5)
    ratio = wall["pipeline_j2"] / wall["duckdb"]
    row("whole job ≤ 1.0× DuckDB aggregate-only (1M+1M, wall)", f"{ratio:.2f}×", ratio <= 1.0)
    rss = one["rss"]["pipeline_j2"]
    row("peak RSS ≤ 100 MB (1M+1M, --jobs 2)", f"{rss / 1e6:.0f} MB ({rss / 2 ** 20:.0f} MiB)", rss <= 100e6)
    if len(scales) > 1:
        big = figures[scales[1]]
        factor = scales[1] / scales[0]
        limit = 2.05 * factor / 2
        ratio = big["wall"]["pipeline_j2"] / wall["pipeline_j2"]
        row(f"{scales[1]}M+{scales[1]}M time ≤ {limit:.2f}× of 1M+1M", f"{ratio:.2f}×", ratio <= limit)
    for scale in scales:
        figure = figures[scale]
        row(f"--jobs 1 and --jobs 2 outputs byte-identical ({scale}M+{scale}M; --jobs 8 is not run here)",
            "identical" if figure["same"] else "different", figure["same"])
    notes = [""]
    if any(figures[scale]["busy"] for scale in scales):
        notes = ["", "Some runs were disturbed by other processes (see the warnings above): "
                 "treat the affected figures as provisional.", ""]
    return "\n".join(["## Targets (issue 15)", "", "| target | measured | |", "|---|---:|---|"] + rows + notes)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--scratch", required=True)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--runs", type=int, required=True)
    parser.add_argument("scales", type=int, nargs="+")
    args = parser.parse_args()
    print("# SurveyPipeline benchmark (benchmarks/run)\n")
    print(machine(args.scratch, args.binary, args.runs) + "\n")
    figures = {}
    for scale in args.scales:
        results, identical, agreement = load(args.scratch, scale, args.runs)
        text, figures[scale] = table(scale, results, identical, agreement)
        print(text)
    print(targets(figures, args.scales))


if __name__ == "__main__":
    main()
