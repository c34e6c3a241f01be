"""The appraisal: timing, adjustments, discounting, payback, break-even, the ledger."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest
from returns_helpers import SIMPLE, model

import logikmodell as lm
from logikmodell.examples import load_example
from logikmodell.model import Economics, RateBand
from logikmodell.numbers import format_money, round_conserving
from logikmodell.returns import UNASSIGNED, discount_factors


def test_simple_model_figures() -> None:
    appraisal = lm.appraise(model(SIMPLE))
    # 2 person × 300 SEK in years 1, 2, 3; cost 1000 in year 0; rate 0.
    rows = [(r.year, int(r.costs), int(r.benefits)) for r in appraisal.years[:5]]
    assert rows == [(0, 1000, 0), (1, 0, 600), (2, 0, 600), (3, 0, 600), (4, 0, 0)]
    assert all(r.costs.denominator == r.benefits.denominator == 1 for r in appraisal.years)
    assert len(appraisal.years) == 11  # years 0 … horizon
    assert appraisal.pv_costs == 1000
    assert appraisal.pv_benefits == 1800
    assert appraisal.npv == 800
    assert appraisal.bcr == Fraction(9, 5)
    assert appraisal.net_roi == Fraction(4, 5)
    assert appraisal.payback_year == 2  # −1000, −400, +200
    assert appraisal.break_even == {"o": Fraction(2) - Fraction(800 * 2, 1800)}
    assert appraisal.outcomes == {"o": 1800}


def test_ledger_per_actor_sums_to_the_totals() -> None:
    appraisal = lm.appraise(model(SIMPLE))
    kommun, stat = appraisal.actors["kommun"], appraisal.actors["stat"]
    assert [kommun.pv_costs, kommun.pv_benefits, kommun.net] == [1000, 600, -400]
    assert [stat.pv_costs, stat.pv_benefits, stat.net] == [0, 1200, 1200]
    assert sum(a.net for a in appraisal.actors.values()) == appraisal.npv


def test_adjustments_and_drop_off_follow_the_formula() -> None:
    body = SIMPLE.replace(
        "    start_year: 1\n",
        "    start_year: 2\n    deadweight: 0.5\n    attribution: 0.2\n"
        "    displacement: 0.25\n    drop_off: 0.5\n",
    )
    appraisal = lm.appraise(model(body))
    first = Fraction(600) * Fraction(1, 2) * Fraction(4, 5) * Fraction(3, 4)  # 180
    assert [r.benefits for r in appraisal.years[:6]] == [
        0,
        0,
        first,
        first / 2,
        first / 4,
        0,
    ]


def test_benefits_after_the_horizon_are_cut_but_costs_are_not() -> None:
    economics = "economics: {discount_rate: 0, horizon_years: 2}\n"
    body = SIMPLE.replace(
        "cost: 1000 SEK, payer: kommun", "cost: 1000 SEK, payer: kommun, schedule: {0: 0.5, 4: 0.5}"
    )
    appraisal = lm.appraise(model(body, economics))
    assert appraisal.pv_benefits == 1200  # years 1 and 2 only
    assert appraisal.pv_costs == 1000  # the cost in year 4 still counts
    assert [r.year for r in appraisal.years] == [0, 1, 2, 3, 4]
    assert appraisal.years[4].costs == 500


def test_discounting_with_a_constant_rate() -> None:
    economics = "economics: {discount_rate: 0.5, horizon_years: 3}\n"
    appraisal = lm.appraise(model(SIMPLE, economics))
    factors = [r.discount_factor for r in appraisal.years]
    assert factors == [1, Fraction(2, 3), Fraction(4, 9), Fraction(8, 27)]
    assert appraisal.pv_benefits == 600 * (Fraction(2, 3) + Fraction(4, 9) + Fraction(8, 27))


def test_declining_schedule_uses_the_band_of_each_year() -> None:
    economics = Economics(
        discount_rate=(
            RateBand(from_year=0, rate=Fraction(1, 10)),
            RateBand(from_year=2, rate=Fraction(1, 5)),
        ),
        horizon_years=3,
    )
    assert discount_factors(economics, 3) == [
        1,
        Fraction(10, 11),
        Fraction(10, 11) / Fraction(6, 5),
        Fraction(10, 11) / Fraction(6, 5) ** 2,
    ]


def test_payback_is_none_when_not_reached_within_the_horizon() -> None:
    body = SIMPLE.replace("cost: 1000 SEK", "cost: 5000 SEK")
    appraisal = lm.appraise(model(body))
    assert appraisal.npv < 0
    assert appraisal.payback_year is None


def test_payback_starts_at_the_first_cost_year() -> None:
    body = SIMPLE.replace("payer: kommun}", "payer: kommun, year: 2}").replace(
        "start_year: 1", "start_year: 3"
    )
    appraisal = lm.appraise(model(body))
    # Years 0 and 1 are empty (cumulative 0): they do not count as paying back.
    assert appraisal.payback_year == 4  # −1000 (y2), −400 (y3), +200 (y4)


def test_break_even_quantity_gives_zero_npv() -> None:
    appraisal = lm.appraise(model(SIMPLE))
    quantity = appraisal.break_even["o"]
    assert quantity == Fraction(10, 9)
    body = SIMPLE.replace("quantity: 2 person", "quantity: 1.25 person")
    assert lm.appraise(model(body)).npv == Fraction(1800 * 1.25 / 2) - 1000


def test_break_even_is_none_for_an_outcome_without_benefit() -> None:
    body = (
        SIMPLE
        + """  - id: zero
    kind: impact
    label: Z
    quantity: 0 person
    values: [{actor: stat, amount: 5 SEK/person/year}]
