"""The realised model: the planned one with what was measured put in its place.

An outcome with a realised quantity takes it (from ``realised_from``: the
indicator's improvement against the comparison, with deadweight 0, since the
comparison already removed what would have happened anyway; from
``realised_quantity``: that figure, with the outcome's own deadweight); a resource
with ``actuals`` costs, in each year that has one, what was spent, and the planned
cost in the others. Ranges are dropped: the realised figures are measurements.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction

import attrs

from logikmodell.costs.resources import resource_cost_by_year
from logikmodell.graph import LogicModel
from logikmodell.model.nodes import RANGED_OUTCOME_FIELDS, RANGED_RESOURCE_FIELDS, Outcome, Resource
from logikmodell.model.quantity import Quantity
from logikmodell.model.units import require_currency, resolve_unit

__all__ = ["realised_model", "realised_quantity_in_unit", "realised_resource"]


def _without_ranges(fields: tuple[str, ...]) -> dict[str, None]:
    return {f"{name}_{end}": None for name in fields for end in ("low", "high")}


def realised_quantity_in_unit(outcome: Outcome) -> Fraction | None:
    """``realised_quantity`` in the unit of the outcome's ``quantity`` (None without)."""
    if outcome.realised_quantity is None:
        return None
    if outcome.quantity is None:
        return outcome.realised_quantity.value
    here, _ = resolve_unit(outcome.realised_quantity.unit)
    there, _ = resolve_unit(outcome.quantity.unit)
    return outcome.realised_quantity.value * here / there


def realised_resource(resource: Resource, currency: str) -> Resource:
    """``resource`` costing its actuals where given and its plan in the other years."""
    if not resource.actuals:
        return resource
    by_year = {
        year: Fraction(ore, 100) for year, ore in resource_cost_by_year(resource, currency).items()
    }
    for actual in resource.actuals:
        by_year[actual.year] = require_currency("actuals", actual.amount, currency)
    total = sum(by_year.values(), Fraction())
    fields: dict[str, object] = {
        "quantity": None,
        "unit_cost": None,
        "cost": Quantity(value=total, unit=currency),
        "year": None,
        "schedule": None,
        **_without_ranges(RANGED_RESOURCE_FIELDS),
    }
    years = {y: amount / total for y, amount in sorted(by_year.items()) if amount} if total else {}
    if len(years) == 1:
        fields["year"] = next(iter(years))
    elif years:
        fields["schedule"] = years
    return attrs.evolve(resource, **fields)  # type: ignore[arg-type]


def realised_model(model: LogicModel, quantities: Mapping[str, Fraction]) -> LogicModel:
    """The model with the realised ``quantities`` (per outcome id) and actual costs."""
    realised = model.copy()
    for resource in model.of_type(Resource):
        if resource.actuals:
            realised.replace_node(realised_resource(resource, model.currency))
    for outcome in model.of_type(Outcome):
        value = quantities.get(outcome.id)
        if value is None or outcome.quantity is None:
            continue
        changes: dict[str, object] = {
            "quantity": Quantity(value=value, unit=outcome.quantity.unit),
            **_without_ranges(RANGED_OUTCOME_FIELDS),
        }
        if outcome.realised_from is not None:
            changes["deadweight"] = Fraction(0)
        realised.replace_node(attrs.evolve(outcome, **changes))  # type: ignore[arg-type]
    return realised
