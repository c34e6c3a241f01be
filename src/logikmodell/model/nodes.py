"""The nodes of a logic model: needs and the six stages of the chain."""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction
from typing import Any, ClassVar

import attrs

from logikmodell._arguments import instance, tuple_of
from logikmodell.errors import InvalidValueError
from logikmodell.model._checks import (
    _ZERO,
    EMPTY_METADATA,
    check_id,
    check_ids,
    check_int_range,
    check_label,
    check_optional_id,
    check_ranges,
    check_unit_interval,
    constrains,
    describe_fields,
    frozen_metadata,
    id_tuple,
    optional_fraction,
    to_direction,
    to_value_type,
)
from logikmodell.model.enums import Direction, NodeKind, ValueType
from logikmodell.model.frozen import FrozenDict
from logikmodell.model.quantity import Quantity
from logikmodell.numbers import to_fraction

__all__ = [
    "RANGED_OUTCOME_FIELDS",
    "RANGED_RESOURCE_FIELDS",
    "Activity",
    "Actual",
    "Impact",
    "LongTermOutcome",
    "Need",
    "Node",
    "Outcome",
    "Output",
    "Resource",
    "ShortTermOutcome",
    "Valuation",
    "node_class",
]

# The last year index a cost, a benefit or the horizon may reach (as `year`): a
# schedule's years are bounded alike, so that appraising one takes bounded work.
_MAX_YEAR = 1000


def _quantity(value: object) -> Quantity | None:
    if value is None or isinstance(value, Quantity):
        return value
    if isinstance(value, str):
        return Quantity.parse(value)
    return Quantity(value=value)


def _amount(value: object) -> Quantity:
    return instance(Quantity, "amount", _quantity(value))


@attrs.frozen(kw_only=True, field_transformer=describe_fields)
class Valuation:
    """A financial proxy: what one unit of an outcome is worth to an actor per year.

    Attributes:
        actor: the id of the actor who gains (or saves).
        amount: money per unit of the outcome's quantity and per year, e.g.
            ``120 000 SEK/person/year``.
        amount_low, amount_high: the range of ``amount`` for sensitivity analysis,
            in its unit.
        label: what the value is, e.g. "Minskat försörjningsstöd".
        source: where the figure comes from.
        type: ``fiscal`` (a budget saving, the default), ``economic`` (a wider
            economic benefit) or ``social`` (wellbeing).
    """

    actor: str = attrs.field(validator=check_id)
    amount: Quantity = attrs.field(
        converter=_amount,
        metadata={"description": "Money per unit of the outcome's quantity and per year."},
    )
    amount_low: Quantity | None = attrs.field(default=None, converter=_quantity)
    amount_high: Quantity | None = attrs.field(default=None, converter=_quantity)
    label: str | None = None
    source: str | None = None
    type: ValueType = attrs.field(
        default=ValueType.FISCAL,
        converter=to_value_type,
        metadata={"description": "fiscal (a budget saving), economic or social value."},
    )
    metadata: FrozenDict[str, object] = attrs.field(
        default=EMPTY_METADATA, converter=frozen_metadata, hash=False, kw_only=True
    )

    def __attrs_post_init__(self) -> None:
        check_ranges(self, ("amount",))


def _valuations(value: Iterable[Valuation]) -> tuple[Valuation, ...]:
    return tuple_of(Valuation, "values", value)


@attrs.frozen(kw_only=True, field_transformer=describe_fields)
class Actual:
    """What a resource actually cost in one year of the investment (utfall).

    Attributes:
        year: the year index of the model (0 is the calendar year of
            ``period.start``, or of ``price_year`` without a period).
        amount: the money spent that year, in the model's currency.
        note: free text, e.g. where the figure comes from.
    """

    year: int = attrs.field(
        validator=check_int_range(0, _MAX_YEAR),
        metadata={"description": "The year index the money was spent in."},
    )
    amount: Quantity = attrs.field(
        converter=_quantity,
        metadata={"description": "The money spent that year, in the model's currency."},
    )
    note: str | None = None
    metadata: FrozenDict[str, object] = attrs.field(
        default=EMPTY_METADATA, converter=frozen_metadata, hash=False, kw_only=True
    )


def _actuals(value: Iterable[Actual]) -> tuple[Actual, ...]:
    return tuple(value)


