"""Reading and writing logic models as YAML, JSON and TOML (file format v1)."""

from __future__ import annotations

import functools
import os
from pathlib import Path

from logikmodell._arguments import check_type
from logikmodell._files import write_atomically
from logikmodell.errors import DumpError, LoadError, Problem
from logikmodell.graph import LogicModel
from logikmodell.io._document import from_data, to_data
from logikmodell.io._parse import FORMATS, parse_document
from logikmodell.io._write import write_text
from logikmodell.io.catalogues import (
    Catalogues,
    load_catalogue,
    loads_catalogue,
    open_catalogues,
)
from logikmodell.io.limits import DEFAULT_LIMITS, Limits

__all__ = [
    "DEFAULT_LIMITS",
    "FORMATS",
    "Catalogues",
    "DumpError",
    "Limits",
    "dump",
    "dumps",
    "format_of",
    "load",
    "load_catalogue",
    "loads",
    "loads_catalogue",
]

_SUFFIXES = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".toml": "toml"}


def format_of(path: str | os.PathLike[str]) -> str:
    """The format named by a file's suffix.

    Args:
        path: the file name; only its suffix is read.

    Returns:
        ``"yaml"`` (for ``.yaml`` and ``.yml``), ``"json"`` or ``"toml"``.

    Raises:
        ValueError: the suffix is not .yaml, .yml, .json or .toml.

    Example:
        >>> format_of("mentorskap.yml")
        'yaml'
    """
    suffix = Path(path).suffix.lower()
    try:
        return _SUFFIXES[suffix]
    except KeyError:
        raise ValueError(
            f"{os.fspath(path)}: cannot tell the format from {suffix or 'no suffix'!r}: "
            "use .yaml, .yml, .json or .toml"
        ) from None


def loads(
    text: str | bytes,
    format: str = "yaml",
    *,
    source: str = "<string>",
    limits: Limits = DEFAULT_LIMITS,
    positions: bool = True,
    catalogues: Catalogues | None = None,
    folder: str | os.PathLike[str] | None = None,
) -> LogicModel:
    """Read a model from text.

    Args:
        text: the document, as text or UTF-8 bytes.
        format: ``"yaml"``, ``"json"`` or ``"toml"``.
        source: the name used in error messages.
        limits: bounds on size, nesting, alias expansion and nodes; see
            :class:`~logikmodell.io.limits.Limits`.
        positions: find the line and column of every part (YAML and JSON), for
            load errors, :attr:`LogicModel.positions` and the findings of
            ``validate``; false skips that work.
        catalogues: unit-cost catalogues for the model's references: files (each
            allowed wherever it lies, matched to the model's ``catalogues`` by
            path, else named by its stem) or a mapping from catalogue id to a file
            or a :class:`~logikmodell.model.Catalogue`.
        folder: the folder the model's ``catalogues`` paths are relative to;
            without it, text names no file by itself and every catalogue must be
            passed in ``catalogues``.

    Raises:
        LoadError: every problem found, each with its path.

    Example:
        >>> m = loads("logikmodell: 1\\ntitle: Test\\n")
        >>> m.title
        'Test'
    """
    check_type("loads()", "text", text, (str, bytes))
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}: expected one of {', '.join(FORMATS)}")
    base = Path(folder) if folder is not None else None
    opener = functools.partial(open_catalogues, folder=base, given=catalogues, limits=limits)
    data, paths = parse_document(text, format, source, limits, positions=positions)
    return from_data(data, source, opener, paths)


def load(
    path: str | os.PathLike[str],
    format: str | None = None,
    *,
    limits: Limits = DEFAULT_LIMITS,
    positions: bool = True,
    catalogues: Catalogues | None = None,
) -> LogicModel:
    """Read a model from a file; the format comes from the suffix unless given.

    Args:
        path: the file (``.yaml``, ``.yml``, ``.json`` or ``.toml``).
        format: ``"yaml"``, ``"json"`` or ``"toml"``, whatever the suffix says.
        limits: bounds on size, nesting, alias expansion and nodes; see
            :class:`~logikmodell.io.limits.Limits`.
        positions: as for :func:`loads`.
        catalogues: unit-cost catalogues the caller allows besides those in the
            model's folder (see :func:`loads`); a model's own path that leaves its
            folder is refused unless passed here.

    Returns:
        The model, equal to the one that was dumped to the file.

    Raises:
        LoadError: the file cannot be read, or holds problems (each with its path).
    """
    check_type("load()", "path", path, (str, os.PathLike))
    source = os.fspath(path)
    try:
        fmt = format or format_of(path)
    except ValueError as exc:
        raise LoadError([Problem(path="$", message=str(exc).split(": ", 1)[1])], source) from None
    try:
        with Path(path).open("rb") as file:
            data = file.read(limits.max_bytes + 1)  # never more than the limit allows
    except OSError as exc:
        raise LoadError(
            [Problem(path="$", message=f"cannot read the file: {exc.strerror}")], source
        ) from None
    return loads(
        data,
        fmt,
        source=source,
        limits=limits,
        positions=positions,
        catalogues=catalogues,
        folder=Path(path).parent,
    )


def dumps(model: LogicModel, format: str = "yaml") -> str:
    """Write a model as text; equal models give equal text.

    Args:
        model: the model to write.
        format: ``"yaml"`` (the default), ``"json"`` or ``"toml"``.

    Returns:
        The document, with keys in the order of the file format and non-ASCII
        text as it is.

    Raises:
        DumpError: the format cannot hold something in the model (null in TOML).

    Example:
        >>> print(dumps(loads("logikmodell: 1\\ntitle: Test\\n")), end="")
        logikmodell: 1
        title: Test
        currency: SEK
        economics:
          discount_rate: 0.035
          horizon_years: 10
    """
    check_type("dumps()", "model", model, LogicModel)
    return write_text(to_data(model), format)


def dump(model: LogicModel, path: str | os.PathLike[str], format: str | None = None) -> None:
    """Write a model to a file in UTF-8; the format comes from the suffix unless given.

    Args:
        model: the model to write.
        path: the file to write (``.yaml``, ``.yml``, ``.json`` or ``.toml``).
        format: ``"yaml"``, ``"json"`` or ``"toml"``, whatever the suffix says.

    Raises:
        ValueError: no format given and the suffix names none.
        DumpError: the format cannot hold something in the model (null in TOML).
        WriteError: the file cannot be written; a file already there is left as it was.
    """
    check_type("dump()", "model", model, LogicModel)
    text = dumps(model, format or format_of(path))
    write_atomically(path, text.encode("utf-8"))
