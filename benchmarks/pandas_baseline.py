#!/usr/bin/env python3
"""The pandas baseline of benchmarks/run: the pipeline's work for the report wave, in idiomatic pandas.

It reads the same pipeline.json and the same CSVs and does, vectorized, what
`survey-pipeline run` does for the numbers an executive sees:

  * pandas.read_csv(dtype=str) of every input (all columns, comments included);
    SHA-256 of every input (the pipeline hashes while it reads);
  * answer cells -> codes through a mapping (integers, Likert / frequency labels,
    missing tokens, case-insensitive and trimmed; anything else rejects the row);
  * dates (the three SPEC forms, offsets honoured for ordering) -> quarter wave;
  * area matching by name or alias, trimmed, inner white space collapsed, case-insensitive;
  * per-row rejects in SPEC order for missing_id, bad_date, unknown_area, invalid_value,
    then duplicates (latest submitted_at per id + wave, ties to the later line),
    written to a rejects CSV;
  * construct scores with the answered-fraction rule; per area and All areas:
    n, mean, SD, 95 % Student-t CI, Cronbach's alpha on complete cases,
    item % favorable / neutral / unfavorable, eNPS / NPS with their CI,
    LMI and quadrant, readiness and band, difference gap, response rate,
    drivers (Pearson r with employee_life, priority, top three),
    psychometrics (r_drop, alpha_if_dropped), trends per wave and evaporation;
  * primary suppression (n < min_group_size);
  * a JSON of the results and a small XlsxWriter workbook (Summary and Areas sheets).

What it leaves out (so the comparison favours pandas, if anything):
  * the field_count and encoding reject reasons (read_csv pads a short row, drops a
    long one, and replaces invalid UTF-8, instead of rejecting the row); line
    numbers assume one physical line per record;
  * secondary (complementary) suppression;
  * customer NPS by segment and channel, the role breakdown, and the comments sheet;
  * the rest of the workbook: Items, Trends, Customers, Drivers, Comments,
    Data quality and Method sheets, the two native charts, conditional formats
    beyond the readiness band, plain-language texts;
  * atomic publish (temp file + rename), the output-folder lock, the quality gate,
    month waves, column renames and input globs;
  * re-reading the raw fields of duplicate rows for the rejects file
    (the benchmark data has no duplicates and no rejects, so this costs nothing there).

Usage: pandas_baseline.py --config pipeline.json --out DIR [--employees CSV...] [--customers CSV...]
"""
import argparse
import hashlib
import json
import math
import os
import sys

import numpy as np
import pandas as pd

from baseline_workbook import write_workbook

MISSING = ["", "na", "n/a", "-", "don't know", "don\u2019t know", "prefer not to say"]
LIKERT = {"strongly disagree": 1, "disagree": 2, "neutral": 3, "neither agree nor disagree": 3,
          "agree": 4, "strongly agree": 5}
FREQUENCY = {"never": 1, "rarely": 2, "sometimes": 3, "often": 4, "always": 5}
T975 = [12.706204736, 4.302652730, 3.182446305, 2.776445105, 2.570581836, 2.446911851, 2.364624252,
        2.306004135, 2.262157163, 2.228138852, 2.200985160, 2.178812830, 2.160368656, 2.144786688,
        2.131449546, 2.119905299, 2.109815578, 2.100922040, 2.093024054, 2.085963447, 2.079613845,
        2.073873068, 2.068657610, 2.063898562, 2.059538553, 2.055529439, 2.051830516, 2.048407142,
        2.045229642, 2.042272456]
ALL = "All areas"


def t975(df):
    """Student t(0.975, df): a table to 30, Cornish-Fisher beyond (error < 1e-7 there)."""
    if df <= 30:
        return T975[df - 1]
    z, v = 1.959963984540054, float(df)
    return (z + (z ** 3 + z) / (4 * v) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * v ** 2)
            + (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / (384 * v ** 3)
            + (79 * z ** 9 + 776 * z ** 7 + 1482 * z ** 5 - 1920 * z ** 3 - 945 * z) / (92160 * v ** 4))


