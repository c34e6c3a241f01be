"""The JSON Schema of file format v1, for editors and other tools.

The schema is built from the model's attrs classes: each field's type gives its
JSON type (text, number, quantity, list, object …), and each field's ``metadata``
adds what its validator enforces (ranges, patterns, enumerations) and a
description. A field added to a model class is in the schema without more ado.

The schema checks shape, types, enumerations and ranges. What it cannot express —
that ids are unique and references resolve, that units reduce to the model's
currency, that schedules sum to 1 — ``logikmodell`` checks when it loads a file.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from fractions import Fraction
from typing import Any

import attrs

from logikmodell.io.converter import REFERENCE_FIELDS, file_key, unstructure_value
from logikmodell.model import (
    FORMAT_VERSION,
    Actor,
    Catalogue,
    CatalogueEntry,
    FrozenDict,
    Indicator,
    Link,
    ModelInfo,
    NodeKind,
    PriceIndex,
    Quantity,
    Risk,
    Transfer,
    node_class,
)
from logikmodell.model.catalogue import CATALOGUE_FORMAT_VERSION

__all__ = ["catalogue_schema", "json_schema"]

Schema = dict[str, Any]

# The lists of a model file, in file order, and the class of their items.
_COLLECTIONS: dict[str, type[Any] | None] = {
    "actors": Actor,
    "nodes": None,  # one schema per node kind
    "links": Link,
    "indicators": Indicator,
    "risks": Risk,
    "transfers": Transfer,
}
_DEFS: Schema = {
    "quantity": {
        "description": "'<number> <unit>', e.g. '620 000 SEK/year' or '3,5 MSEK'; "
        "a bare number is dimensionless.",
        "oneOf": [
            {"type": "string", "pattern": r"^\s*\d"},
            {"type": "number", "minimum": 0, "maximum": 1e15},
        ],
    },
    "metadata": {"type": "object", "description": "Free-form data, preserved verbatim."},
    "reference": {
        "description": "An amount from a unit-cost catalogue: '<catalogue>/<entry>', "
        "optionally multiplied by a quantity.",
        "type": "object",
        "required": ["ref"],
        "additionalProperties": False,
        "properties": {
            "ref": {"type": "string", "pattern": r"^[\w.\-]{1,100}/[\w.\-]{1,100}$"},
            "times": {"$ref": "#/$defs/quantity"},
        },
    },
}
_SCALARS: dict[object, Schema] = {
    str: {"type": "string"},
    bool: {"type": "boolean"},
    int: {"type": "integer"},
    Fraction: {"type": "number"},
    dt.date: {"type": "string", "format": "date"},
    Quantity: {"$ref": "#/$defs/quantity"},
    FrozenDict[str, object]: {"$ref": "#/$defs/metadata"},
}


def json_schema() -> Schema:
    """The JSON Schema (draft 2020-12) of file format v1."""
    defs: Schema = dict(_DEFS)
    header = _object(ModelInfo, defs)
    properties: Schema = {
        "logikmodell": {"const": FORMAT_VERSION, "description": "The format version."}
    }
    properties.update(header["properties"])
    metadata = properties.pop("metadata")
    for name, cls in _COLLECTIONS.items():
        items = _object(cls, defs) if cls is not None else _nodes(defs)
        properties[name] = {"type": "array", "items": items}
    properties["metadata"] = metadata
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://logikmodell.example/schema/v1.json",
        "title": "logikmodell file format v1",
        "description": "A social investment's logic model. Read and written by logikmodell.",
        "type": "object",
        "required": ["logikmodell", *header["required"]],
        "additionalProperties": False,
        "properties": properties,
        "$defs": dict(sorted(defs.items())),
    }


def catalogue_schema() -> Schema:
    """The JSON Schema (draft 2020-12) of a unit-cost catalogue document."""
    defs: Schema = {key: _DEFS[key] for key in ("quantity", "metadata")}
    header = _object(Catalogue, defs)
    properties: Schema = {
        "logikmodell-catalogue": {
            "const": CATALOGUE_FORMAT_VERSION,
            "description": "The catalogue format version.",
        }
    }
    properties.update(header["properties"])
    properties["indices"] = {"type": "array", "items": _object(PriceIndex, defs)}
    properties["entries"] = {"type": "array", "items": _object(CatalogueEntry, defs)}
    properties["metadata"] = properties.pop("metadata")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://logikmodell.example/schema/catalogue-v1.json",
        "title": "logikmodell unit-cost catalogue v1",
        "description": "Unit costs and financial proxies with price years, sources and "
        "price indices (enhetskostnader). Read by logikmodell.",
        "type": "object",
        "required": ["logikmodell-catalogue", *header["required"]],
        "additionalProperties": False,
        "properties": properties,
        "$defs": dict(sorted(defs.items())),
    }


def _nodes(defs: Schema) -> Schema:
    return {"oneOf": [_object(node_class(kind), defs) for kind in NodeKind]}


def _object(cls: type[Any], defs: Schema) -> Schema:
    """An object with the fields of an attrs class; a node also has its ``kind``."""
    properties: Schema = {}
    required: list[str] = []
    kind = getattr(cls, "kind", None)
    hints = typing.get_type_hints(cls)
    referring = {
        name for base, names in REFERENCE_FIELDS.items() if issubclass(cls, base) for name in names
    }
    for field in attrs.fields(cls):
        key = file_key(cls, field.name)
        properties[key] = _field(field, hints[field.name], defs)
        if field.name in referring:
            description = properties[key].pop("description", None)
            properties[key] = {"oneOf": [properties[key], {"$ref": "#/$defs/reference"}]}
            if description:
                properties[key]["description"] = description + " Or a catalogue reference."
        if field.default is attrs.NOTHING:
            required.append(key)
        if field.name == "id" and isinstance(kind, NodeKind):
            properties["kind"] = {"const": kind.value}
            required.append("kind")
    if "metadata" in properties:  # last, as a file writes it
        properties["metadata"] = properties.pop("metadata")
    schema: Schema = {"type": "object", "properties": properties, "additionalProperties": False}
    if required:
        schema["required"] = required
    return schema


def _field(field: attrs.Attribute[Any], tp: Any, defs: Schema) -> Schema:
    """A field's schema: from its type, then its metadata's constraints and description."""
    schema = _merge(_of_type(tp, defs), field.metadata.get("schema", {}))
    defs.update(field.metadata.get("schema_defs", {}))
    if "description" in field.metadata:
        schema["description"] = field.metadata["description"]
    default = field.default
    if default is not attrs.NOTHING and isinstance(default, str | int | Fraction | enum.Enum):
        schema["default"] = unstructure_value(default)
    return schema


def _of_type(tp: Any, defs: Schema) -> Schema:
    """The schema that a field's type gives, before its validator's constraints."""
    if tp in _SCALARS:
        return dict(_SCALARS[tp])
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        options = [_of_type(arg, defs) for arg in args if arg is not type(None)]
        return options[0] if len(options) == 1 else {"oneOf": options}
    if origin is tuple:
        return {"type": "array", "items": _of_type(args[0], defs)}
    if origin is FrozenDict and args[0] is int:
        pattern = {r"^\d+$": _of_type(args[1], defs)}
        return {"type": "object", "patternProperties": pattern, "additionalProperties": False}
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return {"type": "string", "enum": [member.value for member in tp]}
    if isinstance(tp, type) and attrs.has(tp):
        return _object(tp, defs)
    raise TypeError(f"no JSON Schema for the type {tp!r}")


def _merge(base: Schema, extra: Schema) -> Schema:
    """``base`` with the keywords of ``extra``: mappings key by key, ``oneOf`` item by item.

    A ``$ref`` in ``extra`` replaces ``base``.
    """
    if "$ref" in extra:
        return dict(extra)
    out = dict(base)
    for key, value in extra.items():
        present = out.get(key)
        if isinstance(value, dict) and isinstance(present, dict):
            out[key] = _merge(present, value)
        elif key == "oneOf" and isinstance(present, list) and len(present) == len(value):
            out[key] = [_merge(a, b) for a, b in zip(present, value, strict=True)]
        else:
            out[key] = value
    return out
