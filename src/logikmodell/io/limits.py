"""Bounds on what a document may cost to read: size, nesting, alias expansion, nodes.

A model file may come from a stranger (an upload to an application portal). These
limits make sure that reading one takes bounded time and memory, and that a
hostile document (a YAML "billion laughs", 50 000 nested brackets) is refused with
a clear message instead of exhausting the machine. The defaults are far above any
real logic model; a web service may pass tighter ones to :func:`logikmodell.loads`.
"""

from __future__ import annotations

import re

import attrs

from logikmodell.errors import LoadError, Problem

__all__ = ["DEFAULT_LIMITS", "Limits", "check_data", "check_text", "too_large"]


@attrs.frozen(kw_only=True)
class Limits:
    """Upper bounds on a document.

    Attributes:
        max_bytes: size of the document in bytes (UTF-8).
        max_depth: nesting of mappings and lists (the format itself needs 5;
            the rest is for ``metadata``).
        max_alias_values: values that YAML aliases repeat, counted at every
            repetition; a "billion laughs" document passes it after a few
            thousand steps and is refused.
        max_alias_text: characters of text that YAML aliases repeat, counted at
            every repetition; 1 000 aliases of a 1 MiB string are refused.
        max_nodes: nodes in the model.
    """

    max_bytes: int = 50 * 2**20
    max_depth: int = 64
    max_alias_values: int = 100_000
    max_alias_text: int = 2**20
    max_nodes: int = 200_000


#: The limits :func:`logikmodell.loads` and :func:`logikmodell.load` use by default.
DEFAULT_LIMITS = Limits()

# Brackets outside quoted strings: an upper bound on YAML flow nesting that is cheap
# to compute before the parser (whose C part recurses without bound) sees the text.
_BRACKETS = re.compile(r""""(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|[\[\]{}]""")


def _refuse(source: str, message: str) -> LoadError:
    return LoadError([Problem(path="$", message=message)], source)


def too_large(limits: Limits, source: str) -> LoadError:
    """The error for a document over ``limits.max_bytes``."""
    return _refuse(source, f"the document is larger than the limit of {limits.max_bytes} bytes")


def check_text(text: str, format: str, limits: Limits, source: str) -> None:
    """Refuse a document too large or too deeply nested to parse safely.

    Raises:
        LoadError: the document exceeds a limit.
    """
    if len(text) * 4 > limits.max_bytes and len(text.encode("utf-8")) > limits.max_bytes:
        raise too_large(limits, source)
    if format != "yaml" or ("[" not in text and "{" not in text):
        return
    depth = 0
    for match in _BRACKETS.finditer(text):
        found = match.group()
        if found in "[{":
            depth += 1
            if depth > limits.max_depth:
                raise _refuse(
                    source, f"the document is nested deeper than the limit of {limits.max_depth}"
                )
        elif found in "]}":
            depth = max(depth - 1, 0)


def check_data(data: object, limits: Limits, source: str, *, aliases: bool = True) -> None:
    """Refuse parsed data that nests too deeply or that aliases expand too far.

    Walks the data without recursion, counting the values that YAML aliases repeat
    as often as they repeat them, and stops as soon as a limit is passed (a
    recursive alias, which would repeat without end, meets the depth limit). With
    ``aliases`` (the text may hold YAML aliases), text that aliases repeat is
    counted too.

    Raises:
        LoadError: the data exceeds a limit.
    """
    _check_structure(data, limits, source)
    if aliases:
        _check_repeated_text(data, limits, source)


def _check_structure(data: object, limits: Limits, source: str) -> None:
    seen: set[int] = set()
    repeated = 0
    stack: list[tuple[dict[object, object] | list[object], int]] = []
    if isinstance(data, dict | list):
        stack.append((data, 1))
    while stack:
        item, depth = stack.pop()
        if depth > limits.max_depth:
            raise _refuse(
                source, f"the document is nested deeper than the limit of {limits.max_depth}"
            )
        if id(item) in seen:
            repeated += len(item)
            if repeated > limits.max_alias_values:
                raise _refuse(
                    source,
                    f"YAML aliases repeat more than {limits.max_alias_values} values "
                    "(the limit that stops alias bombs)",
                )
        else:
            seen.add(id(item))
        children = item.values() if isinstance(item, dict) else item
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    if isinstance(data, dict):
        nodes = data.get("nodes")
        if isinstance(nodes, list) and len(nodes) > limits.max_nodes:
            raise _refuse(
                source,
                f"the model has {len(nodes)} nodes, more than the limit of {limits.max_nodes}",
            )


def _check_repeated_text(data: object, limits: Limits, source: str) -> None:
    """Refuse text that YAML aliases repeat past ``limits.max_alias_text`` characters.

    An alias of a string gives the very same string object again, so a string met
    twice is a repetition. Each repetition also counts as a value towards
    ``max_alias_values``, so that many aliases of a short string are bounded too.
    """
    seen: set[int] = set()
    values = 0
    text = 0
    stack: list[object] = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, str) and len(item) > 1:  # "" and 1-character strings are shared
            if id(item) not in seen:
                seen.add(id(item))
                continue
            values += 1
            text += len(item)
            if text > limits.max_alias_text:
                raise _refuse(
                    source,
                    f"YAML aliases repeat more than {limits.max_alias_text} characters of "
                    "text (the limit that stops alias bombs)",
                )
            if values > limits.max_alias_values:
                raise _refuse(
                    source,
                    f"YAML aliases repeat more than {limits.max_alias_values} values "
                    "(the limit that stops alias bombs)",
                )
