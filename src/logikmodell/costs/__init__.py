"""Costs and returns: exact cost attribution along the chain, and appraisal."""

from logikmodell.costs.resources import resource_cost, resource_cost_by_year

__all__ = ["resource_cost", "resource_cost_by_year"]
