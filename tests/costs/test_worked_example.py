"""The worked example of docs/costs.md: its model, every figure and its JSON."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

import logikmodell as lm
from logikmodell.costs import CostAttribution, attribute_costs

DOC = Path(__file__).resolve().parents[2] / "docs" / "costs.md"


def _section() -> str:
    text = DOC.read_text(encoding="utf-8")
    start = text.index("## A worked example")
    return text[start : text.index("\n## ", start + 1)]


def _block(language: str) -> str:
    match = re.search(rf"```{language}\n(.*?)```", _section(), re.DOTALL)
    assert match is not None, language
    return match.group(1)


def _table(header: str) -> dict[str, list[str]]:
    """The rows of the table whose first header cell is ``header``, by first cell."""
    rows: dict[str, list[str]] = {}
    inside = False
    for line in _section().splitlines():
        if not line.startswith("|"):
            inside = False
            continue
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if cells[0] == header:
            inside = True
        elif inside and not set(cells[0]) <= {"-", ":"}:
            rows[cells[0]] = cells[1:]
    assert rows, header
    return rows


def _amount(text: str) -> str | None:
    """``"1 500 000.00"`` → ``"1500000.00"``; ``"–"`` → None."""
    return None if text == "–" else text.replace(" ", "")


@pytest.fixture(scope="module")
def model() -> lm.LogicModel:
    return lm.loads(_block("yaml"), "yaml")


@pytest.fixture(scope="module")
def costs(model: lm.LogicModel) -> CostAttribution:
    return attribute_costs(model)


def test_the_json_shown_is_the_output(costs: CostAttribution) -> None:
    assert json.loads(_block("json")) == costs.to_dict()


def test_the_table_per_node(costs: CostAttribution) -> None:
    rows = _table("node")
    assert list(rows) == list(costs.attributed)
    for id, (attributed, upstream, per_unit) in rows.items():
        assert _amount(attributed) == costs.attributed[id].format()
        assert _amount(upstream) == costs.upstream[id].format()
        unit = costs.per_unit[id]
        assert _amount(per_unit) == (None if unit is None else unit.format())


def test_the_table_per_year(costs: CostAttribution) -> None:
    rows = _table("node by year")
    for name, cells in rows.items():
        if name == "all resources":
            figures = costs.years
        elif name.startswith("unallocated at "):
            figures = costs.unallocated_by_year[name.removeprefix("unallocated at ")]
        else:
            figures = costs.by_year[name]
        assert [_amount(cell) for cell in cells] == [figures[year].format() for year in (0, 1)]
    assert len(rows) == 8


def test_the_totals(model: lm.LogicModel, costs: CostAttribution) -> None:
    rows = {name: _amount(cells[0]) for name, cells in _table("figure").items()}
    expected = {"total": costs.total.format()}
    assert costs.per_participant is not None
    expected["per participant (90)"] = costs.per_participant.format()
    expected |= {f"paid by {id}": money.format() for id, money in costs.payers.items()}
    expected |= {f"stage {kind}": money.format() for kind, money in costs.stages.items()}
    assert rows == expected


def test_the_figures_in_the_steps_are_all_right(costs: CostAttribution) -> None:
    # Every amount written in the section is one of the attribution's figures (to the
    # öre, or exact), or one of the two exact intermediate values the steps show.
    figures: set[Fraction] = {costs.total.amount}
    for mapping in (costs.attributed, costs.upstream, costs.unallocated, costs.payers):
        figures |= {money.amount for money in mapping.values()}
    figures |= {money.amount for money in costs.flows.values()}
    figures |= {money.amount for money in costs.years.values()}
    figures |= {money.amount for money in costs.stages.values()}
    for by_year in (*costs.by_year.values(), *costs.unallocated_by_year.values()):
        figures |= {money.amount for money in by_year.values()}
    exact = {money.amount for money in costs.per_unit.values() if money is not None}
    assert costs.per_participant is not None
    exact.add(costs.per_participant.amount)
    figures |= {money.rounded().amount for money in map(lm.Money, exact)}
    lokaler = Fraction(7, 12) * 145_000  # 7 month × 145 000 SEK/year, before rounding
    exact |= {lokaler, Fraction(8_458_333, 2) / 100}  # its öre split in two, before rounding
    figures |= exact
    seen = 0
    for match in re.finditer(r"(?<![\d.])(\d+(?: \d{3})*\.\d+)(…)?", _section()):
        value = Fraction(Decimal(match.group(1).replace(" ", "")))
        places = len(match.group(1).split(".")[1])
        if 0 < value < 1:
            continue  # a share (0.3, 0.5 …), not an amount
        if match.group(2):  # truncated: some exact figure starts with these digits
            scale = 10**places
            assert any(int(f * scale) == value * scale for f in exact), match.group(0)
        else:
            assert value in figures, match.group(0)
        seen += 1
    assert seen > 60


def test_the_flows_named_in_the_steps(costs: CostAttribution) -> None:
    flows = {key: money.format() for key, money in costs.flows.items()}
    assert flows[("samordnare", "foraldramoten")] == "450000.00"
    assert flows[("samordnare", "laxhjalp")] == "900000.00"
    assert flows[("lokaler", "foraldramoten")] == "42291.67"
    assert flows[("lokaler", "laxhjalp")] == "42291.66"
    assert flows[("elever", "betyg")] == flows[("elever", "studiero")] == "498145.83"
    assert costs.terminal == frozenset({"betyg"})
