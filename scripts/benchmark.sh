#!/usr/bin/env bash
# Benchmarks flowdoc against the floor (libcmark alone) and the peer (hugo) on one generated corpus.
#
# Usage: scripts/benchmark.sh [PAGES] [REPETITIONS]     (defaults: 10000 pages, 5 rounds)
#
# Builds flowdoc in release mode and the floor with cc, generates the corpus on tmpfs
# (/dev/shm), then runs every tool round-robin (Benchmarks/run.py). Results go to
# Benchmarks/results/latest.{json,md} and <PAGES>-pages.{json,md}; the table is printed too.
# BENCH_SKIP_HUGO=1 leaves hugo out (for 100,000 pages it needs about 16 GB of memory).
set -euo pipefail
pages="${1:-10000}"
repetitions="${2:-5}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${BENCH_WORK:-/dev/shm/flowdoc-bench}"
scratch="${BENCH_SCRATCH:-$root/.build-bench}"   # SwiftPM scratch path of the release build

need=()
[ "${BENCH_SKIP_HUGO:-0}" = 1 ] || command -v hugo >/dev/null || need+=(hugo)
[ -x /usr/bin/time ] || need+=(time)
pkg-config --exists libcmark 2>/dev/null || need+=(libcmark-dev pkg-config)
ldconfig -p | grep -q libtcmalloc_minimal.so.4 || need+=(libtcmalloc-minimal4)
command -v python3 >/dev/null || need+=(python3)
if [ "${#need[@]}" -gt 0 ]; then
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -q && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${need[@]}"
fi

echo "== building flowdoc (release) and the floor" >&2
# As scripts/build.sh builds it: the Swift runtime and Foundation linked in.
swift build -c release --static-swift-stdlib --scratch-path "$scratch" --product flowdoc >&2
flowdoc="$scratch/release/flowdoc"
mkdir -p "$work"
cc -O2 -o "$work/floor" "$root/Benchmarks/floor/floor.c" $(pkg-config --cflags --libs libcmark)

echo "== generating $pages pages in $work/corpus" >&2
python3 "$root/Benchmarks/generate-corpus.py" "$pages" "$work/corpus"
rm -rf "$work/hugo-site" "$work/hugo-out"
if [ "${BENCH_SKIP_HUGO:-0}" != 1 ]; then
    mkdir -p "$work/hugo-site"
    cp -r "$root/Benchmarks/hugo/." "$work/hugo-site/"
    cp -r "$work/corpus" "$work/hugo-site/content"
    find "$work/hugo-site/content" -name index.md -execdir mv index.md _index.md \;
fi

echo "== checking the corpus" >&2
"$flowdoc" check "$work/corpus" --quiet

echo "== running $repetitions rounds" >&2
python3 "$root/Benchmarks/run.py" "$flowdoc" "$work/floor" "$work" "$repetitions" "$root/Benchmarks/results"
