"""The JSON Schema of file format v1, for editors and other tools.

The schema checks shape, types, enumerations and ranges. What it cannot express —
that ids are unique and references resolve, that units reduce to the model's
currency, that schedules sum to 1 — ``logikmodell`` checks when it loads a file.
"""

from __future__ import annotations

from typing import Any

from logikmodell.model import FORMAT_VERSION, Direction, Effect, Evidence, NodeKind
from logikmodell.model.units import CURRENCIES

__all__ = ["json_schema"]

Schema = dict[str, Any]

_ID: Schema = {
    "type": "string",
    "pattern": r"^[\w.\-]{1,100}$",
    "description": "1–100 letters (any script), digits, '_', '-' or '.'; unique in the model.",
}
_TEXT: Schema = {"type": "string"}
_LABEL: Schema = {"type": "string", "minLength": 1}
_DATE: Schema = {"type": "string", "format": "date"}
_METADATA: Schema = {"type": "object", "description": "Free-form data, preserved verbatim."}
_QUANTITY: Schema = {
    "description": "'<number> <unit>', e.g. '620 000 SEK/year' or '3,5 MSEK'; "
    "a bare number is dimensionless.",
    "oneOf": [
        {"type": "string", "pattern": r"^\s*\d"},
        {"type": "number", "minimum": 0, "maximum": 1e15},
    ],
}
_FRACTION: Schema = {"type": "number", "minimum": 0, "maximum": 1}
_RATE: Schema = {"type": "number", "minimum": 0, "exclusiveMaximum": 1}


def _ranged(name: str, schema: Schema) -> Schema:
    """``name`` with its optional sensitivity range ``name_low`` and ``name_high``."""
    return {
        name: schema,
        f"{name}_low": {**schema, "description": f"Low end of the range of {name}."},
        f"{name}_high": {**schema, "description": f"High end of the range of {name}."},
    }


def _int(minimum: int, maximum: int | None = None) -> Schema:
    schema: Schema = {"type": "integer", "minimum": minimum}
    if maximum is not None:
        schema["maximum"] = maximum
    return schema


def _enum(values: type[Any]) -> Schema:
    return {"type": "string", "enum": [member.value for member in values]}


def _object(properties: Schema, required: tuple[str, ...] = ()) -> Schema:
    schema: Schema = {
        "type": "object",
        "properties": {**properties, "metadata": {"$ref": "#/$defs/metadata"}},
        "additionalProperties": False,
    }
    if required:
        schema["required"] = list(required)
    return schema


def _list(item: Schema) -> Schema:
    return {"type": "array", "items": item}


def _node(kind: NodeKind, extra: Schema) -> Schema:
    properties: Schema = {
        "id": {"$ref": "#/$defs/id"},
        "kind": {"const": kind.value},
        "label": _LABEL,
        "description": _TEXT,
        **extra,
    }
    return _object(properties, ("id", "kind", "label"))


