"""Present values as a function of the ranged parameters, in floats, for fast repeated use.

The Monte Carlo simulation evaluates the model thousands of times and the bisection
of a switching value a few hundred times; both use :class:`FloatModel`. It applies
the formulas of :mod:`logikmodell.returns.kernel` to floats. Items none of whose
parameters vary (and all items, if the rate does not vary) are summed once,
exactly, and turned into one float; only the varying items are recomputed.

A resource's cost here is the product of its written figures spread by its
schedule's shares, not rounded to öre: a draw is a statistic, not an account.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import NamedTuple

from logikmodell.costs.resources import cost_factors
from logikmodell.graph import LogicModel
from logikmodell.model.nodes import Outcome, Resource
from logikmodell.returns.kernel import (
    benefit_pv,
    discount_factors,
    discount_recurrence,
    present_value,
)
from logikmodell.returns.parameters import Parameter
from logikmodell.returns.terms import amount_scale, cost_terms, outcome_terms, unit_scale

__all__ = ["FloatModel"]

#: A factor of a product: (index of its parameter, or -1 if fixed; scale; fixed value).
_Factor = tuple[int, float, float]


class _Cost(NamedTuple):
    factors: tuple[_Factor, ...]
    schedule: int  # the index of its shares in FloatModel.schedules


class _Benefit(NamedTuple):
    quantity: _Factor
    amounts: tuple[_Factor, ...]
    adjustments: list[float]  # deadweight, attribution, displacement at their values
    drawn: tuple[tuple[int, int], ...]  # (position in adjustments, parameter index)
    drop_off: _Factor
    start_year: int
    duration_years: int


class FloatModel:
    """``(pv_costs, pv_benefits)`` as a function of the parameter vector, in floats.

    Args:
        model: the model.
        params: the parameters, as :func:`~logikmodell.returns.parameters.parameters`
            gives them; ``x`` of :meth:`evaluate` is indexed like them.
        varying: the indexes of the parameters that :meth:`evaluate` reads from
            ``x``; the others keep their values.
    """

    def __init__(
        self, model: LogicModel, params: Sequence[Parameter], varying: frozenset[int]
    ) -> None:
        self._index = {p.name: i for i, p in enumerate(params)}
        self._varying = varying
        economics = model.economics
        self.horizon = economics.horizon_years
        self.rate_index = self._parameter("economics.discount_rate")
        self.bias_index = self._parameter("economics.optimism_bias")
        self.bias = float(economics.optimism_bias)
        resources = [r for r in model.of_type(Resource) if cost_factors(r)]
        self.last_year = max([self.horizon, *(year for r in resources for year in r.years)])
        self._exact_df = discount_factors(economics, self.last_year)
        self.df = [float(f) for f in self._exact_df]
        self.costs: list[_Cost] = []
        #: The distinct schedules of the varying costs: ``(year, share)`` pairs, and
        #: their weight Σ share × DF(year) at the fixed rate.
        self.schedules: list[tuple[tuple[int, float], ...]] = []
        self.weights: list[float] = []
        self.benefits: list[_Benefit] = []
        constant_costs = sum(
            (self._add_cost(resource, model.currency) for resource in resources), Fraction()
        )
        constant_benefits = sum(
            (self._add_benefit(outcome) for outcome in model.of_type(Outcome)), Fraction()
        )
        self.pv_costs_constant = float(constant_costs)
        self.pv_benefits_constant = float(constant_benefits)

    def _parameter(self, name: str) -> int:
        """The index of a varying parameter, or -1."""
        index = self._index.get(name, -1)
        return index if index in self._varying else -1

    def _factor(self, name: str, scale: Fraction, value: Fraction) -> _Factor:
        return (self._parameter(name), float(scale), float(value * scale))

    def _add_cost(self, resource: Resource, currency: str) -> Fraction:
        """Keep the resource as an item if it varies; else return its exact present value."""
        factors = tuple(
            self._factor(f"{resource.id}.{field}", unit_scale(quantity), quantity.value)
            for field, quantity in cost_factors(resource)
        )
        if self.rate_index < 0 and all(f[0] < 0 for f in factors):
            return present_value(cost_terms(resource, currency).flows(), self._exact_df)
        shares = tuple((year, float(share)) for year, share in sorted(resource.years.items()))
        if shares not in self.schedules:
            self.schedules.append(shares)
            self.weights.append(present_value(shares, self.df))
        self.costs.append(_Cost(factors=factors, schedule=self.schedules.index(shares)))
        return Fraction()

    def _add_benefit(self, outcome: Outcome) -> Fraction:
        """Keep a valued outcome as an item if it varies; else return its exact present value."""
        term = outcome_terms(outcome)
        if term is None:
            return Fraction()
        id = outcome.id
        names = ("deadweight", "attribution", "displacement")
        adjustments = [
            self._factor(f"{id}.{n}", Fraction(1), v)
            for n, v in zip(names, term.adjustments, strict=True)
        ]
        item = _Benefit(
            quantity=self._factor(f"{id}.quantity", Fraction(1), term.quantity),
            amounts=tuple(
                self._factor(f"{id}.values[{i}].amount", amount_scale(outcome, i), v.amount.value)
                for i, v in enumerate(outcome.values)
            ),
            adjustments=[fixed for _, _, fixed in adjustments],
            drawn=tuple((pos, i) for pos, (i, _, _) in enumerate(adjustments) if i >= 0),
            drop_off=self._factor(f"{id}.drop_off", Fraction(1), term.drop_off),
            start_year=term.start_year,
            duration_years=term.duration_years,
        )
        factors = (item.quantity, *item.amounts, *adjustments, item.drop_off)
        if self.rate_index >= 0 or any(f[0] >= 0 for f in factors):
            self.benefits.append(item)
            return Fraction()
        return term.present_value(self._exact_df, self.horizon, term.amount)

    def evaluate(self, x: Sequence[float]) -> tuple[float, float]:
        """``(pv_costs, pv_benefits)`` for the parameter vector ``x``."""
        df = self.df
        rate_varies = self.rate_index >= 0
        if rate_varies:
            df = discount_recurrence([(x[self.rate_index], self.last_year)], 1.0)
        weights = self.weights
        if rate_varies:
            weights = [present_value(shares, df) for shares in self.schedules]
        pv_costs = self.pv_costs_constant
        for factors, schedule in self.costs:
            amount = 1.0
            for i, scale, fixed in factors:
                amount *= x[i] * scale if i >= 0 else fixed
            pv_costs += amount * weights[schedule]
        bias = x[self.bias_index] if self.bias_index >= 0 else self.bias
        pv_costs *= 1 + bias
        pv_benefits = self.pv_benefits_constant
        horizon = self.horizon
        for q, amounts, adjustments, drawn, drop, start, duration in self.benefits:
            total = 0.0
            for i, scale, fixed in amounts:
                total += x[i] * scale if i >= 0 else fixed
            if drawn:
                adjustments = adjustments[:]
                for position, i in drawn:
                    adjustments[position] = x[i]
            pv_benefits += benefit_pv(
                x[q[0]] if q[0] >= 0 else q[2],
                total,
                adjustments,
                x[drop[0]] if drop[0] >= 0 else drop[2],
                start,
                duration,
                horizon,
                df,
            )
        return pv_costs, pv_benefits
