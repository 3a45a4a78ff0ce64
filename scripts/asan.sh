#!/usr/bin/env bash
# Runs the test suites under AddressSanitizer with LeakSanitizer: any out-of-bounds access,
# use-after-free or leak (a cmark node, parser or iterator not freed, a Swift object never
# released) fails the run.
#
#   scripts/asan.sh                    every test target (what scripts/test.sh and .ci/run run)
#   scripts/asan.sh 'FILTER'           the tests matching a `swift test --filter` pattern
#
# `--all` is still accepted and means the same as no argument.
# `--disable-xctest` is required: LeakSanitizer otherwise fails on a leak inside XCTest itself
# (see ../shared/TOOLING.md). The build goes to its own scratch folder, .build-asan.
set -euo pipefail
cd "$(dirname "$0")/.."
filter_args=()
if [[ $# -gt 0 && "$1" != "--all" ]]; then
    filter_args=(--filter "$1")
fi

# One known false alarm, in the Swift runtime itself: KeyPath projection (`swift_getAtKeyPath`,
# used by `map(\.range?.start)` in tests) copies a value with an overlapping memcpy inside
# libswiftCore.so. Suppress ASan's interceptor reports coming from that library only; our code and
# libcmark stay fully checked.
suppressions="$(mktemp "${TMPDIR:-/tmp}/flowdoc-asan.XXXXXX")"
trap 'rm -f "$suppressions"' EXIT
echo "interceptor_via_lib:libswiftCore.so" >"$suppressions"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:halt_on_error=1}:suppressions=$suppressions"
# Two leaks inside Foundation, each explained in scripts/lsan.supp; nothing of ours is suppressed.
export LSAN_OPTIONS="${LSAN_OPTIONS:+$LSAN_OPTIONS:}suppressions=$PWD/scripts/lsan.supp"
# The system allocator: with tcmalloc linked too (Package.swift), LeakSanitizer reported the Swift
# runtime's cached type names as leaks in every run of the flowdoc binary.
export FLOWDOC_SYSTEM_MALLOC=1
swift test --sanitize=address --disable-xctest --scratch-path .build-asan "${filter_args[@]}"
