"""Attribute validators shared by the model's value types, and what they enforce.

Each validator raises :class:`~logikmodell.errors.InvalidValueError` naming the field,
and records the JSON Schema keywords that say the same thing (:func:`constrains`).
The field transformer :func:`describe_fields`, which every value class uses, copies
them into each field's ``metadata``, where the file format's JSON Schema is built
from. The keys of a field's metadata:

- ``"schema"``: JSON Schema keywords its validator enforces, beyond its type;
- ``"schema_defs"``: definitions (``$defs``) those keywords refer to;
- ``"description"``: a sentence for editors;
- ``"key"``: its key in a file, where that is not the attribute's name.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable
from fractions import Fraction
from typing import Any, TypeVar

import attrs

from logikmodell.errors import InvalidValueError
from logikmodell.model.enums import Aggregation, Direction, Effect, Evidence, ValueType
from logikmodell.model.frozen import FrozenDict, FrozenList
from logikmodell.numbers import MAX_MAGNITUDE, describe, is_float_exact, to_fraction

__all__ = [
    "EMPTY_METADATA",
    "check_bound",
    "check_id",
    "check_ids",
    "check_int_range",
    "check_label",
    "check_nonnegative",
    "check_number",
    "check_optional_id",
    "check_ranges",
    "check_unit_interval",
    "constrains",
    "describe_fields",
    "frozen_metadata",
    "id_tuple",
    "optional_fraction",
    "to_aggregation",
    "to_direction",
    "to_effect",
    "to_evidence",
    "to_value_type",
]

_ID = re.compile(r"[\w.\-]{1,100}")

E = TypeVar("E", bound=enum.Enum)
_ZERO = Fraction(0)  # the default of the fractions: shared, so it is checked once

#: The metadata of an object that has none: one shared, read-only empty mapping.
EMPTY_METADATA: FrozenDict[str, object] = FrozenDict()

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]
V = TypeVar("V", bound=Validator)
Schema = dict[str, Any]

# What each validator enforces, as JSON Schema keywords and the $defs they refer to.
_CONSTRAINTS: dict[object, tuple[Schema, Schema]] = {}
_ID_DEFS: Schema = {
    "id": {
        "type": "string",
        "pattern": f"^{_ID.pattern}$",
        "description": "1–100 letters (any script), digits, '_', '-' or '.'; unique in the model.",
    }
}
_ID_REF: Schema = {"$ref": "#/$defs/id"}


def constrains(schema: Schema, defs: Schema | None = None) -> Callable[[V], V]:
    """Decorator: record the JSON Schema keywords a validator enforces.

    Keywords merge into the schema that the field's type gives, mappings key by key
    and the items of ``oneOf`` one by one; a ``$ref`` replaces it.
    """

    def record(check: V) -> V:
        _CONSTRAINTS[check] = (schema, defs or {})
        return check

    return record


def describe_fields(cls: type, fields: list[attrs.Attribute[Any]]) -> list[attrs.Attribute[Any]]:
    """Field transformer: copy each validator's constraints into its field's metadata.

    Also describes the ``<name>_low``/``<name>_high`` fields of a sensitivity range.

    Raises:
        TypeError: a field has a validator whose constraints are not recorded.
    """
    names = {field.name for field in fields}
    return [field.evolve(metadata=_field_metadata(cls, field, names)) for field in fields]


def _field_metadata(cls: type, field: attrs.Attribute[Any], names: set[str]) -> dict[str, Any]:
    metadata = dict(field.metadata)
    if field.validator is not None:
        try:
            schema, defs = _CONSTRAINTS[field.validator]
        except KeyError:
            raise TypeError(
                f"{cls.__name__}.{field.name}: its validator records no constraints"
            ) from None
        metadata.setdefault("schema", schema)
        if defs:
            metadata.setdefault("schema_defs", defs)
    base, _, side = field.name.rpartition("_")
    if side in ("low", "high") and base in names:
        end = "Low" if side == "low" else "High"
        metadata.setdefault("description", f"{end} end of the range of {base}.")
    return metadata


@constrains(_ID_REF, _ID_DEFS)
def check_id(instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    """Ids: 1–100 letters (any script), digits, ``_``, ``-``, ``.``."""
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise InvalidValueError(
            attribute.name,
            f"expected an id of 1–100 letters, digits, '_', '-' or '.', got {value!r}",
        )


@constrains(_ID_REF, _ID_DEFS)
def check_optional_id(instance: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    """An id, or ``None``."""
    if value is not None:
        check_id(instance, attribute, value)


@constrains({"items": _ID_REF}, _ID_DEFS)
def check_ids(instance: object, attribute: attrs.Attribute[Any], value: Iterable[str]) -> None:
    """Every item is an id."""
    for item in value:
        check_id(instance, attribute, item)


@constrains({"minLength": 1})
def check_label(instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    """A label is a non-empty string."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidValueError(attribute.name, "expected a non-empty text")


def _fraction_ok(name: str, value: Fraction) -> None:
    if not is_float_exact(value):
        raise InvalidValueError(name, f"expected a decimal of at most 15 digits, got {value}")


