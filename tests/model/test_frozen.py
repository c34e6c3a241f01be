"""Metadata and schedules are read-only: a loaded model cannot be changed in place."""

from __future__ import annotations

from fractions import Fraction

import attrs
import pytest
from hypothesis import given

import logikmodell as lm
from logikmodell.model import Activity, FrozenDict, FrozenList, Resource
from logikmodell.testing import strategies as lst

_TEXT = """logikmodell: 1
title: T
nodes:
  - id: r
    kind: resource
    label: R
    cost: 100 SEK
    schedule: {0: 0.5, 2: 0.5}
    metadata: {tool: {name: x, tags: [a, {deep: 1}]}, colour: red}
  - {id: a, kind: activity, label: A}
links:
  - {from: r, to: a, metadata: {n: [1, 2]}}
metadata: {when: 2026-01-01, list: [1, [2, 3]]}
"""


def _resource(model: lm.LogicModel) -> Resource:
    node = model.node("r")
    assert isinstance(node, Resource)
    return node


def test_metadata_of_a_loaded_model_cannot_be_changed() -> None:
    model = lm.loads(_TEXT)
    node = _resource(model)
    with pytest.raises(TypeError):
        node.metadata["x"] = 1  # type: ignore[index]
    with pytest.raises(TypeError):
        del node.metadata["colour"]  # type: ignore[attr-defined]
    tool = node.metadata["tool"]
    assert isinstance(tool, FrozenDict)
    with pytest.raises(TypeError):
        tool["name"] = "y"  # type: ignore[index]
    tags = tool["tags"]
    assert isinstance(tags, FrozenList)
    with pytest.raises(AttributeError):
        tags.append("b")  # type: ignore[attr-defined]
    with pytest.raises(TypeError):
        tags[0] = "b"  # type: ignore[index]
    with pytest.raises(TypeError):
        tags[1]["deep"] = 2
    with pytest.raises(TypeError):
        model.metadata["when"] = "2027-01-01"  # type: ignore[index]
    with pytest.raises(TypeError):
        model.links[0].metadata["n"][0] = 5  # type: ignore[index]
    assert model == lm.loads(_TEXT)
    assert lm.dumps(model) == lm.dumps(lm.loads(_TEXT))


def test_schedule_of_a_loaded_model_cannot_be_changed() -> None:
    model = lm.loads(_TEXT)
    schedule = _resource(model).schedule
    assert schedule is not None
    with pytest.raises(TypeError):
        schedule[0] = Fraction(1)  # type: ignore[index]
    with pytest.raises(TypeError):
        del schedule[2]  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        schedule.clear()  # type: ignore[attr-defined]
    # The years a resource reports are a copy: changing them changes nothing.
    years = _resource(model).years
    years[0] = Fraction(1)
    assert _resource(model).years == {0: Fraction(1, 2), 2: Fraction(1, 2)}
    assert model == lm.loads(_TEXT)


def test_read_only_values_compare_equal_to_the_loaded_form() -> None:
    model = lm.loads(_TEXT)
    assert _resource(model).metadata == {
        "colour": "red",
        "tool": {"name": "x", "tags": ["a", {"deep": 1}]},
    }
    assert model.metadata == {"list": [1, [2, 3]], "when": "2026-01-01"}
    assert _resource(model).schedule == {0: Fraction(1, 2), 2: Fraction(1, 2)}
    # Keys keep the sorted order that dumping writes.
    assert list(_resource(model).metadata) == ["colour", "tool"]


def test_a_value_made_from_a_dict_does_not_share_it() -> None:
    given_metadata: dict[str, object] = {"b": [1], "a": {"c": 2}}
    node = Activity(id="a", label="A", metadata=given_metadata)
    given_metadata["z"] = 0
    inner = given_metadata["b"]
    assert isinstance(inner, list)
    inner.append(2)
    assert node.metadata == {"a": {"c": 2}, "b": [1]}
    assert list(node.metadata) == ["a", "b"]
    schedule = {1: Fraction(1)}
    resource = Resource(id="r", label="R", schedule=schedule)
    schedule[2] = Fraction(0)
    assert resource.schedule == {1: 1}


def test_frozen_values_are_hashable_and_evolve() -> None:
    node = Activity(id="a", label="A", metadata={"n": [1, {"k": "v"}]})
    again = Activity(id="a", label="A", metadata={"n": [1, {"k": "v"}]})
    assert hash(node.metadata) == hash(again.metadata)
    assert {node.metadata, again.metadata} == {node.metadata}
    changed = attrs.evolve(node, metadata=node.metadata | {"m": True})
    assert changed.metadata == {"m": True, "n": [1, {"k": "v"}]}
    assert node.metadata == {"n": [1, {"k": "v"}]}
    resource = Resource(id="r", label="R", cost="1 SEK", schedule={0: 0.5, 1: 0.5})
    assert hash(resource) == hash(attrs.evolve(resource))


def test_frozen_dict_behaves_as_a_read_only_mapping() -> None:
    frozen: FrozenDict[str, int] = FrozenDict({"a": 1, "b": 2})
    assert frozen == {"b": 2, "a": 1}
    assert {"a": 1, "b": 2} == frozen  # noqa: SIM300 - the reflected comparison is tested
    assert frozen != {"a": 1}
    assert frozen == FrozenDict([("b", 2), ("a", 1)])
    assert frozen.get("c") is None
    assert "a" in frozen
    assert list(frozen.items()) == [("a", 1), ("b", 2)]
    assert repr(frozen) == "FrozenDict({'a': 1, 'b': 2})"
    with pytest.raises(AttributeError):
        frozen._data = {}
    assert FrozenDict() == {}
    assert frozen != [("a", 1), ("b", 2)]


def test_frozen_list_equals_lists_and_tuples() -> None:
    frozen = FrozenList([1, 2])
    assert frozen == [1, 2]
    assert [1, 2] == frozen  # noqa: SIM300 - the reflected comparison is tested
    assert frozen == (1, 2)
    assert frozen != [2, 1]
    assert hash(frozen) == hash((1, 2))
    assert repr(frozen) == "FrozenList([1, 2])"


@given(lst.logic_models())
def test_everything_the_strategies_generate_is_read_only(model: lm.LogicModel) -> None:
    for value in (model.info, *model.nodes, *model.links, *model.actors, *model.indicators):
        for item in _walk(value):
            assert not isinstance(item, dict | list | set), (value, item)


def _walk(value: object) -> list[object]:
    """Every value reachable from an attrs value, through mappings and sequences."""
    found: list[object] = []
    stack = [value]
    while stack:
        item = stack.pop()
        found.append(item)
        cls = type(item)
        if attrs.has(cls):
            stack.extend(getattr(item, field.name) for field in attrs.fields(cls))
        elif isinstance(item, FrozenDict | dict):
            stack.extend(item.values())
        elif isinstance(item, tuple | list):
            stack.extend(item)
    return found
