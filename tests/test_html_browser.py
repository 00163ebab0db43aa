"""The HTML report in a real browser: headless Chromium driven by Playwright.

Uses the system Chromium (Debian's ``chromium`` package), never a browser that Playwright
downloads. Skips, saying why, where Playwright or Chromium is not installed. Leaves a
screenshot at /tmp/tqcheck-html-report.png for a person to look at.
"""
from __future__ import annotations

import os
import shutil

import pytest

from tests.test_report_formats import render, sample_results

SCREENSHOT = "/tmp/tqcheck-html-report.png"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_path() -> str | None:
    for p in (os.environ.get("TQCHECK_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
              shutil.which("chromium-browser"), shutil.which("google-chrome")):
        if p and os.path.exists(p):
            return p
    return None


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="Playwright is not installed (pip install playwright; no `playwright install` needed)")
    exe = chromium_path()
    if exe is None:
        pytest.skip("no Chromium here: apt-get install -y chromium (or set TQCHECK_CHROMIUM)")
    with sync_api.sync_playwright() as p:
        try:
            b = p.chromium.launch(executable_path=exe, args=FLAGS)
        except Exception as e:  # a browser that cannot start here is an environment problem, said plainly
            pytest.skip(f"Chromium at {exe} does not start: {str(e).splitlines()[0]}")
        yield b
        b.close()


@pytest.fixture
def page(browser, tmp_path):
    report = tmp_path / "report.html"
    results = sample_results()
    report.write_text(render("html", results), encoding="utf-8")
    pg = browser.new_page(viewport={"width": 1200, "height": 900})
    requests, errors = [], []
    pg.on("request", lambda r: requests.append(r.url))
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    url = report.as_uri()
    pg.goto(url)
    yield pg
    assert errors == []
    assert requests == [url]  # self-contained: nothing fetched but the file itself
    pg.close()


def highlighted(pg, mark_id: str) -> bool:
    return pg.eval_on_selector(
        f"#{mark_id}", "m => !m.classList.contains('off') && getComputedStyle(m).backgroundColor !== 'rgba(0, 0, 0, 0)'")


def test_spans_are_highlighted_and_explained(page):
    marks = page.locator("mark.hl")
    assert marks.count() == 5
    assert page.locator("#a1-s0").inner_text() == "kyiv"
    assert all(highlighted(page, f"a1-s{i}") for i in range(3))
    # hover: the title says what is wrong
    assert page.get_attribute("#a1-s0", "title") == \
        "TQ101 lowercase-proper-noun (minor, casing): Place name 'kyiv' should be capitalised → Kyiv"
    # colours follow severity
    minor = page.eval_on_selector("#a1-s0", "m => getComputedStyle(m).backgroundColor")
    major = page.eval_on_selector("#a1-s2", "m => getComputedStyle(m).backgroundColor")
    critical = page.eval_on_selector("#a3-s0", "m => getComputedStyle(m).backgroundColor")
    assert len({minor, major, critical}) == 3
    # click: a panel explains it
    page.click("#a1-s0")
    popup = page.locator("#popup")
    assert popup.is_visible()
    assert "lowercase-proper-noun" in popup.inner_text() and "Kyiv" in popup.inner_text()
    page.screenshot(path=SCREENSHOT, full_page=True)
    page.keyboard.press("Escape")
    assert not popup.is_visible()
    # keyboard: Enter on a focused span opens it too
    page.focus("#a1-s2")
    page.keyboard.press("Enter")
    assert "boilerplate-phrase" in popup.inner_text()


def test_article_text_is_text_not_markup(page):
    text = page.locator("#a3 .text").inner_text()
    assert '<script>alert("x")</script>' in text
    assert page.locator("script").count() == 1


def test_category_and_severity_filters(page):
    page.uncheck('input[data-filter="cat"][value="casing"]')
    assert not page.locator("#a1-i0").is_visible() and not page.locator("#a1-i1").is_visible()
    assert page.locator("#a1-i2").is_visible()
    assert not highlighted(page, "a1-s0") and not highlighted(page, "a1-s1") and highlighted(page, "a1-s2")
    page.click("#a1-s0")  # a filtered-out span opens nothing
    assert not page.locator("#popup").is_visible()
    page.uncheck('input[data-filter="sev"][value="major"]')
    assert not highlighted(page, "a1-s2") and highlighted(page, "a3-s0")
    assert page.locator("li.issue:visible").count() == 2  # the critical one and the spelling one
    page.check('input[data-filter="cat"][value="casing"]')
    page.check('input[data-filter="sev"][value="major"]')
    assert all(highlighted(page, f"a1-s{i}") for i in range(3))
    assert page.locator("li.issue:visible").count() == 5


def test_failing_only_and_issue_links(page):
    page.check("#failing-only")
    assert not page.locator("#a2").is_visible()  # the passing article
    assert page.locator("#a1").is_visible() and page.locator("#a3").is_visible()
    page.uncheck("#failing-only")
    assert page.locator("#a2").is_visible()
    page.click("#a3-i1 a.loc")  # the issue list links to its span
    assert "Possible spelling mistake" in page.locator("#popup").inner_text()
    assert page.locator("#a3-s1").evaluate("m => m.getBoundingClientRect().top > 0 && m.getBoundingClientRect().bottom < innerHeight")
