"""Guided mode, search and the no-JavaScript fallback, in headless Chromium."""
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import make_driver

FLOW = "salesforce/initiate-connection-script-mode.html"


def visible_steps(driver):
    return [step for step in driver.find_elements(By.CSS_SELECTOR, ".procedure > .steps > .step") if step.is_displayed()]


def progress(driver):
    return driver.find_element(By.CSS_SELECTOR, ".guide-progress").text


def fresh(driver, page_url):
    driver.get(page_url(FLOW))
    driver.execute_script("localStorage.clear()")
    driver.get(page_url(FLOW))


def test_guided_mode_moves_with_buttons(driver, page_url):
    fresh(driver, page_url)
    assert progress(driver).startswith("Step 1 of 9")
    assert [step.get_attribute("id") for step in visible_steps(driver)] == ["step-1"]
    driver.find_element(By.CSS_SELECTOR, ".guide-next").click()
    driver.find_element(By.CSS_SELECTOR, ".guide-next").click()
    assert progress(driver).startswith("Step 3 of 9")
    assert [step.get_attribute("id") for step in visible_steps(driver)] == ["step-3"]
    driver.find_element(By.CSS_SELECTOR, ".guide-back").click()
    assert progress(driver).startswith("Step 2 of 9")


def test_guided_mode_moves_with_arrow_keys(driver, page_url):
    fresh(driver, page_url)
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.ARROW_RIGHT)
    body.send_keys(Keys.ARROW_RIGHT)
    assert progress(driver).startswith("Step 3 of 9")
    driver.switch_to.active_element.send_keys(Keys.ARROW_LEFT)
    assert progress(driver).startswith("Step 2 of 9")


def test_marks_step_done_and_restores_progress_after_reload(driver, page_url):
    fresh(driver, page_url)
    driver.find_element(By.CSS_SELECTOR, "#step-1 .step-done-box").click()
    assert "is-done" in driver.find_element(By.ID, "step-1").get_attribute("class")
    driver.find_element(By.CSS_SELECTOR, ".guide-next").click()
    driver.find_element(By.CSS_SELECTOR, ".guide-next").click()
    driver.refresh()
    assert progress(driver).startswith("Step 3 of 9")
    assert "2 done" in progress(driver)
    assert driver.find_element(By.CSS_SELECTOR, ".guide-resume").is_displayed()
    assert "is-done" in driver.find_element(By.ID, "step-1").get_attribute("class")


def test_show_all_steps(driver, page_url):
    fresh(driver, page_url)
    driver.find_element(By.CSS_SELECTOR, ".guide-toggle").click()
    assert len(visible_steps(driver)) == 9
    driver.find_element(By.CSS_SELECTOR, ".guide-toggle").click()
    assert len(visible_steps(driver)) == 1


def test_step_anchor_opens_that_step(driver, page_url):
    fresh(driver, page_url)
    driver.get(page_url(FLOW) + "#step-6")
    driver.refresh()
    assert progress(driver).startswith("Step 6 of 9")


def test_search_finds_flow_by_button_label(driver, page_url):
    driver.get(page_url("search.html") + "?q=Copy+invitation+code")
    WebDriverWait(driver, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results .card-link"))
    titles = [link.text for link in driver.find_elements(By.CSS_SELECTOR, "#search-results .card-link")]
    assert "Initiate a connection in Script mode from Salesforce" in titles
    box = driver.find_element(By.ID, "search-input")
    box.clear()
    box.send_keys("Initiate Connection")
    assert driver.find_elements(By.CSS_SELECTOR, "#search-results .card-link")


def test_page_works_without_javascript(page_url):
    driver = make_driver(javascript=False)
    try:
        driver.get(page_url(FLOW))
        assert len(visible_steps(driver)) == 9
        assert not driver.find_elements(By.CSS_SELECTOR, ".guide-bar")
        assert driver.find_element(By.ID, "step-4").is_displayed()
    finally:
        driver.quit()


def test_screenshots(page_url, artifacts_dir):
    for width in (1280, 375):
        driver = make_driver(width=width, height=900)
        try:
            driver.get(page_url(FLOW))
            driver.execute_script("localStorage.clear()")
            driver.get(page_url(FLOW))
            driver.save_screenshot(str(artifacts_dir / f"flow-guided-{width}.png"))
            driver.find_element(By.CSS_SELECTOR, ".guide-toggle").click()
            height = driver.execute_script("return document.documentElement.scrollHeight")
            driver.set_window_size(width, min(height + 150, 9000))
            driver.save_screenshot(str(artifacts_dir / f"flow-all-{width}.png"))
            driver.get(page_url("index.html"))
            driver.save_screenshot(str(artifacts_dir / f"index-{width}.png"))
            overflow = driver.execute_script("return document.documentElement.scrollWidth > window.innerWidth")
            assert not overflow, f"horizontal scroll at {width}px"
        finally:
            driver.quit()
    assert (artifacts_dir / "flow-guided-375.png").stat().st_size > 0
