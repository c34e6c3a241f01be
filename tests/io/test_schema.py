"""The JSON Schema is built from the model's classes and agrees with the loader."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import logikmodell as lm
from logikmodell.examples import load_example
from logikmodell.io.converter import file_key
from logikmodell.io.schema import json_schema
from logikmodell.model import (
    Actor,
    Economics,
    Indicator,
    Link,
    ModelInfo,
    NodeKind,
    Observation,
    Period,
    RateBand,
    Risk,
    TargetGroup,
    Transfer,
    Valuation,
    node_class,
)
from logikmodell.model._checks import describe_fields
from logikmodell.testing import strategies as lst

BAD = Path(__file__).parent.parent / "data" / "bad"
SCHEMA = json_schema()
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def _objects() -> dict[str, tuple[type[Any], dict[str, Any]]]:
    """Where in the schema each class of the model is described."""
    top = SCHEMA["properties"]
    nodes = {n["properties"]["kind"]["const"]: n for n in top["nodes"]["items"]["oneOf"]}
    impact = nodes[NodeKind.IMPACT.value]
    indicator = top["indicators"]["items"]
    bands = top["economics"]["properties"]["discount_rate"]["oneOf"][1]
    found = {
        "info": (ModelInfo, SCHEMA),
        "period": (Period, top["period"]),
        "target_group": (TargetGroup, top["target_group"]),
        "economics": (Economics, top["economics"]),
        "rate_band": (RateBand, bands["items"]),
        "actor": (Actor, top["actors"]["items"]),
        "link": (Link, top["links"]["items"]),
        "indicator": (Indicator, indicator),
        "observation": (Observation, indicator["properties"]["baseline"]),
        "measurement": (Observation, indicator["properties"]["measurements"]["items"]),
        "risk": (Risk, top["risks"]["items"]),
        "valuation": (Valuation, impact["properties"]["values"]["items"]),
        "transfer": (Transfer, top["transfers"]["items"]),
    }
    for kind in NodeKind:
        found[kind.value] = (node_class(kind), nodes[kind.value])
    return found


@pytest.mark.parametrize("name", sorted(_objects()))
def test_every_field_of_every_class_is_in_the_schema(name: str) -> None:
    cls, schema = _objects()[name]
    keys = {file_key(cls, field.name) for field in attrs.fields(cls)}
    extra = {"logikmodell", "actors", "nodes", "links", "indicators", "risks", "transfers"}
    if hasattr(cls, "kind"):
        extra = {"kind"}
    elif cls is not ModelInfo:
        extra = set()
    assert set(schema["properties"]) == keys | extra
    assert schema["additionalProperties"] is False
    required = {file_key(cls, f.name) for f in attrs.fields(cls) if f.default is attrs.NOTHING}
    assert set(schema.get("required", ())) == required | (extra & {"kind", "logikmodell"})


def test_the_schema_is_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert json.loads(json.dumps(SCHEMA)) == SCHEMA


def test_constraints_come_from_the_validators() -> None:
    top = SCHEMA["properties"]
    risk = top["risks"]["items"]["properties"]
    assert risk["likelihood"] == {"type": "integer", "minimum": 1, "maximum": 5}
    assert risk["owner"] == {"$ref": "#/$defs/id"}
    assert SCHEMA["$defs"]["id"]["pattern"] == r"^[\w.\-]{1,100}$"
    assert top["links"]["items"]["properties"]["share"]["maximum"] == 1
    assert top["currency"]["enum"] == ["SEK", "NOK", "DKK", "EUR", "USD", "GBP"]
    assert top["currency"]["default"] == "SEK"
    rate = top["economics"]["properties"]["discount_rate"]
    assert rate["default"] == 0.035
    assert rate["oneOf"][0] == {"type": "number", "minimum": 0, "exclusiveMaximum": 1}
    assert rate["oneOf"][1]["minItems"] == 1
    nodes = {n["properties"]["kind"]["const"]: n for n in top["nodes"]["items"]["oneOf"]}
    schedule = nodes["resource"]["properties"]["schedule"]
    assert schedule["patternProperties"] == {
        r"^\d+$": {"type": "number", "minimum": 0, "maximum": 1}
    }
    assert "summing to exactly 1" in schedule["description"]


def test_the_example_is_accepted_in_every_format() -> None:
    model = load_example()
    for format in ("yaml", "json", "toml"):
        again = lm.loads(lm.dumps(model, format), format)
        VALIDATOR.validate(json.loads(lm.dumps(again, "json")))


@settings(max_examples=40)
@given(lst.logic_models())
def test_every_model_the_strategies_generate_is_accepted(model: lm.LogicModel) -> None:
    errors = list(VALIDATOR.iter_errors(json.loads(lm.dumps(model, "json"))))
    assert not errors, [f"{e.json_path}: {e.message}" for e in errors]


@given(st.sampled_from(["person", "hour", "SEK/person/year"]))
def test_a_quantity_is_text_or_a_plain_number(unit: str) -> None:
    quantity = SCHEMA["$defs"]["quantity"]
    jsonschema.validate(f"620 000 {unit}", quantity)
    jsonschema.validate(3, quantity)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(f"{unit} 5", quantity)


# Bad files whose problem the schema can express; the rest need the loader.
REFUSED = [
    "addresses_text.yaml",
    "bad_id_syntax.yaml",
    "deadweight_negative.yaml",
    "enum_wrong.yaml",
    "horizon_negative.json",
    "likelihood_fraction.yaml",
    "likelihood_six.yaml",
    "likelihood_text.yaml",
    "missing_kind.yaml",
    "missing_title.yaml",
    "missing_version.yaml",
    "nodes_not_list.yaml",
    "number_key.yaml",
    "rate_one.yaml",
    "share_above_one.yaml",
    "share_text.yaml",
    "title_number.yaml",
    "top_is_list.yaml",
    "unknown_kind.yaml",
    "unknown_link_key.json",
    "unknown_node_key.yaml",
]


@pytest.mark.parametrize("name", REFUSED)
def test_bad_files_the_schema_can_judge_are_refused(name: str) -> None:
    data = yaml.safe_load((BAD / name).read_text(encoding="utf-8"))
    data = json.loads(json.dumps(data, default=str))  # YAML number keys become text
    assert not VALIDATOR.is_valid(data)
    with pytest.raises(lm.LoadError):
        lm.load(BAD / name)


def test_a_validator_without_recorded_constraints_is_refused() -> None:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        return None

    with pytest.raises(TypeError, match=r"Sample\.x: its validator records no constraints"):

        @attrs.frozen(kw_only=True, field_transformer=describe_fields)
        class Sample:
            x: int = attrs.field(validator=check)
