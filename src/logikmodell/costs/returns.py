"""Appraisal of returns: present values, NPV, the SROI ratio, payback, break-even.

Years are indexes from 0. A resource's cost falls in its ``year`` (or is spread by
its ``schedule``) in whole öre, as
:func:`~logikmodell.costs.resources.resource_cost_by_year` gives it. An outcome with
``quantity`` q and, per actor, an ``amount`` a per unit and year gives in its first
benefit year::

    impact₁ = q × a × (1 − deadweight)(1 − attribution)(1 − displacement)

and in its k-th year (k = 1 … duration_years) ``impact₁ × (1 − drop_off)^(k−1)``,
falling in year ``start_year + k − 1``; benefit years after ``horizon_years`` are
cut. Discount factors are ``DF(0) = 1`` and ``DF(y) = DF(y−1) / (1 + r(y))``.

Every figure is an exact :class:`~fractions.Fraction`; money is rounded to the öre
only when it is written.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction

import attrs

from logikmodell.costs.resources import resource_cost_by_year
from logikmodell.errors import LogikmodellError
from logikmodell.graph import LogicModel
from logikmodell.model.elements import Economics
from logikmodell.model.nodes import Outcome, Resource
from logikmodell.numbers import format_money, format_ore, round_conserving

__all__ = [
    "UNASSIGNED",
    "ActorLedger",
    "Appraisal",
    "AppraisalError",
    "CostTerms",
    "OutcomeTerms",
    "YearRow",
    "appraise",
    "appraise_terms",
    "cost_terms",
    "discount_factors",
    "format_money",
    "outcome_terms",
    "present_values",
    "round_conserving",
]

#: The ledger key of costs whose resource names no payer.
UNASSIGNED = "_unassigned"


class AppraisalError(LogikmodellError, ValueError):
    """A model whose returns cannot be appraised (no costs, or no valued outcome)."""


@attrs.frozen(kw_only=True)
class YearRow:
    """One year of the cash flow.

    Attributes:
        year: the year index (0 is the first year, undiscounted).
        costs: the costs falling in the year, undiscounted.
        benefits: the benefits falling in the year, undiscounted.
        discount_factor: ``DF(year)``.
        cumulative_net: the discounted net benefit of years 0 … ``year``.
    """

    year: int
    costs: Fraction
    benefits: Fraction
    discount_factor: Fraction
    cumulative_net: Fraction

    @property
    def pv_costs(self) -> Fraction:
        """The year's costs in present value."""
        return self.costs * self.discount_factor

    @property
    def pv_benefits(self) -> Fraction:
        """The year's benefits in present value."""
        return self.benefits * self.discount_factor


@attrs.frozen(kw_only=True)
class ActorLedger:
    """What one actor pays and gains, in present value: a line of the ledger.

    Attributes:
        actor: the actor's id, or ``"_unassigned"`` for costs without a payer.
        pv_costs: the present value of the costs of the resources it pays for.
        pv_benefits: the present value of the values it gains.
    """

    actor: str
    pv_costs: Fraction
    pv_benefits: Fraction

    @property
    def net(self) -> Fraction:
        """``pv_benefits − pv_costs``: positive when the actor comes out ahead."""
        return self.pv_benefits - self.pv_costs


