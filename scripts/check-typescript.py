#!/usr/bin/env python3
"""Parses TypeScript files with tree-sitter and fails on any ERROR or MISSING node.

Usage: scripts/check-typescript.py FILE.ts [FILE.ts ...]
Exits 0 when every file parses cleanly, 1 when a file has a syntax error (each is printed as
path:line:column), 2 when tree-sitter is not installed (run scripts/install-deps.sh --test).
"""
import sys

try:
    import tree_sitter_typescript
    from tree_sitter import Language, Parser
except ImportError as error:
    print(f"check-typescript: {error}; install with: python3 -m pip install tree-sitter tree-sitter-typescript",
          file=sys.stderr)
    sys.exit(2)


def problems(node):
    """Yields every ERROR or MISSING node below and including node."""
    if node.is_error or node.is_missing or node.type == "ERROR":
        yield node
    for child in node.children:
        yield from problems(child)


def main(paths):
    if not paths:
        print(__doc__, file=sys.stderr)
        return 2
    parser = Parser(Language(tree_sitter_typescript.language_typescript()))
    failed = False
    for path in paths:
        with open(path, "rb") as file:
            tree = parser.parse(file.read())
        found = list(problems(tree.root_node))
        for node in found:
            kind = "missing " + node.type if node.is_missing else "syntax error"
            line, column = node.start_point
            print(f"{path}:{line + 1}:{column + 1}: {kind}")
        if found:
            failed = True
        else:
            print(f"{path}: ok")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
