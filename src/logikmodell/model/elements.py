"""Everything in a logic model besides the nodes: links, indicators, risks, actors,
the target group, the period and the economic settings."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable
from fractions import Fraction
from typing import Any

import attrs

from logikmodell._arguments import optional_instance, tuple_of
from logikmodell.errors import InvalidValueError
from logikmodell.model._checks import (
    EMPTY_METADATA,
    check_id,
    check_ids,
    check_int_range,
    check_label,
    check_nonnegative,
    check_number,
    check_optional_id,
    check_ranges,
    check_unit_interval,
    constrains,
    describe_fields,
    frozen_metadata,
    id_tuple,
    optional_fraction,
    to_aggregation,
    to_direction,
    to_effect,
    to_evidence,
)
from logikmodell.model.enums import Aggregation, Direction, Effect, Evidence
from logikmodell.model.frozen import FrozenDict
from logikmodell.numbers import to_fraction

__all__ = [
    "Actor",
    "Economics",
    "Indicator",
    "Link",
    "Observation",
    "Period",
    "RateBand",
    "Risk",
    "TargetGroup",
]


@attrs.frozen(kw_only=True, field_transformer=describe_fields)
class Link:
    """A link of the chain: more of ``from_id`` does something to ``to_id``.

    Attributes:
        from_id: the source node's id (``from`` in the file).
        to_id: the target node's id (``to`` in the file).
        effect: ``increases`` (default) or ``decreases``.
        share: the fraction of the source's cost this link carries, in [0, 1].
        evidence: how well the causal claim is supported.
        source: where the evidence comes from.
        note: free text.
    """

    from_id: str = attrs.field(
        validator=check_id, metadata={"key": "from", "description": "The source node's id."}
    )
    to_id: str = attrs.field(
        validator=check_id, metadata={"key": "to", "description": "The target node's id."}
    )
    effect: Effect = attrs.field(
        default=Effect.INCREASES,
        converter=to_effect,
        metadata={"description": "What more of the source does to the target."},
    )
    share: Fraction | None = attrs.field(
        default=None,
        converter=optional_fraction,
        validator=check_unit_interval,
        metadata={"description": "The fraction of the source's cost this link carries."},
    )
    evidence: Evidence | None = attrs.field(
        default=None,
        converter=to_evidence,
        metadata={"description": "How well the causal claim is supported."},
    )
    source: str | None = None
    note: str | None = None
    metadata: FrozenDict[str, object] = attrs.field(
        default=EMPTY_METADATA, converter=frozen_metadata, hash=False, kw_only=True
    )

    @property
    def key(self) -> tuple[str, str]:
        """``(from_id, to_id)``: a model holds at most one link per key."""
        return (self.from_id, self.to_id)


@attrs.frozen(kw_only=True, field_transformer=describe_fields)
class Observation:
    """A value of an indicator at a date: a baseline, a target or a measurement."""

    value: Fraction = attrs.field(converter=to_fraction, validator=check_number)
    date: dt.date | None = None
    note: str | None = None
    metadata: FrozenDict[str, object] = attrs.field(
        default=EMPTY_METADATA, converter=frozen_metadata, hash=False, kw_only=True
    )


def _observations(value: Iterable[Observation]) -> tuple[Observation, ...]:
    return tuple_of(Observation, "measurements", value)


def _baseline(value: object) -> Observation | None:
    return optional_instance(Observation, "baseline", value)


def _target(value: object) -> Observation | None:
    return optional_instance(Observation, "target", value)


@attrs.frozen(kw_only=True, field_transformer=describe_fields)
class Indicator:
    """An indicator (indikator): how an outcome, or a process, is followed up.

    Attributes:
        id: unique id.
        measures: the id of the node it measures.
        label: what is measured.
        unit: the unit of its values, e.g. ``percent`` (free text).
        direction: which way is better; defaults to the measured node's.
        baseline, target: observations to compare with.
        source: the data source.
        frequency: how often it is measured, e.g. ``month``.
        measurements: follow-up values, in the order given.
        comparison_baseline: the comparison alternative's value at the baseline:
            a control group or a historical cohort (DESIGN §16).
        comparison_measurements: the comparison alternative's measurements.
        aggregation: ``period`` (default; each measurement describes its own
            period) or ``cumulative`` (each measurement is the running total).
    """

    id: str = attrs.field(validator=check_id)
    measures: str = attrs.field(
        validator=check_id, metadata={"description": "The id of the node it measures."}
    )
    label: str = attrs.field(validator=check_label)
    description: str | None = None
    unit: str | None = None
    direction: Direction | None = attrs.field(default=None, converter=to_direction)
    baseline: Observation | None = attrs.field(default=None, converter=_baseline)
    target: Observation | None = attrs.field(default=None, converter=_target)
    source: str | None = None
    frequency: str | None = None
    measurements: tuple[Observation, ...] = attrs.field(default=(), converter=_observations)
    comparison_baseline: Observation | None = attrs.field(
        default=None,
        metadata={"description": "The comparison group's value at the baseline."},
    )
    comparison_measurements: tuple[Observation, ...] = attrs.field(
        default=(),
        converter=_observations,
        metadata={"description": "The comparison group's (or historical cohort's) measurements."},
    )
    aggregation: Aggregation = attrs.field(
        default=Aggregation.PERIOD,
        converter=to_aggregation,
        metadata={
            "description": "period: each measurement describes its own period; "
            "cumulative: each is the running total so far."
        },
    )
    metadata: FrozenDict[str, object] = attrs.field(
        default=EMPTY_METADATA, converter=frozen_metadata, hash=False, kw_only=True
    )


@attrs.frozen(kw_only=True, field_transformer=describe_fields)
class Risk:
    """A risk: what may threaten the named nodes, how likely and how bad (1–5 each)."""

    id: str = attrs.field(validator=check_id)
    label: str = attrs.field(validator=check_label)
    threatens: tuple[str, ...] = attrs.field(
        default=(),
        converter=id_tuple,
        validator=check_ids,
        metadata={"description": "Ids of the nodes it threatens."},
    )
    likelihood: int = attrs.field(validator=check_int_range(1, 5))
    consequence: int = attrs.field(validator=check_int_range(1, 5))
    mitigation: str | None = None
    owner: str | None = attrs.field(default=None, validator=check_optional_id)
    description: str | None = None
    metadata: FrozenDict[str, object] = attrs.field(
        default=EMPTY_METADATA, converter=frozen_metadata, hash=False, kw_only=True
    )

    @property
    def score(self) -> int:
        """likelihood × consequence, 1–25."""
        return self.likelihood * self.consequence


@attrs.frozen(kw_only=True, field_transformer=describe_fields)
class Actor:
    """An actor (aktör) who pays or gains: a department, the region, the state."""

    id: str = attrs.field(validator=check_id)
    label: str = attrs.field(validator=check_label)
    level: str | None = None
    description: str | None = None
    metadata: FrozenDict[str, object] = attrs.field(
        default=EMPTY_METADATA, converter=frozen_metadata, hash=False, kw_only=True
    )


@attrs.frozen(kw_only=True, field_transformer=describe_fields)
class TargetGroup:
    """The target group (målgrupp)."""

    label: str = attrs.field(validator=check_label)
    size: int | None = attrs.field(default=None, validator=check_int_range(0, 10**15))
    definition: str | None = None
    metadata: FrozenDict[str, object] = attrs.field(
        default=EMPTY_METADATA, converter=frozen_metadata, hash=False, kw_only=True
    )


@attrs.frozen(kw_only=True, field_transformer=describe_fields)
class Period:
    """The period the investment runs (start and end dates, inclusive)."""

    start: dt.date
    end: dt.date
    metadata: FrozenDict[str, object] = attrs.field(
        default=EMPTY_METADATA, converter=frozen_metadata, hash=False, kw_only=True
    )

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise InvalidValueError("end", f"must not be before start ({self.start})")


_RATE: dict[str, object] = {"minimum": 0, "exclusiveMaximum": 1}


@constrains(_RATE)
def _check_rate(instance: object, attribute: attrs.Attribute[Any], value: Fraction) -> None:
    check_unit_interval(instance, attribute, value)
    if value == 1:
        raise InvalidValueError(attribute.name, "expected a rate in [0, 1)")


@attrs.frozen(kw_only=True, field_transformer=describe_fields)
class RateBand:
    """A band of a declining discount-rate schedule: ``rate`` from year ``from_year`` on."""

    from_year: int = attrs.field(validator=check_int_range(0, 10**6))
    rate: Fraction = attrs.field(converter=to_fraction, validator=_check_rate)
    metadata: FrozenDict[str, object] = attrs.field(
        default=EMPTY_METADATA, converter=frozen_metadata, hash=False, kw_only=True
    )


def _rate_or_bands(value: object) -> Fraction | tuple[RateBand, ...]:
    if isinstance(value, list | tuple):
        return tuple_of(RateBand, "discount_rate", value)
    return to_fraction(value)


@constrains(_RATE)
def _check_optional_rate(
    instance: object, attribute: attrs.Attribute[Any], value: Fraction | None
) -> None:
    if value is not None:
        _check_rate(instance, attribute, value)


@constrains({"oneOf": [_RATE, {"minItems": 1}]})
def _check_discount(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, Fraction):
        _check_rate(instance, attribute, value)
        return
    assert isinstance(value, tuple)
    if not value or value[0].from_year != 0:
        raise InvalidValueError(attribute.name, "a schedule starts with a band from_year 0")
    for before, after in itertools.pairwise(value):
        if after.from_year <= before.from_year:
            raise InvalidValueError(attribute.name, "bands must have increasing from_year")


@attrs.frozen(kw_only=True, field_transformer=describe_fields)
class Economics:
    """How returns are appraised: the discount rate (or a schedule), the horizon and
    the optimism bias.

    A constant ``discount_rate`` may carry a range for sensitivity analysis,
    ``discount_rate_low`` and ``discount_rate_high``; so may ``optimism_bias``, the
    share by which every cost is raised before discounting (``cost × (1 + ob)``, as
    the Green Book advises for estimated costs).
    """

    discount_rate: Fraction | tuple[RateBand, ...] = attrs.field(
        default=Fraction(35, 1000),
        converter=_rate_or_bands,
        validator=_check_discount,
        metadata={"description": "A constant rate, or a declining schedule of bands."},
    )
    discount_rate_low: Fraction | None = attrs.field(
        default=None, converter=optional_fraction, validator=_check_optional_rate
    )
    discount_rate_high: Fraction | None = attrs.field(
        default=None, converter=optional_fraction, validator=_check_optional_rate
    )
    horizon_years: int = attrs.field(
        default=10,
        validator=check_int_range(0, 1000),
        metadata={"description": "The last year index that is appraised."},
    )
    optimism_bias: Fraction = attrs.field(
        default=Fraction(0),
        converter=to_fraction,
        validator=check_nonnegative,
        metadata={"description": "The share every cost is raised by: cost × (1 + ob)."},
    )
    optimism_bias_low: Fraction | None = attrs.field(
        default=None, converter=optional_fraction, validator=check_nonnegative
    )
    optimism_bias_high: Fraction | None = attrs.field(
        default=None, converter=optional_fraction, validator=check_nonnegative
    )
    metadata: FrozenDict[str, object] = attrs.field(
        default=EMPTY_METADATA, converter=frozen_metadata, hash=False, kw_only=True
    )

    def __attrs_post_init__(self) -> None:
        ranged = self.discount_rate_low is not None or self.discount_rate_high is not None
        if ranged and not isinstance(self.discount_rate, Fraction):
            field = "discount_rate_high" if self.discount_rate_low is None else "discount_rate_low"
            raise InvalidValueError(field, "a range needs a constant discount_rate, not a schedule")
        check_ranges(self, ("discount_rate", "optimism_bias"))

    def rate(self, year: int) -> Fraction:
        """The discount rate that applies in year index ``year``."""
        if isinstance(self.discount_rate, Fraction):
            return self.discount_rate
        rate = self.discount_rate[0].rate
        for band in self.discount_rate:
            if band.from_year > year:
                break
            rate = band.rate
        return rate
