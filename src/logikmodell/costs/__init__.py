"""Costs and returns: exact cost attribution along the chain, and appraisal."""

from logikmodell.costs.attribution import (
    UNASSIGNED,
    CostAttribution,
    CostAttributionError,
    attribute_costs,
)
from logikmodell.costs.resources import resource_cost, resource_cost_by_year

__all__ = [
    "UNASSIGNED",
    "CostAttribution",
    "CostAttributionError",
    "attribute_costs",
    "resource_cost",
    "resource_cost_by_year",
]
