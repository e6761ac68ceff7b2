#!/usr/bin/env python3
"""The polars baseline of benchmarks/run: the report's figures for the report wave, in idiomatic polars.

It reads the same pipeline.json and the same CSVs and computes, with lazy
queries and expressions on polars' own thread pool (no Python loop over rows),
the figures of the pipeline's results JSON:

  * `pl.scan_csv` of every input with an explicit all-String schema (the header is
    read first, so columns are found by name like the pipeline does), then casts;
    SHA-256 of every input on a thread beside the scan;
  * answer cells -> codes by expressions: trimmed, case-insensitive labels of the
    scale, integers (also `04`), missing tokens; on 0-10 items also a label that
    starts with the integer (`10 - Extremely likely`); anything else rejects the row;
  * dates (`YYYY-MM-DD`, `YYYY-MM-DD[T ]HH:MM:SS`, `T...Z` / `T...±HH:MM`, calendar
    checked) -> quarter wave, the offset honoured for ordering;
  * areas by name or alias, trimmed, inner white space collapsed, case ignored;
  * rejects in SPEC §7 order: field_count and encoding (with --check-fields, below), missing_id,
    bad_date, unknown_area, invalid_value, then duplicate (latest submitted_at
    per trimmed id and wave, ties to the later file and line), counted per input;
  * construct scores with the answered-fraction rule; per area and All areas in
    the report wave: n, mean, SD, 95 % Student-t CI (scipy's t quantile), Cronbach's
    alpha on complete cases; item % favorable / neutral / unfavorable; eNPS / NPS
    with their CI; LMI and quadrant, readiness and band, missing components,
    difference gap, response rate; drivers (Pearson r with employee_life,
    min_driver_n, priority, top three); psychometrics (r_drop, alpha_if_dropped);
    trends per wave and evaporation;
  * primary and secondary suppression (SPEC §9): per figure, across the areas of
    each wave, when exactly one area is hidden while All areas is shown, the next
    smallest by that figure's n is hidden too (ties: the name that sorts first);
    trends and the indices treat a hidden mean as absent;
  * a JSON with the pipeline's keys for these figures, and the XlsxWriter workbook
    of benchmarks/baseline_workbook.py (Summary and Areas sheets).

What it leaves out, like the pandas baseline: the rejects CSV (rejects are only
counted), the comments and comment sheet, the breakdowns (role, segment, channel),
the other workbook sheets and the charts, field_too_long and not_a_response,
the quality gate, atomic publishing and the folder lock, month waves, column
renames and globs. Records with another number of fields than the header
(field_count) and invalid UTF-8 (encoding) are found only with --check-fields,
one extra quote-aware pass over the file's lines; without it polars pads a short
record with empty fields, drops a long record's extra fields and replaces
invalid bytes, as the pandas baseline does.

Usage: polars_baseline.py --config pipeline.json --out DIR [--employees CSV...] [--customers CSV...]
                          [--check-fields]
Paths in the config are relative to the config's folder when they are not found as given.
"""
import argparse
import csv
import hashlib
import json
import math
import os
import sys
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import polars as pl
from scipy.special import stdtrit

from baseline_workbook import write_workbook

ALL = "All areas"
MISSING = ["", "na", "n/a", "-", "don't know", "don\u2019t know", "prefer not to say"]
SPACE = " \t\n\r\x0b\x0c"
LABELS = {
    "likert": {"strongly disagree": 1, "disagree": 2, "neutral": 3, "neither agree nor disagree": 3, "agree": 4,
               "strongly agree": 5},
    "frequency": {"never": 1, "rarely": 2, "sometimes": 3, "often": 4, "always": 5},
}
DATE = (r"^(\d{4})-(\d{2})-(\d{2})(?:([T ])(\d{2}):(\d{2}):(\d{2})(Z|([+-])(\d{2}):(\d{2}))?)?$")
ROLES_FOR_DRIVERS = ("leadership", "management", "low_waste")
REASONS = ["field_count", "encoding", "missing_id", "bad_date", "unknown_area", "invalid_value", "duplicate"]


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 22), b""):
            digest.update(block)
    return digest.hexdigest()


