#!/usr/bin/env bash
# Installs what the tests need and runs the whole test suite: a warnings-as-errors build,
# the Swift tests, and the browser tests of the built site.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
swift format lint --strict -r Sources Tests Package.swift
swift build --build-tests -Xswiftc -warnings-as-errors --explicit-target-dependency-import-check error
swift test --skip-build
Tests/browser/run.sh
# Hardening: the parser under libFuzzer for 60 s, and the whole test suite under AddressSanitizer
# and LeakSanitizer.
scripts/fuzz.sh 60
scripts/asan.sh
