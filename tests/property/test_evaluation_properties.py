"""Evaluation never raises on generated models, and with realised figures equal to the
plan the realised appraisal is the planned one, to the öre."""

from __future__ import annotations

from fractions import Fraction

import attrs
from hypothesis import given
from hypothesis import strategies as st

import logikmodell as lm
from logikmodell.costs.resources import resource_cost_by_year
from logikmodell.evaluation import evaluate
from logikmodell.model.nodes import Actual, Outcome, Resource
from logikmodell.model.quantity import Quantity
from logikmodell.testing import strategies as lst


def _as_planned(model: lm.LogicModel, realised_quantity: list[bool]) -> lm.LogicModel:
    """The model with each resource's actuals equal to its plan, year by year, and each
    outcome realised as planned: by ``realised_quantity = quantity`` or by no figure."""
    planned = model.copy()
    for resource in model.of_type(Resource):
        by_year = resource_cost_by_year(resource, model.currency)
        actuals = tuple(
            Actual(year=year, amount=Quantity(value=Fraction(ore, 100), unit=model.currency))
            for year, ore in sorted(by_year.items())
        )
        planned.replace_node(attrs.evolve(resource, actuals=actuals))
    for number, outcome in enumerate(model.of_type(Outcome)):
        quantity = None
        if outcome.quantity is not None and realised_quantity[number % len(realised_quantity)]:
            quantity = outcome.quantity
        planned.replace_node(attrs.evolve(outcome, realised_from=None, realised_quantity=quantity))
    return planned


@given(lst.logic_models(), st.lists(st.booleans(), min_size=1, max_size=4))
def test_realised_is_planned_when_the_realised_figures_are_the_plan(
    model: lm.LogicModel, realised_quantity: list[bool]
) -> None:
    result = evaluate(_as_planned(model, realised_quantity))
    if result.planned is None:
        assert result.realised is None
        return
    planned, realised = result.planned, result.realised
    assert realised is not None
    assert realised.pv_costs == planned.pv_costs
    assert realised.pv_benefits == planned.pv_benefits
    assert realised.npv == planned.npv
    assert realised.bcr == planned.bcr
    assert realised.payback_year == planned.payback_year
    assert realised.to_dict()["actors"] == planned.to_dict()["actors"]
    for outcome in result.outcomes.values():
        assert outcome.realised is None or outcome.realised == outcome.planned


@given(lst.logic_models(), st.none() | st.integers(1, 10_000))
def test_evaluate_never_raises_and_realised_quantities_are_never_negative(
    model: lm.LogicModel, scale_to: int | None
) -> None:
    if scale_to is not None and (model.target_group is None or not model.target_group.size):
        scale_to = None
    result = evaluate(model, scale_to=scale_to)
    for outcome in result.outcomes.values():
        assert outcome.realised is None or outcome.realised >= 0
    if result.fidelity is not None:
        assert 0 <= result.fidelity <= 1
    assert set(result.to_dict()) >= {"indicators", "outcomes", "fidelity", "planned", "realised"}
