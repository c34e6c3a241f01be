"""The report's sections that depend on what the model holds: transfers, catalogue
references, follow-up data and comparison data; each present with content, absent
without, its figures those of the JSON."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from report_helpers import SECTIONS, expected_figures, load_example, parse

import logikmodell as lm
from logikmodell.rendering.report import report, report_html

pytestmark = pytest.mark.needs_dot

ROOT = Path(__file__).resolve().parents[2]
CONTRACT = ROOT / "examples" / "utfallskontrakt.yaml"
REFERENCES = ROOT / "tests" / "data" / "references"

#: A small model with no measurements, no actuals and no comparison data.
PLAIN = """\
logikmodell: 1
title: Liten
period: {start: 2026-01-01, end: 2027-12-31}
actors: [{id: soc, label: Socialtjänsten}]
nodes:
  - {id: r, kind: resource, label: Mentor, cost: 100 000 SEK, payer: soc}
  - {id: a, kind: activity, label: Mentorskap}
  - id: g
    kind: long_term_outcome
    label: Behörighet
    direction: increase
    quantity: 2 person
    values: [{actor: soc, amount: 90 000 SEK/person/year, source: Kommunens uppföljning 2025}]
links:
  - {from: r, to: a}
  - {from: a, to: g, evidence: research, source: En studie}
indicators:
  - id: i
    measures: g
    label: Andel behöriga
    baseline: {value: 60, date: 2026-01-01}
    target: {value: 80, date: 2027-12-31}
