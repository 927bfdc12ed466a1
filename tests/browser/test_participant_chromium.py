"""The participant's page in a real browser (issue 30): Debian's headless Chromium driven by selenium through
`/usr/bin/chromedriver` (nothing downloads a browser), at 375 px (a phone) and 1280 px.

* a whole intake with the keyboard alone (Tab, Space, Enter), then the screening is there with
  `method: self_report` and the same scores as the same answers typed by the therapist, and the link is dead;
* axe-core (the npm package in tests/browser/node_modules, `npm ci` in `.ci/run`), injected into the page, with
  the WCAG 2.0/2.1/2.2 A and AA rules: 0 violations on every page state (start, a question, the crisis text,
  the agreement, the thank-you, the neutral page).

Skipped with a message where chromium, chromedriver or axe-core is missing. With `PARTICIPANT_SCREENSHOTS=DIR`
the states are also saved as PNGs (the README's pictures come from here)."""

import base64
import os
import re
import shutil
import threading
from pathlib import Path

import pytest

from tests.factories import ADULT
from tests.helpers import answers_for, token_of

CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser")) if p), None)
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
WIDTHS = (375, 1280)

try:
    import selenium  # noqa: F401

    HAVE_SELENIUM = True
except ImportError:  # pragma: no cover
    HAVE_SELENIUM = False

pytestmark = [
    pytest.mark.chromium,
    pytest.mark.skipif(CHROMIUM is None or not os.path.exists(CHROMEDRIVER),
                       reason="chromium and chromium-driver are not installed (Debian: apt-get install -y chromium "
                              "chromium-driver; .ci/run does it): the participant page's browser tests are skipped"),
    pytest.mark.skipif(not AXE.exists(), reason="axe-core is not installed: run `npm ci` in tests/browser"),
    pytest.mark.skipif(not HAVE_SELENIUM, reason="selenium is not installed (pip install -e '.[dev]')"),
]


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--window-size=1280,900", "--lang=en-GB"):
        options.add_argument(arg)
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


@pytest.fixture
def live(app):
    """The test app served on an ephemeral port in this process (the test client shares its database)."""
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(5)


def width(driver, px):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": px, "height": 800 if px < 500 else 900, "deviceScaleFactor": 1, "mobile": px < 500})


def axe(driver, state):
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    violations = driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
          .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                                  nodes: v.nodes.map(n => n.target.join(' '))}))))
          .catch(e => done([{id: 'axe-error', help: String(e), nodes: []}]));""", WCAG)
    assert violations == [], f"{state}: {violations}"


def no_sideways_scroll(driver, state):
    over = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    assert over <= 0, f"{state}: {over} px wider than the screen"


def snapshot(driver, name):
    folder = os.environ.get("PARTICIPANT_SCREENSHOTS")
    if folder:
        shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": False})
        Path(folder, f"{name}.png").write_bytes(base64.b64decode(shot["data"]))


def check(driver, state, px):
    axe(driver, f"{state} at {px} px")
    no_sideways_scroll(driver, f"{state} at {px} px")
    snapshot(driver, f"participant-{state}-{px}")


def keyboard_screen(driver, press: str) -> None:
    """Tab through the page; Space on the first choice of every question still unanswered; Enter on the button
    whose value is `press` (then wait for the next page)."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    page = driver.find_element(By.TAG_NAME, "html")
    for _ in range(300):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        focused = driver.switch_to.active_element
        if focused.get_attribute("type") == "radio":
            group = focused.get_attribute("name")
            if not driver.execute_script(
                    "return document.querySelector('input[name=\"' + arguments[0] + '\"]:checked') !== null", group):
                ActionChains(driver).send_keys(Keys.SPACE).perform()
                WebDriverWait(driver, 5).until(expected_conditions.element_to_be_selected(focused))
        elif focused.tag_name == "button" and focused.get_attribute("value") == press:
            ActionChains(driver).send_keys(Keys.ENTER).perform()
            WebDriverWait(driver, 15).until(expected_conditions.staleness_of(page))
            return
    raise AssertionError(f"the {press!r} button was never reached with Tab")


def invite(client, admin, person, purpose="intake"):
    r = client.post(f"/api/v1/participants/{person['id']}/invitations", headers=admin["headers"],
                    json={"purpose": purpose})
    assert r.status_code == 201, r.get_json()
    return token_of(r.get_json()["url"])