def header_of(path, separator):
    with open(path, encoding="utf-8-sig", errors="replace", newline="") as handle:
        return [" ".join(name.split()).lower() for name in next(csv.reader(handle, delimiter=separator))]


def scale_range(scale):
    return (0, 10) if scale == "0-10" else (1, 5)


def trimmed(column):
    """ASCII white space stripped at both ends, as the pipeline trims."""
    return pl.col(column).str.strip_chars(SPACE)


def answer_table(scale):
    """Trimmed, lower-case cell text -> code: None when missing; anything not in it is invalid."""
    low, high = scale_range(scale)
    table = dict.fromkeys(MISSING)
    for n in range(low, high + 1):
        table[str(n)] = n
        table[f"{n:02d}"] = n
    table.update(LABELS.get(scale, {}))
    return table


def coded(column, categories, normalize, table, dtype):
    """A Categorical column mapped through its distinct texts: each category is normalized and
    looked up once in Python (the pandas baseline's factorize-and-map), then replace_strict;
    -1 for a text not in `table`. An empty cell reads as a null category."""
    mapping = {text: table.get(normalize(text), -1) for text in categories}
    return (pl.when(pl.col(column).is_null()).then(pl.lit(table.get("", -1), dtype))
            .otherwise(pl.col(column).replace_strict(mapping, default=-1, return_dtype=dtype)))


def answer_key(text):
    return text.strip(SPACE).lower()


def area_key(text):
    return " ".join(text.strip(SPACE).split()).lower()


def field_problems(path, separator, fields):
    """--check-fields: per record (in file order, header excluded) its field count and whether it
    held invalid UTF-8, from one quote-aware pass over the physical lines."""
    lines = pl.scan_csv(path, has_header=False, separator="\x1f", quote_char=None, schema={"line": pl.String},
                        encoding="utf8-lossy", empty_string_is_null=False)
    quotes = pl.col("line").str.count_matches('"', literal=True)
    before = quotes.cum_sum() - quotes
    starts_inside, ends_inside = before % 2 == 1, (before + quotes) % 2 == 1
    # Close the quoted field a line starts or ends inside, drop quoted text, count the delimiters left.
    closed = (pl.when(starts_inside).then(pl.lit('"')).otherwise(pl.lit("")) + pl.col("line")
              + pl.when(ends_inside).then(pl.lit('"')).otherwise(pl.lit("")))
    outside = closed.str.replace_all(r'"[^"]*"', "").str.count_matches(separator, literal=True)
    records = (lines.with_columns(record=(~starts_inside).cum_sum(), delimiters=outside,
                                  bad=pl.col("line").str.contains("\ufffd", literal=True),
                                  blank=pl.col("line").str.strip_chars("\r") == "")
               .filter(~(pl.col("blank") & ~starts_inside))
               .group_by("record", maintain_order=True)
               .agg(fields=pl.col("delimiters").sum() + 1, encoding=pl.col("bad").any())
               .slice(1))
    return records.select(field_count=pl.col("fields") != fields, encoding=pl.col("encoding")).collect()