"""


def _figures_match(html: str, model: lm.LogicModel) -> dict[str, list[str]]:
    page = parse(html)
    expected = expected_figures(model)
    assert set(page.figures) == set(expected)
    for name, values in page.figures.items():
        assert set(values) == {expected[name]}, name
    return page.figures


def _section(html: str, id: str) -> str:
    start = html.index(f'<section id="{id}"')
    return html[start : html.index("</section>", start)]


# ---------------------------------------------------------------------- actors
def test_who_pays_and_who_gains_shows_the_transfers() -> None:
    model = lm.load(CONTRACT)
    html = report_html(model, lang="sv")
    figures = _figures_match(html, model)
    actors = _section(html, "actors")
    for words in ("Överföringar in", "Överföringar ut", "Överföringar mellan aktörer"):
        assert words in actors
    for transfer in model.transfers:
        assert transfer.label in actors
        assert f"transfers.{transfer.id}" in figures
    # The net column adds up to the NPV (the JSON rounds it so, to the öre).
    nets = [Fraction(figures[f"actors.{a.id}.net"][0]) for a in model.actors]
    assert sum(nets) == Fraction(figures["npv"][0])
    # The investor pays and gains nothing but transfers, and is in the ledger.
    assert figures["actors.investor.transfers_out"] != ["0.00"]


def test_without_transfers_the_ledger_has_no_transfer_columns() -> None:
    html = report_html(lm.loads(PLAIN), lang="en")
    actors = _section(html, "actors")
    assert "Transfers in" not in actors
    assert "Transfers between actors" not in actors
    assert "transfers_in" not in html


# ---------------------------------------------------------------------- sources
def test_catalogue_entries_are_sources_with_price_year_and_index_factor() -> None:
    model = lm.load(REFERENCES / "model.yaml")
    html = report_html(model, lang="en")
    figures = _figures_match(html, model)
    sources = _section(html, "sources")
    assert "Catalogue entries" in sources
    returns: dict[str, Any] = lm.appraise(model).to_dict()
    for key, reference in returns["references"].items():
        assert figures[f"references.{key}.index_factor"] == [str(reference["index_factor"])]
        assert reference["ref"] in sources
    assert "2020 → 2026" in sources  # the entry's price year, moved to the model's
    assert "Placering per dygn" in sources


def test_without_catalogue_references_there_is_no_catalogue_table() -> None:
    html = report_html(lm.loads(PLAIN), lang="en")
    sources = _section(html, "sources")
    assert "Catalogue entries" not in sources
    assert "Kommunens uppföljning 2025" in sources
    assert "En studie" in sources


def test_the_sources_name_the_terms_of_transfers_and_the_model_sources() -> None:
    html = report_html(lm.load(CONTRACT), lang="sv")
    sources = _section(html, "sources")
    assert "villkor för en överföring" in sources
    assert "Kontraktet (40 % av lånet återbetalas i alla händelser)" in sources
    assert "RISE, rapport om Sveriges första sociala utfallskontrakt" in sources


# ---------------------------------------------------------------------- follow-up
def test_follow_up_appears_with_measurements_and_actuals() -> None:
    model = load_example()
    html = report_html(model, lang="sv")
    figures = _figures_match(html, model)
    result: dict[str, Any] = lm.follow_up(model).to_dict()
    assert figures["follow-up.flag"] == [result["flag"]]
    assert figures["follow-up.spend.spent"] == [result["spend"]["spent"]]
    follow = _section(html, "follow-up")
    assert "Uppföljning" in follow
    assert "Utfall mot budget" in follow
    assert 'aria-label="Indikatorernas framsteg mot målvärdet"' in follow  # the chart


def test_without_data_there_is_no_follow_up_or_evaluation() -> None:
    page = parse(report_html(lm.loads(PLAIN), lang="en"))
    assert "follow-up" not in page.sections
    assert "evaluation" not in page.sections
    assert not any(name.startswith(("follow-up.", "evaluation.")) for name in page.figures)


def test_data_files_bring_the_follow_up_section(tmp_path: Path) -> None:
    model_file = tmp_path / "liten.yaml"
    model_file.write_text(PLAIN, encoding="utf-8")
    data = tmp_path / "matningar.csv"
    data.write_text("indicator,date,value\ni,2026-12-31,70\n", encoding="utf-8")
    spent = tmp_path / "utfall.csv"
    spent.write_text("resource,year,amount\nr,0,40 000 SEK\n", encoding="utf-8")
    html = report_html(model_file, lang="en", data=[data, spent])
    page = parse(html)
    assert "follow-up" in page.sections
    assert "evaluation" not in page.sections  # measurements, but no comparison
    assert page.figures["follow-up.indicators.i.progress"] == ["0.5"]
    assert page.figures["follow-up.spend.spent"] == ["40000.00"]
    merged = lm.loads(PLAIN)
    from logikmodell.io.data import merge_data, read_data

    merged = merge_data(merged, read_data([data, spent]))
    _figures_match(html, merged)


# ---------------------------------------------------------------------- evaluation
def test_evaluation_appears_with_comparison_data() -> None:
    model = load_example()
    html = report_html(model, lang="en")
    figures = _figures_match(html, model)
    from logikmodell.evaluation import evaluate

    result: dict[str, Any] = evaluate(model).to_dict()
    assert figures["evaluation.fidelity"] == [str(result["fidelity"])]
    assert figures["evaluation.realised.npv"] == [result["realised"]["npv"]]
    evaluation = _section(html, "evaluation")
    assert "comparison group" in evaluation
    assert "Returns, planned and realised" in evaluation


def test_sections_keep_the_contract_order_with_every_section() -> None:
    page = parse(report_html(load_example(), lang="en", monte_carlo=50, seed=1))
    assert page.sections == list(SECTIONS)


# ---------------------------------------------------------------------- options
def test_catalogues_need_a_model_path() -> None:
    with pytest.raises(lm.InvalidValueError, match="pass the model's path"):
        report_html(load_example(), catalogues=[REFERENCES / "kommun.yaml"])


def test_a_bad_data_file_is_a_load_error(tmp_path: Path) -> None:
    data = tmp_path / "fel.csv"
    data.write_text("indicator,date,value\nokand,2026-12-31,70\n", encoding="utf-8")
    with pytest.raises(lm.LoadError):
        report(lm.loads(PLAIN), tmp_path / "r.html", data=[data])
    assert not (tmp_path / "r.html").exists()


def _command(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "logikmodell", "report", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=180,
    )


def test_the_command_takes_data_and_catalogue_files(tmp_path: Path) -> None:
    model = tmp_path / "model" / "model.yaml"
    model.parent.mkdir()
    text = (REFERENCES / "model.yaml").read_text(encoding="utf-8")
    model.write_text(text.replace("path: kommun.yaml", "path: ../kommun.yaml"), encoding="utf-8")
    shutil.copy(REFERENCES / "kommun.yaml", tmp_path / "kommun.yaml")
    spent = tmp_path / "utfall.csv"
    spent.write_text("resource,year,amount\nstod,0,5 000 SEK\n", encoding="utf-8")
    out = tmp_path / "r.html"

    refused = _command(str(model), "-o", str(out), "--data", str(spent))
    assert refused.returncode == 2
    assert "the path leaves the model's folder" in refused.stderr
    assert not out.exists()

    allowed = _command(
        str(model),
        "-o",
        str(out),
        "--data",
        str(spent),
        "--catalogue",
        str(tmp_path / "kommun.yaml"),
    )
    assert allowed.returncode == 0, allowed.stderr
    page = parse(out.read_text(encoding="utf-8"))
    assert "follow-up" in page.sections
    assert page.figures["follow-up.spend.spent"] == ["5000.00"]
    assert "references.placering.unit_cost.index_factor" in page.figures


def test_the_command_reports_a_bad_data_file_with_its_line(tmp_path: Path) -> None:
    data = tmp_path / "fel.csv"
    data.write_text("indicator,date,value\nokand,2026-12-31,70\n", encoding="utf-8")
    model = tmp_path / "liten.yaml"
    model.write_text(PLAIN, encoding="utf-8")
    result = _command(str(model), "-o", str(tmp_path / "r.html"), "--data", str(data))
    assert result.returncode == 2
    assert f"{data}:2" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "r.html").exists()


def test_the_demo_report_shows_the_example_data(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    result = subprocess.run(
        [sys.executable, "-m", "logikmodell", "demo", str(out), "--lang", "sv"],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    page = parse((out / "report.html").read_text(encoding="utf-8"))
    assert {"follow-up", "evaluation"} <= set(page.sections)
    follow_up = json.loads((out / "follow-up.json").read_text(encoding="utf-8"))
    assert page.figures["follow-up.spend.spent"] == [follow_up["spend"]["spent"]]
    evaluation = json.loads((out / "evaluation.json").read_text(encoding="utf-8"))
    assert page.figures["evaluation.realised.npv"] == [evaluation["realised"]["npv"]]
