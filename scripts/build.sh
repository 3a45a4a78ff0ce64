#!/usr/bin/env bash
# Installs the build dependencies, builds flowdoc (release) and builds the help site
# from content/ into site/. Extra arguments go to `flowdoc build`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release --product flowdoc
.build/release/flowdoc build content --output site "$@"
