"""Reading YAML, JSON and TOML text into plain data, numbers as exact Decimals.

Every syntax problem becomes a :class:`~logikmodell.errors.Problem` located by line
and column; nothing from the parsers escapes.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

import attrs
import yaml

from logikmodell.errors import LoadError, LogikmodellError, Problem
from logikmodell.io._positions import LazyPaths, json_positions, yaml_positions
from logikmodell.io.limits import DEFAULT_LIMITS, Limits, check_data, check_text, too_large
from logikmodell.positions import Position

__all__ = ["FORMATS", "NumberForm", "parse_document", "parse_text"]

#: The file formats a model is read from and written to.
FORMATS = ("yaml", "json", "toml")

_YAMLBase: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _DuplicateKeyError(LogikmodellError, ValueError):
    """A key given twice in one mapping; never escapes: :func:`parse_text` reports it."""

    def __init__(self, key: object, line: int, column: int) -> None:
        super().__init__(key)
        self.key = key
        self.line = line
        self.column = column


class _Loader(_YAMLBase):  # type: ignore[valid-type,misc]
    """The safe loader, with exact floats and duplicate keys refused."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[object] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            try:
                duplicate = key in seen
            except TypeError:
                continue  # an unhashable key: the base method reports it
            if duplicate:
                mark = key_node.start_mark
                raise _DuplicateKeyError(key, mark.line + 1, mark.column + 1)
            seen.add(key)
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        return mapping


@attrs.frozen(repr=False)
class NumberForm:
    """A YAML 1.1 number that is not written in decimal (``0x10``, ``010``, ``1:30``), or
    text tagged as a number that is none (``!!float abc``).

    The parser keeps it as it is written instead of reading it as YAML 1.1 would
    (``010`` as 8), so that the field it stands in refuses it by its path and text.
    """

    text: str
    form: str  # hexadecimal, octal, binary, sexagesimal, or the tag: int, float

    def __repr__(self) -> str:
        return self.text

    __str__ = __repr__


_DECIMAL_INT = re.compile(r"[-+]?(?:0|[1-9][0-9_]*)")


def _int_form(text: str) -> str:
    digits = text.lstrip("+-").lower()
    if ":" in digits:
        return "sexagesimal"
    if digits.startswith("0x"):
        return "hexadecimal"
    if digits.startswith("0b"):
        return "binary"
    if re.fullmatch(r"0[0-7_]+", digits):
        return "octal"
    return "int"


def _construct_int(loader: _Loader, node: yaml.ScalarNode) -> int | NumberForm:
    text = str(loader.construct_scalar(node))
    if _DECIMAL_INT.fullmatch(text):
        return int(text.replace("_", ""))
    return NumberForm(text, _int_form(text))


def _construct_float(loader: _Loader, node: yaml.ScalarNode) -> Decimal | NumberForm:
    written = str(loader.construct_scalar(node))
    text = written.replace("_", "").lower()
    if text in (".inf", "+.inf", "-.inf", ".nan"):
        return Decimal(text.replace(".", ""))
    if ":" in text:
        return NumberForm(written, "sexagesimal")
    try:
        return Decimal(text)
    except InvalidOperation:
        return NumberForm(written, "float")


def _construct_timestamp(loader: _Loader, node: yaml.ScalarNode) -> object:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:  # e.g. 2026-13-01: left as text for the field to report
        return loader.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
_Loader.add_constructor("tag:yaml.org,2002:float", _construct_float)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def _reject_constant(name: str) -> Decimal:
    return Decimal(name.replace("Infinity", "Inf"))


def _json_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKeyError(key, 0, 0)
        out[key] = value
    return out


def _decode(data: str | bytes, source: str) -> str:
    if isinstance(data, str):
        text = data
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise LoadError(
                [Problem(path="$", message=f"not UTF-8 text (byte {exc.start}): save it as UTF-8")],
                source,
            ) from None
    if text.startswith("\ufeff"):
        raise LoadError(
            [Problem(path="$", message="starts with a UTF-8 byte-order mark: save it without one")],
            source,
        )
    if not text.strip():
        raise LoadError([Problem(path="$", message="the document is empty")], source)
    return text


def parse_text(
    data: str | bytes, format: str, source: str = "<string>", limits: Limits = DEFAULT_LIMITS
) -> object:
    """Parse a document into plain data (dicts, lists, str, int, Decimal, date, bool).

    Raises:
        LoadError: the text is not UTF-8, empty, not valid in its format, or beyond
            the limits.
    """
    return parse_document(data, format, source, limits, positions=False)[0]


def parse_document(
    data: str | bytes,
    format: str,
    source: str = "<string>",
    limits: Limits = DEFAULT_LIMITS,
    *,
    positions: bool = True,
) -> tuple[object, Mapping[str, Position] | None]:
    """Parse a document, and find the line and column of every path in it.

    Returns:
        The plain data (as :func:`parse_text`) and, for YAML and JSON when
        ``positions`` is true, the position of each path (``$.nodes[3].quantity``);
        None for TOML, whose parser reports none.

    Raises:
        LoadError: as :func:`parse_text`.
    """
    if len(data) > limits.max_bytes:  # before decoding: a str is never longer than its bytes
        raise too_large(limits, source)
    text = _decode(data, source)
    check_text(text, format, limits, source)
    parsed, found = _parse(text, format, source, positions)
    # Only YAML has aliases, and an alias needs an anchor (&) and a star (*).
    aliases = format == "yaml" and "&" in text and "*" in text
    check_data(parsed, limits, source, aliases=aliases)
    return parsed, found


def _load_yaml(text: str, positions: bool) -> tuple[object, Mapping[str, Position] | None]:
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, None
        return loader.construct_document(node), yaml_positions(node) if positions else None
    finally:
        loader.dispose()


def _parse(
    text: str, format: str, source: str, positions: bool
) -> tuple[object, Mapping[str, Position] | None]:
    try:
        if format == "yaml":
            return _load_yaml(text, positions)
        if format == "json":
            parsed = json.loads(
                text,
                parse_float=Decimal,
                parse_constant=_reject_constant,
                object_pairs_hook=_json_pairs,
            )
            return parsed, LazyPaths(lambda: json_positions(text)) if positions else None
        if format == "toml":
            return tomllib.loads(text, parse_float=Decimal), None
    except _DuplicateKeyError as exc:
        where = f" at line {exc.line}, column {exc.column}" if exc.line else ""
        message = f"duplicate key {exc.key!r}{where}"
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        message = f"YAML syntax error{where}: {exc.problem or exc.context}"
    except yaml.YAMLError as exc:
        message = f"YAML error: {exc}"
    except json.JSONDecodeError as exc:
        message = f"JSON syntax error at line {exc.lineno}, column {exc.colno}: {exc.msg}"
    except tomllib.TOMLDecodeError as exc:
        message = f"TOML syntax error: {exc}"
    except RecursionError:
        message = "the document is nested too deeply"
    except ValueError as exc:  # e.g. an integer with more digits than Python converts
        message = f"cannot read a value: {exc}"
    else:
        raise ValueError(f"unknown format {format!r}: expected one of {', '.join(FORMATS)}")
    raise LoadError([Problem(path="$", message=message)], source)
