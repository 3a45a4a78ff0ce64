"""Live preview in headless Chromium: `flowdoc serve` reloads an open page after its Markdown changes.

Starts `flowdoc init` + `flowdoc serve --port 0` in a temporary folder. The binary is
$FLOWDOC_BIN, else the one run.sh builds (.build-site/debug/flowdoc).
"""
import os
import pathlib
import re
import signal
import subprocess
import tempfile
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import ROOT

FLOWDOC = pathlib.Path(os.environ.get("FLOWDOC_BIN", ROOT / ".build-site" / "debug" / "flowdoc"))
PAGE = "create-project.html"


@pytest.fixture
def preview():
    """A new help center served by `flowdoc serve` on a free loopback port: (folder, base URL)."""
    if not FLOWDOC.exists():
        pytest.fail(f"no flowdoc binary at {FLOWDOC}; run Tests/browser/run.sh or set FLOWDOC_BIN")
    folder = pathlib.Path(tempfile.mkdtemp(prefix="flowdoc-live-"))
    subprocess.run([str(FLOWDOC), "init", str(folder), "--quiet"], check=True)
    log = open(folder / "serve.log", "w+")
    server = subprocess.Popen(
        [str(FLOWDOC), "serve", str(folder / "content"), "--port", "0", "--no-color"],
        stdout=log, stderr=subprocess.STDOUT, cwd=folder,
    )
    try:
        url = None
        deadline = time.time() + 60
        while url is None and time.time() < deadline and server.poll() is None:
            time.sleep(0.1)
            match = re.search(r"http://127\.0\.0\.1:(\d+)/", (folder / "serve.log").read_text())
            url = match and match.group(0)
        assert url, "flowdoc serve did not start:\n" + (folder / "serve.log").read_text()
        yield folder, url
    finally:
        server.send_signal(signal.SIGINT)
        try:
            assert server.wait(timeout=15) == 0, "flowdoc serve did not exit cleanly on SIGINT"
        finally:
            if server.poll() is None:
                server.kill()
            log.close()


def edit(path, old, new):
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def wait_for_reload(driver, text, timeout=20):
    """Waits until the page has reloaded by itself (the marker set before is gone) and shows `text`."""
    WebDriverWait(driver, timeout).until(
        lambda d: d.execute_script("return window.__beforeReload === undefined && document.body.innerText.includes(arguments[0])", text)
    )


def test_open_page_reloads_after_its_markdown_changes(driver, preview, artifacts_dir):
    folder, url = preview
    driver.get(url + PAGE)
    assert "A project holds your notes" in driver.find_element(By.TAG_NAME, "main").text
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return window.__flowdocPreviewToken !== undefined"))
    driver.execute_script("document.body.style.minHeight = '4000px'; window.scrollTo(0, 600); window.__beforeReload = true;")
    time.sleep(0.5)

    edit(folder / "content" / "create-project.md", "A project holds your notes", "A project keeps your notes")
    wait_for_reload(driver, "A project keeps your notes")
    driver.save_screenshot(str(artifacts_dir / "live-reload.png"))
    assert "A project holds your notes" not in driver.find_element(By.TAG_NAME, "main").text
    # The preview restores the scroll position it had before the reload (as far as the page allows).
    WebDriverWait(driver, 5).until(lambda d: d.execute_script("return window.scrollY") > 0)


def test_reload_keeps_guided_step_and_shows_problems(driver, preview, artifacts_dir):
    folder, url = preview
    driver.get(url + PAGE)
    driver.execute_script("localStorage.clear()")
    driver.get(url + PAGE)
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return window.__flowdocPreviewToken !== undefined"))
    driver.find_element(By.CSS_SELECTOR, ".guide-next").click()
    driver.find_element(By.CSS_SELECTOR, ".guide-next").click()
    assert driver.find_element(By.CSS_SELECTOR, ".guide-progress").text.startswith("Step 3 of 6")
    assert not driver.find_elements(By.ID, "flowdoc-problems")
    driver.execute_script("window.__beforeReload = true;")

    edit(folder / "content" / "create-project.md", "2. Click **New project**.", "2. Click **New projekt**.")
    wait_for_reload(driver, "New projekt")
    assert driver.find_element(By.CSS_SELECTOR, ".guide-progress").text.startswith("Step 3 of 6")
    panel = driver.find_element(By.ID, "flowdoc-problems")
    assert panel.is_displayed()
    assert "line 27" in panel.text and "New projekt" in panel.text and "UnknownUITarget" in panel.text
    driver.save_screenshot(str(artifacts_dir / "live-reload-problems.png"))
    panel.find_element(By.CSS_SELECTOR, ".flowdoc-problems-close").click()
    assert not panel.is_displayed()
