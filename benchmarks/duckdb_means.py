#!/usr/bin/env python3
"""DuckDB, aggregate only: per-area, per-wave construct means straight from the CSVs.

The upper bound of benchmarks/run: what a columnar engine needs just to read
both files and average the constructs. It does far less than the pipeline:
labels ("Agree", "often") and missing tokens become NULL through TRY_CAST, the
area is grouped as written (no alias matching), there are no rejects, no
duplicates, no answered-fraction rule (a row's construct score is the mean of
the items it has), no SD / CI / alpha / drivers / NPS, and no workbook. It
writes one small CSV of (survey, wave, area, construct means) and prints the
row count.

Usage: duckdb_means.py --config pipeline.json --employees CSV --customers CSV --out FILE.csv [--print-sql]
"""
import argparse
import json

import duckdb


def construct_sql(name, items, reversed_items):
    cells = []
    for item in items:
        cast = f'TRY_CAST("{item}" AS INTEGER)'
        value = f"(5 - {cast}) * 25.0" if item in reversed_items else f"({cast} - 1) * 25.0"
        # A cast that fails or is out of range counts as no answer.
        cells.append(f"CASE WHEN {cast} BETWEEN 1 AND 5 THEN {value} END")
    total = " + ".join(f"COALESCE({c}, 0)" for c in cells)
    answered = " + ".join(f"({c} IS NOT NULL)::INTEGER" for c in cells)
    return f"({total}) / NULLIF({answered}, 0) AS {name}"


def survey_sql(kind, path, instrument):
    form = instrument[kind]
    reversed_items = {i["key"] for i in form["items"] if i.get("reverse")}
    constructs = [c for c in instrument["constructs"] if c["survey"] == kind]
    scores = ",\n       ".join(construct_sql(c["name"], c["items"], reversed_items) for c in constructs)
    means = ", ".join(f"AVG({c['name']}) AS {c['name']}" for c in constructs)
    return f"""
WITH rows AS (
  SELECT area,
         TRY_CAST(substr(submitted_at, 1, 10) AS DATE) AS day,
       {scores}
  FROM read_csv_auto('{path}', header = true, all_varchar = true)
)
SELECT '{kind}' AS survey,
       year(day) || '-Q' || quarter(day) AS wave,
       area,
       count(*) AS rows,
       {means}
FROM rows
WHERE day IS NOT NULL
GROUP BY ALL
ORDER BY wave, area"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", required=True)
    parser.add_argument("--employees", required=True)
    parser.add_argument("--customers", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--print-sql", action="store_true")
    args = parser.parse_args()
    with open(args.config) as handle:
        instrument = json.load(handle)["instrument"]
    employee = survey_sql("employee", args.employees, instrument)
    customer = survey_sql("customer", args.customers, instrument)
    if args.print_sql:
        print(employee + ";\n" + customer + ";")
        return
    connection = duckdb.connect()
    rows = 0
    with open(args.out, "w") as out:
        for sql in (employee, customer):
            result = connection.execute(sql)
            names = [d[0] for d in result.description]
            out.write(",".join(names) + "\n")
            for row in result.fetchall():
                out.write(",".join("" if v is None else str(v) for v in row) + "\n")
                rows += 1
    print(f"{rows} groups")


if __name__ == "__main__":
    main()
