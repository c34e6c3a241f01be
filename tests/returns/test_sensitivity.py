"""One-way sensitivity, switching values and the seeded Monte Carlo simulation."""

from __future__ import annotations

import math
from fractions import Fraction

import attrs
import pytest
from returns_helpers import RANGED, RANGED_ECONOMICS, SIMPLE, model

import logikmodell as lm
from logikmodell.examples import load_example
from logikmodell.model import Outcome, Quantity, Resource
from logikmodell.returns import monte_carlo, one_way, parameters, percentile
from logikmodell.returns.floats import FloatModel


def _ranged() -> lm.LogicModel:
    return model(RANGED, RANGED_ECONOMICS)


def test_parameters_in_model_order_with_the_rate_last() -> None:
    names = [p.name for p in parameters(_ranged())]
    assert names == [
        "r.quantity",
        "r.unit_cost",
        "r2.cost",
        "o.quantity",
        "o.deadweight",
        "o.attribution",
        "o.displacement",
        "o.drop_off",
        "o.values[0].amount",
        "economics.discount_rate",
    ]
    attribution = parameters(_ranged())[5]
    assert (attribution.low, attribution.value, attribution.high) == (
        Fraction(1, 10),
        Fraction(1, 10),
        Fraction(3, 10),
    )
    assert attribution.node == "o"
    assert parameters(_ranged())[-1].node is None
    assert parameters(_ranged())[8].value_index == 0


def test_one_way_npvs_equal_appraisals_of_the_changed_model() -> None:
    ranged = _ranged()
    table = one_way(ranged)
    assert table.npv == lm.appraise(ranged).npv
    by_name = {row.parameter.name: row for row in table.rows}

    def changed(node_id: str, **fields: object) -> Fraction:
        copy = ranged.copy()
        copy.replace_node(attrs.evolve(copy.node(node_id), **fields))  # type: ignore[arg-type]
        return lm.appraise(copy).npv

    assert by_name["o.quantity"].npv_high == changed(
        "o", quantity=Quantity.parse("4 person"), quantity_low=None, quantity_high=None
    )
    assert by_name["r.unit_cost"].npv_low == changed(
        "r", unit_cost=Quantity.parse("400 SEK/year"), unit_cost_low=None, unit_cost_high=None
    )
    assert by_name["o.deadweight"].npv_high == changed(
        "o", deadweight=Fraction(1, 2), deadweight_low=None, deadweight_high=None
    )
    outcome = ranged.node("o")
    assert isinstance(outcome, Outcome)
    values = (
        attrs.evolve(
            outcome.values[0],
            amount=Quantity.parse("150 SEK/person/year"),
            amount_low=None,
            amount_high=None,
        ),
        outcome.values[1],
    )
    assert by_name["o.values[0].amount"].npv_high == changed("o", values=values)
    rate = ranged.copy()
    rate.replace_info(
        economics=attrs.evolve(
            ranged.economics,
            discount_rate=Fraction(1, 100),
            discount_rate_low=None,
            discount_rate_high=None,
        )
    )
    assert by_name["economics.discount_rate"].npv_low == lm.appraise(rate).npv


def test_rows_are_ordered_by_swing() -> None:
    swings = [row.swing for row in one_way(_ranged()).rows]
    assert swings == sorted(swings, reverse=True)
    assert swings[0] > 0


def test_linear_switching_values_give_zero_npv_exactly() -> None:
    ranged = _ranged()
    table = one_way(ranged)
    by_name = {row.parameter.name: row for row in table.rows}
    quantity = by_name["o.quantity"].switching_value
    assert isinstance(quantity, Fraction)
    assert quantity == lm.appraise(ranged).break_even["o"]
    base_pv = lm.appraise(ranged).outcomes["o"]
    assert table.npv + (quantity - 2) * base_pv / 2 == 0
    cost = by_name["r2.cost"].switching_value
    assert isinstance(cost, Fraction)
    # Cost 100 more costs PV (0.5 + 0.5/1.035) × 100 more: solve NPV = 0 by hand.
    weight = Fraction(1, 2) + Fraction(1, 2) / Fraction(1035, 1000)
    assert cost == 100 + table.npv / weight


def test_switching_value_outside_the_domain_is_none() -> None:
    body = SIMPLE.replace(
        "amount: 100 SEK/person/year}",
        "amount: 100 SEK/person/year, amount_high: 120 SEK/person/year}",
    )
    (row,) = one_way(model(body)).rows
    # NPV = 800 and each SEK of the amount is worth 2 person × 3 years = 6 SEK:
    # NPV = 0 would need an amount of 100 − 800/6 < 0.
    assert row.npv_high - row.npv_low == 6 * 20
    assert row.switching_value is None
    assert lm.appraise(model(body)).npv == 800


def test_switching_value_inside_the_domain() -> None:
    body = SIMPLE.replace("cost: 1000 SEK,", "cost: 1000 SEK, cost_high: 2000 SEK,")
    (row,) = one_way(model(body)).rows
    assert row.switching_value == 1800


def test_nonlinear_switching_values_by_bisection() -> None:
    ranged = _ranged()
    table = one_way(ranged)
    by_name = {row.parameter.name: row for row in table.rows}
    rate = by_name["economics.discount_rate"].switching_value
    assert isinstance(rate, float)
    copy = ranged.copy()
    near = Fraction(round(rate, 12)).limit_denominator(10**12)
    copy.replace_info(
        economics=attrs.evolve(
            ranged.economics,
            discount_rate=Fraction(str(float(near))),
            discount_rate_low=None,
            discount_rate_high=None,
        )
    )
    assert abs(lm.appraise(copy).npv) < Fraction(1, 100)
    drop = by_name["o.drop_off"].switching_value
    # NPV stays positive whatever the drop-off: there is no switching value.
    assert drop is None or 0 <= drop <= 1


