#!/usr/bin/env python3
"""Runs the benchmark's tools round-robin and writes the results as JSON and a Markdown table.

Usage: run.py FLOWDOC FLOOR WORK_DIR REPETITIONS RESULTS_DIR

WORK_DIR (on tmpfs) holds `corpus/` and `hugo-site/`. Each round runs every tool once, in the
same order, so machine noise hits all alike; each run is wrapped in `/usr/bin/time -v` for the
peak resident memory and the CPU time (user + system), which another process on the machine
disturbs less than the wall time. Setup (removing the previous output, editing the page of a
rebuild) is not timed.

BENCH_SKIP_HUGO=1 leaves hugo out (for 100,000 pages it needs about 16 GB of memory). Results go
to RESULTS_DIR/latest.{json,md} and RESULTS_DIR/<pages>-pages.{json,md}.
"""

import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

flowdoc, floor, work, repetitions, results = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
corpus = os.path.join(work, "corpus")
edited = os.path.join(corpus, "area-0001", "page-0002.md")
original = open(edited).read()


def fresh(path):
    shutil.rmtree(path, ignore_errors=True)
    shutil.rmtree(os.path.join(os.path.dirname(path), "." + os.path.basename(path) + ".flowdoc-cache"), ignore_errors=True)


def edit(round_number):
    # A sentence after the first step's instruction, as long as no other round's: the step
    # changes, so the page's part of flows.json changes length and every part after it moves;
    # its links, anchors and choices, which other pages read, stay as they were.
    sentence = f"Edited in round {round_number}." + " Once more." * round_number
    first_step = original.find("\n1. ") + 1
    if first_step == 0:
        sys.exit(f"run.py: {edited} has no numbered step to edit; was the corpus made by generate-corpus.py?")
    end = original.index("\n", first_step)
    text = original[:end] + " " + sentence + original[end:]
    with open(edited, "w") as file:
        file.write(text)


TOOLS = [
    ("floor", lambda r: fresh(f"{work}/floor-out"), [floor, corpus, f"{work}/floor-out"]),
    ("flowdoc export", lambda r: None, [flowdoc, "export", corpus, "--output", f"{work}/export.json", "--quiet"]),
    ("flowdoc check", lambda r: None, [flowdoc, "check", corpus, "--quiet"]),
    ("flowdoc build (cold)", lambda r: fresh(f"{work}/site-cold"), [flowdoc, "build", corpus, "--output", f"{work}/site-cold", "--quiet"]),
    ("flowdoc build (1 page changed)", edit, [flowdoc, "build", corpus, "--output", f"{work}/site-warm", "--quiet"]),
    # Right after the one-page rebuild, over its site: what every rebuild costs before any page is written.
    ("flowdoc build (no change)", lambda r: None, [flowdoc, "build", corpus, "--output", f"{work}/site-warm", "--quiet"]),
    ("hugo", lambda r: fresh(f"{work}/hugo-out"), ["hugo", "--quiet", "--source", f"{work}/hugo-site", "--destination", f"{work}/hugo-out"]),
]
if os.environ.get("BENCH_SKIP_HUGO") == "1":
    TOOLS = [tool for tool in TOOLS if tool[0] != "hugo"]
REBUILD = next(tool for tool in TOOLS if tool[0] == "flowdoc build (1 page changed)")
DISCARDED = {
    "floor": [f"{work}/floor-out"],
    "flowdoc export": [f"{work}/export.json"],
    "flowdoc build (cold)": [f"{work}/site-cold"],
    "hugo": [f"{work}/hugo-out"],
}


def run(command):
    report = os.path.join(work, "time.txt")
    start = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-v", "-o", report] + command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"failed ({done.returncode}): {' '.join(command)}\n{done.stderr.decode()[-2000:]}")
    fields = {line.split(":", 1)[0].strip(): line.split(":", 1)[1].strip() for line in open(report) if ":" in line}
    rss = int(fields["Maximum resident set size (kbytes)"])
    cpu = float(fields["User time (seconds)"]) + float(fields["System time (seconds)"])
    return wall, rss * 1024, cpu


