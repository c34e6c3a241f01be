"""The report's HTML: sections in order, figures as the JSON has them, escaping, words."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from report_helpers import (
    HOSTILE_LABEL,
    SECTIONS,
    expected_figures,
    hostile_model,
    load_example,
    parse,
)

import logikmodell as lm
from logikmodell.rendering.report import report, report_html

pytestmark = pytest.mark.needs_dot


@pytest.fixture(scope="module")
def example_html() -> str:
    return report_html(load_example(), lang="sv", monte_carlo=500, seed=3)


def test_sections_are_those_of_the_contract_in_order(example_html: str) -> None:
    page = parse(example_html)
    assert page.sections == [s for s in SECTIONS if s in page.sections]
    for section in ("summary", "logic-model", "needs", "validation", "indicators", "risks"):
        assert section in page.sections
    for section in ("costs", "returns", "actors", "sensitivity", "follow-up", "evaluation"):
        assert section in page.sections
    assert "sources" in page.sections


def test_every_key_figure_carries_the_json_value(example_html: str) -> None:
    page = parse(example_html)
    expected = expected_figures(load_example(), draws=500, seed=3)
    assert set(page.figures) == set(expected)
    for name, values in page.figures.items():
        assert set(values) == {expected[name]}, name


def test_the_page_is_self_contained_and_needs_no_script(example_html: str) -> None:
    page = parse(example_html)
    assert page.html_lang == "sv"
    assert "script" not in page.tags
    assert "link" not in page.tags
    assert "img" not in page.tags
    external = [v for k, v in page.attributes if k in ("src", "href") and "//" in v]
    assert external == []
    assert "url(http" not in example_html
    assert "@page" in example_html


def test_user_text_is_escaped_everywhere() -> None:
    html = report_html(hostile_model(), lang="en")
    page = parse(html)
    assert "img" not in page.tags
    assert HOSTILE_LABEL in "".join(page.text)
    # Wherever the label's text is, its "<" is escaped (in text, attributes and CSS).
    assert html.count("onerror") == html.count("&lt;img src=x onerror") + html.count(
        "\\3c img\\20 src\\3d x\\20 onerror"
    )


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("sv", ("Sammanfattning", "Nettonuvärde", "Vem betalar och vem vinner")),
        ("en", ("Summary", "Net present value", "Who pays and who gains")),
    ],
)
def test_the_words_follow_the_language(lang: str, words: tuple[str, ...]) -> None:
    html = report_html(load_example(), lang=lang)
    assert parse(html).html_lang == lang
    for word in words:
        assert word in html


def test_swedish_money_is_written_the_swedish_way(example_html: str) -> None:
    npv = lm.appraise(load_example()).npv
    kronor = int(npv)
    grouped = f"{kronor:,}".replace(",", "\u00a0")
    assert grouped in example_html.replace("\u202f", "\u00a0")


def test_the_same_model_gives_the_same_page() -> None:
    assert report_html(load_example(), lang="en") == report_html(load_example(), lang="en")


def test_a_template_dir_replaces_templates_one_by_one(tmp_path: Path) -> None:
    (tmp_path / "sections").mkdir()
    (tmp_path / "sections" / "summary.html.j2").write_text(
        '<section id="summary"><h2>Fondens sammanfattning: {{ model.title }}</h2></section>\n',
        encoding="utf-8",
    )
    html = report_html(load_example(), lang="sv", template_dir=tmp_path)
    assert "Fondens sammanfattning: Tidiga insatser" in html
    assert 'id="returns"' in html  # the other sections are the package's


def test_report_writes_html_and_refuses_other_suffixes(tmp_path: Path) -> None:
    written = report(load_example(), tmp_path / "r.html", lang="en")
    assert parse(written.read_text(encoding="utf-8")).sections[0] == "summary"
    with pytest.raises(lm.InvalidValueError, match=r"\.html or \.pdf"):
        report(load_example(), tmp_path / "r.docx")
    assert not (tmp_path / "r.docx").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.html"]  # no temporary left


def test_the_command_writes_the_report(tmp_path: Path) -> None:
    from logikmodell.examples import example_path

    out = tmp_path / "rapport.html"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "logikmodell",
            "report",
            str(example_path()),
            "-o",
            str(out),
            "--lang",
            "sv",
            "--monte-carlo",
            "200",
            "--seed",
            "1",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Skrev" in result.stdout
    assert "p_npv_positive" in parse(out.read_text(encoding="utf-8")).figures


def test_the_command_refuses_a_seed_without_a_simulation(tmp_path: Path) -> None:
    from logikmodell.examples import example_path

    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "logikmodell",
            "report",
            str(example_path()),
            "-o",
            str(tmp_path / "r.html"),
            "--seed",
            "4",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 2
    assert "--seed" in result.stderr
    assert not (tmp_path / "r.html").exists()


def test_a_diagram_too_big_for_a4_says_how_small_its_text_prints() -> None:
    html = report_html(load_example(), lang="en")
    assert "Printed on A4, its smallest text is about" in html
    assert "render --page a3 --compact" in html


def test_a_small_model_gets_one_diagram_that_prints_at_7_pt_or_more() -> None:
    model = lm.loads(
        "logikmodell: 1\ntitle: Liten\nnodes:\n"
        "  - {id: r, kind: resource, label: Mentor, cost: 100 000 SEK}\n"
        "  - {id: a, kind: activity, label: Mentorskap}\n"
        "  - {id: g, kind: long_term_outcome, label: Behörighet, direction: increase}\n"
        "links:\n  - {from: r, to: a}\n  - {from: a, to: g, evidence: research}\n"
    )
    html = report_html(model, lang="en")
    assert "Printed on A4" not in html
    assert html.count('<figure class="diagram">') == 1
