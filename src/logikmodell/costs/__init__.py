"""Costs and returns: exact cost attribution along the chain, and appraisal."""

from logikmodell.costs.attribution import UNASSIGNED, CostAttribution, attribute_costs
from logikmodell.costs.resources import resource_cost, resource_cost_by_year
from logikmodell.errors import CostAttributionError

__all__ = [
    "UNASSIGNED",
    "CostAttribution",
    "CostAttributionError",
    "attribute_costs",
    "resource_cost",
    "resource_cost_by_year",
]
