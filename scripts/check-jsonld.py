#!/usr/bin/env python3
"""Reads the JSON-LD of HTML pages with extruct and checks each schema.org HowTo in it.

Usage: scripts/check-jsonld.py PAGE.html [PAGE.html ...]
Prints one line per HowTo found (path, name, step count). Exits 1 when a page has no HowTo, or a
HowTo lacks a name or steps, or a step (HowToStep, also inside a HowToSection) lacks text;
2 when extruct is not installed (run scripts/install-deps.sh --test).
"""
import sys

try:
    import extruct
except ImportError as error:
    print(f"check-jsonld: {error}; install with: python3 -m pip install extruct", file=sys.stderr)
    sys.exit(2)


def steps_of(howto):
    """The HowToSteps of a HowTo, including those inside HowToSections."""
    steps = howto.get("step") or []
    if isinstance(steps, dict):
        steps = [steps]
    for item in steps:
        if item.get("@type") == "HowToSection":
            yield from item.get("itemListElement") or []
        else:
            yield item


def check(path):
    with open(path, encoding="utf-8") as file:
        data = extruct.extract(file.read(), syntaxes=["json-ld"], uniform=True)
    howtos = [item for item in data.get("json-ld", []) if item.get("@type") == "HowTo"]
    errors = []
    if not howtos:
        errors.append("no HowTo in the page's JSON-LD")
    for howto in howtos:
        steps = list(steps_of(howto))
        if not howto.get("name"):
            errors.append("HowTo without a name")
        if not steps:
            errors.append(f"HowTo {howto.get('name')!r} has no step")
        for index, step in enumerate(steps, 1):
            if step.get("@type") != "HowToStep":
                errors.append(f"step {index} is a {step.get('@type')!r}, not a HowToStep")
            if not step.get("text"):
                errors.append(f"step {index} has no text")
        print(f"{path}: HowTo {howto.get('name')!r} with {len(steps)} steps")
    for error in errors:
        print(f"{path}: error: {error}")
    return not errors


def main(paths):
    if not paths:
        print(__doc__, file=sys.stderr)
        return 2
    results = [check(path) for path in paths]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
