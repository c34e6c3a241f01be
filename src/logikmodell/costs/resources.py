"""What each resource costs, and in which years: the input to attribution and returns.

A resource's cost is ``cost``, or ``quantity × unit_cost``, reduced exactly to the
model's currency and then rounded once to whole öre (half away from zero): money
that is paid comes in öre. A schedule splits it over year indexes with
largest-remainder allocation, so the yearly parts always sum to the whole.
"""

from __future__ import annotations

from fractions import Fraction

from logikmodell.model.nodes import Resource
from logikmodell.model.quantity import Quantity
from logikmodell.model.units import require_currency, resolve
from logikmodell.numbers import allocate, round_half_away

__all__ = ["UNASSIGNED", "cost_factors", "payer_of", "resource_cost", "resource_cost_by_year"]

#: The payer key of costs whose resource names no payer, in the cost attribution and
#: in the ledger of the returns.
UNASSIGNED = "_unassigned"


def payer_of(resource: Resource) -> str:
    """Who pays the resource: its ``payer``, or :data:`UNASSIGNED`."""
    return resource.payer or UNASSIGNED


def cost_factors(resource: Resource) -> tuple[tuple[str, Quantity], ...]:
    """The written figures whose product is the resource's cost, with their field names.

    ``(("cost", cost),)``, or ``(("quantity", quantity), ("unit_cost", unit_cost))``,
    or ``()`` for a resource without a cost.
    """
    if resource.cost is not None:
        return (("cost", resource.cost),)
    if resource.quantity is not None and resource.unit_cost is not None:
        return (("quantity", resource.quantity), ("unit_cost", resource.unit_cost))
    return ()


def resource_cost(resource: Resource, currency: str) -> int | None:
    """The resource's cost in öre (hundredths of ``currency``), or None if it has none.

    Raises:
        UnitError: the cost does not reduce to ``currency`` (a model checks this
            when the resource is added, so this cannot happen for a model's nodes).
    """
    factors = cost_factors(resource)
    if not factors:
        return None
    if len(factors) == 1:
        amount = require_currency("cost", factors[0][1], currency)
    else:
        amount = Fraction(1)
        for _, quantity in factors:
            amount *= resolve(quantity).value
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
