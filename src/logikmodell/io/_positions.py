"""The line and column of every path in a YAML or JSON document.

YAML: the composer's marks, read off the node tree the document is built from.
JSON: one pass over the tokens of text the JSON parser has already accepted.
A field's position is its key's; a list item's is its first character. Lines and
columns are 1-based and count characters.
"""

from __future__ import annotations

import json
import re

import yaml

from logikmodell.positions import Position

__all__ = ["json_positions", "yaml_positions"]


def _mark(node: yaml.Node) -> Position:
    mark = node.start_mark
    return (mark.line + 1, mark.column + 1)


def yaml_positions(root: yaml.Node) -> dict[str, Position]:
    """The position of every path under a composed YAML node.

    A node reached twice (through an alias) is walked once, at its first path, so
    that the work stays proportional to the text however the aliases nest.
    """
    found: dict[str, Position] = {"$": _mark(root)}
    seen: set[int] = set()
    stack: list[tuple[str, yaml.Node]] = [("$", root)]
    scalar = yaml.ScalarNode
    while stack:
        path, node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if not isinstance(key, scalar):
                    continue
                sub = f"{path}.{key.value}"
                found.setdefault(sub, _mark(key))
                if not isinstance(value, scalar):
                    stack.append((sub, value))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                sub = f"{path}[{index}]"
                found.setdefault(sub, _mark(item))
                if not isinstance(item, scalar):
                    stack.append((sub, item))
    return found


_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]:,]|[^\s{}\[\]:,"]+')


class _Lines:
    """Offsets to (line, column), for offsets that only grow."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.offset = 0
        self.line = 1
        self.start = 0  # the offset where the current line starts

    def at(self, offset: int) -> Position:
        text = self.text
        newlines = text.count("\n", self.offset, offset)
        if newlines:
            self.line += newlines
            self.start = text.rfind("\n", self.offset, offset) + 1
        self.offset = offset
        return (self.line, offset - self.start + 1)


def json_positions(text: str) -> dict[str, Position]:
    """The position of every path in a JSON document that the parser has accepted."""
    lines = _Lines(text)
    found: dict[str, Position] = {}
    # per open container: whether it is an object, its path, the index of its item
    objects: list[bool] = []
    paths: list[str] = []
    indexes: list[int] = []
    pending: str | None = "$"  # the path of the next value, when it is a list item
    member = "$"  # the path of the value after a key
    expect_key = False
    for match in _TOKEN.finditer(text):
        token = match.group()
        first = token[0]
        if expect_key and first == '"':
            key = token[1:-1] if "\\" not in token else json.loads(token)
            member = f"{paths[-1]}.{key}"
            found.setdefault(member, lines.at(match.start()))
            expect_key = False
        elif first == ":":
            continue
        elif first == ",":
            if objects[-1]:
                expect_key = True
            else:
                indexes[-1] += 1
                pending = f"{paths[-1]}[{indexes[-1]}]"
        elif first in "}]":
            objects.pop()
            paths.pop()
            indexes.pop()
            pending, expect_key = None, False
        else:
            path = member
            if pending is not None:
                path = pending
                found.setdefault(path, lines.at(match.start()))
                pending = None
            if first in "{[":
                objects.append(first == "{")
                paths.append(path)
                indexes.append(0)
                expect_key = first == "{"
                pending = None if expect_key else f"{path}[0]"
    return found