def main():
    pages = sum(1 for _, _, files in os.walk(corpus) for name in files if name.endswith(".md"))
    size = sum(os.path.getsize(os.path.join(d, n)) for d, _, files in os.walk(corpus) for n in files if n.endswith(".md"))
    edit(0)
    run(REBUILD[2])  # the previous site that the rebuilds start from
    samples = {name: [] for name, _, _ in TOOLS}
    for round_number in range(1, repetitions + 1):
        for name, prepare, command in TOOLS:
            prepare(round_number)
            samples[name].append(run(command))
            # Untimed: outputs nothing reads again are removed at once, so that 100,000 pages fit on tmpfs.
            for leftover in DISCARDED.get(name, []):
                fresh(leftover) if os.path.isdir(leftover) else os.remove(leftover)
        print(f"round {round_number}/{repetitions} done", file=sys.stderr)
    with open(edited, "w") as file:
        file.write(original)
    rows = []
    for name, _, _ in TOOLS:
        wall = statistics.median(s[0] for s in samples[name])
        rows.append({
            "tool": name, "median_seconds": round(wall, 4), "runs": [round(s[0], 4) for s in samples[name]],
            "pages_per_second": round(pages / wall), "mb_per_second": round(size / 1e6 / wall, 1),
            "peak_rss_mb": round(max(s[1] for s in samples[name]) / 1e6, 1),
            "median_cpu_seconds": round(statistics.median(s[2] for s in samples[name]), 3),
        })
    by = {row["tool"]: row["median_seconds"] for row in rows}
    cold = by["flowdoc build (cold)"]
    ratios = {
        "build_cold_over_floor": round(cold / by["floor"], 2),
        "check_over_floor": round(by["flowdoc check"] / by["floor"], 2),
        "export_over_floor": round(by["flowdoc export"] / by["floor"], 2),
        "rebuild_over_cold": round(by["flowdoc build (1 page changed)"] / cold, 3),
        "no_change_rebuild_over_cold": round(by["flowdoc build (no change)"] / cold, 3),
    }
    if "hugo" in by:
        ratios["hugo_over_build_cold"] = round(by["hugo"] / cold, 2)
    version = subprocess.run([flowdoc, "--version"], capture_output=True, text=True).stdout.strip()
    hugo = "not run"
    if "hugo" in by:
        hugo = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.split()[1]
    cmark = subprocess.run(["pkg-config", "--modversion", "libcmark"], capture_output=True, text=True).stdout.strip()
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.machine())
    machine = f"{os.cpu_count()} cores, {cpu}, Linux {platform.release()}"
    document = {
        "date": datetime.date.today().isoformat(), "machine": machine, "pages": pages, "input_bytes": size,
        "repetitions": repetitions, "versions": {"flowdoc": version, "hugo": hugo, "libcmark": cmark},
        "results": rows, "ratios": ratios,
    }
    os.makedirs(results, exist_ok=True)
    for name in ("latest", f"{pages}-pages"):
        with open(os.path.join(results, name + ".json"), "w") as file:
            json.dump(document, file, indent=2)
            file.write("\n")
    lines = [
        f"{pages:,} pages ({size / 1e6:.1f} MB), median of {repetitions} round-robin runs, output on tmpfs; "
        f"{document['date']}, {machine}; flowdoc {version}, hugo {hugo}, libcmark {cmark}.",
        "",
        "| Tool | Wall time (median) | CPU time (median) | Pages/s | MB/s | Peak memory |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        lines.append(f"| {row['tool']} | {row['median_seconds']:.3f} s | {row['median_cpu_seconds']:.2f} s | "
                     f"{row['pages_per_second']:,} | {row['mb_per_second']} | {row['peak_rss_mb']:.0f} MB |")
    hugo_ratio = f", hugo/build {ratios['hugo_over_build_cold']}x" if "hugo_over_build_cold" in ratios else ""
    lines += [
        "",
        f"Ratios: build/floor {ratios['build_cold_over_floor']}x, check/floor {ratios['check_over_floor']}x, "
        f"export/floor {ratios['export_over_floor']}x{hugo_ratio}, "
        f"rebuild/cold {ratios['rebuild_over_cold'] * 100:.1f}% "
        f"(no change: {ratios['no_change_rebuild_over_cold'] * 100:.1f}%).",
    ]
    table = "\n".join(lines) + "\n"
    for name in ("latest", f"{pages}-pages"):
        with open(os.path.join(results, name + ".md"), "w") as file:
            file.write(table)
    print(table)


if __name__ == "__main__":
    main()
