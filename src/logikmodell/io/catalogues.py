"""Reading unit-cost catalogues, and finding the catalogues a model names.

A catalogue document is YAML, JSON or TOML with ``indices`` and ``entries``, or CSV
with the entries alone (a header row of field names). It is read with the same
limits and the same collection of every problem, each with its path, as a model.

A model names its catalogues by a path relative to its own folder; a path that
leaves that folder, or an absolute one, is refused unless the caller passes the file
(``lm.load(path, catalogues=[...])``, ``--catalogue FILE``): a model from a stranger
cannot make the library read any file it likes.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, TypeAlias

import attrs

from logikmodell.errors import LoadError, Problem
from logikmodell.io._parse import _decode, parse_text
from logikmodell.io._write import write_text
from logikmodell.io.converter import converter, problems_of, unstructure_value
from logikmodell.io.limits import DEFAULT_LIMITS, Limits, too_large
from logikmodell.model import Catalogue, CatalogueEntry, CatalogueLink, PriceIndex
from logikmodell.model.catalogue import CATALOGUE_FORMAT_VERSION, catalogue_problems

__all__ = [
    "CATALOGUE_FORMATS",
    "CatalogueSource",
    "Catalogues",
    "catalogue_format_of",
    "dumps_catalogue",
    "load_catalogue",
    "loads_catalogue",
    "open_catalogues",
]

#: The formats a catalogue is read from.
CATALOGUE_FORMATS = ("yaml", "json", "toml", "csv")
_SUFFIXES = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".toml": "toml", ".csv": "csv"}
_HEADER_KEYS = ("title", "description", "currency", "metadata")
_TOP_KEYS = {"logikmodell-catalogue", *_HEADER_KEYS, "indices", "entries"}
# CSV cells are text; these columns are read as numbers or truth values.
_CSV_INTEGERS = {"price_year"}
_CSV_BOOLEANS = {"includes_overhead"}

#: What a caller may pass for a catalogue: a file, or a catalogue already read.
CatalogueSource: TypeAlias = "str | os.PathLike[str] | Catalogue"
#: The ``catalogues`` argument of :func:`logikmodell.load`: files the caller allows
#: (matched to the model's ``catalogues`` by path, else named by their stem), or a
#: mapping from catalogue id to file or catalogue.
Catalogues: TypeAlias = "Mapping[str, CatalogueSource] | Iterable[str | os.PathLike[str]]"


def catalogue_format_of(path: str | os.PathLike[str]) -> str:
    """The catalogue format named by a file's suffix (.yaml, .yml, .json, .toml, .csv).

    Raises:
        ValueError: the suffix names none of them.
    """
    suffix = Path(path).suffix.lower()
    try:
        return _SUFFIXES[suffix]
    except KeyError:
        raise ValueError(
            f"cannot tell the format from {suffix or 'no suffix'!r}: "
            "use .yaml, .yml, .json, .toml or .csv"
        ) from None


def loads_catalogue(
    text: str | bytes,
    format: str = "yaml",
    *,
    source: str = "<string>",
    limits: Limits = DEFAULT_LIMITS,
) -> Catalogue:
    """Read a catalogue from text.

    Args:
        text: the document, as text or UTF-8 bytes.
        format: ``"yaml"``, ``"json"``, ``"toml"`` or ``"csv"`` (entries alone).
        source: the name used in error messages (a CSV catalogue's title is its stem).
        limits: the same bounds as for a model; ``max_nodes`` bounds the entries.

    Raises:
        LoadError: every problem found, each with its path.

    Example:
        >>> cat = loads_catalogue("id,label,amount,price_year\\nhvb,HVB,4200 SEK/day,2024\\n",
        ...                       "csv", source="kommun.csv")
        >>> cat.title, cat.entries[0].price_year
        ('kommun', 2024)
    """
    if format not in CATALOGUE_FORMATS:
        raise ValueError(
            f"unknown format {format!r}: expected one of {', '.join(CATALOGUE_FORMATS)}"
        )
    data: object
    if format == "csv":
        data = _csv_data(text, source, limits)
    else:
        data = parse_text(text, format, source, limits)
    return _from_data(data, source, limits)


def load_catalogue(
    path: str | os.PathLike[str],
    format: str | None = None,
    *,
    limits: Limits = DEFAULT_LIMITS,
) -> Catalogue:
    """Read a catalogue from a file; the format comes from the suffix unless given.

    Raises:
        LoadError: the file cannot be read, or holds problems (each with its path).
    """
    source = os.fspath(path)
    try:
        fmt = format or catalogue_format_of(path)
    except ValueError as exc:
        raise LoadError([Problem(path="$", message=str(exc))], source) from None
    try:
        with Path(path).open("rb") as file:
            data = file.read(limits.max_bytes + 1)
    except OSError as exc:
        raise LoadError(
            [Problem(path="$", message=f"cannot read the file: {exc.strerror}")], source
        ) from None
    return loads_catalogue(data, fmt, source=source, limits=limits)


def dumps_catalogue(catalogue: Catalogue, format: str = "yaml") -> str:
    """Write a catalogue as YAML, JSON or TOML; equal catalogues give equal text."""
    data = unstructure_value(catalogue)
    assert isinstance(data, dict)
    return write_text({"logikmodell-catalogue": CATALOGUE_FORMAT_VERSION, **data}, format)


def _csv_data(text: str | bytes, source: str, limits: Limits) -> dict[str, object]:
    if len(text) > limits.max_bytes:
        raise too_large(limits, source)
    rows = list(csv.reader(io.StringIO(_decode(text, source), newline="")))
    header = [name.strip() for name in rows[0]]
    entries: list[dict[str, object]] = []
    if len(rows) - 1 > limits.max_nodes:
        raise LoadError(
            [Problem(path="$", message=f"more than {limits.max_nodes} entries (the limit)")],
            source,
        )
    for row in rows[1:]:
        if not any(cell.strip() for cell in row):
            continue
        entry: dict[str, object] = {}
        for number, cell in enumerate(row):
            name = header[number] if number < len(header) else f"column {number + 1}"
            if cell.strip():
                entry[name] = _csv_cell(name, cell.strip())
        entries.append(entry)
    return {
        "logikmodell-catalogue": CATALOGUE_FORMAT_VERSION,
        "title": Path(source).stem or source,
        "entries": entries,
    }


def _csv_cell(name: str, cell: str) -> object:
    if name in _CSV_INTEGERS and cell.isdigit():
        return int(cell)
    if name in _CSV_BOOLEANS and cell.lower() in ("true", "false"):
        return cell.lower() == "true"
    return cell


def _from_data(data: object, source: str, limits: Limits) -> Catalogue:
    if not isinstance(data, dict):
        raise LoadError([Problem(path="$", message="expected a mapping at the top")], source)
    problems: list[Problem] = []
    version = data.get("logikmodell-catalogue")
    if version != CATALOGUE_FORMAT_VERSION or isinstance(version, bool):
        message = (
            f"required key missing (the catalogue format version, {CATALOGUE_FORMAT_VERSION})"
            if version is None
            else f"unsupported catalogue format version {version!r}: "
            f"this library reads version {CATALOGUE_FORMAT_VERSION}"
        )
        problems.append(Problem(path="$.logikmodell-catalogue", message=message))
    problems += [
        Problem(path=f"$.{key}", message="unknown key") for key in data if key not in _TOP_KEYS
    ]
    header: dict[str, Any] = {key: data[key] for key in _HEADER_KEYS if key in data}
    base: Catalogue | None = None
    try:
        base = converter.structure(header, Catalogue)
    except Exception as exc:
        problems.extend(problems_of(exc, "$"))
    indices = _items(data, "indices", PriceIndex, problems)
    entries = _items(data, "entries", CatalogueEntry, problems)
    if len(entries) > limits.max_nodes:
        problems.append(Problem(path="$.entries", message=f"more than {limits.max_nodes} entries"))
    if problems or base is None:
        raise LoadError(problems, source)
    found = catalogue_problems(indices, entries, base.currency)
    if found:
        raise LoadError([Problem(path=path, message=message) for path, message in found], source)
    return attrs.evolve(base, indices=tuple(indices), entries=tuple(entries))


def _items(data: dict[Any, Any], name: str, cls: type[Any], problems: list[Problem]) -> list[Any]:
    raw_items = data.get(name) or []
    if not isinstance(raw_items, list):
        problems.append(Problem(path=f"$.{name}", message="expected a list"))
        return []
    items = []
    for number, raw in enumerate(raw_items):
        try:
            items.append(converter.structure(raw, cls))
        except Exception as exc:
            problems.extend(problems_of(exc, f"$.{name}[{number}]"))
    return items


# ---------------------------------------------------------------------- a model's catalogues
def _inside(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
    except ValueError:
        return False
    return True


def open_catalogues(
    links: tuple[CatalogueLink, ...],
    folder: Path | None,
    given: Catalogues | None,
    limits: Limits = DEFAULT_LIMITS,
) -> tuple[dict[str, Catalogue], list[Problem]]:
    """The catalogues a model uses, by id, and the problems with its ``catalogues``.

    Args:
        links: the model's ``catalogues``.
        folder: the model file's folder (``None`` for a model read from text: then
            every catalogue must be passed by the caller).
        given: what the caller passes (see :data:`Catalogues`).
        limits: the limits each catalogue is read with.

    Raises:
        LoadError: a catalogue file cannot be read (naming that file).
    """
    by_id, allowed = _given(given)
    out: dict[str, Catalogue] = {}
    problems: list[Problem] = []
    for number, link in enumerate(links):
        if link.id in by_id:
            continue
        path = Path(link.path)
        target = (folder / path).resolve() if folder is not None else _matching(path, allowed)
        refusal = _refusal(path, target, folder, allowed)
        if refusal is not None:
            problems.append(Problem(path=f"$.catalogues[{number}].path", message=refusal))
            continue
        allowed.pop(target, None)
        out[link.id] = load_catalogue(target, limits=limits)
    for target in allowed:
        out.setdefault(target.stem, load_catalogue(target, limits=limits))
    for id, source in by_id.items():
        out[id] = source if isinstance(source, Catalogue) else load_catalogue(source, limits=limits)
    return out, problems


def _matching(path: Path, allowed: Mapping[Path, None]) -> Path:
    """For a model read from text: the passed file whose path ends in ``path``."""
    for candidate in allowed:
        if not path.is_absolute() and candidate.parts[-len(path.parts) :] == path.parts:
            return candidate
    return path.resolve()


def _refusal(
    path: Path, target: Path, folder: Path | None, allowed: Mapping[Path, None]
) -> str | None:
    """Why a model's catalogue path is not opened, or None to open it."""
    if target not in allowed:
        if folder is None:
            reason = "a model read from text names no file by itself"
        elif path.is_absolute():
            reason = "the path is absolute"
        elif not _inside(target, folder.resolve()):
            reason = "the path leaves the model's folder"
        else:
            reason = None
        if reason is not None:
            return (
                f"refused: {reason}; pass the file explicitly "
                f"(catalogues=[...] or --catalogue {path})"
            )
    if not target.is_file():
        return f"no catalogue file {os.fspath(path)!r} (looked for {target})"
    return None


def _given(
    given: Catalogues | None,
) -> tuple[dict[str, CatalogueSource], dict[Path, None]]:
    """The caller's catalogues: by id, and the files allowed (matched by path)."""
    if given is None:
        return {}, {}
    if isinstance(given, Mapping):
        return dict(given), {}
    if isinstance(given, str | os.PathLike):
        given = [given]
    return {}, {Path(item).resolve(): None for item in given}
