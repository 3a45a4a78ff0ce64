#!/usr/bin/env bash
# Installs what flowdoc needs on Debian/Ubuntu, idempotently.
#   scripts/install-deps.sh           build dependencies (libcmark-dev, pkg-config, libtcmalloc-minimal4)
#   scripts/install-deps.sh --test    also what the test suite needs (cmark, python3-jsonschema)
set -euo pipefail

packages=(libcmark-dev pkg-config libtcmalloc-minimal4)
if [[ "${1:-}" == "--test" ]]; then
    packages+=(cmark python3 python3-pip graphviz)
fi

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if ((${#missing[@]})); then
    sudo=""
    [[ $(id -u) -ne 0 ]] && sudo="sudo"
    echo "Installing: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [[ "${1:-}" == "--test" ]]; then
    python3 -c 'import jsonschema' 2>/dev/null || python3 -m pip install --quiet 'jsonschema>=4.18'
    # FlowAdaptersTests: the Playwright skeleton parses as TypeScript, the HowTo JSON-LD reads back.
    python3 -c 'import tree_sitter, tree_sitter_typescript, extruct' 2>/dev/null ||
        python3 -m pip install --quiet tree-sitter tree-sitter-typescript extruct
fi