"""
    )
    body = body.replace("links:\n  - {from: r, to: a}\n  - {from: a, to: o}\n", "") + (
        "links:\n  - {from: r, to: a}\n  - {from: a, to: o}\n"
    )
    appraisal = lm.appraise(model(body))
    assert appraisal.break_even["zero"] is None
    assert appraisal.break_even["o"] is not None


def test_resource_without_payer_is_unassigned_and_listed_last() -> None:
    body = SIMPLE.replace(
        "  - {id: a, kind: activity, label: A}",
        "  - {id: r2, kind: resource, label: R2, cost: 10 SEK}\n"
        "  - {id: a, kind: activity, label: A}",
    )
    appraisal = lm.appraise(model(body))
    assert list(appraisal.actors) == ["kommun", "stat", UNASSIGNED]
    assert appraisal.actors[UNASSIGNED].pv_costs == 10


def test_units_reduce_exactly() -> None:
    body = SIMPLE.replace("100 SEK/person/year", "1 kSEK/person/month").replace(
        "200 SEK/person/year", "0 SEK/person/year"
    )
    appraisal = lm.appraise(model(body))
    assert appraisal.years[1].benefits == 2 * 12_000


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            SIMPLE.replace("cost: 1000 SEK, payer: kommun", "payer: kommun"),
            "no resource has a cost",
        ),
        (SIMPLE.replace("cost: 1000 SEK", "cost: 0 SEK"), "no resource has a cost"),
        (SIMPLE.replace("    quantity: 2 person\n", ""), "no outcome is valued"),
    ],
)
def test_models_that_cannot_be_appraised_get_a_clear_error(body: str, message: str) -> None:
    with pytest.raises(lm.AppraisalError, match=message) as info:
        lm.appraise(model(body))
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, lm.LogikmodellError)


def test_to_dict_has_exactly_the_keys_of_the_contract() -> None:
    data = lm.appraise(load_example()).to_dict()
    assert list(data) == [
        "currency",
        "optimism_bias",
        "pv_costs",
        "pv_benefits",
        "npv",
        "bcr",
        "net_roi",
        "payback_year",
        "break_even",
        "by_type",
        "actors",
        "transfers",
        "years",
    ]
    assert data["currency"] == "SEK"
    assert data["npv"] == "4442812.40"
    assert isinstance(data["bcr"], float)
    actors = data["actors"]
    assert isinstance(actors, dict)
    assert set(actors["soc"]) == {
        "pv_costs",
        "pv_benefits",
        "transfers_in",
        "transfers_out",
        "net",
    }
    years = data["years"]
    assert isinstance(years, list)
    assert years[0] == {
        "year": 0,
        "costs": "2265000.00",
        "benefits": "0.00",
        "discount_factor": 1.0,
        "cumulative_net": "-2265000.00",
    }
    json.dumps(data)  # plain data


def test_written_ledger_columns_sum_to_the_written_totals() -> None:
    data = lm.appraise(load_example()).to_dict()
    actors = data["actors"]
    assert isinstance(actors, dict)
    for key, total in (("pv_costs", "pv_costs"), ("pv_benefits", "pv_benefits"), ("net", "npv")):
        parts = sum(Fraction(figures[key]) for figures in actors.values())
        assert parts == Fraction(str(data[total]))


def test_round_conserving() -> None:
    thirds = [Fraction(1, 300)] * 3
    assert round_conserving(thirds) == [1, 0, 0]
    values = [Fraction(-1, 3), Fraction(5, 3), Fraction(7, 6)]
    parts = round_conserving(values)
    assert sum(parts) == round(sum(values) * 100)
    assert all(abs(p - v * 100) < 1 for p, v in zip(parts, values, strict=True))
    assert round_conserving([]) == []


def test_format_money_rounds_half_away_from_zero() -> None:
    assert format_money(Fraction(1, 200)) == "0.01"
    assert format_money(Fraction(-1, 200)) == "-0.01"
    assert format_money(Fraction(1234567, 100)) == "12345.67"


def test_example_appraisal() -> None:
    appraisal = lm.appraise(load_example())
    assert format_money(appraisal.pv_costs) == "4279492.75"
    assert format_money(appraisal.npv) == "4442812.40"
    assert appraisal.payback_year == 4
    assert appraisal.years[0].costs == Fraction(2_265_000)