@constrains({})
def _check_actuals(
    instance: object, attribute: attrs.Attribute[Any], value: tuple[Actual, ...]
) -> None:
    seen: set[int] = set()
    for actual in value:
        if actual.year in seen:
            raise InvalidValueError("actuals", f"year {actual.year} is given twice")
        seen.add(actual.year)


@attrs.frozen(kw_only=True, field_transformer=describe_fields)
class Node:
    """What every node has: an id, a kind (fixed per class) and a label."""

    kind: ClassVar[NodeKind]

    id: str = attrs.field(validator=check_id)
    label: str = attrs.field(validator=check_label)
    description: str | None = None
    metadata: FrozenDict[str, object] = attrs.field(
        default=EMPTY_METADATA, converter=frozen_metadata, hash=False, kw_only=True
    )


@attrs.frozen(kw_only=True, field_transformer=describe_fields)
class Need(Node):
    """A need (behov) that goals answer through their ``addresses``."""

    kind: ClassVar[NodeKind] = NodeKind.NEED


@constrains({"minProperties": 1, "patternProperties": {r"^\d+$": {"minimum": 0, "maximum": 1}}})
def _check_schedule(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    assert isinstance(value, FrozenDict)
    if not value:
        raise InvalidValueError("schedule", "expected at least one year")
    for year, share in value.items():
        if not 0 <= share <= 1:
            raise InvalidValueError("schedule", f"share for year {year} must lie in [0, 1]")
    total = sum(value.values(), Fraction(0))
    if total != 1:
        raise InvalidValueError("schedule", f"shares must sum to exactly 1, got {float(total):g}")


def _schedule(value: object) -> FrozenDict[int, Fraction] | None:
    if value is None:
        return None
    if not isinstance(value, dict | FrozenDict):
        raise InvalidValueError("schedule", "expected a mapping from year index to share")
    out: dict[int, Fraction] = {}
    keys: dict[int, object] = {}
    for key, share in value.items():
        if isinstance(key, str) and not (key.isascii() and key.isdigit()):
            raise InvalidValueError("schedule", f"expected a year index, got {key!r}")
        year = int(key) if isinstance(key, str) and len(key) <= 20 else key
        if isinstance(year, bool) or not isinstance(year, int) or year < 0:
            raise InvalidValueError("schedule", f"expected year indexes ≥ 0, got {key!r}")
        if year > _MAX_YEAR:
            raise InvalidValueError(
                "schedule", f"expected year indexes from 0 to {_MAX_YEAR}, got {key!r}"
            )
        if year in keys:
            raise InvalidValueError(
                "schedule", f"year {year} is given twice, as {keys[year]!r} and as {key!r}"
            )
        keys[year] = key
        out[year] = to_fraction(share)
    return FrozenDict(sorted(out.items()))


@attrs.frozen(kw_only=True, field_transformer=describe_fields)
class Resource(Node):
    """A resource (insats): what the investment spends.

    Exactly one cost form: a direct ``cost``, or ``quantity × unit_cost``; or none at
    all (reported by validation as LM603). The cost falls in ``year`` (default 0) or
    is spread by ``schedule`` (shares per year index, summing to exactly 1).

    ``quantity``, ``unit_cost`` and ``cost`` may each carry a range for sensitivity
    analysis: ``<field>_low`` and ``<field>_high``, in the field's unit. ``fixed``
    marks a one-off cost that a scale-up does not repeat; ``actuals`` the money
    actually spent per year.
    """

    kind: ClassVar[NodeKind] = NodeKind.RESOURCE

    quantity: Quantity | None = attrs.field(
        default=None,
        converter=_quantity,
        metadata={"description": "With unit_cost: the cost is quantity × unit_cost."},
    )
    quantity_low: Quantity | None = attrs.field(default=None, converter=_quantity)
    quantity_high: Quantity | None = attrs.field(default=None, converter=_quantity)
    unit_cost: Quantity | None = attrs.field(
        default=None,
        converter=_quantity,
        metadata={"description": "Money per unit of quantity."},
    )
    unit_cost_low: Quantity | None = attrs.field(default=None, converter=_quantity)
    unit_cost_high: Quantity | None = attrs.field(default=None, converter=_quantity)
    cost: Quantity | None = attrs.field(
        default=None,
        converter=_quantity,
        metadata={"description": "A direct cost, instead of quantity × unit_cost."},
    )
    cost_low: Quantity | None = attrs.field(default=None, converter=_quantity)
    cost_high: Quantity | None = attrs.field(default=None, converter=_quantity)
    payer: str | None = attrs.field(
        default=None,
        validator=check_optional_id,
        metadata={"description": "The id of the actor who pays."},
    )
    year: int | None = attrs.field(
        default=None,
        validator=check_int_range(0, _MAX_YEAR),
        metadata={"description": "The year index of the cost (default 0), or a schedule."},
    )
    schedule: FrozenDict[int, Fraction] | None = attrs.field(
        default=None,
        converter=_schedule,
        validator=_check_schedule,
        metadata={"description": "Shares of the cost per year index, summing to exactly 1."},
    )
    fixed: bool = attrs.field(
        default=False,
        metadata={
            "description": "A one-off cost (development, set-up) that a scale-up does not repeat."
        },
    )
    actuals: tuple[Actual, ...] = attrs.field(
        default=(),
        converter=_actuals,
        validator=_check_actuals,
        metadata={"description": "What was actually spent, per year index (one entry a year)."},
    )

    def __attrs_post_init__(self) -> None:
        if self.cost is not None and (self.quantity is not None or self.unit_cost is not None):
            raise InvalidValueError("cost", "give either cost or quantity × unit_cost, not both")
        if (self.quantity is None) != (self.unit_cost is None):
            missing = "unit_cost" if self.unit_cost is None else "quantity"
            raise InvalidValueError(missing, "quantity and unit_cost go together")
        if self.year is not None and self.schedule is not None:
            raise InvalidValueError("schedule", "give either year or schedule, not both")
        check_ranges(self, RANGED_RESOURCE_FIELDS)

    @property
    def years(self) -> dict[int, Fraction]:
        """The cost's shares per year index: ``schedule``, or all in ``year`` (default 0)."""
        if self.schedule is not None:
            return dict(self.schedule)
        return {self.year or 0: Fraction(1)}


@attrs.frozen(kw_only=True, field_transformer=describe_fields)
class Activity(Node):
    """An activity (aktivitet): what the investment does."""

    kind: ClassVar[NodeKind] = NodeKind.ACTIVITY


@attrs.frozen(kw_only=True, field_transformer=describe_fields)
class Output(Node):
    """An output (prestation): what the activities produce, e.g. 120 pupils mentored."""

    kind: ClassVar[NodeKind] = NodeKind.OUTPUT

    quantity: Quantity | None = attrs.field(default=None, converter=_quantity)


@attrs.frozen(kw_only=True, field_transformer=describe_fields)
class Outcome(Node):
    """What short-term outcomes, long-term outcomes and impacts share.

    Attributes:
        direction: which way the outcome should move.
        addresses: ids of the needs this outcome answers.
        quantity: units reaching the outcome because of the investment.
        deadweight, attribution, displacement, drop_off: fractions in [0, 1].
        start_year: year index of the first benefit year.
        duration_years: how many years the benefit lasts.
        values: financial proxies per actor.
        realised_from: the id of an indicator that counts this outcome's unit; at
            evaluation its difference-in-differences is the realised net quantity.
        realised_quantity: the quantity reached, as measured at evaluation (its
            deadweight still applies); not with ``realised_from``.

    ``quantity``, ``deadweight``, ``attribution``, ``displacement`` and ``drop_off``
    may each carry a range for sensitivity analysis: ``<field>_low`` and
    ``<field>_high`` (a quantity's range in its unit).
    """

    direction: Direction | None = attrs.field(
        default=None,
        converter=to_direction,
        metadata={"description": "Which way the outcome should move."},
    )
    addresses: tuple[str, ...] = attrs.field(
        default=(),
        converter=id_tuple,
        validator=check_ids,
        metadata={"description": "Ids of the needs this outcome answers."},
    )
    quantity: Quantity | None = attrs.field(
        default=None,
        converter=_quantity,
        metadata={"description": "Gross: units of the target group expected to reach it."},
    )
    quantity_low: Quantity | None = attrs.field(default=None, converter=_quantity)
    quantity_high: Quantity | None = attrs.field(default=None, converter=_quantity)
    deadweight: Fraction = attrs.field(
        default=_ZERO,
        converter=to_fraction,
        validator=check_unit_interval,
        metadata={"description": "The share who would have reached it anyway."},
    )
    deadweight_low: Fraction | None = attrs.field(
        default=None, converter=optional_fraction, validator=check_unit_interval
    )
    deadweight_high: Fraction | None = attrs.field(
        default=None, converter=optional_fraction, validator=check_unit_interval
    )
    attribution: Fraction = attrs.field(
        default=_ZERO,
        converter=to_fraction,
        validator=check_unit_interval,
        metadata={"description": "The share owed to others."},
    )
    attribution_low: Fraction | None = attrs.field(
        default=None, converter=optional_fraction, validator=check_unit_interval
    )
    attribution_high: Fraction | None = attrs.field(
        default=None, converter=optional_fraction, validator=check_unit_interval
    )
    displacement: Fraction = attrs.field(
        default=_ZERO,
        converter=to_fraction,
        validator=check_unit_interval,
        metadata={"description": "The share merely moved elsewhere."},
    )
    displacement_low: Fraction | None = attrs.field(
        default=None, converter=optional_fraction, validator=check_unit_interval
    )
    displacement_high: Fraction | None = attrs.field(
        default=None, converter=optional_fraction, validator=check_unit_interval
    )
    drop_off: Fraction = attrs.field(
        default=_ZERO,
        converter=to_fraction,
        validator=check_unit_interval,
        metadata={"description": "The share of the effect lost in each later year."},
    )
    drop_off_low: Fraction | None = attrs.field(
        default=None, converter=optional_fraction, validator=check_unit_interval
    )
    drop_off_high: Fraction | None = attrs.field(
        default=None, converter=optional_fraction, validator=check_unit_interval
    )
    start_year: int = attrs.field(
        default=1,
        validator=check_int_range(0, _MAX_YEAR),
        metadata={"description": "The year index of the first benefit year."},
    )
    duration_years: int = attrs.field(
        default=1,
        validator=check_int_range(1, _MAX_YEAR),
        metadata={"description": "How many years the benefit lasts."},
    )
    realised_from: str | None = attrs.field(
        default=None,
        validator=check_optional_id,
        metadata={
            "description": "An indicator counting this outcome's unit: its "
            "difference-in-differences is the realised net quantity."
        },
    )
    realised_quantity: Quantity | None = attrs.field(
        default=None,
        converter=_quantity,
        metadata={"description": "The quantity reached, measured at evaluation."},
    )
    values: tuple[Valuation, ...] = attrs.field(
        default=(),
        converter=_valuations,
        metadata={"description": "Financial proxies per unit and year, per actor."},
    )

    def __attrs_post_init__(self) -> None:
        check_ranges(self, RANGED_OUTCOME_FIELDS)
        if self.realised_from is not None and self.realised_quantity is not None:
            raise InvalidValueError(
                "realised_quantity", "give either realised_from or realised_quantity, not both"
            )


@attrs.frozen(kw_only=True, field_transformer=describe_fields)
class ShortTermOutcome(Outcome):
    """A short-term outcome (kortsiktig effekt)."""

    kind: ClassVar[NodeKind] = NodeKind.SHORT_TERM_OUTCOME


@attrs.frozen(kw_only=True, field_transformer=describe_fields)
class LongTermOutcome(Outcome):
    """A long-term outcome (långsiktig effekt); a goal."""

    kind: ClassVar[NodeKind] = NodeKind.LONG_TERM_OUTCOME


@attrs.frozen(kw_only=True, field_transformer=describe_fields)
class Impact(Outcome):
    """An impact (påverkan); a goal."""

    kind: ClassVar[NodeKind] = NodeKind.IMPACT


def to_quantity(value: object) -> Quantity | None:
    """Converter: a Quantity from itself, its text (``"3,5 MSEK"``) or a bare number."""
    return _quantity(value)


def to_schedule(value: object) -> FrozenDict[int, Fraction] | None:
    """Converter: a schedule of shares per year index, read from a mapping."""
    return _schedule(value)


#: The check of a schedule (shares in [0, 1] summing to exactly 1), for transfers too.
check_schedule = _check_schedule

#: The fields of an outcome that may carry ``_low``/``_high`` ranges.
RANGED_OUTCOME_FIELDS = ("quantity", "deadweight", "attribution", "displacement", "drop_off")
#: The fields of a resource that may carry ``_low``/``_high`` ranges.
RANGED_RESOURCE_FIELDS = ("quantity", "unit_cost", "cost")

_CLASSES: dict[NodeKind, type[Node]] = {
    cls.kind: cls
    for cls in (Need, Resource, Activity, Output, ShortTermOutcome, LongTermOutcome, Impact)
}


def node_class(kind: NodeKind | str) -> type[Node]:
    """The node class for a kind.

    Raises:
        ValueError: the kind is unknown.
    """
    return _CLASSES[NodeKind(kind)]