@attrs.frozen(kw_only=True)
class Appraisal:
    """The returns of a social investment, exact.

    Attributes:
        currency: the model's currency.
        horizon_years: the last benefit year counted.
        pv_costs, pv_benefits: present values in year 0.
        npv: ``pv_benefits − pv_costs``.
        bcr: the benefit–cost ratio (SROI ratio), ``pv_benefits / pv_costs``.
        net_roi: ``npv / pv_costs``.
        payback_year: the first year, from the first year with a cost, whose
            cumulative discounted net benefit is ≥ 0; None if none within the horizon.
        break_even: per valued outcome, the ``quantity`` (in the outcome's own unit)
            at which NPV = 0 with everything else fixed; None when the outcome's
            benefits are 0. It may be negative: the investment then pays off even
            if nobody reaches that outcome.
        outcomes: the present value of each valued outcome's benefits.
        actors: the ledger, per actor who pays or gains (model order, then
            ``_unassigned``); it sums to the totals exactly.
        years: the cash flow, from year 0 to the horizon (or the last cost year).
    """

    currency: str
    horizon_years: int
    pv_costs: Fraction
    pv_benefits: Fraction
    npv: Fraction
    bcr: Fraction
    net_roi: Fraction
    payback_year: int | None
    break_even: Mapping[str, Fraction | None] = attrs.field(hash=False)
    outcomes: Mapping[str, Fraction] = attrs.field(hash=False)
    actors: Mapping[str, ActorLedger] = attrs.field(hash=False)
    years: tuple[YearRow, ...]

    def to_dict(self) -> dict[str, object]:
        """The JSON form of the `returns` command: money as two-decimal strings, ratios as numbers.

        Each column of the actor ledger is rounded so that it sums to its rounded
        total; the yearly benefits likewise sum to their rounded total.
        """
        currency_total = {
            "pv_costs": self.pv_costs,
            "pv_benefits": self.pv_benefits,
            "net": self.npv,
        }
        columns = {
            key: round_conserving([getattr(ledger, key) for ledger in self.actors.values()], total)
            for key, total in currency_total.items()
        }
        actors = {
            actor: {key: format_ore(columns[key][index]) for key in currency_total}
            for index, actor in enumerate(self.actors)
        }
        benefits = round_conserving(
            [row.benefits for row in self.years], sum((r.benefits for r in self.years), Fraction())
        )
        years = [
            {
                "year": row.year,
                "costs": format_money(row.costs),
                "benefits": format_ore(benefit),
                "discount_factor": float(row.discount_factor),
            }
            for row, benefit in zip(self.years, benefits, strict=True)
        ]
        return {
            "currency": self.currency,
            "pv_costs": format_money(self.pv_costs),
            "pv_benefits": format_money(self.pv_benefits),
            "npv": format_money(self.npv),
            "bcr": float(self.bcr),
            "net_roi": float(self.net_roi),
            "payback_year": self.payback_year,
            "break_even": {
                key: None if value is None else float(value)
                for key, value in self.break_even.items()
            },
            "actors": actors,
            "years": years,
        }


# ---------------------------------------------------------------------- discounting
def discount_factors(economics: Economics, last_year: int) -> list[Fraction]:
    """``DF(0) … DF(last_year)``: ``DF(0) = 1``, ``DF(y) = DF(y−1) / (1 + r(y))``.

    Example:
        >>> discount_factors(Economics(discount_rate=0.5), 2)
        [Fraction(1, 1), Fraction(2, 3), Fraction(4, 9)]
    """
    factors = [Fraction(1)]
    for year in range(1, last_year + 1):
        factors.append(factors[-1] / (1 + economics.rate(year)))
    return factors


@functools.cache
def _hours_per_year() -> Fraction:
    from logikmodell.model.units import resolve_unit

    return resolve_unit("year")[0]


# ---------------------------------------------------------------------- terms
@attrs.frozen(kw_only=True)
class OutcomeTerms:
    """An outcome reduced to exact numbers (internal to the appraisal and sensitivity).

    ``quantity`` is in the outcome's written unit; ``amounts`` are money per written
    unit of quantity and per year, per actor (one entry per valuation).
    """

    id: str
    unit: str
    quantity: Fraction
    amounts: tuple[tuple[str, Fraction], ...]
    deadweight: Fraction
    attribution: Fraction
    displacement: Fraction
    drop_off: Fraction
    start_year: int
    duration_years: int

    @property
    def factor(self) -> Fraction:
        """``(1 − deadweight)(1 − attribution)(1 − displacement)``."""
        return (1 - self.deadweight) * (1 - self.attribution) * (1 - self.displacement)

    def years(self, horizon: int) -> Iterable[tuple[int, Fraction]]:
        """``(year, (1 − drop_off)^(k−1))`` for each benefit year within the horizon."""
        keep = Fraction(1)
        for k in range(self.duration_years):
            year = self.start_year + k
            if year > horizon:
                return
            yield year, keep
            keep *= 1 - self.drop_off


