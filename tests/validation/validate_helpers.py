"""Small builders for the validation tests: models from YAML fragments."""

from __future__ import annotations

import textwrap

import logikmodell as lm

__all__ = ["codes", "load", "model"]


def load(text: str) -> lm.LogicModel:
    """A model from a whole YAML document (dedented)."""
    return lm.loads(textwrap.dedent(text), "yaml")


def model(nodes: str, links: str = "", extra: str = "") -> lm.LogicModel:
    """A model titled "Test" from YAML lists of nodes and links (flow style lines)."""
    text = "logikmodell: 1\ntitle: Test\n" + textwrap.dedent(extra)
    text += "nodes:\n" + textwrap.indent(textwrap.dedent(nodes).strip(), "  ") + "\n"
    if links.strip():
        text += "links:\n" + textwrap.indent(textwrap.dedent(links).strip(), "  ") + "\n"
    return lm.loads(text, "yaml")


def codes(m: lm.LogicModel, *select: str) -> list[str]:
    """The codes of the findings, in report order, of the selected rules (all if none)."""
    report = lm.validate(m, select=select or None)
    return [f.code for f in report.findings]
