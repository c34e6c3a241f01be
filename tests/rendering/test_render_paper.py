"""Fitting the diagram to a sheet: A4/A3, landscape/portrait, text never below 7 pt."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from render_helpers import small_model

from logikmodell.errors import DiagramDoesNotFitError, InvalidValueError
from logikmodell.examples import example_path, load_example
from logikmodell.rendering import render, to_dot, to_svg
from logikmodell.rendering._backend import run_dot
from logikmodell.rendering._paper import (
    MIN_TEXT_PT,
    natural_size,
    printable_mm,
    smallest_font,
)
from logikmodell.rendering._text import wrap

POINTS_PER_MM = 72 / 25.4


def test_printable_areas() -> None:
    assert printable_mm("a4", "landscape") == (277.0, 190.0)
    assert printable_mm("a4", "portrait") == (190.0, 277.0)
    assert printable_mm("a3", "landscape") == (400.0, 277.0)
    with pytest.raises(InvalidValueError, match="a4, a3"):
        printable_mm("letter", "landscape")
    with pytest.raises(InvalidValueError, match="landscape, portrait"):
        printable_mm("a4", "sideways")


def test_smallest_font_reads_every_size_in_the_dot_text() -> None:
    assert smallest_font('node [fontsize="11"] <font point-size="9">x</font>') == 9.0
    assert smallest_font("digraph {}") == 14.0


@pytest.mark.needs_dot
@pytest.mark.parametrize(("page", "orientation"), [("a3", "landscape")])
def test_a_small_model_fits_with_its_text_at_7_pt_or_more(page: str, orientation: str) -> None:
    model = small_model()
    natural = natural_size(to_svg(model))
    fitted = natural_size(to_svg(model, page=page, orientation=orientation))
    width, height = (side * POINTS_PER_MM for side in printable_mm(page, orientation))
    assert fitted[0] <= width + 1
    assert fitted[1] <= height + 1
    scale = fitted[0] / natural[0]
    assert smallest_font(to_dot(model).source) * scale >= MIN_TEXT_PT - 0.05


@pytest.mark.needs_dot
def test_too_big_a_diagram_is_refused_with_what_to_do() -> None:
    with pytest.raises(DiagramDoesNotFitError, match="--compact or --goal") as caught:
        to_svg(load_example(), lang="en", page="a4")
    assert caught.value.smallest < MIN_TEXT_PT
    assert 4.0 < caught.value.smallest < 5.0  # 9 pt text at about half size


@pytest.mark.needs_dot
def test_a3_compact_fits_the_example(tmp_path: Path) -> None:
    svg = to_svg(load_example(), page="a3", compact=True)
    natural = natural_size(to_svg(load_example(), compact=True))
    fitted = natural_size(svg)
    assert fitted[0] <= 400 * POINTS_PER_MM + 1
    assert 9 * fitted[0] / natural[0] >= MIN_TEXT_PT - 0.05
    written = render(load_example(), tmp_path / "a3.pdf", page="a3", compact=True)
    assert written.read_bytes().startswith(b"%PDF")


def test_a_page_does_not_apply_to_mermaid(tmp_path: Path) -> None:
    with pytest.raises(InvalidValueError, match=r"not \.mmd"):
        render(load_example(), tmp_path / "d.mmd", page="a4")
    assert not (tmp_path / "d.mmd").exists()


@pytest.mark.needs_dot
def test_the_command_says_the_diagram_does_not_fit(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "logikmodell",
            "render",
            str(example_path()),
            "-o",
            str(tmp_path / "d.svg"),
            "--page",
            "a4",
            "--lang",
            "sv",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 2
    assert "får inte plats på A4 liggande" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "d.svg").exists()


def test_numbers_stay_with_their_units_when_wrapped() -> None:
    lines = wrap("Andelen elever med högst 20 % frånvaro ökar till 620 000 kr per år", 24)
    text = "\n".join(lines)
    assert "20\u00a0%" in text
    assert "620\u00a0000\u00a0kr" in text
    assert all(not re.search(r"\d$", line) for line in lines[:-1])


def test_the_legend_explains_the_findings_drawn() -> None:
    from logikmodell.validation import validate

    model = small_model()
    plain = to_dot(model, lang="en").source
    assert "Findings (code on the node)" not in plain
    report = validate(model)
    marked = to_dot(model, lang="en", findings=report).source
    if report.findings:
        assert "Findings (code on the node)" in marked
        for severity in {str(f.severity.value) for f in report.findings}:
            assert f">{severity}<" in marked


@pytest.mark.needs_dot
def test_the_dot_run_is_measured_once_for_the_fit(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    from logikmodell.rendering import _paper

    def counting(source: str, fmt: str, **kwargs: object) -> bytes:
        calls.append(fmt)
        return run_dot(source, fmt)

    monkeypatch.setattr(_paper, "run_dot", counting)
    to_svg(small_model(), page="a3")
    assert calls == ["svg"]  # the measuring run; the fitted run is to_svg's own
