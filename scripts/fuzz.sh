#!/usr/bin/env bash
# Fuzzes the page parser (front matter, Markdown, steps, field tables, screens) with libFuzzer.
#
#   scripts/fuzz.sh [seconds] [extra libFuzzer flags...]     default: 60 seconds
#
# Builds the separate package Fuzz/ (so the main build never sees the fuzzing flags), copies the
# committed seed corpus Fuzz/corpus/ into a temporary folder (the committed corpus never grows)
# and runs the fuzzer on it. A crash, a leak or an input that runs longer than 10 s is saved to
# Fuzz/crashes/ and the script exits non-zero; turn each such input into a regression test in
# Tests/FlowParserTests/HostileInputTests.swift.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true

# Without the combined `-sanitize=fuzzer,address` the fuzzer runs uninstrumented
# ("Is the code instrumented for coverage?"); see ../shared/TOOLING.md.
swift build --package-path Fuzz --product FlowFuzz --scratch-path .build-fuzz \
    --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -use-ld=lld

work="$(mktemp -d "${TMPDIR:-/tmp}/flowdoc-fuzz.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus" "$work/artifacts" Fuzz/crashes
cp Fuzz/corpus/* "$work/corpus/"

status=0
.build-fuzz/debug/FlowFuzz "$work/corpus" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=65536 -print_final_stats=1 \
    -artifact_prefix="$work/artifacts/" "$@" 2>&1 | tee "$work/log" || status=$?

if grep -q "Is the code instrumented for coverage" "$work/log"; then
    echo "fuzz.sh: the fuzzer runs without coverage; check the build flags" >&2
    status=1
fi
if compgen -G "$work/artifacts/*" >/dev/null; then
    cp "$work"/artifacts/* Fuzz/crashes/
    echo "fuzz.sh: saved failing inputs to Fuzz/crashes/:" >&2
    ls "$work/artifacts" >&2
    status=1
fi
exit "$status"
