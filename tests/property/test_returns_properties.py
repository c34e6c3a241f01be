"""Properties of the appraisal on generated models."""

from __future__ import annotations

import math
from fractions import Fraction
from typing import TypeVar

import attrs
from attrs import AttrsInstance
from hypothesis import given
from hypothesis import strategies as st

import logikmodell as lm
from logikmodell.graph import LogicModel
from logikmodell.model import NodeKind, Outcome, Quantity, Resource
from logikmodell.returns import (
    Appraisal,
    cost_terms,
    monte_carlo,
    one_way,
    outcome_terms,
    present_values,
)
from logikmodell.testing import strategies as lst

_KINDS = [
    NodeKind.RESOURCE,
    NodeKind.ACTIVITY,
    NodeKind.SHORT_TERM_OUTCOME,
    NodeKind.LONG_TERM_OUTCOME,
    NodeKind.IMPACT,
]
T = TypeVar("T", bound=AttrsInstance)

_models = lst.logic_models(min_nodes=2, max_nodes=8, kinds=_KINDS)


def _appraise(model: LogicModel) -> Appraisal | None:
    """The appraisal, or None for a model that cannot be appraised (and says why)."""
    try:
        return lm.appraise(model)
    except lm.AppraisalError as exc:
        message = str(exc)
    assert "no resource has a cost" in message or "no outcome is valued" in message
    return None


def _scaled_values(model: LogicModel, factor: int) -> LogicModel:
    copy = model.copy()
    for node in copy.of_type(Outcome):
        values = tuple(
            attrs.evolve(
                v,
                amount=_times(v.amount, factor),
                amount_low=_times(v.amount_low, factor),
                amount_high=_times(v.amount_high, factor),
            )
            for v in node.values
        )
        copy.replace_node(attrs.evolve(node, values=values))
    return copy


def _times(quantity: Quantity | None, factor: int) -> Quantity | None:
    if quantity is None:
        return None
    return Quantity(value=quantity.value * factor, unit=quantity.unit)


def _with_rate(model: LogicModel, rate: Fraction) -> LogicModel:
    copy = model.copy()
    economics = attrs.evolve(
        model.economics, discount_rate=rate, discount_rate_low=None, discount_rate_high=None
    )
    copy.replace_info(economics=economics)
    return copy


@given(_models)
def test_npv_is_the_sum_of_the_actors_nets(model: LogicModel) -> None:
    appraisal = _appraise(model)
    if appraisal is None:
        return
    assert appraisal.npv == sum(ledger.net for ledger in appraisal.actors.values())
    assert appraisal.pv_costs == sum(ledger.pv_costs for ledger in appraisal.actors.values())
    data = appraisal.to_dict()
    actors = data["actors"]
    assert isinstance(actors, dict)
    written = sum(Fraction(figures["net"]) for figures in actors.values())
    assert written == Fraction(str(data["npv"]))


@given(_models)
def test_doubling_every_value_doubles_pv_benefits(model: LogicModel) -> None:
    appraisal = _appraise(model)
    if appraisal is None:
        return
    doubled = lm.appraise(_scaled_values(model, 2))
    assert doubled.pv_benefits == 2 * appraisal.pv_benefits
    assert doubled.pv_costs == appraisal.pv_costs


@given(_models)
def test_with_a_zero_rate_present_values_are_plain_sums(model: LogicModel) -> None:
    appraisal = _appraise(_with_rate(model, Fraction(0)))
    if appraisal is None:
        return
    assert all(row.discount_factor == 1 for row in appraisal.years)
    assert appraisal.pv_costs == sum(row.costs for row in appraisal.years)
    assert appraisal.pv_benefits == sum(row.benefits for row in appraisal.years)
    total_ore = sum(
        ore
        for r in model.of_type(Resource)
        for ore in cost_terms(r, model.currency).by_year.values()
    )
    assert appraisal.pv_costs == Fraction(total_ore, 100) * (1 + model.economics.optimism_bias)