@constrains({"minimum": 0, "maximum": 1})
def check_unit_interval(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Fractions such as shares and deadweight lie in [0, 1]."""
    if value is None or value is _ZERO:
        return
    assert isinstance(value, Fraction)
    if not 0 <= value <= 1:
        raise InvalidValueError(
            attribute.name, f"expected a number from 0 to 1, got {describe(value)}"
        )
    _fraction_ok(attribute.name, value)


@constrains({"minimum": -MAX_MAGNITUDE, "maximum": MAX_MAGNITUDE})
def check_number(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A plain number of at most 10^15 in magnitude that a float carries exactly."""
    if value is None:
        return
    assert isinstance(value, Fraction)
    if abs(value) > MAX_MAGNITUDE:
        raise InvalidValueError(attribute.name, "expected a number of at most 10^15 in magnitude")
    _fraction_ok(attribute.name, value)


@constrains({"minimum": 0, "maximum": 100})
def check_nonnegative(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A share that may exceed 1 (such as optimism bias) lies in [0, 100]."""
    if value is None or value is _ZERO:
        return
    assert isinstance(value, Fraction)
    if not 0 <= value <= 100:
        raise InvalidValueError(
            attribute.name, f"expected a number from 0 to 100, got {describe(value)}"
        )
    _fraction_ok(attribute.name, value)


def check_int_range(low: int, high: int | None = None) -> Validator:
    """An integer (not a bool) in ``[low, high]``; ``None`` passes."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None:
            return
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidValueError(attribute.name, f"expected a whole number, got {value!r}")
        if value < low or (high is not None and value > high):
            bounds = f"from {low} to {high}" if high is not None else f"≥ {low}"
            raise InvalidValueError(
                attribute.name, f"expected a whole number {bounds}, got {value}"
            )

    bounds: Schema = {"minimum": low} if high is None else {"minimum": low, "maximum": high}
    return constrains(bounds)(check)


def id_tuple(value: Iterable[str]) -> tuple[str, ...]:
    """Converter: a list of ids becomes a tuple (text alone is refused, not split)."""
    if isinstance(value, str):
        raise InvalidValueError("ids", f"expected a list of ids, got the text {value!r}")
    return tuple(value)


def _member(cls: type[E], field: str, value: object) -> E:
    try:
        return cls(value)
    except ValueError:
        choices = ", ".join(str(member.value) for member in cls)
        raise InvalidValueError(field, f"expected one of {choices}, got {value!r}") from None


def to_direction(value: object) -> Direction | None:
    """Converter: a Direction, or None, from itself or its value (``"increase"``)."""
    if value is None or type(value) is Direction:
        return value
    return _member(Direction, "direction", value)


def to_effect(value: object) -> Effect:
    """Converter: an Effect from itself or its value (``"decreases"``)."""
    if type(value) is Effect:
        return value
    return _member(Effect, "effect", value)


def to_evidence(value: object) -> Evidence | None:
    """Converter: an Evidence grade, or None, from itself or its value."""
    if value is None or type(value) is Evidence:
        return value
    return _member(Evidence, "evidence", value)


def to_aggregation(value: object) -> Aggregation:
    """Converter: an Aggregation from itself or its value (``"cumulative"``)."""
    if type(value) is Aggregation:
        return value
    return _member(Aggregation, "aggregation", value)


def to_value_type(value: object) -> ValueType:
    """Converter: a ValueType from itself or its value (``"social"``)."""
    if type(value) is ValueType:
        return value
    return _member(ValueType, "type", value)


def optional_fraction(value: object) -> Fraction | None:
    """Converter: ``None`` stays, anything numeric becomes an exact Fraction."""
    return None if value is None else to_fraction(value)


def frozen_metadata(value: object) -> FrozenDict[str, object]:
    """Converter: metadata is a read-only mapping from text to anything, keys sorted.

    Keys are sorted (at every level) so that a model writes the same bytes whatever
    the order of the file it came from: TOML writes nested tables after plain values.
    Mappings inside become :class:`FrozenDict`, lists and tuples :class:`FrozenList`,
    so nothing in a model's metadata can be changed in place.
    """
    if value is EMPTY_METADATA:  # the default: most values carry no metadata
        return value
    if not value:
        if value is None or isinstance(value, dict | FrozenDict):
            return EMPTY_METADATA
        raise InvalidValueError("metadata", "expected a mapping")
    if not isinstance(value, dict | FrozenDict):
        raise InvalidValueError("metadata", "expected a mapping")
    return _frozen_mapping(value)


def _frozen_mapping(value: dict[Any, object] | FrozenDict[Any, object]) -> FrozenDict[str, object]:
    return FrozenDict._own({key: _frozen(value[key]) for key in sorted(value, key=str)})


def _frozen(value: object) -> object:
    if isinstance(value, dict | FrozenDict):
        return _frozen_mapping(value)
    if isinstance(value, list | tuple):
        return FrozenList(_frozen(item) for item in value)
    return value


def check_ranges(instance: object, names: Iterable[str]) -> None:
    """Each ``<name>_low`` ≤ ``<name>`` ≤ ``<name>_high``, where given.

    A range needs its value. A quantity's bound in the value's own unit is compared
    here; one in another unit (``0 SEK`` beside ``1 MSEK``) is converted and compared
    with the other unit checks, when the node joins a model
    (:func:`logikmodell.model.units.check_node_units`).

    Raises:
        InvalidValueError: naming the offending ``_low`` or ``_high`` field.
    """
    for name in names:
        value = getattr(instance, name)
        for side in ("low", "high"):
            field = f"{name}_{side}"
            bound = getattr(instance, field)
            if bound is None:
                continue
            if value is None:
                raise InvalidValueError(field, f"a range needs {name} itself")
            if not isinstance(value, Fraction):
                if bound.unit != value.unit:
                    continue
                value_number, bound_number = value.value, bound.value
            else:
                value_number, bound_number = value, bound
            check_bound(field, side, bound_number, value_number)


def check_bound(field: str, side: str, bound: Fraction, value: Fraction) -> None:
    """A ``low`` bound is at most the value, a ``high`` bound at least it.

    Raises:
        InvalidValueError: naming ``field``.
    """
    if (side == "low" and bound > value) or (side == "high" and bound < value):
        name = field.rpartition("_")[0]
        relation = "at most" if side == "low" else "at least"
        raise InvalidValueError(field, f"expected {relation} {name}")
