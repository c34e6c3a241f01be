"""Any model the strategies make draws: deterministic DOT, text intact through ``dot``."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings

from logikmodell.graph import LogicModel
from logikmodell.rendering import to_dot, to_mermaid
from logikmodell.rendering._backend import run_dot
from logikmodell.rendering._text import clean
from logikmodell.testing.strategies import logic_models


def _normal(text: str) -> str:
    return " ".join(text.split())


@given(logic_models(max_nodes=10))
def test_dot_is_deterministic_and_names_are_generated(model: LogicModel) -> None:
    source = to_dot(model).source
    assert source == to_dot(model.copy()).source
    names = set(re.findall(r"^\s*(n\d+) \[label=", source, re.M))
    assert names == {f"n{i}" for i in range(len(model))}


@given(logic_models(max_nodes=8))
def test_mermaid_labels_decode_to_the_user_text(model: LogicModel) -> None:
    text = to_mermaid(model, compact=False)
    decoded = []
    for match in re.finditer(r'^    n\d+\["(.*)"\]$', text, re.M):
        inner = match.group(1)
        assert not set(re.sub(r"#\d+;", "", inner.replace("<br/>", ""))) & set('"[]{}|<>;#`')
        first = inner.split("<br/>")
        decoded.append(
            _normal(" ".join(re.sub(r"#(\d+);", lambda m: chr(int(m[1])), f) for f in first))
        )
    for node in model:
        label = _normal(clean(node.label))
        assert any(label in d for d in decoded), node.label


@pytest.mark.needs_dot
@settings(max_examples=15)
@given(logic_models(max_nodes=6))
def test_any_model_lays_out_without_warning_and_keeps_its_labels(model: LogicModel) -> None:
    assert shutil.which("dot")
    svg = run_dot(to_dot(model).source, "svg").decode("utf-8")
    root = ET.fromstring(svg)  # noqa: S314 - SVG that our own dot run just wrote
    texts = _normal(
        " ".join("".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text"))
    )
    for node in model:
        assert _normal(clean(node.label)) in texts, node.label
