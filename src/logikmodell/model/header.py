"""The model's header: title, owner, period, currency and the other settings."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from logikmodell._arguments import instance, optional_instance, tuple_of
from logikmodell.errors import InvalidValueError
from logikmodell.model._checks import (
    EMPTY_METADATA,
    check_int_range,
    check_label,
    check_optional_id,
    constrains,
    describe_fields,
    frozen_metadata,
)
from logikmodell.model.catalogue import CatalogueLink
from logikmodell.model.elements import Economics, Period, TargetGroup
from logikmodell.model.frozen import FrozenDict
from logikmodell.model.units import CURRENCIES

__all__ = ["FORMAT_VERSION", "ModelInfo"]

#: The version of the file format this library reads and writes.
FORMAT_VERSION = 1


@constrains({"enum": list(CURRENCIES)})
def _check_currency(instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if value not in CURRENCIES:
        raise InvalidValueError(
            attribute.name, f"expected one of {', '.join(CURRENCIES)}, got {value!r}"
        )


def _period(value: object) -> Period | None:
    return optional_instance(Period, "period", value)


def _target_group(value: object) -> TargetGroup | None:
    return optional_instance(TargetGroup, "target_group", value)


def _economics(value: object) -> Economics:
    return instance(Economics, "economics", value)


def _links(value: Iterable[CatalogueLink]) -> tuple[CatalogueLink, ...]:
    return tuple_of(CatalogueLink, "catalogues", value)


@attrs.frozen(kw_only=True, field_transformer=describe_fields)
class ModelInfo:
    """Everything at the top of a model file except its collections."""

    title: str = attrs.field(validator=check_label)
    id: str | None = attrs.field(default=None, validator=check_optional_id)
    description: str | None = None
    owner: str | None = attrs.field(
        default=None, metadata={"description": "The project owner (projektägare)."}
    )
    period: Period | None = attrs.field(default=None, converter=_period)
    currency: str = attrs.field(
        default="SEK",
        validator=_check_currency,
        metadata={"description": "An ISO 4217 code; every amount must be in it."},
    )
    price_year: int | None = attrs.field(
        default=None,
        validator=check_int_range(1000, 9999),
        metadata={"description": "The year whose prices the amounts are in."},
    )
    target_group: TargetGroup | None = attrs.field(default=None, converter=_target_group)
    comparison: str | None = attrs.field(
        default=None,
        metadata={"description": "The comparison alternative (jämförelsealternativ)."},
    )
    economics: Economics = attrs.field(factory=Economics, converter=_economics)
    catalogues: tuple[CatalogueLink, ...] = attrs.field(
        default=(),
        converter=_links,
        metadata={"description": "Unit-cost catalogues the model refers to, by id and path."},
    )
    metadata: FrozenDict[str, object] = attrs.field(
        default=EMPTY_METADATA, converter=frozen_metadata, hash=False
    )
