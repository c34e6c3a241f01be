"""The present-value kernel: discount factors, and the present value of costs and benefits.

One formula for every figure of the returns. The exact appraisal and the one-way
table call it with :class:`~fractions.Fraction` values; the Monte Carlo simulation
and the bisection of switching values call it with floats. The operations are the
same, in the same order, so the two paths cannot drift apart::

    DF(0) = 1,  DF(y) = DF(y−1) × 1 / (1 + r(y))
    PV(costs)    = Σ cost(y) × DF(y)
    impact       = quantity × amount × Π (1 − adjustment)
    PV(benefits) = impact × Σ_k (1 − drop_off)^(k−1) × DF(start + k − 1),
                   for k = 1 … duration, years past the horizon cut
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from fractions import Fraction
from itertools import groupby
from typing import TypeVar

from logikmodell.model.elements import Economics

__all__ = ["benefit_pv", "discount_factors", "discount_recurrence", "present_value"]

#: A number of the kernel: exact for the appraisal, float for the simulation.
N = TypeVar("N", Fraction, float)


def discount_recurrence(runs: Iterable[tuple[N, int]], one: N) -> list[N]:
    """``[DF(0), DF(1), …]``: ``DF(0) = 1``, ``DF(y) = DF(y−1) × 1/(1 + r(y))``.

    Args:
        runs: the rates of years 1, 2, … as ``(rate, number of years)`` runs.
        one: the number 1, in the kind of number wanted.

    Example:
        >>> discount_recurrence([(0.25, 2)], 1.0)
        [1.0, 0.8, 0.6400000000000001]
    """
    factors = [one]
    for rate, years in runs:
        step = one / (one + rate)
        for _ in range(years):
            factors.append(factors[-1] * step)
    return factors


def discount_factors(economics: Economics, last_year: int) -> list[Fraction]:
    """``DF(0) … DF(last_year)``, exact, with the rate of each year's band.

    Example:
        >>> discount_factors(Economics(discount_rate=0.5), 2)
        [Fraction(1, 1), Fraction(2, 3), Fraction(4, 9)]
    """
    rates = groupby(economics.rate(year) for year in range(1, last_year + 1))
    return discount_recurrence(((rate, len(list(run))) for rate, run in rates), Fraction(1))


def present_value(flows: Iterable[tuple[int, N]], factors: Sequence[N]) -> N:
    """``Σ flow × DF(year)`` over ``(year, flow)`` pairs, added in the order given.

    Example:
        >>> present_value([(0, 1.0), (2, 2.0)], [1.0, 0.5, 0.25])
        1.5
    """
    total = factors[0] - factors[0]
    for year, flow in flows:
        total += flow * factors[year]
    return total


def benefit_pv(
    quantity: N,
    amount: N,
    adjustments: Iterable[N],
    drop_off: N,
    start_year: int,
    duration_years: int,
    horizon: int,
    factors: Sequence[N],
    flows: list[tuple[int, N]] | None = None,
) -> N:
    """The present value of an outcome's benefits (see the module for the formula).

    Args:
        quantity: how many reach the outcome.
        amount: the money per unit of quantity and year.
        adjustments: deadweight, attribution and displacement.
        drop_off: the share of the effect lost each year after the first.
        start_year: the first benefit year.
        duration_years: the number of benefit years.
        horizon: the last year counted.
        factors: ``DF(0) … DF(last)``, with ``last ≥ horizon``.
        flows: if given, ``(year, impact × (1 − drop_off)^(k−1))`` is appended for
            each benefit year: the undiscounted cash flow.

    Example:
        >>> benefit_pv(10.0, 100.0, [0.5], 0.5, 1, 3, 2, [1.0, 0.5, 0.25])
        312.5
    """
    value = quantity * amount
    for adjustment in adjustments:
        value *= 1 - adjustment
    keep = factors[0]  # DF(0) = 1
    kept = 1 - drop_off
    unit_pv = keep - keep
    for year in range(start_year, min(start_year + duration_years, horizon + 1)):
        unit_pv += keep * factors[year]
        if flows is not None:
            flows.append((year, value * keep))
        keep *= kept
    return value * unit_pv
