"""The text tables keep their columns apart and their labels whole at any size."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import logikmodell as lm
from logikmodell.text import cost_table, returns_text
from logikmodell.text._table import columns

_LONG = "Staten (Försäkringskassan, Arbetsförmedlingen och Migrationsverket)"

_BIG = f"""logikmodell: 1
title: Stor
actors:
  - {{id: kommun, label: Kommunen}}
  - {{id: stat, label: "{_LONG}"}}
nodes:
  - {{id: r, kind: resource, label: Personal, cost: 900 000 000 000 000 SEK, payer: kommun}}
  - {{id: r2, kind: resource, label: Lokaler, cost: 1 SEK, payer: stat}}
  - {{id: a, kind: activity, label: Aktivitet}}
  - id: o
    kind: long_term_outcome
    label: En effekt med ett mycket långt namn som inte får kortas av i tabellen
    direction: increase
    quantity: 1 000 000 person
    values: [{{actor: stat, amount: 1 000 000 000 SEK/person/year}}]
links: [{{from: r, to: a}}, {{from: r2, to: a}}, {{from: a, to: o}}]
"""

_CELLS = re.compile(r" {2,}")


def _table(lines: list[str], heading: str) -> list[list[str]]:
    """The rows after ``heading`` up to the next blank line, split into cells."""
    start = next(i for i, line in enumerate(lines) if line.startswith(heading)) + 1
    rows = []
    for line in lines[start:]:
        if not line.strip():
            break
        rows.append(_CELLS.split(line.strip()))
    return rows


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_ledger_of_figures_past_a_billion(lang: str) -> None:
    model = lm.loads(_BIG)
    lines = returns_text(model, lm.appraise(model), lang=lang).splitlines()
    heading = "Vem betalar" if lang == "sv" else "Who pays"
    rows = _table(lines, heading)
    assert {len(row) for row in rows} == {4}  # every row: actor, costs, benefits, net
    assert [row[0] for row in rows[1:3]] == ["Kommunen", _LONG]
    assert any("900" in cell and len(cell) >= len("900 000 000 000 000,00") for cell in rows[1])
    assert "…" not in "\n".join(lines)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_cost_table_of_figures_past_a_billion(lang: str) -> None:
    model = lm.loads(_BIG)
    lines = cost_table(model, lm.attribute_costs(model), lang=lang).splitlines()
    heading = "Resurser" if lang == "sv" else "Resources"
    rows = _table(lines, heading)
    assert {len(row) for row in rows[1:]} == {4}  # node, attributed, upstream, per unit
    assert rows[1][0] == "r"


_CELL = st.text(
    st.characters(codec="utf-8", categories=["L", "N", "P", "Sm"]), min_size=1, max_size=20
)


@given(st.lists(st.lists(_CELL, min_size=3, max_size=3), min_size=1, max_size=6))
def test_columns_never_run_together(rows: list[list[str]]) -> None:
    lines = columns(rows, "lrr")
    assert [_CELLS.split(line.strip()) for line in lines] == rows
    assert len({len(line) for line in columns([[*row[:-1], "x"] for row in rows], "lrl")}) == 1
