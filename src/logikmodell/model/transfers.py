"""Transfers: payments from one actor to another that net to zero for society.

A social investment fund repaid by the departments that save (*återföring*), an
outcome contract that pays an investor by results, a loan: each is a cost to one
actor and a gain to another. A transfer is a fixed ``amount`` in a ``year`` (or
spread by a ``schedule``), or a ``rate`` per unit of an ``outcome``, paid in each of
the outcome's benefit years on that year's impact.
"""

from __future__ import annotations

from fractions import Fraction

import attrs

from logikmodell.errors import InvalidValueError
from logikmodell.model._checks import (
    EMPTY_METADATA,
    check_id,
    check_int_range,
    check_label,
    check_optional_id,
    check_ranges,
    describe_fields,
    frozen_metadata,
)
from logikmodell.model.frozen import FrozenDict
from logikmodell.model.nodes import check_schedule, to_quantity, to_schedule
from logikmodell.model.quantity import Quantity

__all__ = ["RANGED_TRANSFER_FIELDS", "Transfer"]

#: The fields of a transfer that may carry ``_low``/``_high`` ranges.
RANGED_TRANSFER_FIELDS = ("amount", "rate")


@attrs.frozen(kw_only=True, field_transformer=describe_fields)
class Transfer:
    """A payment from one actor to another: a repayment, an outcome payment, a loan.

    Exactly one form: a fixed ``amount`` of money, falling in ``year`` (default 0)
    or spread by ``schedule`` (shares per year index, summing to exactly 1); or a
    ``rate`` of money per unit of ``outcome``'s quantity, paid in each benefit year
    of that outcome on the year's impact (its quantity after deadweight,
    attribution, displacement and drop-off, before valuing).

    Attributes:
        id: unique id.
        label: what the payment is, e.g. "Återföring till fonden".
        from_actor: the id of the actor who pays (``from`` in the file).
        to_actor: the id of the actor who receives (``to`` in the file).
        amount: a fixed amount of money.
        rate: money per unit of the outcome's quantity, e.g. ``250 000 SEK/person``.
        outcome: the id of the outcome whose impact a ``rate`` is paid on.
        year, schedule: when a fixed amount falls.
        source: where the terms come from (a contract, a fund's rules).

    ``amount`` and ``rate`` may carry a range for sensitivity analysis:
    ``amount_low``/``amount_high`` and ``rate_low``/``rate_high``, in their unit.
    """

    id: str = attrs.field(validator=check_id)
    label: str = attrs.field(validator=check_label)
    from_actor: str = attrs.field(
        validator=check_id, metadata={"key": "from", "description": "The id of the actor who pays."}
    )
    to_actor: str = attrs.field(
        validator=check_id,
        metadata={"key": "to", "description": "The id of the actor who receives."},
    )
    amount: Quantity | None = attrs.field(
        default=None,
        converter=to_quantity,
        metadata={"description": "A fixed amount of money, instead of a rate."},
    )
    amount_low: Quantity | None = attrs.field(default=None, converter=to_quantity)
    amount_high: Quantity | None = attrs.field(default=None, converter=to_quantity)
    rate: Quantity | None = attrs.field(
        default=None,
        converter=to_quantity,
        metadata={"description": "Money per unit of the outcome's impact, in each benefit year."},
    )
    rate_low: Quantity | None = attrs.field(default=None, converter=to_quantity)
    rate_high: Quantity | None = attrs.field(default=None, converter=to_quantity)
    outcome: str | None = attrs.field(
        default=None,
        validator=check_optional_id,
        metadata={"description": "The id of the outcome a rate is paid on."},
    )
    year: int | None = attrs.field(
        default=None,
        validator=check_int_range(0, 1000),
        metadata={"description": "The year index of a fixed amount (default 0), or a schedule."},
    )
    schedule: FrozenDict[int, Fraction] | None = attrs.field(
        default=None,
        converter=to_schedule,
        validator=check_schedule,
        metadata={"description": "Shares of a fixed amount per year index, summing to 1."},
    )
    description: str | None = None
    source: str | None = None
    metadata: FrozenDict[str, object] = attrs.field(
        default=EMPTY_METADATA, converter=frozen_metadata, hash=False, kw_only=True
    )

    def __attrs_post_init__(self) -> None:
        if self.from_actor == self.to_actor:
            raise InvalidValueError(
                "to", f"a transfer goes between two actors, not from {self.to_actor!r} to itself"
            )
        if self.amount is not None and self.rate is not None:
            raise InvalidValueError("rate", "give either amount or rate, not both")
        if self.amount is None and self.rate is None:
            raise InvalidValueError("amount", "give an amount, or a rate with an outcome")
        if self.rate is not None and self.outcome is None:
            raise InvalidValueError(
                "outcome", "a rate is paid per unit of an outcome: name the outcome"
            )
        if self.outcome is not None and self.rate is None:
            raise InvalidValueError("outcome", "an outcome goes with a rate, not an amount")
        if self.rate is not None and (self.year is not None or self.schedule is not None):
            field = "year" if self.year is not None else "schedule"
            raise InvalidValueError(
                field, "a rate is paid in the outcome's benefit years: give no year or schedule"
            )
        if self.year is not None and self.schedule is not None:
            raise InvalidValueError("schedule", "give either year or schedule, not both")
        check_ranges(self, RANGED_TRANSFER_FIELDS)

    @property
    def years(self) -> dict[int, Fraction]:
        """A fixed amount's shares per year index: ``schedule``, or all in ``year``."""
        if self.schedule is not None:
            return dict(self.schedule)
        return {self.year or 0: Fraction(1)}
