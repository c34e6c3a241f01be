"""The report in a real browser: Debian's Chromium, headless, driven by Playwright.

Playwright is pointed at the system binary (``executable_path``); no browser is
downloaded. Screenshots go to ``$LOGIKMODELL_ARTIFACTS`` (default: the test's
temporary folder).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from report_helpers import HOSTILE_LABEL, SECTIONS, expected_figures, hostile_model, load_example

import logikmodell as lm
from logikmodell.rendering.report import report

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Dialog, Page


def _tool(name: str) -> str:
    """The full path of a poppler tool (the markers skip or fail the test without it)."""
    found = shutil.which(name)
    assert found is not None
    return found


pytestmark = [pytest.mark.needs_dot, pytest.mark.needs_chromium, pytest.mark.needs_playwright]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    from conftest import tool_path

    chromium = tool_path("needs_chromium")
    assert chromium is not None  # the marker skipped or failed the test otherwise
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, headless=True)
        yield launched
        launched.close()


def _artifacts(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("LOGIKMODELL_ARTIFACTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _open(browser: Browser, path: Path) -> tuple[Page, list[str], list[str], list[str]]:
    page = browser.new_page(viewport={"width": 1200, "height": 1600})
    errors: list[str] = []
    failed: list[str] = []
    dialogs: list[str] = []

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append(message.text)

    def dialog(opened: Dialog) -> None:
        dialogs.append(opened.message)
        opened.dismiss()

    page.on("console", console)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on("dialog", dialog)
    page.goto(path.as_uri(), wait_until="load")
    return page, errors, failed, dialogs


def test_the_example_opens_cleanly_with_its_figures(browser: Browser, tmp_path: Path) -> None:
    path = report(load_example(), tmp_path / "rapport.html", lang="sv", monte_carlo=300, seed=2)
    page, errors, failed, dialogs = _open(browser, path)
    assert errors == []
    assert failed == []
    assert dialogs == []
    ids = page.eval_on_selector_all("main > section", "els => els.map(e => e.id)")
    assert ids == [s for s in SECTIONS if s in ids]
    assert {"summary", "logic-model", "returns", "actors", "sources"} <= set(ids)
    assert {"follow-up", "evaluation"} <= set(ids)  # the example carries data
    shown = page.eval_on_selector_all(
        "[data-figure]", "els => els.map(e => [e.dataset.figure, e.dataset.value])"
    )
    expected = expected_figures(load_example(), draws=300, seed=2)
    assert {name for name, _ in shown} == set(expected)
    for name, value in shown:
        assert value == expected[name], name
    artifacts = _artifacts(tmp_path)
    page.screenshot(path=str(artifacts / "report-first-page.png"))
    page.locator("#logic-model").screenshot(path=str(artifacts / "report-diagram.png"))
    assert (artifacts / "report-diagram.png").stat().st_size > 10_000
    page.close()


def test_the_transfers_and_catalogue_figures_read_back_as_their_json(
    browser: Browser, tmp_path: Path
) -> None:
    root = Path(__file__).resolve().parents[2]
    for name, source in (
        ("kontrakt", root / "examples" / "utfallskontrakt.yaml"),
        ("referenser", root / "tests" / "data" / "references" / "model.yaml"),
    ):
        model = lm.load(source)
        path = report(model, tmp_path / f"{name}.html", lang="sv")
        page, errors, failed, dialogs = _open(browser, path)
        assert (errors, failed, dialogs) == ([], [], [])
        shown = page.eval_on_selector_all(
            "[data-figure]", "els => els.map(e => [e.dataset.figure, e.dataset.value])"
        )
        expected = expected_figures(model)
        assert {figure for figure, _ in shown} == set(expected)
        for figure, value in shown:
            assert value == expected[figure], figure
        page.close()
    assert any(figure.startswith("references.") for figure in expected)


def test_a_hostile_label_is_text_and_opens_no_dialog(browser: Browser, tmp_path: Path) -> None:
    path = report(hostile_model(), tmp_path / "hostile.html", lang="en")
    page, errors, failed, dialogs = _open(browser, path)
    page.wait_for_timeout(300)
    assert dialogs == []
    assert errors == []
    assert failed == []
    assert page.locator("img").count() == 0
    assert HOSTILE_LABEL in page.inner_text("body")
    page.close()


@pytest.mark.needs_pdftotext  # pdfinfo comes with it
def test_chromium_prints_the_report_to_a_few_a4_pages(browser: Browser, tmp_path: Path) -> None:
    path = report(load_example(), tmp_path / "rapport.html", lang="sv")
    page, _, _, _ = _open(browser, path)
    out = tmp_path / "chromium.pdf"
    out.write_bytes(page.pdf(prefer_css_page_size=True))
    page.close()
    info = subprocess.run([_tool("pdfinfo"), str(out)], capture_output=True, text=True, check=True)
    pages = int(next(li for li in info.stdout.splitlines() if li.startswith("Pages:")).split()[1])
    assert 8 <= pages <= 30
