"""What each resource costs, and in which years: the input to attribution and returns.

A resource's cost is ``cost``, or ``quantity × unit_cost``, reduced exactly to the
model's currency and then rounded once to whole öre (half away from zero): money
that is paid comes in öre. A schedule splits it over year indexes with
largest-remainder allocation, so the yearly parts always sum to the whole.
"""

from __future__ import annotations

from logikmodell.model.nodes import Resource
from logikmodell.model.units import require_currency, resolve
from logikmodell.numbers import allocate, round_half_away

__all__ = ["resource_cost", "resource_cost_by_year"]


def resource_cost(resource: Resource, currency: str) -> int | None:
    """The resource's cost in öre (hundredths of ``currency``), or None if it has none.

    Raises:
        UnitError: the cost does not reduce to ``currency`` (a model checks this
            when the resource is added, so this cannot happen for a model's nodes).
    """
    if resource.cost is not None:
        amount = require_currency("cost", resource.cost, currency)
    elif resource.quantity is not None and resource.unit_cost is not None:
        quantity = resolve(resource.quantity)
        unit_cost = resolve(resource.unit_cost)
        amount = quantity.value * unit_cost.value
    else:
        return None
    return round_half_away(amount * 100)


def resource_cost_by_year(resource: Resource, currency: str) -> dict[int, int]:
    """The resource's cost in öre per year index, summing exactly to :func:`resource_cost`.

    Years come in ascending order; a resource without cost gives an empty mapping.
    """
    total = resource_cost(resource, currency)
    if total is None:
        return {}
    years = sorted(resource.years.items())
    parts = allocate(total, [share for _, share in years])
    return {year: part for (year, _), part in zip(years, parts, strict=True)}
