#!/usr/bin/env bash
# Runs test suites under AddressSanitizer (with LeakSanitizer): any out-of-bounds access,
# use-after-free or leaked cmark object fails the run.
#
#   scripts/asan.sh                    the parser, Markdown and prose suites (the code that reads input)
#   scripts/asan.sh --all              every suite
#   scripts/asan.sh 'FILTER'           the suites matching a `swift test --filter` pattern
#
# `--disable-xctest` is required: LeakSanitizer otherwise fails on a leak inside XCTest itself
# (see ../shared/TOOLING.md). The build goes to its own scratch folder, .build-asan.
set -euo pipefail
cd "$(dirname "$0")/.."
filter="${1:-FlowParserTests|FlowMarkdownTests|FlowProseTests}"
filter_args=(--filter "$filter")
[[ "$filter" == "--all" ]] && filter_args=()

# One known false alarm, in the Swift runtime itself: KeyPath projection (`swift_getAtKeyPath`,
# used by `map(\.range?.start)` in tests) copies a value with an overlapping memcpy inside
# libswiftCore.so. Suppress ASan's interceptor reports coming from that library only; our code and
# libcmark stay fully checked.
suppressions="$(mktemp "${TMPDIR:-/tmp}/flowdoc-asan.XXXXXX")"
trap 'rm -f "$suppressions"' EXIT
echo "interceptor_via_lib:libswiftCore.so" >"$suppressions"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:halt_on_error=1}:suppressions=$suppressions"
swift test --sanitize=address --disable-xctest --scratch-path .build-asan "${filter_args[@]}"