def value_table(scale):
    """Cell text (trimmed, lower case) -> code: 0 missing, 1-5, or 0-10 stored as 1-11."""
    table = {token: 0 for token in MISSING}
    if scale == "0-10":
        for n in range(11):
            table[str(n)] = n + 1
            table[f"{n:02d}"] = n + 1
    else:
        for n in range(1, 6):
            table[str(n)] = n
            table[f"{n:02d}"] = n
        table.update(LIKERT if scale == "likert" else FREQUENCY)
    return table


def mapped(column, normalize):
    """Vectorized mapping: factorize the column, map its distinct values once, take."""
    codes, uniques = pd.factorize(column, sort=False)
    lookup = np.array([normalize(u) for u in uniques] + [-1], dtype=np.int64)
    return lookup[codes]  # code -1 (a NaN cell) takes the trailing -1


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class Survey:
    """Accepted, de-duplicated rows of one survey kind, as numpy columns."""

    def __init__(self, kind, form, paths, config, area_index):
        self.kind, self.form = kind, form
        self.items = [item["key"] for item in form["items"]]
        self.scales = {item["key"]: item.get("scale", "likert") for item in form["items"]}
        self.reverse = {item["key"]: bool(item.get("reverse", False)) for item in form["items"]}
        self.inputs, self.rejects = [], []
        delimiter = config["inputs"].get("delimiter", ",")
        delimiter = "\t" if delimiter == "tab" else delimiter
        parts = []
        for file_index, path in enumerate(paths):
            # Not checked (see the top): invalid UTF-8 is replaced, a row with too many fields is dropped.
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, sep=delimiter, encoding="utf-8-sig",
                                encoding_errors="replace", on_bad_lines="skip")
            frame.columns = [c.strip().lower() for c in frame.columns]
            parts.append(self._accept(frame, path, file_index, config, area_index))
        accepted = pd.concat(parts, ignore_index=True)
        # Duplicates: latest submitted_at per id + wave; the stable sort keeps input order on ties,
        # so keep="last" keeps the later line.
        ordered = accepted.sort_values("submitted", kind="stable")
        duplicate = ordered.duplicated(["id", "wave"], keep="last")
        if duplicate.any():
            losers = ordered[duplicate]
            self.rejects.append(pd.DataFrame({"file": losers["file"], "line": losers["line"],
                                              "reason": "duplicate", "column": ""}))
            for file_index, count in losers["file"].value_counts().items():
                self.inputs[file_index]["accepted"] -= int(count)
                self.inputs[file_index]["rejected"] += int(count)
        self.rows = ordered[~duplicate].sort_index()

    def _accept(self, frame, path, file_index, config, area_index):
        id_column = self.form["id_column"]
        required = [id_column, "submitted_at", "area"] + self.items
        missing = [c for c in required if c not in frame.columns]
        if missing:
            sys.exit(f"{path}: missing column {missing[0]}")
        ids = frame[id_column].str.strip()
        stamp = frame["submitted_at"].str.strip()
        submitted = pd.to_datetime(stamp, format="ISO8601", utc=True, errors="coerce")
        day = pd.to_datetime(stamp.str.slice(0, 10), format="%Y-%m-%d", errors="coerce")
        bad_date = submitted.isna().to_numpy() | day.isna().to_numpy() | ~stamp.str.len().isin([10, 19, 20, 25]).to_numpy()
        area = mapped(frame["area"], lambda text: area_index.get(" ".join(text.split()).lower(), -1))
        codes = np.empty((len(frame), len(self.items)), dtype=np.int8)
        invalid = np.full(len(frame), -1)
        for index, key in enumerate(self.items):
            table = value_table(self.scales[key])
            column = mapped(frame[key], lambda text: table.get(text.strip().lower(), -1))
            bad = (column < 0) & (invalid < 0)
            invalid[bad] = index
            codes[:, index] = np.maximum(column, 0)
        reason = np.select([ids.eq("").to_numpy(), bad_date, area < 0, invalid >= 0],
                           ["missing_id", "bad_date", "unknown_area", "invalid_value"], default="")
        rejected = reason != ""
        if rejected.any():
            where = np.flatnonzero(rejected)
            column = np.where(reason[where] == "invalid_value",
                              np.array(self.items + [""])[invalid[where]], "")
            self.rejects.append(pd.DataFrame({"file": file_index, "line": where + 2, "reason": reason[where],
                                              "column": column}).join(frame.iloc[where].reset_index(drop=True)))
        keep = ~rejected
        year, month = day.dt.year.to_numpy(), day.dt.month.to_numpy()
        wave = np.where(keep, np.nan_to_num(year) * 4 + (np.nan_to_num(month) - 1) // 3, -1).astype(np.int64)
        accepted = pd.DataFrame({"id": ids[keep].to_numpy(),
                                 "submitted": submitted[keep].dt.tz_convert(None).to_numpy(),
                                 "wave": wave[keep], "area": area[keep], "file": file_index,
                                 "line": np.flatnonzero(keep) + 2})
        for index, key in enumerate(self.items):
            accepted[key] = codes[keep, index]
        self.inputs.append({"path": path, "kind": self.kind, "sha256": sha256(path), "rows_read": len(frame),
                            "accepted": int(keep.sum()), "rejected": int(rejected.sum())})
        return accepted

    def normalized(self, rows):
        """Items on 0-100 (reversed flipped), NaN when missing; 0-10 items as 0-10."""
        values = {}
        for key in self.items:
            code = rows[key].to_numpy()
            if self.scales[key] == "0-10":
                values[key] = np.where(code > 0, code - 1.0, np.nan)
            else:
                value = np.where(code > 0, (code - 1) * 25.0, np.nan)
                values[key] = 100.0 - value if self.reverse[key] else value
        return pd.DataFrame(values, index=rows.index)


def construct_scores(values, constructs, fraction):
    scores = {}
    for construct in constructs:
        items = construct["items"]
        block = values[items].to_numpy()
        answered = (~np.isnan(block)).sum(axis=1)
        need = max(1, math.ceil(len(items) * fraction - 1e-9))
        with np.errstate(invalid="ignore", divide="ignore"):
            mean = np.nansum(block, axis=1) / answered
        scores[construct["name"]] = np.where(answered >= need, mean, np.nan)
    return pd.DataFrame(scores, index=values.index)


def alpha_of(variances, total_variance, k, cases):
    if k < 2 or cases < 3 or not total_variance > 0:
        return None
    return k / (k - 1) * (1 - variances / total_variance)


def construct_stats(scores, values, area, constructs, area_names, min_group):
    """{area name: {construct: stats}} for every area and All areas."""
    out = {name: {} for name in area_names + [ALL]}
    for construct in constructs:
        name, items = construct["name"], construct["items"]
        score = scores[name]
        groups = {"by": score.groupby(area).agg(["count", "mean", "std"]),
                  "all": score.agg(["count", "mean", "std"])}
        complete = values[items].notna().all(axis=1)
        cases = values.loc[complete, items].copy()
        cases["__total"] = cases[items].sum(axis=1)
        variances = cases.groupby(area[complete]).var(ddof=1)
        case_counts = cases.groupby(area[complete]).size()
        all_variances, all_cases = cases.var(ddof=1), len(cases)
        for index, area_name in enumerate(area_names + [ALL]):
            if area_name == ALL:
                n, mean, sd = groups["all"]["count"], groups["all"]["mean"], groups["all"]["std"]
                var, m = all_variances, all_cases
            else:
                row = groups["by"].loc[index] if index in groups["by"].index else None
                n, mean, sd = (0, None, None) if row is None else (row["count"], row["mean"], row["std"])
                var = variances.loc[index] if index in variances.index else None
                m = int(case_counts.get(index, 0))
            n = int(n)
            if n == 0:
                out[area_name][name] = None
                continue
            if n < min_group:
                out[area_name][name] = {"n": n, "suppressed": True}
                continue
            half = t975(n - 1) * sd / math.sqrt(n) if n >= 2 else None
            alpha = None if var is None else alpha_of(var[items].sum(), var["__total"], len(items), m)
            out[area_name][name] = {"n": n, "mean": float(mean), "sd": None if n < 2 else float(sd),
                                    "ci_low": None if half is None else float(mean - half),
                                    "ci_high": None if half is None else float(mean + half),
                                    "alpha": None if alpha is None else float(alpha), "suppressed": False}
    return out


def item_stats(survey, rows, area, area_names, min_group):
    out = {name: {} for name in area_names + [ALL]}
    for key in survey.items:
        if survey.scales[key] == "0-10":
            continue
        code = rows[key].to_numpy()
        favorable = (code <= 2) if survey.reverse[key] else (code >= 4)
        shares = pd.DataFrame({"n": code > 0, "favorable": (code > 0) & favorable, "neutral": code == 3,
                               "unfavorable": (code > 0) & ~favorable & (code != 3)}, index=rows.index)
        sums = shares.groupby(area).sum()
        sums.loc["all"] = shares.sum()
        for index, area_name in enumerate(area_names + [ALL]):
            label = "all" if area_name == ALL else index
            n = int(sums.loc[label, "n"]) if label in sums.index else 0
            if n == 0:
                out[area_name][key] = None
            elif n < min_group:
                out[area_name][key] = {"n": n, "suppressed": True}
            else:
                out[area_name][key] = {"n": n, **{s: 100.0 * sums.loc[label, s] / n
                                                  for s in ("favorable", "neutral", "unfavorable")},
                                       "suppressed": False}
    return out


def nps_stats(code, area, area_names, min_group, with_ci):
    score = pd.Series(code, index=area.index)
    frame = pd.DataFrame({"n": score > 0, "promoters": score >= 10, "detractors": (score > 0) & (score <= 7)})
    sums = frame.groupby(area).sum()
    sums.loc["all"] = frame.sum()
    out = {}
    for index, area_name in enumerate(area_names + [ALL]):
        label = "all" if area_name == ALL else index
        n = int(sums.loc[label, "n"]) if label in sums.index else 0
        if n == 0:
            out[area_name] = None
            continue
        if n < min_group:
            out[area_name] = {"n": n, "suppressed": True}
            continue
        p, d = sums.loc[label, "promoters"] / n, sums.loc[label, "detractors"] / n
        figure = {"n": n, "score": 100 * (p - d), "promoters": 100 * p, "passives": 100 * (1 - p - d),
                  "detractors": 100 * d}
        if with_ci:
            half = 1.96 * 100 * math.sqrt(max(p + d - (p - d) ** 2, 0) / n)
            figure["ci_low"] = max(-100.0, figure["score"] - half)
            figure["ci_high"] = min(100.0, figure["score"] + half)
        figure["suppressed"] = False
        out[area_name] = figure
    return out


def indices(means, scoring):
    """LMI, quadrant, readiness, band, missing components and difference gap from shown means."""
    weights, threshold = scoring["weights"], scoring["quadrant_threshold"]
    lead, mgmt = means.get("leadership"), means.get("management")
    lmi = lead - mgmt if lead is not None and mgmt is not None else None
    quadrant = None
    if lmi is not None:
        quadrant = {(True, True): "Led and managed", (True, False): "Led, loosely managed",
                    (False, True): "Managed, not led", (False, False): "Stalled"}[(lead >= threshold, mgmt >= threshold)]
    present = {c: means[c] for c in weights if means.get(c) is not None}
    employee = [c for c in present if c != "customer_life"]
    readiness = band = None
    if employee:
        readiness = sum(weights[c] * present[c] for c in present) / sum(weights[c] for c in present)
        band = next((b["label"] for b in scoring["bands"] if readiness >= b["min"]), scoring["lowest_band"])
    life, customer = means.get("employee_life"), means.get("customer_life")
    return {"lmi": lmi, "quadrant": quadrant, "readiness": readiness, "band": band,
            "missing_components": sorted(c for c in weights if c not in present),
            "difference_gap": life - customer if life is not None and customer is not None else None}


def shown_means(stats):
    return {name: figure["mean"] for name, figure in stats.items() if figure and not figure["suppressed"]}


def drivers(values, scores, area, area_names, driver_items, min_n):
    y_all = scores["employee_life"]
    out = {}
    sums = {}
    for key in driver_items:
        x = values[key]
        both = x.notna() & y_all.notna()
        xs, ys = x.where(both, 0.0), y_all.where(both, 0.0)
        frame = pd.DataFrame({"n": both, "x": xs, "y": ys, "xx": xs * xs, "yy": ys * ys, "xy": xs * ys})
        by = frame.groupby(area).sum()
        by.loc["all"] = frame.sum()
        sums[key] = by
    for index, area_name in enumerate(area_names + [ALL]):
        label = "all" if area_name == ALL else index
        rows, ok = [], True
        for key in driver_items:
            if label not in sums[key].index:
                ok = False
                break
            s = sums[key].loc[label]
            n = s["n"]
            if n < min_n:
                ok = False
                break
            sxx, syy = s["xx"] - s["x"] ** 2 / n, s["yy"] - s["y"] ** 2 / n
            if sxx <= 0 or syy <= 0:
                ok = False
                break
            r = (s["xy"] - s["x"] * s["y"] / n) / math.sqrt(sxx * syy)
            mean = s["x"] / n
            rows.append({"item": key, "n": int(n), "impact": r, "mean": mean, "priority": max(r, 0) * (100 - mean)})
        out[area_name] = sorted(rows, key=lambda d: (-d["priority"], d["item"]))[:3] if ok else None
    return out


def psychometrics(values, constructs):
    out = {}
    for construct in constructs:
        items = construct["items"]
        k = len(items)
        if k < 3:
            continue
        cases = values[items].dropna().to_numpy()
        if len(cases) < 3:
            continue
        cov = np.cov(cases, rowvar=False, ddof=1)
        out[construct["name"]] = {}
        for i, key in enumerate(items):
            rest = [j for j in range(k) if j != i]
            rest_sum = cases[:, rest].sum(axis=1)
            r_drop = float(np.corrcoef(cases[:, i], rest_sum)[0, 1])
            sub = cov[np.ix_(rest, rest)]
            total = sub.sum()
            alpha = (k - 1) / (k - 2) * (1 - np.trace(sub) / total) if total > 0 else None
            out[construct["name"]][key] = {"r_drop": r_drop, "alpha_if_dropped": alpha}
    return out


def wave_name(key):
    return f"{key // 4}-Q{key % 4 + 1}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", required=True)
    parser.add_argument("--employees", nargs="*")
    parser.add_argument("--customers", nargs="*")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    with open(args.config, "rb") as handle:
        config_bytes = handle.read()
    config = json.loads(config_bytes)
    instrument, scoring = config["instrument"], config["scoring"]
    min_group = config["privacy"]["min_group_size"]
    fraction = scoring["min_answered_fraction"]
    areas = config["areas"]
    area_names = [a["name"] for a in areas]
    area_index = {}
    for index, a in enumerate(areas):
        for text in [a["name"]] + a.get("aliases", []):
            area_index[" ".join(text.split()).lower()] = index

    surveys = {}
    for kind, paths in (("employee", args.employees or config["inputs"]["employees"]),
                        ("customer", args.customers or config["inputs"]["customers"])):
        surveys[kind] = Survey(kind, instrument[kind], paths, config, area_index)
    constructs = {kind: [c for c in instrument["constructs"] if c["survey"] == kind] for kind in surveys}

    report_wave = max(int(s.rows["wave"].max()) for s in surveys.values() if len(s.rows))
    waves = sorted({int(w) for s in surveys.values() for w in s.rows["wave"].unique() if w <= report_wave})

    per_area = {name: {"area": name, "employee_n": 0, "customer_n": 0, "constructs": {}, "items": {}}
                for name in area_names + [ALL]}
    trend_means = {}  # (wave, area name) -> {construct: shown mean}
    driver_out = psych = None
    for kind, survey in surveys.items():
        rows = survey.rows[survey.rows["wave"] <= report_wave]
        values = survey.normalized(rows)
        scores = construct_scores(values, constructs[kind], fraction)
        # Trends: every wave up to the report wave, construct means per area and All areas.
        frame = scores.assign(wave=rows["wave"], area=rows["area"])
        by_wave_area = frame.groupby(["wave", "area"]).agg(["count", "mean"])
        by_wave = frame.drop(columns="area").groupby("wave").agg(["count", "mean"])
        for construct in constructs[kind]:
            name = construct["name"]
            for (wave, a), row in by_wave_area[name].iterrows():
                if row["count"] >= min_group:
                    trend_means.setdefault((wave, area_names[a]), {})[name] = row["mean"]
            for wave, row in by_wave[name].iterrows():
                if row["count"] >= min_group:
                    trend_means.setdefault((wave, ALL), {})[name] = row["mean"]
        # The report wave.
        now = (rows["wave"] == report_wave).to_numpy()
        rows, values, scores = rows[now], values[now], scores[now]
        area = rows["area"]
        counts = area.value_counts()
        for index, name in enumerate(area_names):
            per_area[name][f"{kind}_n"] = int(counts.get(index, 0))
        per_area[ALL][f"{kind}_n"] = len(rows)
        stats = construct_stats(scores, values, area, constructs[kind], area_names, min_group)
        items = item_stats(survey, rows, area, area_names, min_group)
        recommend = instrument[kind]["recommend_item"]
        nps = nps_stats(rows[recommend].to_numpy(), area, area_names, min_group, True)
        for name in area_names + [ALL]:
            per_area[name]["constructs"].update(stats[name])
            per_area[name]["items"].update(items[name])
            per_area[name]["enps" if kind == "employee" else "nps"] = nps[name]
        if kind == "employee":
            driver_items = [i for c in constructs[kind] if c["name"] in ("leadership", "management", "low_waste")
                            for i in c["items"]]
            driver_out = drivers(values, scores, area, area_names, driver_items, scoring["min_driver_n"])
            psych = psychometrics(values, constructs[kind])
        else:
            psych.update(psychometrics(values, constructs[kind]))

    results_areas = []
    for index, name in enumerate(area_names + [ALL]):
        entry = per_area[name]
        if name == ALL:
            counts = [a.get("headcount") for a in areas]
            headcount = None if None in counts else sum(counts)
        else:
            headcount = areas[index].get("headcount")
        entry["headcount"] = headcount
        entry["response_rate"] = entry["employee_n"] / headcount if headcount else None
        entry.update(indices(shown_means(entry["constructs"]), scoring))
        entry["drivers"] = driver_out[name]
        results_areas.append(entry)

    trends, evaporation, series_of = [], [], {}
    for wave in waves:
        for name in area_names + [ALL]:
            means = trend_means.get((wave, name), {})
            figures = indices(means, scoring)
            row = {"area": name, "wave": wave_name(wave), "readiness": figures["readiness"],
                   "employee_life": means.get("employee_life"), "customer_life": means.get("customer_life"),
                   "lmi": figures["lmi"]}
            trends.append(row)
            series_of.setdefault(name, []).append(row)
    for name in area_names + [ALL]:
        series = series_of[name]
        latest = series[-1]
        for metric in ("readiness", "employee_life", "customer_life"):
            earlier = [r for r in series[:-1] if r[metric] is not None]
            if not earlier or latest[metric] is None:
                continue
            peak = max(earlier, key=lambda r: r[metric])  # max keeps the earliest of equal peaks
            if peak[metric] - latest[metric] >= scoring["evaporation_drop"]:
                evaporation.append({"area": name, "metric": metric, "peak_wave": peak["wave"], "peak": peak[metric],
                                    "latest": latest[metric], "drop": peak[metric] - latest[metric]})

    os.makedirs(args.out, exist_ok=True)
    report = config["output"]["report_name"].replace("{wave}", wave_name(report_wave))
    inputs = surveys["employee"].inputs + surveys["customer"].inputs
    rejects = [r for s in surveys.values() for r in s.rejects]
    by_reason = pd.concat(rejects)["reason"].value_counts().to_dict() if rejects else {}
    results = {"report": report, "wave": wave_name(report_wave), "waves": [wave_name(w) for w in waves],
               "config_sha256": hashlib.sha256(config_bytes).hexdigest(), "tool_version": "pandas-baseline",
               "inputs": inputs, "rejected_by_reason": by_reason, "areas": results_areas,
               "psychometrics": psych, "trends": trends, "evaporation": evaporation}
    with open(os.path.join(args.out, report + ".json"), "w") as handle:
        json.dump(results, handle, indent=1, default=lambda v: int(v) if isinstance(v, np.integer) else float(v))
    rejects_path = os.path.join(args.out, report + ".rejects.csv")
    if rejects:
        pd.concat(rejects).to_csv(rejects_path, index=False)
    else:
        with open(rejects_path, "w") as handle:
            handle.write("file,line,reason,column\n")
    write_workbook(os.path.join(args.out, report + ".xlsx"), results, constructs)


if __name__ == "__main__":
    main()
