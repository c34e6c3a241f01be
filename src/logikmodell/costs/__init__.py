"""Costs: exact cost attribution along the chain (the returns are in :mod:`logikmodell.returns`)."""

from logikmodell.costs.attribution import CostAttribution, attribute_costs
from logikmodell.costs.resources import UNASSIGNED, resource_cost, resource_cost_by_year
from logikmodell.errors import CostAttributionError

__all__ = [
    "UNASSIGNED",
    "CostAttribution",
    "CostAttributionError",
    "attribute_costs",
    "resource_cost",
    "resource_cost_by_year",
]
