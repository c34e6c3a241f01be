"""A model reduced to the numbers of the appraisal: costs per year and valued outcomes.

This is where the returns read units: a resource's cost comes from
:mod:`logikmodell.costs.resources` (in öre, per year), an outcome's amounts are
priced here, per written unit of its quantity and per year.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction

import attrs

from logikmodell.costs.resources import payer_of, resource_cost_by_year
from logikmodell.model.enums import ValueType
from logikmodell.model.nodes import Outcome, Resource
from logikmodell.model.quantity import Quantity
from logikmodell.model.transfers import Transfer
from logikmodell.numbers import allocate, round_half_away
from logikmodell.returns.kernel import benefit_pv, present_value

__all__ = [
    "CostTerms",
    "OutcomeTerms",
    "TransferTerms",
    "amount_scale",
    "cost_terms",
    "outcome_terms",
    "transfer_terms",
    "unit_scale",
]


@attrs.frozen(kw_only=True)
class OutcomeTerms:
    """An outcome reduced to exact numbers (internal to the appraisal and sensitivity).

    ``quantity`` is in the outcome's written unit; ``amounts`` are money per written
    unit of quantity and per year, per actor (one entry per valuation); ``types``
    the value type of each valuation, in the same order (``fiscal`` where missing).
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
    types: tuple[ValueType, ...] = ()

    def type_of(self, index: int) -> ValueType:
        """The value type of the ``index``-th amount."""
        return self.types[index] if index < len(self.types) else ValueType.FISCAL

    @property
    def adjustments(self) -> tuple[Fraction, Fraction, Fraction]:
        """``(deadweight, attribution, displacement)``."""
        return (self.deadweight, self.attribution, self.displacement)

    @property
    def amount(self) -> Fraction:
        """The sum of the amounts over the actors."""
        return sum((amount for _, amount in self.amounts), Fraction())

    def present_value(
        self,
        factors: Sequence[Fraction],
        horizon: int,
        amount: Fraction,
        flows: list[tuple[int, Fraction]] | None = None,
    ) -> Fraction:
        """The present value of the benefits worth ``amount`` per unit and year.

        ``flows``, if given, receives the undiscounted benefit of each year (see
        :func:`~logikmodell.returns.kernel.benefit_pv`).
        """
        return benefit_pv(
            self.quantity,
            amount,
            self.adjustments,
            self.drop_off,
            self.start_year,
            self.duration_years,
            horizon,
            factors,
            flows,
        )


@functools.cache
def _hours_per_year() -> Fraction:
    from logikmodell.model.units import resolve_unit

    return resolve_unit("year")[0]


def unit_scale(quantity: Quantity) -> Fraction:
    """The factor that turns ``quantity``'s written unit into the base unit."""
    from logikmodell.model.units import resolve_unit

    return resolve_unit(quantity.unit)[0]


def amount_scale(outcome: Outcome, index: int) -> Fraction:
    """Money per written unit of quantity and year, per written unit of the ``index``-th amount."""
    assert outcome.quantity is not None
    amount = outcome.values[index].amount
    return unit_scale(amount) * unit_scale(outcome.quantity) * _hours_per_year()


def outcome_terms(outcome: Outcome) -> OutcomeTerms | None:
    """The exact terms of a valued outcome; None unless it has a quantity and values."""
    if outcome.quantity is None or not outcome.values:
        return None
    return _terms(outcome)


def _terms(outcome: Outcome) -> OutcomeTerms:
    assert outcome.quantity is not None
    amounts = tuple(
        (value.actor, value.amount.value * amount_scale(outcome, index))
        for index, value in enumerate(outcome.values)
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
        types=tuple(value.type for value in outcome.values),
    )


@attrs.frozen(kw_only=True)
class CostTerms:
    """A resource's cost per year in öre, and who pays it."""

    id: str
    payer: str
    by_year: Mapping[int, int] = attrs.field(hash=False)

    def flows(self) -> Iterable[tuple[int, Fraction]]:
        """``(year, cost)`` in the major unit (kronor), for the present value."""
        return ((year, Fraction(ore, 100)) for year, ore in self.by_year.items())


def cost_terms(resource: Resource, currency: str) -> CostTerms:
    """The cost of a resource per year (öre), with its payer (``_unassigned`` if none)."""
    return CostTerms(
        id=resource.id,
        payer=payer_of(resource),
        by_year=resource_cost_by_year(resource, currency),
    )


@attrs.frozen(kw_only=True)
class TransferTerms:
    """A transfer reduced to exact numbers: who pays whom, how much, in which years.

    A fixed amount is ``by_year`` (öre per year index, summing to the amount rounded
    to the öre); a rate is ``rate`` (money per written unit of the outcome's
    quantity) paid on the impact of ``basis``, the outcome's terms, in each of its
    benefit years.
    """

    id: str
    payer: str
    payee: str
    by_year: Mapping[int, int] = attrs.field(factory=dict, hash=False)
    rate: Fraction | None = None
    basis: OutcomeTerms | None = None

    @property
    def years(self) -> tuple[int, ...]:
        """The years a fixed amount falls in (none for a rate)."""
        return tuple(self.by_year)

    def present_value(
        self,
        factors: Sequence[Fraction],
        horizon: int,
        flows: list[tuple[int, Fraction]] | None = None,
    ) -> Fraction:
        """The present value of the payments; ``flows`` receives them year by year.

        A fixed amount counts in every year it falls, like a cost; a rate only in
        the outcome's benefit years up to the horizon, like a benefit.
        """
        if self.basis is None or self.rate is None:
            paid = [(year, Fraction(ore, 100)) for year, ore in self.by_year.items()]
            if flows is not None:
                flows.extend(paid)
            return present_value(paid, factors)
        return self.basis.present_value(factors, horizon, self.rate, flows)


def transfer_terms(transfer: Transfer, outcome: Outcome | None, currency: str) -> TransferTerms:
    """The exact terms of a transfer; ``outcome`` is the outcome a rate is paid on."""
    if transfer.amount is not None:
        from logikmodell.model.units import require_currency

        total = round_half_away(require_currency("amount", transfer.amount, currency) * 100)
        years = sorted(transfer.years.items())
        parts = allocate(total, [share for _, share in years])
        return TransferTerms(
            id=transfer.id,
            payer=transfer.from_actor,
            payee=transfer.to_actor,
            by_year={year: part for (year, _), part in zip(years, parts, strict=True)},
        )
    assert transfer.rate is not None
    assert outcome is not None
    assert outcome.quantity is not None
    rate = transfer.rate.value * unit_scale(transfer.rate) * unit_scale(outcome.quantity)
    return TransferTerms(
        id=transfer.id,
        payer=transfer.from_actor,
        payee=transfer.to_actor,
        rate=rate,
        basis=_terms(outcome),
    )
