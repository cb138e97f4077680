#!/usr/bin/env python3
"""Early-stopping table: for each run folder (run with dip.run.early-stop.enabled = true and
halt = false, so the run goes on past the choice), the iteration ES-WMV chose and its PSNR
against the iteration with the best logged PSNR (which needs the ground truth ES does without).

Usage: bench/early_stop_table.py RUN_DIR[:METRIC] ...   (METRIC defaults to the first psnr column)
"""
import csv
import json
import sys


def row(folder, metric):
    with open(f"{folder}/metrics.csv") as f:
        rows = list(csv.DictReader(f))
    metric = metric or next(c for c in rows[0] if c.startswith("psnr") and c not in ("psnr_noisy", "psnr_lr"))
    logged = [(int(r["iteration"]), float(r[metric])) for r in rows if r[metric]]
    best_it, best = max(logged, key=lambda p: p[1])
    with open(f"{folder}/summary.json") as f:
        summary = json.load(f)
    es = summary["early_stop"]
    final = summary["metrics"][metric]
    return (f"| {folder} | {metric} | {es['iteration']} (decided at {es['decided_at']}) | {es['metrics'][metric]:.2f} "
            f"| {best_it} | {best:.2f} | {es['metrics'][metric] - best:+.2f} | {summary['iterations']} | {final:.2f} |")


print("| run | metric | ES-WMV choice (iteration) | its PSNR | best logged iteration | best PSNR | gap (dB) | iterations | final PSNR |")
print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
for arg in sys.argv[1:]:
    folder, _, metric = arg.partition(":")
    print(row(folder, metric or None))