@given(_models)
def test_break_even_quantity_gives_zero_npv(model: LogicModel) -> None:
    appraisal = _appraise(model)
    if appraisal is None:
        return
    costs = [cost_terms(r, model.currency) for r in model.of_type(Resource)]
    benefits = [t for t in map(outcome_terms, model.of_type(Outcome)) if t is not None]
    for index, term in enumerate(benefits):
        quantity = appraisal.break_even[term.id]
        if quantity is None:
            assert appraisal.outcomes[term.id] == 0
            continue
        changed = list(benefits)
        changed[index] = attrs.evolve(term, quantity=quantity)
        pv_costs, pv_benefits = present_values(costs, changed, model.economics)
        assert pv_benefits - pv_costs == 0
        assert lm.Money(pv_benefits - pv_costs, model.currency).format() == "0.00"


@given(_models, st.integers(0, 2**32))
def test_monte_carlo_without_ranges_is_the_deterministic_result(
    model: LogicModel, seed: int
) -> None:
    model = _without_ranges(model)
    appraisal = _appraise(model)
    if appraisal is None:
        return
    result = monte_carlo(model, 5, seed)
    npv = float(appraisal.npv)
    tolerance = 1e-9 * max(1.0, abs(npv))
    for figure in (result.npv.mean, result.npv.p5, result.npv.p50, result.npv.p95):
        assert math.isclose(figure, npv, abs_tol=tolerance)
    assert result.probability_positive == (1.0 if appraisal.npv > 0 else 0.0) or (
        abs(npv) <= tolerance
    )


def _no_range(value: T) -> T:
    """The value with every ``<field>_low``/``<field>_high`` left out (collapsed)."""
    ranged = {f.name: None for f in attrs.fields(type(value)) if f.name.endswith(("_low", "_high"))}
    return attrs.evolve(value, **ranged)  # type: ignore[misc]  # the attrs plugin cannot see T


def _without_ranges(model: LogicModel) -> LogicModel:
    copy = model.copy()
    for node in copy.nodes:
        if isinstance(node, Outcome):
            node = attrs.evolve(node, values=tuple(_no_range(v) for v in node.values))
        if isinstance(node, Outcome | Resource):
            copy.replace_node(_no_range(node))
    copy.replace_info(economics=_no_range(model.economics))
    return copy


def _with_ranges(model: LogicModel) -> LogicModel:
    copy = model.copy()
    for node in copy.of_type(Outcome):
        if node.quantity is not None:
            q = node.quantity
            copy.replace_node(
                attrs.evolve(
                    node,
                    quantity_low=Quantity(value=q.value / 2, unit=q.unit),
                    quantity_high=Quantity(value=q.value * 2, unit=q.unit),
                    deadweight_low=Fraction(0),
                    deadweight_high=max(node.deadweight, Fraction(1, 2)),
                )
            )
    return copy


@given(_models, st.integers(0, 2**32))
def test_same_seed_same_output(model: LogicModel, seed: int) -> None:
    ranged = _with_ranges(model)
    if _appraise(ranged) is None:
        return
    first = monte_carlo(ranged, 30, seed)
    assert first == monte_carlo(ranged, 30, seed)
    assert first.to_dict() == monte_carlo(ranged, 30, seed).to_dict()


@given(_models)
def test_one_way_rows_bracket_and_order(model: LogicModel) -> None:
    ranged = _with_ranges(model)
    if _appraise(ranged) is None:
        return
    table = one_way(ranged)
    swings = [row.swing for row in table.rows]
    assert swings == sorted(swings, reverse=True)
    appraisal = lm.appraise(ranged)
    if appraisal.npv == 0:
        return  # every value is then a switching value: nothing to compare
    for row in table.rows:
        node = row.parameter.node
        if row.parameter.field != "quantity" or node is None:
            continue
        if not isinstance(ranged.node(node), Outcome) or row.switching_value is None:
            continue
        break_even = appraisal.break_even[node]
        if break_even is None:
            # The contract leaves break-even null when the outcome's PV is 0 (e.g. a
            # quantity of 0), though a switching value can still be found there.
            assert appraisal.outcomes[node] == 0
            continue
        # Otherwise an outcome's quantity switches NPV to zero exactly at its break-even.
        assert row.switching_value == break_even


@given(_models, st.sampled_from(["yaml", "json", "toml"]))
def test_models_with_ranges_round_trip(model: LogicModel, fmt: str) -> None:
    ranged = _with_ranges(model)
    assert lm.loads(lm.dumps(ranged, fmt), fmt) == ranged
