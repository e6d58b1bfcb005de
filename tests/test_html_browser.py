"""The HTML report in a real headless browser (Debian's chromium, driven by Playwright).

It renders, the filters change what is visible, the console stays clean, injected markup
stays text, and a screenshot is taken; set OKRLINT_TEST_ARTIFACTS to a folder to keep it
there (report.png, report-full.png) for a human to look at. Without it, the screenshots go
to the test's temporary folder and the checkout is left as it was.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES
from conftest import run_okrlint_process as run_okrlint

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="module")
def browser():
    """One headless chromium for the module (Playwright's sync API runs one at a time)."""
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed (apt-get install chromium; .ci/run does it)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def report_page(browser, tmp_path_factory):
    out = tmp_path_factory.mktemp("html") / "report.html"
    reports = FIXTURES / "reports"
    files = sorted(p.name for p in reports.iterdir() if ".okr." in p.name)
    result = run_okrlint("check", "--no-cache", "--format", f"html:{out}", *files, cwd=reports)
    assert result.code == 1, result.err
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    events: dict[str, list[str]] = {"console": [], "dialogs": [], "requests": []}
    page.on(
        "console",
        lambda m: (
            events["console"].append(f"{m.type}: {m.text}")
            if m.type in ("error", "warning")
            else None
        ),
    )
    page.on("pageerror", lambda e: events["console"].append(f"pageerror: {e}"))
    page.on("dialog", lambda d: (events["dialogs"].append(d.message), d.dismiss()))
    page.on("request", lambda r: events["requests"].append(r.url))
    page.goto(out.as_uri())
    page.wait_for_load_state("load")
    yield page, events, out
    page.close()


def visible_findings(page) -> int:
    return page.locator(".finding:visible").count()


def test_page_renders_summary_cards_and_tree(report_page) -> None:
    page, events, out = report_page
    assert page.title().startswith("okrlint report")
    assert page.locator("svg.bars, .bars svg").count() == 1
    assert page.locator("article.objective").count() >= 6
    assert page.locator("article.objective.clean").count() >= 1
    assert page.locator(".tree .tree-node").count() >= 3
    assert page.locator("#filter-status").inner_text().startswith("Showing ")
    # nothing was fetched but the page itself
    assert events["requests"] == [out.as_uri()]


def test_injected_script_stays_text(report_page) -> None:
    page, events, _ = report_page
    assert events["dialogs"] == []
    kr = page.get_by_text("<script>alert(1)</script>", exact=False)
    assert kr.count() >= 1 and kr.first.is_visible()
    assert page.locator("script").count() == 1  # only the page's own


def test_severity_filter_hides_and_shows_findings(report_page) -> None:
    page, _, _ = report_page
    total = visible_findings(page)
    warnings = page.locator(".finding[data-severity=warning]").count()
    assert total > warnings > 0
    page.locator("input[data-filter=severity][value=warning]").uncheck()
    assert visible_findings(page) == total - warnings
    assert page.locator(".finding[data-severity=warning]:visible").count() == 0
    page.locator("input[data-filter=severity][value=warning]").check()
    assert visible_findings(page) == total


def test_rule_filter_and_only_problems(report_page) -> None:
    page, _, _ = report_page
    total = visible_findings(page)
    box = page.locator("input[data-filter=rule][value=OKR201]")
    of_rule = page.locator(".finding[data-rule=OKR201]").count()
    box.uncheck()
    assert visible_findings(page) == total - of_rule
    assert f"Showing {total - of_rule} of {total}" in page.locator("#filter-status").inner_text()
    box.check()
    cards = page.locator("article.objective:visible").count()
    page.locator("#only-problems").check()
    assert page.locator("article.objective.clean:visible").count() == 0
    assert page.locator("article.objective:visible").count() < cards
    page.locator("#only-problems").uncheck()


def test_rule_docs_open_with_one_click(report_page) -> None:
    page, _, _ = report_page
    docs = page.locator("details.docs").first
    assert not docs.locator("h4").first.is_visible()
    docs.locator("summary").click()
    assert docs.locator("h4").first.is_visible()
    docs.locator("summary").click()


def test_no_console_errors_and_a_screenshot(report_page, tmp_path: Path) -> None:
    page, events, _ = report_page
    assert events["console"] == []
    artifacts = Path(os.environ.get("OKRLINT_TEST_ARTIFACTS") or tmp_path)
    artifacts.mkdir(parents=True, exist_ok=True)
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(artifacts / "report.png"), full_page=False)
    page.screenshot(path=str(artifacts / "report-full.png"), full_page=True)
    assert (artifacts / "report.png").stat().st_size > 10_000


