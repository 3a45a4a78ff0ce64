"""Fixtures for the browser tests: a built site and a headless Chromium driven by Selenium."""
import os
import pathlib

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def site_dir():
    """The built site: $FLOWDOC_SITE, else the repository's site/."""
    path = pathlib.Path(os.environ.get("FLOWDOC_SITE", ROOT / "site")).resolve()
    assert (path / "index.html").exists(), f"no built site at {path}; run flowdoc build first"
    return path


@pytest.fixture(scope="session")
def artifacts_dir():
    """Where screenshots go: $FLOWDOC_ARTIFACTS, else test-artifacts/ in the repository."""
    path = pathlib.Path(os.environ.get("FLOWDOC_ARTIFACTS", ROOT / "test-artifacts")).resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path


def make_driver(width=1280, height=900, javascript=True):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", f"--window-size={width},{height}"):
        options.add_argument(argument)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


@pytest.fixture
def driver():
    driver = make_driver()
    yield driver
    driver.quit()


@pytest.fixture
def page_url(site_dir):
    def url(path):
        return (site_dir / path).as_uri()
    return url
