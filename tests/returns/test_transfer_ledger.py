"""Transfers in the returns: the ledger with transfers in and out, on hand-computed figures."""

from __future__ import annotations

from fractions import Fraction

import pytest

import logikmodell as lm
from logikmodell.returns import one_way
from logikmodell.text.returns import returns_text

_MODEL = """\
logikmodell: 1
title: Återföring
economics: {{discount_rate: {rate}, horizon_years: {horizon}}}
actors:
  - {{id: soc, label: Socialnämnden}}
  - {{id: fond, label: Sociala investeringsfonden}}
  - {{id: investor, label: Investeraren}}
nodes:
  - {{id: r, kind: resource, label: Insats, cost: 1000 SEK, payer: soc}}
  - {{id: a, kind: activity, label: Aktivitet}}
  - id: o
    kind: impact
    label: Färre placeringar
    quantity: 10 person
    deadweight: 0.5
    drop_off: 0.5
    duration_years: 2
    values: [{{actor: soc, amount: 100 SEK/person/year}}]
links:
  - {{from: r, to: a}}
  - {{from: a, to: o}}
transfers:
  - {{id: lan, label: Lån från fonden, from: fond, to: soc, amount: 1000 SEK}}
  - {{id: ater, label: Återföring, from: soc, to: fond, amount: 600 SEK,
     amount_low: 300 SEK, schedule: {{1: 0.5, 2: 0.5}}}}
  - {{id: utfall, label: Utfallsersättning, from: soc, to: investor, rate: 30 SEK/person,
     rate_high: 60 SEK/person, outcome: o}}
"""


def _model(rate: str = "0", horizon: int = 5) -> lm.LogicModel:
    return lm.loads(_MODEL.format(rate=rate, horizon=horizon))


def test_the_ledger_shows_who_pays_back_whom() -> None:
    appraisal = lm.appraise(_model())
    # Impact: 10 × (1 − 0.5) = 5 persons in year 1, 2.5 in year 2 (drop-off 0.5).
    assert appraisal.pv_benefits == 500 + 250
    assert appraisal.transfers == {"lan": 1000, "ater": 600, "utfall": 5 * 30 + Fraction(5, 2) * 30}
    soc, fond, investor = (appraisal.actors[a] for a in ("soc", "fond", "investor"))
    assert soc.transfers_in == 1000
    assert soc.transfers_out == 600 + 225
    assert soc.net == 750 - 1000 + 1000 - 825
    assert [fond.transfers_in, fond.transfers_out, fond.net] == [600, 1000, -400]
    assert [investor.transfers_in, investor.net] == [225, 225]
    assert soc.net + fond.net + investor.net == appraisal.npv == -250


def test_transfers_are_discounted_like_the_rest() -> None:
    appraisal = lm.appraise(_model(rate="0.1"))
    # DF(1) = 10/11, DF(2) = 100/121.
    assert appraisal.transfers["ater"] == 300 * Fraction(10, 11) + 300 * Fraction(100, 121)
    assert appraisal.transfers["utfall"] == 150 * Fraction(10, 11) + 75 * Fraction(100, 121)
    assert appraisal.transfers["lan"] == 1000
    assert sum(ledger.net for ledger in appraisal.actors.values()) == appraisal.npv


def test_a_rate_stops_at_the_horizon_a_fixed_amount_does_not() -> None:
    appraisal = lm.appraise(_model(horizon=1))
    assert appraisal.transfers["utfall"] == 150  # year 2 is past the horizon
    assert appraisal.transfers["ater"] == 600  # like a cost, never cut
    assert len(appraisal.years) == 3  # the year table runs to the last payment


def test_society_totals_do_not_see_the_transfers() -> None:
    model = _model(rate="0.035")
    bare = model.copy()
    for transfer in model.transfers:
        bare.remove_transfer(transfer.id)
    with_transfers, without = lm.appraise(model), lm.appraise(bare)
    for figure in ("pv_costs", "pv_benefits", "npv", "bcr", "payback_year", "years"):
        assert getattr(with_transfers, figure) == getattr(without, figure)


def test_the_json_ledger_conserves_to_the_ore() -> None:
    data = lm.appraise(_model(rate="0.035")).to_dict()
    actors = data["actors"]
    assert isinstance(actors, dict)
    assert list(actors["soc"]) == [
        "pv_costs",
        "pv_benefits",
        "transfers_in",
        "transfers_out",
        "net",
    ]
    assert sum(Fraction(a["net"]) for a in actors.values()) == Fraction(str(data["npv"]))
    transfers = data["transfers"]
    assert isinstance(transfers, dict)
    moved = sum((Fraction(str(pv)) for pv in transfers.values()), Fraction())
    for key in ("transfers_in", "transfers_out"):
        written = sum((Fraction(a[key]) for a in actors.values()), Fraction())
        assert abs(written - moved) < Fraction(1, 100)
    assert transfers["lan"] == "1000.00"


def test_ranges_on_transfers_are_sensitivity_parameters_that_leave_npv_alone() -> None:
    model = _model()
    rows = {row.parameter.name: row for row in one_way(model).rows}
    assert set(rows) == {"ater.amount", "utfall.rate"}
    npv = lm.appraise(model).npv
    for row in rows.values():
        assert row.npv_low == row.npv_high == npv
        assert row.switching_value is None
    assert rows["ater.amount"].parameter.low == 300
    assert rows["utfall.rate"].parameter.high == 60


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_text_shows_transfers_in_and_out(lang: str) -> None:
    model = _model()
    text = returns_text(model, lm.appraise(model), lang=lang)
    words = (
        ("Överföringar in", "Överföringar ut", "Vem betalar tillbaka till vem", "−400,00")
        if lang == "sv"
        else ("Transfers in", "Transfers out", "Who pays back whom", "−400.00")
    )
    for word in words:
        assert word in text
    row = next(line for line in text.splitlines() if "Utfallsersättning" in line)
    assert "Socialnämnden" in row
    assert "Investeraren" in row
    assert row.split()[-1] == ("225,00" if lang == "sv" else "225.00")