class Survey:
    """One survey kind's accepted, de-duplicated rows: wave, area index and normalized items."""

    def __init__(self, kind, form, paths, config, area_index, check_fields):
        self.kind, self.form = kind, form
        self.items = [item["key"] for item in form["items"]]
        self.scales = {item["key"]: item.get("scale", "likert") for item in form["items"]}
        self.reverse = {item["key"]: bool(item.get("reverse", False)) for item in form["items"]}
        separator = config["inputs"].get("delimiter", ",")
        separator = "\t" if separator == "tab" else separator
        id_column = form["id_column"]
        frames, self.inputs, self.rejected = [], [], dict.fromkeys(REASONS, 0)
        for file_index, path in enumerate(paths):
            header = header_of(path, separator)
            missing = [c for c in [id_column, "submitted_at", "area"] + self.items if c not in header]
            if missing:
                sys.exit(f"{path}: missing column {', '.join(missing)}")
            # Answers and areas are few distinct texts: read them as Categorical, map the categories.
            categorical = set(self.items) | {"area"}
            schema = {name: pl.Categorical if name in categorical else pl.String for name in header}
            frame = pl.scan_csv(path, has_header=False, skip_rows=1, schema=schema,
                                separator=separator, encoding="utf8-lossy", empty_string_is_null=False,
                                truncate_ragged_lines=True).with_row_index("line")
            if check_fields:
                frame = pl.concat([frame, field_problems(path, separator, len(header)).lazy()], how="horizontal")
            else:
                frame = frame.with_columns(field_count=pl.lit(False), encoding=pl.lit(False))
            # The date's parts once, as columns: every check below reads them (expressions are not shared).
            stamp = trimmed("submitted_at")
            dated = [stamp.str.extract_groups(DATE).alias("parts"),
                     stamp.str.slice(0, 10).str.to_date("%Y-%m-%d", strict=False).alias("day")]
            parts, day = pl.col("parts"), pl.col("day")
            hour, minute, second = (parts.struct.field(str(i)).cast(pl.Int64) for i in (5, 6, 7))
            zone, sign = parts.struct.field("8"), parts.struct.field("9")
            zone_hour, zone_minute = (parts.struct.field(str(i)).cast(pl.Int64) for i in (10, 11))
            good_time = parts.struct.field("4").is_null() | (
                (hour < 24) & (minute < 60) & (second < 60)
                & (zone.is_null() | ((parts.struct.field("4") == "T")
                                     & ((zone == "Z") | ((zone_hour <= 18) & (zone_minute < 60))))))
            offset = pl.when(sign == "+").then(1).when(sign == "-").then(-1).otherwise(0) * (
                zone_hour.fill_null(0) * 3600 + zone_minute.fill_null(0) * 60)
            utc = (day.cast(pl.Int64) * 86_400 + hour.fill_null(0) * 3600 + minute.fill_null(0) * 60
                   + second.fill_null(0) - offset)
            # Collected once (only the columns the figures need), so the categories are known.
            frame = frame.select(id_column, "submitted_at", "area", *self.items, "line", "field_count",
                                 "encoding").collect().lazy()
            distinct = frame.select(pl.col(c).unique().cast(pl.String).implode() for c in categorical).collect()
            categories = {c: [t for t in distinct[c][0] if t is not None] for c in categorical}
            tables = {scale: answer_table(scale) for scale in set(self.scales.values())}
            codes = [coded(key, categories[key], answer_key, tables[self.scales[key]], pl.Int8).alias(key)
                     for key in self.items]
            checked = frame.with_columns(dated).with_columns(
                id=trimmed(id_column),
                date_ok=parts.struct.field("1").is_not_null() & day.is_not_null() & good_time, utc=utc,
                area=coded("area", categories["area"], area_key, area_index, pl.Int32),
                *codes)
            invalid = pl.any_horizontal([pl.col(key) < 0 for key in self.items])
            reason = (pl.when(pl.col("field_count")).then(pl.lit("field_count"))
                      .when(pl.col("encoding")).then(pl.lit("encoding"))
                      .when(pl.col("id").fill_null("") == "").then(pl.lit("missing_id"))
                      .when(~pl.col("date_ok").fill_null(False)).then(pl.lit("bad_date"))
                      .when(pl.col("area") < 0).then(pl.lit("unknown_area"))
                      .when(invalid).then(pl.lit("invalid_value")))
            frames.append(checked.select(
                "id", "utc", "area", *self.items, pl.lit(file_index).alias("file"), "line",
                wave=(pl.col("day").dt.year().cast(pl.Int32) * 4 + (pl.col("day").dt.month().cast(pl.Int32) - 1) // 3),
                reason=reason))
            self.inputs.append({"path": path, "kind": kind})
        rows = pl.concat(frames).collect()
        counts = rows.group_by("file", "reason").len()
        accepted = rows.filter(pl.col("reason").is_null()).drop("reason")
        # Duplicates: the latest instant per trimmed id and wave wins; ties go to the later file, then line.
        # One Int128 key orders (instant, file, line); the winner holds its group's maximum.
        order = (pl.col("utc").cast(pl.Int128) * (1 << 40) + pl.col("file").cast(pl.Int128) * (1 << 32)
                 + pl.col("line").cast(pl.Int128))
        accepted = accepted.with_columns(keep=order == order.max().over("id", "wave"))
        keep = pl.col("keep")
        self.rows = accepted.filter(keep).drop("keep")
        losers = accepted.filter(~keep).group_by("file").len()
        for file_index, entry in enumerate(self.inputs):
            mine = counts.filter(pl.col("file") == file_index)
            read = int(mine["len"].sum())
            by_reason = dict(zip(mine["reason"].to_list(), mine["len"].to_list()))
            duplicates = int(losers.filter(pl.col("file") == file_index)["len"].sum())
            rejected = read - by_reason.get(None, 0) + duplicates
            entry.update(rows_read=read, accepted=read - rejected, rejected=rejected)
            for reason, count in by_reason.items():
                if reason is not None:
                    self.rejected[reason] += count
            self.rejected["duplicate"] += duplicates

    def value(self, key):
        """An item on 0-100 (reversed items flipped); 0-10 items too; null when missing."""
        low, high = scale_range(self.scales[key])
        value = (pl.col(key).cast(pl.Float64) - low) * (100.0 / (high - low))
        return (100.0 - value) if self.reverse[key] else value


def need_of(k, fraction):
    return max(1, math.ceil(k * fraction - 1e-9))


def with_scores(frame, survey, constructs, fraction):
    """The normalized items (prefixed v:) and every construct's score per respondent."""
    values = [survey.value(key).alias("v:" + key) for key in survey.items]
    scores = []
    for construct in constructs:
        v = [pl.col("v:" + key) for key in construct["items"]]
        answered = pl.sum_horizontal([x.is_not_null() for x in v])
        mean = pl.sum_horizontal(v) / answered
        scores.append(pl.when(answered >= need_of(len(v), fraction)).then(mean).alias(construct["name"]))
        complete = pl.all_horizontal([x.is_not_null() for x in v])
        scores.append(pl.when(complete).then(pl.sum_horizontal(v)).alias("total:" + construct["name"]))
    return frame.with_columns(values).with_columns(scores)


def per_group(frame, keys, exprs):
    """The aggregation per area (keys + area) and for All areas (area = -1), in one frame."""
    by_area = frame.group_by(*keys, "area").agg(exprs)
    everyone = frame.group_by(*keys).agg(exprs).with_columns(area=pl.lit(-1, pl.Int32)) if keys else \
        frame.select(exprs).with_columns(area=pl.lit(-1, pl.Int32))
    return pl.concat([by_area, everyone.select(by_area.collect_schema().names())])


def suppressed(stats, figure_n, keys, names, minimum):
    """Adds hidden:<figure> for every figure n column: primary, then secondary across the areas of each
    group of `keys` (SPEC §9)."""
    # Ties on n go to the area whose name sorts first (code points).
    name_rank = {area: rank for rank, (_, area) in enumerate(sorted((name, i) for i, name in enumerate(names)))}
    stats = stats.with_columns(pl.col("area").replace_strict(name_rank, default=-1, return_dtype=pl.Int64)
                               .alias("name_rank"))
    columns = []
    for n in figure_n:
        area_row = pl.col("area") >= 0
        primary = (pl.col(n) > 0) & (pl.col(n) < minimum)
        hidden_areas = (primary & area_row).sum().over(keys) if keys else (primary & area_row).sum()
        total = pl.col(n).filter(~area_row).first()
        total = total.over(keys) if keys else total
        candidate = area_row & ~primary & (pl.col(n) > 0)
        rank_key = pl.when(candidate).then(pl.col(n).cast(pl.Int64) * (len(names) + 1) + pl.col("name_rank"))
        first = rank_key.min().over(keys) if keys else rank_key.min()
        second = candidate & (hidden_areas == 1) & (total >= minimum) & (rank_key == first)
        columns.append((primary | second.fill_null(False)).alias("hidden:" + n))
    return stats.with_columns(columns)


def t975(n):
    return float(stdtrit(n - 1, 0.975))


class Report:
    """Collects every figure into the results dictionary."""

    def __init__(self, config):
        self.config = config
        self.scoring = config["scoring"]
        self.minimum = config["privacy"]["min_group_size"]
        self.areas = config["areas"]
        self.names = [a["name"] for a in self.areas]

    def indices(self, means):
        scoring = self.scoring
        weights, threshold = scoring["weights"], scoring["quadrant_threshold"]
        lead, mgmt = means.get("leadership"), means.get("management")
        lmi = quadrant = None
        if lead is not None and mgmt is not None:
            lmi = lead - mgmt
            quadrant = {(True, True): "Led and managed", (True, False): "Led, loosely managed",
                        (False, True): "Managed, not led", (False, False): "Stalled"}[
                (lead >= threshold, mgmt >= threshold)]
        present = [c for c in weights if means.get(c) is not None]
        readiness = band = None
        if any(c != "customer_life" for c in present):
            readiness = sum(weights[c] * means[c] for c in present) / sum(weights[c] for c in present)
            band = next((b["label"] for b in scoring["bands"] if readiness >= b["min"]), scoring["lowest_band"])
        life, customer = means.get("employee_life"), means.get("customer_life")
        return {"lmi": lmi, "quadrant": quadrant, "readiness": readiness, "band": band,
                "missing_components": [c for c in weights if c not in present],
                "difference_gap": life - customer if life is not None and customer is not None else None}


def construct_object(row, name, k, minimum):
    n = row[f"n:{name}"]
    empty = {"n": n, "mean": None, "sd": None, "ci_low": None, "ci_high": None, "alpha": None}
    if n == 0 or row[f"hidden:n:{name}"]:
        return {**empty, "suppressed": n > 0}
    mean, sd = row[f"mean:{name}"], row[f"sd:{name}"] if n >= 2 else None
    half = t975(n) * sd / math.sqrt(n) if n >= 2 else None
    alpha = None
    cases, total = row[f"cases:{name}"], row[f"vartotal:{name}"]
    if k >= 2 and cases >= 3 and total is not None and total > 1e-9:
        alpha = k / (k - 1) * (1 - row[f"varsum:{name}"] / total)
    return {"n": n, "mean": mean, "sd": sd, "ci_low": None if half is None else mean - half,
            "ci_high": None if half is None else mean + half, "alpha": alpha, "suppressed": False}


def item_object(row, key):
    n = row[f"n:{key}"]
    if n == 0 or row[f"hidden:n:{key}"]:
        return {"n": n, "favorable": None, "neutral": None, "unfavorable": None, "suppressed": n > 0}
    return {"n": n, **{share: 100.0 * row[f"{share}:{key}"] / n for share in ("favorable", "neutral", "unfavorable")},
            "suppressed": False}


def nps_object(row, key):
    n = row[f"n:{key}"]
    if n == 0 or row[f"hidden:n:{key}"]:
        return {"n": n, "score": None, "promoters": None, "passives": None, "detractors": None, "ci_low": None,
                "ci_high": None, "suppressed": n > 0}
    p, d = row[f"promoters:{key}"] / n, row[f"detractors:{key}"] / n
    score = 100 * (p - d)
    half = 1.96 * 100 * math.sqrt(max(p + d - (p - d) ** 2, 0.0) / n)
    return {"n": n, "score": score, "promoters": 100 * p, "passives": 100 * row[f"passives:{key}"] / n,
            "detractors": 100 * d, "ci_low": max(-100.0, score - half), "ci_high": min(100.0, score + half),
            "suppressed": False}


def report_wave_stats(frame, survey, constructs, minimum, names):
    """Per area and All areas of the report wave: every construct, item and NPS aggregate, suppression marked."""
    exprs = [pl.len().alias("rows")]
    for construct in constructs:
        name, items = construct["name"], construct["items"]
        complete = pl.col("total:" + name).is_not_null()
        exprs += [pl.col(name).count().alias(f"n:{name}"), pl.col(name).mean().alias(f"mean:{name}"),
                  pl.col(name).std().alias(f"sd:{name}"), complete.sum().alias(f"cases:{name}"),
                  pl.sum_horizontal([pl.col("v:" + i).filter(complete).var() for i in items]).alias(f"varsum:{name}"),
                  pl.col("total:" + name).var().alias(f"vartotal:{name}")]
    figures = []
    for key in survey.items:
        code = pl.col(key)
        if survey.scales[key] == "0-10":
            continue
        low, high = scale_range(survey.scales[key])
        favorable, unfavorable = code >= 4, code <= 2
        if survey.reverse[key]:
            favorable, unfavorable = unfavorable, favorable
        exprs += [code.count().alias(f"n:{key}"), favorable.sum().alias(f"favorable:{key}"),
                  (code == 3).sum().alias(f"neutral:{key}"), unfavorable.sum().alias(f"unfavorable:{key}")]
        figures.append(f"n:{key}")
    recommend = survey.form["recommend_item"]
    code = pl.col(recommend)
    exprs += [code.count().alias(f"n:{recommend}"), (code >= 9).sum().alias(f"promoters:{recommend}"),
              code.is_between(7, 8).sum().alias(f"passives:{recommend}"),
              (code <= 6).sum().alias(f"detractors:{recommend}")]
    figures += [f"n:{c['name']}" for c in constructs] + [f"n:{recommend}"]
    stats = per_group(frame, [], exprs)
    return suppressed(stats, figures, [], names, minimum).collect()


def driver_stats(frame, driver_items, min_n):
    """Per area and All areas: n, r, mean of every driver item against employee_life; None where not possible."""
    y = pl.col("employee_life")
    exprs = []
    for key in driver_items:
        x = pl.col("v:" + key)
        both = x.is_not_null() & y.is_not_null()
        xs, ys = x.filter(both), y.filter(both)
        exprs += [both.sum().alias(f"n:{key}"), pl.corr(xs, ys).alias(f"r:{key}"), xs.mean().alias(f"mean:{key}"),
                  xs.var().alias(f"vx:{key}"), ys.var().alias(f"vy:{key}")]
    return per_group(frame, [], exprs).collect()


def psychometrics(frame, constructs):
    out = {}
    for construct in constructs:
        items = construct["items"]
        k = len(items)
        if k < 3:
            continue
        cases = frame.filter(pl.col("total:" + construct["name"]).is_not_null())
        pairs = [(i, j) for i in range(k) for j in range(i, k)]
        cov = cases.select([pl.cov("v:" + items[i], "v:" + items[j]).alias(f"{i},{j}") for i, j in pairs]
                           + [pl.len().alias("m")]).collect()
        if cov["m"][0] < 3:
            continue
        matrix = np.empty((k, k))
        for i, j in pairs:
            matrix[i, j] = matrix[j, i] = cov[f"{i},{j}"][0]
        out[construct["name"]] = {}
        for i, key in enumerate(items):
            rest = [j for j in range(k) if j != i]
            sub = matrix[np.ix_(rest, rest)]
            total = sub.sum()  # the variance of the other items' sum
            r_drop = matrix[i, rest].sum() / math.sqrt(matrix[i, i] * total)
            alpha = (k - 1) / (k - 2) * (1 - np.trace(sub) / total) if total > 0 else None
            out[construct["name"]][key] = {"r_drop": float(r_drop),
                                           "alpha_if_dropped": None if alpha is None else float(alpha)}
    return out


def wave_name(key):
    return f"{key // 4}-Q{key % 4 + 1}"


def resolve(path, base):
    return path if os.path.exists(path) or os.path.isabs(path) else os.path.join(base, path)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", required=True)
    parser.add_argument("--employees", nargs="*")
    parser.add_argument("--customers", nargs="*")
    parser.add_argument("--out", required=True)
    parser.add_argument("--check-fields", action="store_true",
                        help="also reject long records (field_count) and invalid UTF-8 (encoding)")
    args = parser.parse_args()
    with open(args.config, "rb") as handle:
        config_bytes = handle.read()
    config = json.loads(config_bytes)
    base = os.path.dirname(os.path.abspath(args.config))
    instrument, scoring = config["instrument"], config["scoring"]
    report = Report(config)
    minimum, names, fraction = report.minimum, report.names, scoring["min_answered_fraction"]
    area_index = {}
    for index, area in enumerate(config["areas"]):
        for text in [area["name"]] + area.get("aliases", []):
            area_index[" ".join(text.split()).lower()] = index
    paths = {"employee": [resolve(p, base) for p in args.employees or config["inputs"]["employees"]],
             "customer": [resolve(p, base) for p in args.customers or config["inputs"]["customers"]]}
    # The digests are computed on a thread while polars reads (hashlib releases the GIL).
    with ThreadPoolExecutor(max_workers=1) as pool:
        digests = {path: pool.submit(sha256, path) for kind in paths for path in paths[kind]}
        surveys = {kind: Survey(kind, instrument[kind], paths[kind], config, area_index, args.check_fields)
                   for kind in ("employee", "customer")}
        for survey in surveys.values():
            for entry in survey.inputs:
                entry["sha256"] = digests[entry["path"]].result()
    constructs = {kind: [c for c in instrument["constructs"] if c["survey"] == kind] for kind in surveys}
    report_wave = max(s.rows["wave"].max() for s in surveys.values() if s.rows.height)
    waves = sorted({w for s in surveys.values() for w in s.rows["wave"].unique().to_list() if w <= report_wave})

    entries = {i: {"area": name, "constructs": {}, "items": {}} for i, name in enumerate(names + [ALL])}
    index_of = {i if i < len(names) else -1: i for i in range(len(names) + 1)}
    trend_frames, driver_out, psych = [], {}, {}
    for kind, survey in surveys.items():
        frame = with_scores(survey.rows.lazy().filter(pl.col("wave") <= report_wave), survey, constructs[kind],
                            fraction)
        # Trends: construct n and mean per wave and area, suppressed per wave.
        trend = per_group(frame, ["wave"], [e for c in constructs[kind] for e in (
            pl.col(c["name"]).count().alias(f"n:{c['name']}"), pl.col(c["name"]).mean().alias(f"mean:{c['name']}"))])
        trend_frames.append(suppressed(trend, [f"n:{c['name']}" for c in constructs[kind]], ["wave"], names,
                                       minimum).collect())
        now = frame.filter(pl.col("wave") == report_wave)
        stats = report_wave_stats(now, survey, constructs[kind], minimum, names)
        recommend = survey.form["recommend_item"]
        for row in stats.iter_rows(named=True):
            entry = entries[index_of[row["area"]]]
            entry[f"{kind}_n"] = row["rows"]
            for c in constructs[kind]:
                entry["constructs"][c["name"]] = construct_object(row, c["name"], len(c["items"]), minimum)
            for key in survey.items:
                if survey.scales[key] != "0-10":
                    entry["items"][key] = item_object(row, key)
            entry["enps" if kind == "employee" else "nps"] = nps_object(row, recommend)
        if kind == "employee":
            driver_items = [i for c in constructs[kind] if c["name"] in ROLES_FOR_DRIVERS for i in c["items"]]
            drivers = driver_stats(now, driver_items, scoring["min_driver_n"])
            for row in drivers.iter_rows(named=True):
                rows = []
                for key in driver_items:
                    if (row[f"n:{key}"] < scoring["min_driver_n"] or not row[f"vx:{key}"] > 1e-9
                            or not row[f"vy:{key}"] > 1e-9):
                        rows = None
                        break
                    r, mean = row[f"r:{key}"], row[f"mean:{key}"]
                    rows.append({"item": key, "n": row[f"n:{key}"], "impact": r, "mean": mean,
                                 "priority": max(r, 0.0) * (100 - mean)})
                driver_out[index_of[row["area"]]] = rows
        psych.update(psychometrics(now, constructs[kind]))

    results_areas = []
    for i, name in enumerate(names + [ALL]):
        entry = entries[i]
        entry.setdefault("employee_n", 0)
        entry.setdefault("customer_n", 0)
        for kind, key in (("employee", "enps"), ("customer", "nps")):
            entry.setdefault(key, nps_object({f"n:{key}": 0, f"hidden:n:{key}": False}, key))
            for c in constructs[kind]:
                entry["constructs"].setdefault(c["name"], construct_object(
                    {f"n:{c['name']}": 0, f"hidden:n:{c['name']}": False}, c["name"], 0, minimum))
            for key_ in surveys[kind].items:
                if surveys[kind].scales[key_] != "0-10":
                    entry["items"].setdefault(key_, item_object({f"n:{key_}": 0, f"hidden:n:{key_}": False}, key_))
        if name == ALL:
            counts = [a.get("headcount") for a in report.areas]
            headcount = None if None in counts else sum(counts)
        else:
            headcount = report.areas[i].get("headcount")
        means = {c: f["mean"] for c, f in entry["constructs"].items() if f["mean"] is not None}
        drivers = driver_out.get(i)
        if drivers is not None and "employee_life" in means:
            drivers = sorted(drivers, key=lambda d: (-d["priority"], d["item"]))[:3]
        else:
            drivers = None
        ordered = {"area": name, "employee_n": entry["employee_n"], "customer_n": entry["customer_n"],
                   "headcount": headcount,
                   "response_rate": entry["employee_n"] / headcount if headcount else None,
                   "constructs": entry["constructs"], "items": entry["items"], "enps": entry["enps"],
                   "nps": entry["nps"], **report.indices(means), "drivers": drivers}
        results_areas.append(ordered)

    # Trends and evaporation from the shown means of every wave.
    shown = {}
    for trend in trend_frames:
        mean_columns = [c for c in trend.columns if c.startswith("mean:")]
        for row in trend.iter_rows(named=True):
            for column in mean_columns:
                name = column[5:]
                if row[f"n:{name}"] > 0 and not row[f"hidden:n:{name}"]:
                    shown.setdefault((row["wave"], index_of[row["area"]]), {})[name] = row[column]
    trends, series_of = [], {}
    for wave in waves:
        for i, name in enumerate(names + [ALL]):
            means = shown.get((wave, i), {})
            figures = report.indices(means)
            row = {"area": name, "wave": wave_name(wave), "readiness": figures["readiness"],
                   "employee_life": means.get("employee_life"), "customer_life": means.get("customer_life"),
                   "lmi": figures["lmi"]}
            trends.append(row)
            series_of.setdefault(name, []).append(row)
    evaporation = []
    for name in names + [ALL]:
        series = series_of.get(name, [])
        if not series:
            continue
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
    report_name = config["output"]["report_name"].replace("{wave}", wave_name(report_wave))
    inputs = surveys["employee"].inputs + surveys["customer"].inputs
    by_reason = {reason: surveys["employee"].rejected[reason] + surveys["customer"].rejected[reason]
                 for reason in REASONS}
    results = {"report": report_name, "wave": wave_name(report_wave), "waves": [wave_name(w) for w in waves],
               "config_sha256": hashlib.sha256(config_bytes).hexdigest(), "tool_version": "polars-baseline",
               "inputs": inputs, "rejected_by_reason": by_reason, "areas": results_areas,
               "psychometrics": psych, "trends": trends, "evaporation": evaporation}
    with open(os.path.join(args.out, report_name + ".json"), "w") as handle:
        json.dump(results, handle, indent=1)
    write_workbook(os.path.join(args.out, report_name + ".xlsx"), results, constructs)


if __name__ == "__main__":
    main()