@pytest.mark.parametrize("px", WIDTHS)
def test_a_whole_intake_with_the_keyboard_alone(browser, live, client, admin, create_participant, px):
    person = create_participant(**ADULT)
    token = invite(client, admin, person)
    width(browser, px)
    browser.get(f"{live}/p/{token}")
    assert "Before you start" in browser.page_source
    check(browser, "start", px)
    keyboard_screen(browser, "start")
    assert "Part 1 of 10" in browser.page_source and "Prefer not to answer" in browser.page_source
    check(browser, "question", px)
    for _ in range(9):
        keyboard_screen(browser, "next")
    assert "Send your answers" in browser.page_source
    keyboard_screen(browser, "send")
    assert "Thank you" in browser.page_source
    check(browser, "thank-you", px)

    form = client.get("/api/v1/screening/form", headers=admin["headers"]).get_json()
    mine = client.get(f"/api/v1/participants/{person['id']}/screenings", headers=admin["headers"]).get_json()
    assert len(mine) == 1 and mine[0]["method"] == "self_report"
    twin = create_participant(**{**ADULT, "display_name": "Twin"})
    typed = client.post(f"/api/v1/participants/{twin['id']}/screenings", headers=admin["headers"],
                        json={"form_version": form["version"], "answers": mine[0]["answers"]}).get_json()
    assert mine[0]["answers"] == answers_for(form)  # the first choice of every question asked
    assert mine[0]["scores"] == typed["scores"] and mine[0]["computed_outcome"] == typed["computed_outcome"]
    # the link is dead: the JSON twin is 404 and the page shows only the thank-you
    assert client.get(f"/api/v1/self-report/{token}").status_code == 404
    browser.get(f"{live}/p/{token}")
    assert "Thank you" in browser.page_source and "Part" not in browser.page_source


@pytest.mark.parametrize("px", WIDTHS)
def test_every_other_page_state_has_no_violations(browser, live, app, client, admin, create_participant, px):
    app.config["CRISIS_LINE_TEXT"] = "Call the Example Crisis Line on 0800 000 000, day or night."
    width(browser, px)
    person = create_participant(**ADULT)
    token = invite(client, admin, person)
    client.put(f"/api/v1/self-report/{token}/answers", json={"answers": {"asq_1": 1}})
    browser.get(f"{live}/p/{token}")
    assert "Example Crisis Line" in browser.page_source and "Help is available now" in browser.page_source
    check(browser, "crisis", px)

    # an error summary (a question left unanswered)
    fresh = invite(client, admin, create_participant(**ADULT))
    browser.get(f"{live}/p/{fresh}")
    keyboard_screen(browser, "start")
    keyboard_screen_without_answers(browser)
    assert "Some questions have no answer yet" in browser.page_source
    check(browser, "error", px)

    text = ("What is said in the group stays in the group.\n\nIf you are in crisis, we contact you.\n\n"
            "Tell us when you cannot come.")
    assert client.post("/api/v1/agreements", headers=admin["headers"],
                       json={"title": "Our group agreement", "text": text}).status_code == 201
    signer = create_participant()
    browser.get(f"{live}/p/{invite(client, admin, signer, 'agreement')}")
    assert "Our group agreement" in browser.page_source
    check(browser, "agreement", px)

    browser.get(f"{live}/p/{'x' * 43}")
    assert "This link cannot be used" in browser.page_source
    check(browser, "neutral", px)


def keyboard_screen_without_answers(driver):
    """Tab straight to "Save and continue" (answering nothing) and press Enter: the page names the questions."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    page = driver.find_element(By.TAG_NAME, "html")
    for _ in range(300):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        focused = driver.switch_to.active_element
        if focused.tag_name == "button" and focused.get_attribute("value") == "next":
            ActionChains(driver).send_keys(Keys.ENTER).perform()
            WebDriverWait(driver, 15).until(expected_conditions.staleness_of(page))
            return
    raise AssertionError("never reached the button")


def test_the_page_sends_no_referrer_and_loads_nothing_from_outside(browser, live, client, admin, create_participant):
    token = invite(client, admin, create_participant(**ADULT))
    width(browser, 1280)
    browser.get(f"{live}/p/{token}")
    assert browser.execute_script("return document.referrer") == ""
    sources = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)")
    assert f"{live}/p/assets/page.css" in sources
    assert all(re.match(re.escape(live) + "/", s) for s in sources), sources  # (and the browser's own favicon)
    assert browser.execute_script("return document.scripts.length") == 0