def outcome_terms(outcome: Outcome) -> OutcomeTerms | None:
    """The exact terms of a valued outcome; None unless it has a quantity and values."""
    from logikmodell.model.units import resolve, resolve_unit

    if outcome.quantity is None or not outcome.values:
        return None
    unit_factor = resolve_unit(outcome.quantity.unit)[0]
    hours = _hours_per_year()
    amounts = tuple(
        (value.actor, resolve(value.amount).value * unit_factor * hours) for value in outcome.values
    )
    return OutcomeTerms(
        id=outcome.id,
        unit=outcome.quantity.unit,
        quantity=outcome.quantity.value,
        amounts=amounts,
        deadweight=outcome.deadweight,
        attribution=outcome.attribution,
        displacement=outcome.displacement,
        drop_off=outcome.drop_off,
        start_year=outcome.start_year,
        duration_years=outcome.duration_years,
    )


@attrs.frozen(kw_only=True)
class CostTerms:
    """A resource's cost per year in öre, and who pays it."""

    id: str
    payer: str
    by_year: Mapping[int, int] = attrs.field(hash=False)


def cost_terms(resource: Resource, currency: str) -> CostTerms:
    """The cost of a resource per year (öre), with its payer (``_unassigned`` if none)."""
    return CostTerms(
        id=resource.id,
        payer=resource.payer or UNASSIGNED,
        by_year=resource_cost_by_year(resource, currency),
    )


# ---------------------------------------------------------------------- appraisal
def appraise(model: LogicModel) -> Appraisal:
    """Appraise a model's returns.

    Raises:
        AppraisalError: the model has no cost (no resource with a cost above 0) or
            no valued outcome (an outcome with both a ``quantity`` and ``values``).

    Example:
        >>> from logikmodell.examples import load_example
        >>> appraisal = appraise(load_example())
        >>> appraisal.npv == appraisal.pv_benefits - appraisal.pv_costs
        True
    """
    costs = [cost_terms(r, model.currency) for r in model.of_type(Resource)]
    benefits = [t for t in map(outcome_terms, model.of_type(Outcome)) if t is not None]
    actor_order = [actor.id for actor in model.actors]
    return appraise_terms(
        costs, benefits, model.economics, currency=model.currency, actor_order=actor_order
    )


