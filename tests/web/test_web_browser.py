"""End to end: `warwire serve` on the demo store, driven by Debian's headless chromium.

Needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver);
skipped without them. The driver path is given explicitly, so selenium-manager never runs and
nothing is downloaded. Screenshots go to ``$WARWIRE_SCREENSHOTS_DIR`` when set (the docs use
``WARWIRE_SCREENSHOTS_DIR=docs/screenshots``), else to a temporary directory, so a CI run does
not rewrite tracked files.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from fixture_store import SCRIPT, build_demo_store

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
        reason="needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)",
    ),
]

#: Flags for a quiet, offline, throwaway browser (no sandbox: CI containers run as root).
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
    "--window-size=1280,900",
]

#: Seconds to wait for the server to answer or for the map to draw: generous, because on a 2-core
#: CI box under load the first page render once took more than 20 s (a flake, not a failure).
WAIT = 60


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`warwire serve` on a free loopback port over the demo store, with the offline blank tiles."""
    demo = build_demo_store(tmp_path_factory.mktemp("browser") / "demo.db")
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "warwire.cli", "serve", "--db", str(demo.path),
         "--port", str(port), "--tiles", "blank"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + WAIT
        while True:
            try:
                with urllib.request.urlopen(base + "/-/versions.json", timeout=2):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    out = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
                    pytest.fail(f"warwire serve did not start:\n{out}")
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:  # pragma: no cover
            proc.kill()
            proc.wait()
        if proc.stdout:
            proc.stdout.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(WAIT)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    target = os.environ.get("WARWIRE_SCREENSHOTS_DIR")
    path = Path(target) if target else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


def _wait(driver, css: str, count: int = 1):  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, WAIT).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, css)) >= count)
    return driver.find_elements(By.CSS_SELECTOR, css)


def _no_alert(driver) -> None:  # type: ignore[no-untyped-def]
    from selenium.common.exceptions import NoAlertPresentException

    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert  # noqa: B018 - raises when no alert() ran


def _script_errors(driver) -> list[str]:  # type: ignore[no-untyped-def]
    """Severe console messages other than failed resource loads (favicon, tiles offline)."""
    return [
        e["message"] for e in driver.get_log("browser")
        if e["level"] == "SEVERE" and "Failed to load resource" not in e["message"]
    ]


def _full_page(driver, path: Path, max_height: int = 2400) -> None:  # type: ignore[no-untyped-def]
    """Screenshot of the whole page: the window is grown to the page's height (measured twice,
    since the page reflows once the scroll bar goes away), then put back."""
    for _ in range(2):
        height = driver.execute_script("return document.documentElement.scrollHeight")
        chrome = driver.execute_script("return window.outerHeight - window.innerHeight")
        driver.set_window_size(1280, min(max(int(height) + int(chrome), 900), max_height))
    driver.save_screenshot(str(path))
    driver.set_window_size(1280, 900)


def test_web_browser_end_to_end(server, browser, shots):
    from selenium.webdriver.common.by import By

    d = browser
    # Index: metadata and the way to the timeline.
    d.get(server + "/")
    assert "warwire" in d.title
    assert d.find_element(By.CSS_SELECTOR, 'a[href="/-/warwire/timeline"]')

    # Events with facets and the cluster map (Leaflet from datasette-leaflet, blank local tiles).
    d.get(server + "/warwire/events")
    facets = {el.get_attribute("data-column") for el in _wait(d, "div.facet-info", 4)}
    assert {"type", "country", "actor1_name", "date"} <= facets
    _wait(d, ".leaflet-container")
    markers = _wait(d, ".leaflet-marker-icon")
    assert markers  # five events have coordinates; clusters or pins both use this class
    assert "ASSAULT" in d.find_element(By.CSS_SELECTOR, "table.rows-and-columns").text
    time.sleep(0.5)  # let fitBounds' zoom animation settle before the screenshot
    d.execute_script("window.scrollTo(0, document.querySelector('.leaflet-container').offsetTop - 140)")
    d.save_screenshot(str(shots / "map.png"))
    assert not _script_errors(d)

    # Event page: each report highlighted in its paragraph, claims side by side, hostile text inert.
    d.get(server + "/-/warwire/event/ev_demo_strikes")
    quotes = d.find_elements(By.CSS_SELECTOR, "article.ww-quote")
    assert len(quotes) == 3
    triggers = [m.text for m in d.find_elements(By.CSS_SELECTOR, "mark.trigger")]
    assert triggers == ["air strikes", "killed", "air strikes"]
    claims = d.find_elements(By.CSS_SELECTOR, "section.ww-claim")
    assert [c.find_element(By.CSS_SELECTOR, "h3").text for c in claims] == ["Defence Ministry", "militia spokesman"]
    tops = {c.location["y"] for c in claims}
    assert len(tops) == 1  # side by side: the claim cards share one row
    assert SCRIPT in quotes[2].text  # shown as text, not run
    assert not d.find_elements(By.CSS_SELECTOR, "section.content script, section.content img[onerror]")
    _no_alert(d)
    _wait(d, "#ww-event-map.leaflet-container")
    _full_page(d, shots / "event.png")
    assert not _script_errors(d)

    # Escalation timeline: the retaliation chain indented in order.
    d.get(server + "/-/warwire/timeline")
    steps = [(el.get_attribute("data-event-id"), el.get_attribute("data-depth"))
             for el in d.find_elements(By.CSS_SELECTOR, "li.ww-step")]
    assert steps == [("ev_demo_rocket", "0"), ("ev_demo_strikes", "1"), ("ev_demo_drones", "2")]
    xs = [el.location["x"] for el in d.find_elements(By.CSS_SELECTOR, "li.ww-step")]
    assert xs[0] < xs[1] < xs[2]  # drawn indented
    assert len(d.find_elements(By.CSS_SELECTOR, "li.ww-tl-item")) == 6
    _full_page(d, shots / "timeline.png")

    # Full-text search over the reports, through the search box.
    d.get(server + "/warwire/mentions")
    box = d.find_element(By.CSS_SELECTOR, "input[name=_search]")
    box.send_keys("drones")
    box.submit()
    rows = _wait(d, "table.rows-and-columns tbody tr")
    assert len(rows) == 2 and "_search=drones" in d.current_url
    assert all("drones" in r.text for r in rows)

    for name in ("map.png", "event.png", "timeline.png"):
        assert (shots / name).stat().st_size > 10_000
