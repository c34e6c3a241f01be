"""The cattrs converter between plain data and the model's value types.

Structuring is strict: no silent coercion of ``"5"`` to 5 or of a number to text,
unknown keys are errors (except under ``metadata``), and every problem is kept with
its path. Unstructuring gives plain data in the key order of the file format,
without empty or default values.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import functools
import math
import operator
import re
import typing
from collections.abc import Callable, Iterator, Mapping
from contextvars import ContextVar
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ForbiddenExtraKeysError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, override

from logikmodell.errors import InvalidValueError, LogikmodellError, Problem
from logikmodell.io._parse import NumberForm
from logikmodell.model import (
    Actor,
    Actual,
    Aggregation,
    Catalogue,
    CatalogueEntry,
    CatalogueLink,
    Direction,
    Economics,
    Effect,
    Evidence,
    FrozenDict,
    Indicator,
    Link,
    ModelInfo,
    Node,
    NodeKind,
    Observation,
    Period,
    PriceIndex,
    Quantity,
    RateBand,
    ReferencedQuantity,
    Resource,
    Risk,
    TargetGroup,
    Transfer,
    Valuation,
    ValueType,
    node_class,
    resolve_reference,
)
from logikmodell.numbers import to_fraction

__all__ = [
    "REFERENCE_FIELDS",
    "converter",
    "file_key",
    "problems_of",
    "resolving",
    "structure_node",
    "unstructure_value",
]

_NODE_CLASSES = [node_class(kind) for kind in NodeKind]
_VALUE_CLASSES: list[type[Any]] = [
    Actor,
    Actual,
    Economics,
    Indicator,
    Link,
    ModelInfo,
    Observation,
    Period,
    RateBand,
    Risk,
    TargetGroup,
    Transfer,
    Valuation,
    Catalogue,
    CatalogueEntry,
    CatalogueLink,
    PriceIndex,
    *_NODE_CLASSES,
]
#: The fields that may hold a reference to a catalogue entry, by class.
REFERENCE_FIELDS: dict[type[Any], tuple[str, ...]] = {
    Resource: ("unit_cost", "cost"),
    Valuation: ("amount",),
    Transfer: ("amount", "rate"),
}
# The catalogues (by id) and price year that references resolve against while a
# model is structured; see :func:`resolving`.
_RESOLVING: ContextVar[tuple[Mapping[str, Catalogue], int | None, frozenset[str]]] = ContextVar(
    "resolving", default=({}, None, frozenset())
)
# Keys that are written even when they hold their default value.
_ALWAYS = {ModelInfo: {"currency", "economics"}, Economics: {"discount_rate", "horizon_years"}}
# Fields whose key in a file is not their name (``Link.from_id`` is ``from``).
_RENAME: dict[type[Any], dict[str, str]] = {
    cls: renames
    for cls in _VALUE_CLASSES
    if (renames := {f.name: f.metadata["key"] for f in attrs.fields(cls) if "key" in f.metadata})
}
_PUBLIC_NAMES = {name: key for renames in _RENAME.values() for name, key in renames.items()}


class _NestedKeyError(LogikmodellError, ValueError):
    """A problem at a key below the object being structured (e.g. ``.kind``).

    Never escapes: :func:`problems_of` turns it into a :class:`Problem` at that key.
    """

    def __init__(self, key: str, message: str) -> None:
        super().__init__(key, message)
        self.key = key
        self.message = message


class _UnavailableError(LogikmodellError, ValueError):
    """A reference into a catalogue that could not be opened (reported already).

    Never escapes: :func:`problems_of` reports nothing for it.
    """


def _key_text(key: object) -> str:
    """A key as the file spells it: ``5``, ``true``, ``null`` or the text itself."""
    if isinstance(key, bool):
        return str(key).lower()
    if key is None:
        return "null"
    return str(key)


def _type_name(value: object) -> str:
    if isinstance(value, NumberForm):
        if value.form in ("int", "float"):
            return f"the text {value.text!r} tagged !!{value.form}"
        return f"the {value.form} number {value.text} (write numbers in decimal)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f"the text {value!r}"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, int | Decimal):
        return f"the number {value}"
    return type(value).__name__


def _str(value: object, _: object) -> str:
    if not isinstance(value, str):
        raise ValueError(f"expected text, got {_type_name(value)}")
    return value


def _int(value: object, _: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, Decimal) and value.is_finite() and value == value.to_integral_value():
        return int(value)
    raise ValueError(f"expected a whole number, got {_type_name(value)}")


def _bool(value: object, _: object) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"expected true or false, got {_type_name(value)}")
    return value


def _index_values(value: object, _: object) -> dict[int, Fraction]:
    if not isinstance(value, dict):
        raise ValueError(f"expected a mapping from year to index value, got {_type_name(value)}")
    out: dict[int, Fraction] = {}
    for key, number in value.items():
        if isinstance(key, str) and key.isdigit():
            year = int(key)
        elif isinstance(key, int) and not isinstance(key, bool):
            year = key
        else:
            raise _NestedKeyError(_key_text(key), "expected a year (YYYY)")
        try:
            out[year] = _fraction(number, None)
        except ValueError as exc:
            raise _NestedKeyError(_key_text(key), str(exc)) from None
    return out


# A number with a decimal comma, which YAML reads as text: ``deadweight: 0,25``.
_DECIMAL_COMMA = re.compile(r"[-+]?[0-9]+,[0-9]+")


def _fraction(value: object, _: object) -> Fraction:
    if isinstance(value, str) and _DECIMAL_COMMA.fullmatch(value):
        return to_fraction(Decimal(value.replace(",", ".")))
    if isinstance(value, str | bool | NumberForm):
        raise ValueError(f"expected a number, got {_type_name(value)}")
    return to_fraction(value)


class _ReferenceMark:
    """A mapping found where a reference may stand; :func:`_quantity` resolves it."""

    def __init__(self, raw: dict[object, object]) -> None:
        self.raw = raw


def _reference(raw: dict[object, object]) -> Quantity:
    for key in raw:
        if key not in ("ref", "times"):
            raise _NestedKeyError(_key_text(key), "unknown key (a reference has ref and times)")
    if "ref" not in raw:
        raise _NestedKeyError("ref", "required key missing ('<catalogue>/<entry>')")
    ref = raw["ref"]
    if not isinstance(ref, str):
        raise _NestedKeyError("ref", f"expected '<catalogue>/<entry>', got {_type_name(ref)}")
    times = None
    if "times" in raw:
        try:
            times = _quantity(raw["times"], None)
        except ValueError as exc:
            raise _NestedKeyError("times", str(exc)) from None
    catalogues, price_year, unavailable = _RESOLVING.get()
    if ref.partition("/")[0] in unavailable:
        # Its catalogue could not be opened, which is reported already: the part that
        # holds the reference is left out without a second problem.
        raise _UnavailableError(ref)
    return resolve_reference(ref, times, catalogues, price_year)


@contextlib.contextmanager
def resolving(
    catalogues: Mapping[str, Catalogue],
    price_year: int | None,
    unavailable: frozenset[str] = frozenset(),
) -> Iterator[None]:
    """Resolve references to catalogue entries against ``catalogues`` while structuring.

    References to a catalogue in ``unavailable`` (named by the model but not
    opened, which is reported already) stand for nothing and raise no error.
    """
    token = _RESOLVING.set((catalogues, price_year, unavailable))
    try:
        yield
    finally:
        _RESOLVING.reset(token)


def _quantity(value: object, _: object) -> Quantity:
    if isinstance(value, _ReferenceMark):
        return _reference(value.raw)
    if isinstance(value, str):
        return Quantity.parse(value)
    if isinstance(value, bool) or not isinstance(value, int | Decimal | float | Fraction):
        raise ValueError(f"expected '<number> <unit>', got {_type_name(value)}")
    return Quantity(value=value)


def _date(value: object, _: object) -> dt.date:
    if isinstance(value, dt.datetime):
        raise ValueError(f"expected a date (YYYY-MM-DD), got a date and time {value}")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError(f"expected a date (YYYY-MM-DD), got {_type_name(value)}")


def _plain(value: object, path: str = "$.metadata") -> object:
    """Metadata: any JSON-like data, numbers made plain, dates made ISO text."""
    if isinstance(value, dict):
        out: dict[str, object] = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise ValueError(f"metadata keys must be text, got {_type_name(key)}")
            out[key] = _plain(item, f"{path}.{key}")
        return out
    if isinstance(value, list | tuple):
        return [_plain(item, path) for item in value]
    if isinstance(value, Decimal | float):
        number = float(value)
        if not math.isfinite(number):
            raise ValueError(f"expected a finite number, got {value}")
        return number
    if isinstance(value, dt.date):
        return value.isoformat()
    if value is None:
        raise ValueError("metadata cannot hold null (TOML has none): leave the key out")
    if isinstance(value, str | int | bool):
        return value
    raise ValueError(f"metadata cannot hold {_type_name(value)}")


def _metadata(value: object, _: object) -> dict[str, object]:
    if not isinstance(value, dict):
        raise ValueError(f"expected a mapping, got {_type_name(value)}")
    plain = _plain(value)
    assert isinstance(plain, dict)
    return plain


def _schedule(value: object, _: object) -> dict[int, Fraction] | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise ValueError(f"expected a mapping from year index to share, got {_type_name(value)}")
    out: dict[int, Fraction] = {}
    keys: dict[int, object] = {}
    for key, share in value.items():
        if isinstance(key, str) and key.isascii() and key.isdigit():
            if len(key) > 20:
                raise _NestedKeyError(_key_text(key), "expected a year index from 0 to 1000")
            year = int(key)
        elif isinstance(key, int) and not isinstance(key, bool):
            year = key
        else:
            raise _NestedKeyError(_key_text(key), "expected a year index (a whole number ≥ 0)")
        if year in keys:  # {0: 0.5, "0": 0.5}, or "0" beside "00"
            raise _NestedKeyError(
                _key_text(key), f"year {year} is given twice, as {keys[year]!r} and as {key!r}"
            )
        keys[year] = key
        try:
            out[year] = _fraction(share, None)
        except ValueError as exc:
            raise _NestedKeyError(_key_text(key), str(exc)) from None
    return out


def _enum_hook(cls: type[enum.Enum]) -> Callable[[object, object], enum.Enum]:
    choices = ", ".join(str(m.value) for m in cls)

    def structure(value: object, _: object) -> enum.Enum:
        try:
            return cls(value)
        except ValueError:
            raise ValueError(f"expected one of {choices}, got {_type_name(value)}") from None

    return structure


def _is_tuple(tp: object) -> bool:
    return typing.get_origin(tp) is tuple


def _tuple_hook(tp: Any, conv: cattrs.Converter) -> Callable[[object, object], tuple[Any, ...]]:
    (item_type, _) = typing.get_args(tp)
    item_hook = conv.get_structure_hook(item_type)

    def structure(value: object, _: object) -> tuple[Any, ...]:
        if not isinstance(value, list | tuple):
            raise ValueError(f"expected a list, got {_type_name(value)}")
        items = []
        errors = []
        for index, item in enumerate(value):
            try:
                items.append(item_hook(item, item_type))
            except Exception as exc:
                exc.__notes__ = [
                    *getattr(exc, "__notes__", []),
                    IterableValidationNote(f"Structuring {tp} @ index {index}", index, item_type),
                ]
                errors.append(exc)
        if errors:
            raise cattrs.IterableValidationError(f"While structuring {tp}", errors, tp)
        return tuple(items)

    return structure


def _rate(value: object, _: object) -> Fraction | tuple[RateBand, ...]:
    if isinstance(value, list):
        return converter.structure(value, tuple[RateBand, ...])
    return _fraction(value, None)


def structure_node(value: object, _: object = None) -> Node:
    """Structure a node, choosing its class by ``kind``."""
    if not isinstance(value, dict):
        raise ValueError(f"expected a mapping, got {_type_name(value)}")
    if "kind" not in value:
        raise _NestedKeyError("kind", "required key missing (one of " + _kinds() + ")")
    try:
        cls = node_class(value["kind"])
    except (ValueError, TypeError):
        raise _NestedKeyError(
            "kind", f"unknown kind {value['kind']!r}: expected one of {_kinds()}"
        ) from None
    body = {key: item for key, item in value.items() if key != "kind"}
    node: Node = converter.structure(body, cls)
    return node


def _kinds() -> str:
    return ", ".join(kind.value for kind in NodeKind)


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(detailed_validation=True, forbid_extra_keys=True)
    # Class hooks also match subclasses: the StrEnums get their own hooks below,
    # which win as the more specific classes.
    conv.register_structure_hook(str, _str)
    conv.register_structure_hook(int, _int)
    conv.register_structure_hook(bool, _bool)
    conv.register_structure_hook(Fraction, _fraction)
    conv.register_structure_hook(Quantity, _quantity)
    conv.register_structure_hook(dt.date, _date)
    for tp, hook in (
        (FrozenDict[int, Fraction], _index_values),
        (FrozenDict[str, object], _metadata),
        (FrozenDict[int, Fraction] | None, _schedule),
        (Fraction | tuple[RateBand, ...], _rate),
    ):
        conv.register_structure_hook_func(functools.partial(operator.eq, tp), hook)
    conv.register_structure_hook(Node, structure_node)
    for enum_cls in (Aggregation, Direction, Effect, Evidence, NodeKind, ValueType):
        conv.register_structure_hook(enum_cls, _enum_hook(enum_cls))
    conv.register_structure_hook_factory(_is_tuple, _tuple_hook)
    for cls in _VALUE_CLASSES:
        renames = _RENAME.get(cls, {})
        overrides: dict[str, Any] = {name: override(rename=new) for name, new in renames.items()}
        structure = make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=True, **overrides)
        if cls in REFERENCE_FIELDS:
            structure = _marking(structure, REFERENCE_FIELDS[cls])
        conv.register_structure_hook(cls, structure)
    return conv


def _marking(structure: Callable[..., Any], fields: tuple[str, ...]) -> Callable[..., Any]:
    """A structure function that lets ``fields`` hold references (mappings with ``ref``)."""

    def structure_marked(value: object, cls: object) -> Any:
        if isinstance(value, dict) and any(isinstance(value.get(f), dict) for f in fields):
            value = {
                key: _ReferenceMark(item) if key in fields and isinstance(item, dict) else item
                for key, item in value.items()
            }
        return structure(value, cls)

    return structure_marked


converter = _make_converter()


# ---------------------------------------------------------------------- unstructure
def unstructure_value(value: object) -> object:
    """Plain data for a model value, in file order, without defaults and empties.

    Numbers become ints (or floats, which carry them exactly); quantities their
    text; dates stay dates (the JSON writer makes them text).
    """
    if isinstance(value, ReferencedQuantity):
        reference = value.reference
        out: dict[str, object] = {"ref": reference.ref}
        if reference.times is not None:
            out["times"] = str(reference.times)
        return out
    if isinstance(value, Quantity):
        return str(value)
    if attrs.has(type(value)):
        return _unstructure_attrs(value)
    if isinstance(value, Fraction):
        return value.numerator if value.denominator == 1 else float(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [unstructure_value(item) for item in value]
    if isinstance(value, FrozenDict | dict):
        return {key: unstructure_value(item) for key, item in value.items()}
    return value


def _unstructure_attrs(value: Any) -> dict[str, object]:
    cls = type(value)
    always = _ALWAYS.get(cls, set())
    renames = _RENAME.get(cls, {})
    out: dict[str, object] = {}
    fields = attrs.fields(cls)
    for field in fields:
        name = field.name
        if name == "metadata":
            continue
        item = getattr(value, name)
        if name not in always and _is_default(field, item):
            continue
        out[renames.get(name, name)] = unstructure_value(item)
        if name == "id" and isinstance(value, Node):
            out["kind"] = value.kind.value
    if getattr(value, "metadata", None):
        out["metadata"] = unstructure_value(value.metadata)
    return out


def _is_default(field: attrs.Attribute[Any], item: object) -> bool:
    if item is None:
        return True
    default: Any = field.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        if default.takes_self:
            return False
        return bool(item == default.factory())
    if default is attrs.NOTHING:
        return False
    return bool(item == default or (isinstance(item, tuple) and not item and default == ()))


# ---------------------------------------------------------------------- errors
def problems_of(exc: BaseException, path: str) -> Iterator[Problem]:
    """Turn an exception raised while structuring into located problems."""
    if isinstance(exc, _UnavailableError):
        return
    if isinstance(exc, ForbiddenExtraKeysError):
        for key in sorted(map(_key_text, exc.extra_fields)):
            yield Problem(path=f"{path}.{key}", message=_unknown_key(key))
        return
    if isinstance(exc, _NestedKeyError):
        yield Problem(path=f"{path}.{exc.key}", message=exc.message)
        return
    if isinstance(exc, BaseExceptionGroup):
        for sub in exc.exceptions:
            sub_path = _path_of(sub, path)
            if isinstance(sub, KeyError) and not isinstance(sub, LogikmodellError):
                yield Problem(path=sub_path, message="required key missing")
            else:
                yield from problems_of(sub, sub_path)
        return
    if isinstance(exc, InvalidValueError):
        field = _public_name(exc.field)
        yield Problem(
            path=f"{path}.{field}" if not path.endswith(f".{field}") else path, message=exc.message
        )
        return
    yield Problem(path=path, message=str(exc) or type(exc).__name__)


def _unknown_key(key: str) -> str:
    """What to say of an unknown key; one that begins with a digit is most likely the
    end of a number with a decimal comma in a flow mapping (``{cost: 0,62 MSEK}``)."""
    if key[:1].isdigit() and not key.isdigit():
        return (
            "unknown key, perhaps the end of a number: a comma inside {…} separates "
            "entries: quote the value or use a decimal point"
        )
    return "unknown key"


def _path_of(sub: BaseException, path: str) -> str:
    """The path of one exception of a group, from the note cattrs attached to it."""
    sub_path = path
    for note in getattr(sub, "__notes__", []):
        if isinstance(note, AttributeValidationNote):
            sub_path = f"{path}.{_public_name(note.name)}"
        elif isinstance(note, IterableValidationNote):
            sub_path = f"{path}[{note.index}]"
    return sub_path


def file_key(cls: type[Any], name: str) -> str:
    """The key in a file of the field ``name`` of ``cls`` (``from`` for ``Link.from_id``)."""
    return _RENAME.get(cls, {}).get(name, name)


def _public_name(field: str) -> str:
    return _PUBLIC_NAMES.get(field, field)
