"""Reads one scripts/bench run (WORK holds LABEL.json, LABEL.stats and
LABEL.json.time for each measured run) and prints its figures.

    python bench/report.py WORK LATENCY_MS
"""
import json
import os
import re
import sys

work, latency = sys.argv[1], int(sys.argv[2])
LABELS = {
    "lifted": "ceilings lifted, no throttling",
    "defaults": "default settings, no throttling",
    "fixed32": "--max-concurrency 32 (the former default)",
    "random": "defaults, 5 % throttled at random",
    "limits": "defaults, AWS-like limit model",
    "serial": "--max-concurrency 1, ceilings lifted",
}


def load(label):
    path = f"{work}/{label}.json"
    if not os.path.exists(f"{work}/{label}.stats"):
        return None
    report = json.load(open(path))
    stats = json.load(open(f"{work}/{label}.stats"))
    time = open(f"{path}.time").read()
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", time).group(1))
    return {"report": report, "stats": stats, "rss": rss, "wall": report["scan"]["duration_ms"] / 1000}


def window(family):
    return (family["last_ms"] - family["first_ms"]) / 1000


def allowed(family, seconds):
    return family["burst"] + family["rate"] * seconds


runs = {label: load(label) for label in LABELS}
runs = {label: run for label, run in runs.items() if run}
lifted, defaults = runs["lifted"], runs["defaults"]
print(f"fleet: {json.load(open(f'{work}/fleet.json'))}")
print(f"latency {latency} ms per request; default: adaptive calls in flight")
calls = lifted["report"]["scan"]["api_calls"]["total"]
print(f"API calls: {calls} logical; resources: {len(lifted['report']['resources'])}")
print()
print(f"{'run':42} {'wall s':>8} {'x lifted':>8} {'x defaults':>10} {'requests':>9} {'throttled':>9} {'UNKNOWN':>8} {'identical':>9} {'RSS MiB':>8} {'settled':>7} {'in flight':>9}")
for label, run in runs.items():
    stats, report = run["stats"], run["report"]
    print(
        f"{LABELS[label]:42} {run['wall']:8.2f} {run['wall'] / lifted['wall']:8.2f} {run['wall'] / defaults['wall']:10.2f} "
        f"{stats['requests']:9} {stats['throttled']:9} {report['summary']['by_status']['UNKNOWN']:8} "
        f"{str(report['findings'] == lifted['report']['findings']):>9} {run['rss'] / 1024:8.0f} "
        f"{report['scan'].get('concurrency', {}).get('settled', '-'):>7} {stats['max_in_flight']:>9}"
    )
print(f"most in flight at once (lifted): {lifted['stats']['max_in_flight']}; unanswered requests: {lifted['stats']['misses']}")
for label in ("lifted", "defaults"):
    settled = runs[label]["report"]["scan"]["concurrency"]["settled"]
    floor = calls * latency / 1000 / settled
    print(f"{label}: settled at {settled} in flight; floor (calls x latency / {settled}): {floor:.2f} s; ratio to it: {runs[label]['wall'] / floor:.2f}")
for label, run in runs.items():
    share = run["stats"]["throttled"] / max(run["stats"]["requests"], 1)
    print(f"{label}: {share:.2%} of requests throttled")
if "serial" in runs:
    print(f"serial run: {runs['serial']['wall'] / lifted['wall']:.1f}x the lifted run's wall time")
types = {}
for resource in lifted["report"]["resources"]:
    types[resource["type"]] = types.get(resource["type"], 0) + 1
print(f"resources by type: {types}")

# A family is limited where the lifted run asked more of it than the model allows.
limits = runs.get("limits")
if limits:
    print()
    print("limit model: each family and region the lifted run would exceed")
    print(f"{'family region':50} {'model':>9} {'lifted r/s':>10} {'served':>7} {'throttled':>9} {'share of allowed':>16}")
    for name, clean in sorted(lifted["stats"]["families"].items()):
        limited = clean["served"] > allowed(clean, window(clean))
        got = limits["stats"]["families"].get(name)
        if not limited or not got:
            continue
        seconds = window(got)
        share = min(1.0, got["served"] / allowed(got, seconds))
        demand = clean["served"] / max(window(clean), 1e-3)
        print(
            f"{name:50} {got['rate']:4.0f}/{got['burst']:<4.0f} {demand:10.0f} {got['served']:7} "
            f"{got['throttled']:9} {share:16.0%}"
        )
    unknown_throttled = sum(
        1 for f in limits["report"]["findings"] if f["status"] == "UNKNOWN" and "thrott" in f.get("reason", "").lower()
    )
    print(f"UNKNOWN for throttling under the model: {unknown_throttled}")

print()
print("calls by operation (lifted):")
for op, n in sorted(lifted["report"]["scan"]["api_calls"]["by_action"].items()):
    print(f"  {op:55} {n}")