def test_sensitivity_to_dict() -> None:
    data = one_way(_ranged()).to_dict()
    rows = data["parameters"]
    assert isinstance(rows, list)
    first = rows[0]
    assert set(first) == {
        "parameter",
        "label",
        "unit",
        "low",
        "value",
        "high",
        "npv_low",
        "npv_high",
        "swing",
        "switching_value",
    }
    assert isinstance(first["npv_low"], str)


def test_model_without_ranges_has_an_empty_table() -> None:
    assert one_way(load_example()).rows == ()


def test_float_model_at_the_values_matches_the_exact_npv() -> None:
    ranged = _ranged()
    params = parameters(ranged)
    floats = FloatModel(ranged, params, frozenset(range(len(params))))
    pv_costs, pv_benefits = floats.evaluate([float(p.value) for p in params])
    exact = lm.appraise(ranged)
    assert math.isclose(pv_costs, float(exact.pv_costs), rel_tol=1e-12)
    assert math.isclose(pv_benefits, float(exact.pv_benefits), rel_tol=1e-12)


def test_monte_carlo_same_seed_same_figures() -> None:
    ranged = _ranged()
    first = monte_carlo(ranged, 500, seed=7)
    assert first == monte_carlo(ranged, 500, seed=7)
    assert first != monte_carlo(ranged, 500, seed=8)
    assert first.to_dict() == monte_carlo(ranged, 500, seed=7).to_dict()


def test_monte_carlo_refuses_a_negative_or_non_integer_seed() -> None:
    # random.Random(-7) is random.Random(7): two names for one run.
    ranged = _ranged()
    with pytest.raises(ValueError, match="seed: expected a whole number ≥ 0, got -7"):
        monte_carlo(ranged, 10, seed=-7)
    with pytest.raises(TypeError, match="seed"):
        monte_carlo(ranged, 10, seed="7")  # type: ignore[arg-type]
    assert monte_carlo(ranged, 10, seed=0).seed == 0


def test_monte_carlo_statistics_are_consistent() -> None:
    result = monte_carlo(_ranged(), 2000, seed=1)
    assert result.npv.p5 <= result.npv.p50 <= result.npv.p95
    assert result.bcr.p5 <= result.bcr.p50 <= result.bcr.p95
    assert 0 <= result.probability_positive <= 1
    assert len(result.parameters) == 10
    table = one_way(_ranged())
    lowest = min(min(r.npv_low, r.npv_high) for r in table.rows)
    assert result.npv.p95 > float(lowest)


def test_monte_carlo_with_collapsed_ranges_is_the_deterministic_result() -> None:
    collapsed = RANGED
    for text in ("1 year", "3 year", "400 SEK/year", "700 SEK/year", "50 SEK", "300 SEK"):
        collapsed = collapsed.replace(f"_low: {text}", "_low: X").replace(
            f"_high: {text}", "_high: X"
        )
    ranged = model(
        SIMPLE.replace("cost: 1000 SEK", "cost: 1000 SEK, cost_low: 1000 SEK, cost_high: 1000 SEK")
    )
    result = monte_carlo(ranged, 50, seed=3)
    exact = lm.appraise(ranged)
    assert result.parameters == ()
    assert result.npv.mean == result.npv.p5 == result.npv.p95 == float(exact.npv)
    assert result.bcr.p50 == float(exact.bcr)
    assert result.probability_positive == 1.0
    data = result.to_dict()
    assert data["npv"] == dict.fromkeys(("mean", "p5", "p50", "p95"), "800.00")


def test_monte_carlo_refuses_what_cannot_be_appraised() -> None:
    with pytest.raises(lm.AppraisalError):
        monte_carlo(model(SIMPLE.replace("cost: 1000 SEK", "cost: 0 SEK")), 10)
    with pytest.raises(ValueError, match="draws"):
        monte_carlo(model(SIMPLE), 0)


def test_a_draw_without_cost_gives_an_unbounded_ratio() -> None:
    body = SIMPLE.replace("cost: 1000 SEK", "cost: 1000 SEK, cost_low: 0 SEK")
    result = monte_carlo(model(body), 200, seed=2)
    assert math.isfinite(result.bcr.p50)
    data = result.to_dict()
    bcr = data["bcr"]
    assert isinstance(bcr, dict)


def test_percentile_interpolates_linearly() -> None:
    assert percentile([1.0, 2.0, 3.0, 4.0], 50) == 2.5
    assert percentile([1.0, 2.0, 3.0, 4.0], 0) == 1.0
    assert percentile([1.0, 2.0, 3.0, 4.0], 100) == 4.0
    assert percentile([5.0], 95) == 5.0
    assert percentile([0.0, 10.0], 5) == pytest.approx(0.5)
    with pytest.raises(ValueError, match="no values"):
        percentile([], 50)


def test_ranges_on_unvalued_outcomes_and_costless_resources_are_left_out() -> None:
    ranged = _ranged()
    ranged.add_node(Resource(id="free", label="Free"))
    assert "free.quantity" not in [p.name for p in parameters(ranged)]


@pytest.mark.parametrize(
    ("replacement", "expected"),
    [
        ("cost: 1000 SEK, cost_low: 1000 SEK,", Fraction(1800)),
        ("cost: 1000 SEK, cost_high: 1000 SEK,", Fraction(1800)),
    ],
)
def test_switching_value_of_a_collapsed_range(replacement: str, expected: Fraction) -> None:
    (row,) = one_way(model(SIMPLE.replace("cost: 1000 SEK,", replacement))).rows
    assert row.swing == 0
    assert row.switching_value == expected
