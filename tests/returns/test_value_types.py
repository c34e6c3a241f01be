"""Value types (fiscal, economic, social) and optimism bias, on hand-computed figures."""

from __future__ import annotations

from fractions import Fraction

import pytest

import logikmodell as lm
from logikmodell.model import ValueType
from logikmodell.returns import monte_carlo, one_way
from logikmodell.text.returns import returns_text

_MODEL = """\
logikmodell: 1
title: Värdetyper
economics: {{discount_rate: 0, horizon_years: 5{bias}}}
actors:
  - {{id: kommun, label: Kommunen}}
  - {{id: individ, label: Individen}}
nodes:
  - {{id: r, kind: resource, label: Insats, cost: 1000 SEK, payer: kommun}}
  - {{id: a, kind: activity, label: Aktivitet}}
  - id: o
    kind: impact
    label: Effekt
    quantity: 10 person
    values:
      - {{actor: kommun, amount: 100 SEK/person/year}}
      - {{actor: individ, amount: 50 SEK/person/year, type: economic}}
      - {{actor: individ, amount: 20 SEK/person/year, type: social}}
links:
  - {{from: r, to: a}}
  - {{from: a, to: o}}
"""


def _model(bias: str = "") -> lm.LogicModel:
    return lm.loads(_MODEL.format(bias=bias))


def test_a_valuation_is_fiscal_unless_it_says_otherwise() -> None:
    outcome = _model().node("o")
    assert isinstance(outcome, lm.Outcome)
    assert [v.type for v in outcome.values] == [
        ValueType.FISCAL,
        ValueType.ECONOMIC,
        ValueType.SOCIAL,
    ]


def test_by_type_is_cumulative_and_ends_at_the_totals() -> None:
    appraisal = lm.appraise(_model())
    cases = appraisal.by_type
    # 10 persons × 100 / 50 / 20 SEK in year 1, undiscounted; costs 1000 SEK.
    assert [cases[k].pv_benefits for k in ValueType] == [1000, 1500, 1700]
    assert [cases[k].npv for k in ValueType] == [0, 500, 700]
    assert cases[ValueType.FISCAL].bcr == 1
    assert cases[ValueType.SOCIAL].pv_benefits == appraisal.pv_benefits
    assert cases[ValueType.SOCIAL].npv == appraisal.npv
    data = appraisal.to_dict()
    assert data["by_type"] == {
        "fiscal": {"pv_benefits": "1000.00", "npv": "0.00", "bcr": 1.0},
        "economic": {"pv_benefits": "1500.00", "npv": "500.00", "bcr": 1.5},
        "social": {"pv_benefits": "1700.00", "npv": "700.00", "bcr": 1.7},
    }


def test_optimism_bias_raises_every_cost_before_discounting() -> None:
    appraisal = lm.appraise(_model(", optimism_bias: 0.24"))
    assert appraisal.pv_costs == 1240
    assert appraisal.npv == 1700 - 1240
    assert appraisal.actors["kommun"].pv_costs == 1240
    assert appraisal.years[0].costs == 1240
    assert appraisal.to_dict()["optimism_bias"] == 0.24
    assert lm.appraise(_model()).to_dict()["optimism_bias"] == 0.0


def test_optimism_bias_round_trips_and_is_left_out_at_zero() -> None:
    model = _model(", optimism_bias: 0.24, optimism_bias_low: 0.1, optimism_bias_high: 0.5")
    text = lm.dumps(model)
    assert "optimism_bias: 0.24" in text
    assert lm.loads(text) == model
    assert "optimism_bias" not in lm.dumps(_model())
    assert "type: economic" in text
    assert "type: fiscal" not in text


def test_the_optimism_bias_range_is_a_sensitivity_parameter() -> None:
    model = _model(", optimism_bias: 0.24, optimism_bias_low: 0.1, optimism_bias_high: 0.5")
    (row,) = one_way(model).rows
    assert row.parameter.name == "economics.optimism_bias"
    assert row.npv_low == 1700 - 1100
    assert row.npv_high == 1700 - 1500
    # NPV = 1700 − 1000 (1 + ob) = 0 at ob = 0.7.
    assert row.switching_value == Fraction(7, 10)
    result = monte_carlo(model, 400, seed=3)
    assert result.parameters == ("economics.optimism_bias",)
    assert 1700 - 1500 <= result.npv.p5 <= result.npv.p95 <= 1700 - 1100


def test_a_range_on_optimism_bias_must_hold_its_value() -> None:
    with pytest.raises(lm.LoadError, match=r"optimism_bias_high: expected at least"):
        _model(", optimism_bias: 0.24, optimism_bias_high: 0.1")


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_text_shows_the_financial_case_beside_the_social_case(lang: str) -> None:
    model = _model(", optimism_bias: 0.24")
    text = returns_text(model, lm.appraise(model), lang=lang)
    financial = "Finansiell kalkyl (fiskalt värde)" if lang == "sv" else "Financial case"
    social = "Samhällskalkyl (allt värde)" if lang == "sv" else "Social case (all value)"
    bias = "optimismpåslag på 24" if lang == "sv" else "optimism bias of 24"
    assert financial in text
    assert social in text
    assert bias in text
    line = next(line for line in text.splitlines() if financial in line)
    assert line.split()[-1] == ("0,81" if lang == "sv" else "0.81")  # 1000 / 1240


def test_the_case_table_is_left_out_when_every_value_is_fiscal() -> None:
    model = lm.loads(
        _MODEL.format(bias="").replace(", type: economic", "").replace(", type: social", "")
    )
    text = returns_text(model, lm.appraise(model), lang="en")
    assert "Financial case" not in text
