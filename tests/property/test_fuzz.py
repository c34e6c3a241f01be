"""Fuzzing the readers: whatever the input, only LoadError may come out."""

from __future__ import annotations

import json

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import logikmodell as lm
from logikmodell.examples import example_text

FORMATS = ("yaml", "json", "toml")


def only_load_errors(data: str | bytes, format: str) -> None:
    problems: tuple[lm.Problem, ...] = ()
    try:
        lm.loads(data, format)
    except lm.LoadError as exc:
        problems = tuple(exc.problems)
        assert problems, "a LoadError names at least one problem"
    assert all(problem.path.startswith("$") for problem in problems)


@given(st.text(max_size=300), st.sampled_from(FORMATS))
@example("[" * 5000, "yaml")
@example("a: &a [*a]", "yaml")
@example(
    "logikmodell: 1\ntitle: T\nnodes: [{id: a, kind: resource, label: A, cost: 1e9999 SEK}]", "yaml"
)
def test_any_text(text: str, format: str) -> None:
    only_load_errors(text, format)


@given(st.binary(max_size=300), st.sampled_from(FORMATS))
def test_any_bytes(data: bytes, format: str) -> None:
    only_load_errors(data, format)


_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=12)
    | st.sampled_from(["1 SEK", "2 hour", "3 person", "need", "impact", "increase", "a"]),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "id",
                    "kind",
                    "label",
                    "from",
                    "to",
                    "share",
                    "cost",
                    "quantity",
                    "unit_cost",
                    "values",
                    "actor",
                    "amount",
                    "nodes",
                    "links",
                    "schedule",
                    "metadata",
                    "x",
                ]
            ),
            inner,
            max_size=5,
        )
    ),
    max_leaves=20,
)


@given(_JSON)
def test_any_structure_under_a_valid_header(body: object) -> None:
    document = {"logikmodell": 1, "title": "T", "nodes": body}
    only_load_errors(json.dumps(document), "json")
    if isinstance(body, dict):
        only_load_errors(json.dumps({"logikmodell": 1, "title": "T", **body}), "json")


@given(st.data())
def test_mutated_example(data: st.DataObject) -> None:
    text = example_text()
    for _ in range(data.draw(st.integers(1, 4))):
        position = data.draw(st.integers(0, len(text) - 1))
        text = text[:position] + data.draw(st.text(max_size=3)) + text[position + 1 :]
    only_load_errors(text, "yaml")


@pytest.mark.parametrize("format", FORMATS)
def test_the_example_passes_in_every_format(format: str) -> None:
    model = lm.loads(example_text())
    assert lm.loads(lm.dumps(model, format), format) == model