# --------------------------------------------------------------------------- both languages

# The words a reader sees first, in each language: the header, the filters, the banner that
# says whether the check passes, and the first finding's box (kaffe.okr.yaml's first finding
# in Norwegian, growth.okr.yaml's in English).
PAGES = {
    "en": {
        "files": ("growth.okr.yaml", "support.okr.txt"),
        "header": "okrlint report",
        "filters": (
            "Severity",
            "Show",
            "Rule",
            "error",
            "warning",
            "info",
            "only objectives with findings",
        ),
        "status": "Showing {n} of {n} findings.",
        "banner": "Findings at or above “warning”: the check fails.",
        "finding": ("error", "line 15:12 · −25 points", "Fix", "About OKR101 objective-measurable"),
        "message": "objective states a quantity ('30%'); that makes it a key result",
        "docs": ("Objective states a quantity: it is a key result in disguise.", "Why it matters"),
    },
    "nb": {
        "files": ("kaffe.okr.yaml", "kundeservice.okr.md"),
        "header": "okrlint rapport",
        "filters": (
            "Alvorlighetsgrad",
            "Vis",
            "Regel",
            "feil",
            "advarsel",
            "info",
            "bare mål med funn",
        ),
        "status": "Viser {n} av {n} funn.",
        "banner": "Funn med alvorlighetsgrad «advarsel» eller høyere: kontrollen feiler.",
        "finding": ("feil", "linje 17:16 · −25 poeng", "Forslag", "Om OKR201 kr-not-measurable"),
        "message": "nøkkelresultatet har ikke noe tall å måle etter",
        "docs": (
            "Nøkkelresultatet har ikke noe tall, ingen startverdi og ingen målverdi.",
            "Hvorfor det er viktig",
        ),
    },
}


@pytest.fixture(scope="module", params=sorted(PAGES))
def language_page(request, browser, tmp_path_factory):
    lang = request.param
    out = tmp_path_factory.mktemp(f"html-{lang}") / "report.html"
    reports = FIXTURES / "reports"
    files = PAGES[lang]["files"]
    result = run_okrlint("check", "--no-cache", "--format", f"html:{out}", *files, cwd=reports)
    assert result.code == 1, result.err
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(out.as_uri())
    page.wait_for_load_state("load")
    yield lang, page
    page.close()


def test_the_page_speaks_its_documents_language(language_page, tmp_path: Path) -> None:
    lang, page = language_page
    want = PAGES[lang]
    assert page.evaluate("document.documentElement.lang") == lang
    assert want["header"] in " ".join(page.locator("header.top .brand").inner_text().split())
    filters = page.locator("nav.filters").inner_text().casefold()  # legends are in capitals
    for words in want["filters"]:
        assert words.casefold() in filters, (words, filters)
    total = page.locator(".finding").count()
    assert page.locator("#filter-status").inner_text() == want["status"].replace("{n}", str(total))
    assert page.locator(".verdict").inner_text().strip() == want["banner"]
    box = page.locator(".finding").first
    badge, where, fix, about = want["finding"]
    assert box.locator(".badge").inner_text() == badge.upper()  # badges are set in capitals
    assert box.locator(".where").inner_text() == where
    assert box.locator(".hint-label").inner_text().casefold() == fix.casefold()
    assert box.locator("details.docs summary").inner_text() == about
    assert box.locator(".message").inner_text() == want["message"]
    summary, heading = want["docs"]
    box.locator("details.docs summary").click()
    assert box.locator(".docs-summary").inner_text() == summary
    assert heading.casefold() in box.locator("details.docs").inner_text().casefold()
    artifacts = Path(os.environ.get("OKRLINT_TEST_ARTIFACTS") or tmp_path)
    artifacts.mkdir(parents=True, exist_ok=True)
    page.evaluate("window.scrollTo(0, 0)")
    shot = artifacts / f"report-{lang}.png"
    page.screenshot(path=str(shot), full_page=False)
    box.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / f"report-{lang}-finding.png"), full_page=False)
    assert shot.stat().st_size > 10_000
