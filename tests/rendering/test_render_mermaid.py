"""Mermaid output: golden text, escaping of hostile labels, options."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from render_helpers import HOSTILE, hostile_model, small_model

from logikmodell.examples import load_example
from logikmodell.rendering import to_mermaid
from logikmodell.rendering.mermaid import mermaid_text

GOLDEN = Path(__file__).parent.parent / "golden"
_NODE = re.compile(r'^    (n\d+)\["(.*)"\]$')


def _decode(label: str) -> str:
    return re.sub(r"#(\d+);", lambda m: chr(int(m.group(1))), label.replace("<br/>", "\n"))


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_golden_mermaid(lang: str) -> None:
    text = to_mermaid(small_model(), lang=lang)
    path = GOLDEN / f"small-{lang}.mmd"
    if os.environ.get("LOGIKMODELL_UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def test_structure_of_the_flowchart() -> None:
    text = to_mermaid(small_model())
    lines = text.splitlines()
    assert lines[:4] == ["---", 'title: "Mentorskap i åk 7"', "---", "flowchart LR"]
    assert '  subgraph c0["Resurser"]' in lines
    assert "  n1 --> n2" in lines  # resource -> activity: delivery, no sign
    assert "  n3 ==>|#8722;| n4" in lines  # research, decreases
    assert "  n5 -.->|+| n6" in lines  # assumption, increases
    assert "  n6 -.- n0" in lines  # the goal answers the need
    assert any(line.startswith("  linkStyle 2,3 stroke:#B3261E") for line in lines)


@pytest.mark.parametrize("label", HOSTILE)
def test_hostile_labels_are_escaped(label: str) -> None:
    text = to_mermaid(hostile_model((label, "x", "y", "z")))
    labels = []
    for line in text.splitlines():
        match = _NODE.match(line)
        if match:
            inner = match.group(2)
            # Nothing that can end a label or start a statement survives unescaped.
            bare = re.sub(r"#\d+;", "", inner.replace("<br/>", ""))
            assert not set(bare) & set('"[]{}|<>;#`\n\\'), inner
            labels.append(_decode(inner))
    assert any(" ".join(d.split()).startswith(" ".join(label.split())) for d in labels), labels
    # the title line stays one valid YAML string
    title = text.splitlines()[1]
    assert title.startswith('title: "')
    assert title.endswith('"')


def test_mermaid_text_keeps_letters_and_encodes_the_rest() -> None:
    assert mermaid_text("Ökad närvaro 12") == "Ökad närvaro 12"
    assert mermaid_text('a"b') == "a#34;b"
    assert mermaid_text("#35;") == "#35;35#59;"
    assert mermaid_text("x\x00") == "x#65533;"


def test_goal_and_compact_apply_to_mermaid() -> None:
    text = to_mermaid(load_example(), goal="vardkonsumtion", compact=True)
    assert "Vård för psykisk ohälsa" in text
    assert "Mentorssamtal" not in text
    assert "%% Kompakt vy: 1 prestation visas i sin aktivitet" in text
    assert "Prestationer" not in text