def json_schema() -> Schema:
    """The JSON Schema (draft 2020-12) of file format v1."""
    observation = _object({"value": {"type": "number"}, "date": _DATE, "note": _TEXT}, ("value",))
    valuation = _object(
        {
            "actor": {"$ref": "#/$defs/id"},
            **_ranged("amount", {"$ref": "#/$defs/quantity"}),
            "label": _TEXT,
            "source": _TEXT,
        },
        ("actor", "amount"),
    )
    outcome: Schema = {
        "direction": _enum(Direction),
        "addresses": _list({"$ref": "#/$defs/id"}),
        **_ranged("quantity", {"$ref": "#/$defs/quantity"}),
        **_ranged("deadweight", _FRACTION),
        **_ranged("attribution", _FRACTION),
        **_ranged("displacement", _FRACTION),
        **_ranged("drop_off", _FRACTION),
        "start_year": _int(0, 1000),
        "duration_years": _int(1, 1000),
        "values": _list(valuation),
    }
    resource: Schema = {
        **_ranged("quantity", {"$ref": "#/$defs/quantity"}),
        **_ranged("unit_cost", {"$ref": "#/$defs/quantity"}),
        **_ranged("cost", {"$ref": "#/$defs/quantity"}),
        "payer": {"$ref": "#/$defs/id"},
        "year": _int(0, 1000),
        "schedule": {
            "type": "object",
            "description": "Shares of the cost per year index, summing to exactly 1.",
            "patternProperties": {r"^\d+$": _FRACTION},
            "additionalProperties": False,
        },
    }
    nodes = [
        _node(NodeKind.NEED, {}),
        _node(NodeKind.RESOURCE, resource),
        _node(NodeKind.ACTIVITY, {}),
        _node(NodeKind.OUTPUT, {"quantity": {"$ref": "#/$defs/quantity"}}),
        _node(NodeKind.SHORT_TERM_OUTCOME, outcome),
        _node(NodeKind.LONG_TERM_OUTCOME, outcome),
        _node(NodeKind.IMPACT, outcome),
    ]
    rate_band = _object({"from_year": _int(0), "rate": _RATE}, ("from_year", "rate"))
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://logikmodell.example/schema/v1.json",
        "title": "logikmodell file format v1",
        "description": "A social investment's logic model. Read and written by logikmodell.",
        "type": "object",
        "required": ["logikmodell", "title"],
        "additionalProperties": False,
        "properties": {
            "logikmodell": {"const": FORMAT_VERSION, "description": "The format version."},
            "title": _LABEL,
            "id": {"$ref": "#/$defs/id"},
            "description": _TEXT,
            "owner": _TEXT,
            "period": _object({"start": _DATE, "end": _DATE}, ("start", "end")),
            "currency": {"enum": list(CURRENCIES), "default": "SEK"},
            "price_year": _int(1000, 9999),
            "target_group": _object(
                {"label": _LABEL, "size": _int(0), "definition": _TEXT}, ("label",)
            ),
            "comparison": _TEXT,
            "economics": _object(
                {
                    "discount_rate": {
                        "default": 0.035,
                        "oneOf": [_RATE, {"type": "array", "items": rate_band, "minItems": 1}],
                    },
                    "discount_rate_low": {
                        **_RATE,
                        "description": "Low end of the range of a constant discount_rate.",
                    },
                    "discount_rate_high": {
                        **_RATE,
                        "description": "High end of the range of a constant discount_rate.",
                    },
                    "horizon_years": {**_int(0, 1000), "default": 10},
                }
            ),
            "actors": _list(
                _object(
                    {
                        "id": {"$ref": "#/$defs/id"},
                        "label": _LABEL,
                        "level": _TEXT,
                        "description": _TEXT,
                    },
                    ("id", "label"),
                )
            ),
            "nodes": _list({"oneOf": nodes}),
            "links": _list(
                _object(
                    {
                        "from": {"$ref": "#/$defs/id"},
                        "to": {"$ref": "#/$defs/id"},
                        "effect": {**_enum(Effect), "default": "increases"},
                        "share": _FRACTION,
                        "evidence": _enum(Evidence),
                        "source": _TEXT,
                        "note": _TEXT,
                    },
                    ("from", "to"),
                )
            ),
            "indicators": _list(
                _object(
                    {
                        "id": {"$ref": "#/$defs/id"},
                        "measures": {"$ref": "#/$defs/id"},
                        "label": _LABEL,
                        "description": _TEXT,
                        "unit": _TEXT,
                        "direction": _enum(Direction),
                        "baseline": observation,
                        "target": observation,
                        "source": _TEXT,
                        "frequency": _TEXT,
                        "measurements": _list(observation),
                    },
                    ("id", "measures", "label"),
                )
            ),
            "risks": _list(
                _object(
                    {
                        "id": {"$ref": "#/$defs/id"},
                        "label": _LABEL,
                        "threatens": _list({"$ref": "#/$defs/id"}),
                        "likelihood": _int(1, 5),
                        "consequence": _int(1, 5),
                        "mitigation": _TEXT,
                        "owner": {"$ref": "#/$defs/id"},
                        "description": _TEXT,
                    },
                    ("id", "label", "likelihood", "consequence"),
                )
            ),
            "metadata": {"$ref": "#/$defs/metadata"},
        },
        "$defs": {"id": _ID, "quantity": _QUANTITY, "metadata": _METADATA},
    }