def appraise_terms(
    costs: Sequence[CostTerms],
    benefits: Sequence[OutcomeTerms],
    economics: Economics,
    *,
    currency: str,
    actor_order: Sequence[str] = (),
) -> Appraisal:
    """Appraise from reduced terms (used by :func:`appraise` and the sensitivity analysis).

    Raises:
        AppraisalError: no cost, or no valued outcome.
    """
    if not any(amount for term in costs for amount in term.by_year.values()):
        raise AppraisalError(
            "cannot appraise the returns: no resource has a cost "
            "(give a resource `cost` or `quantity` and `unit_cost`)"
        )
    if not benefits:
        raise AppraisalError(
            "cannot appraise the returns: no outcome is valued "
            "(give an outcome both a `quantity` and `values`)"
        )
    horizon = economics.horizon_years
    last_cost_year = max(year for term in costs for year in term.by_year)
    last_year = max(horizon, last_cost_year)
    factors = discount_factors(economics, last_year)

    year_costs = [Fraction()] * (last_year + 1)
    actor_costs: dict[str, Fraction] = {}
    for term in costs:
        for year, ore in term.by_year.items():
            amount = Fraction(ore, 100)
            year_costs[year] += amount
            actor_costs[term.payer] = actor_costs.get(term.payer, Fraction()) + (
                amount * factors[year]
            )

    year_benefits = [Fraction()] * (last_year + 1)
    actor_benefits: dict[str, Fraction] = {}
    outcome_pv: dict[str, Fraction] = {}
    for outcome in benefits:
        factor = outcome.quantity * outcome.factor
        unit_pv = Fraction()
        for year, keep in outcome.years(horizon):
            year_benefits[year] += factor * keep * sum((a for _, a in outcome.amounts), Fraction())
            unit_pv += keep * factors[year]
        pv_total = Fraction()
        for actor, amount in outcome.amounts:
            pv = factor * amount * unit_pv
            actor_benefits[actor] = actor_benefits.get(actor, Fraction()) + pv
            pv_total += pv
        outcome_pv[outcome.id] = pv_total

    pv_costs = sum(actor_costs.values(), Fraction())
    pv_benefits = sum(actor_benefits.values(), Fraction())
    npv = pv_benefits - pv_costs

    rows: list[YearRow] = []
    cumulative = Fraction()
    for year in range(last_year + 1):
        cumulative += (year_benefits[year] - year_costs[year]) * factors[year]
        rows.append(
            YearRow(
                year=year,
                costs=year_costs[year],
                benefits=year_benefits[year],
                discount_factor=factors[year],
                cumulative_net=cumulative,
            )
        )
    first_cost_year = min(year for year, amount in enumerate(year_costs) if amount)
    payback = next(
        (
            row.year
            for row in rows
            if first_cost_year <= row.year <= horizon and row.cumulative_net >= 0
        ),
        None,
    )

    break_even: dict[str, Fraction | None] = {}
    for outcome in benefits:
        pv = outcome_pv[outcome.id]
        if pv == 0:
            break_even[outcome.id] = None
        else:
            # PV of the outcome is linear in its quantity: q* = q − NPV / (PV / q).
            break_even[outcome.id] = outcome.quantity - npv * outcome.quantity / pv

    order = [a for a in actor_order if a in actor_costs or a in actor_benefits]
    order += sorted(a for a in {*actor_costs, *actor_benefits} if a not in order)
    if UNASSIGNED in order:  # costs without a payer come last
        order.remove(UNASSIGNED)
        order.append(UNASSIGNED)
    actors = {
        actor: ActorLedger(
            actor=actor,
            pv_costs=actor_costs.get(actor, Fraction()),
            pv_benefits=actor_benefits.get(actor, Fraction()),
        )
        for actor in order
    }
    return Appraisal(
        currency=currency,
        horizon_years=horizon,
        pv_costs=pv_costs,
        pv_benefits=pv_benefits,
        npv=npv,
        bcr=pv_benefits / pv_costs,
        net_roi=npv / pv_costs,
        payback_year=payback,
        break_even=break_even,
        outcomes=outcome_pv,
        actors=actors,
        years=tuple(rows),
    )


def present_values(
    costs: Sequence[CostTerms], benefits: Sequence[OutcomeTerms], economics: Economics
) -> tuple[Fraction, Fraction]:
    """``(pv_costs, pv_benefits)`` of reduced terms, exactly, without any refusal."""
    horizon = economics.horizon_years
    last_year = max([horizon, *(year for term in costs for year in term.by_year)])
    factors = discount_factors(economics, last_year)
    pv_costs = sum(
        (Fraction(ore, 100) * factors[y] for term in costs for y, ore in term.by_year.items()),
        Fraction(),
    )
    pv_benefits = Fraction()
    for outcome in benefits:
        unit_pv = sum((keep * factors[year] for year, keep in outcome.years(horizon)), Fraction())
        total = sum((a for _, a in outcome.amounts), Fraction())
        pv_benefits += outcome.quantity * outcome.factor * total * unit_pv
    return pv_costs, pv_benefits
