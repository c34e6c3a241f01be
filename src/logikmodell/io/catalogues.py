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
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, TypeAlias

import attrs

from logikmodell.errors import LoadError, Problem
from logikmodell.io._document import _located
from logikmodell.io._parse import _decode, parse_document
from logikmodell.io._write import write_text
from logikmodell.io.converter import converter, problems_of, unstructure_value
from logikmodell.io.limits import DEFAULT_LIMITS, Limits, too_large
from logikmodell.model import Catalogue, CatalogueEntry, CatalogueLink, PriceIndex
from logikmodell.model.catalogue import CATALOGUE_FORMAT_VERSION, catalogue_problems
from logikmodell.positions import Position, Positions

__all__ = [
    "CATALOGUE_FORMATS",
    "INDICES_SUFFIX",
    "CatalogueSource",
    "Catalogues",
    "catalogue_format_of",
    "dumps_catalogue",
    "indices_path",
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
#: The ending of the file beside a CSV catalogue that holds its price indices
#: (those of ``kpb.csv`` are in ``kpb.indices.csv``).
INDICES_SUFFIX = ".indices.csv"
_INDEX_COLUMNS = ("id", "label", "source")
_YEAR = re.compile(r"^\d{4}$")

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
    indices: str | bytes | None = None,
    indices_source: str = "<indices>",
) -> Catalogue:
    """Read a catalogue from text.

    Args:
        text: the document, as text or UTF-8 bytes.
        format: ``"yaml"``, ``"json"``, ``"toml"`` or ``"csv"`` (entries alone).
        source: the name used in error messages (a CSV catalogue's title is its stem).
        limits: the same bounds as for a model; ``max_nodes`` bounds the entries.
        indices: for CSV, the text of its price indices: a header row ``id,label,
            source`` and one column per year, one index per row (see
            :func:`~logikmodell.catalogue.indices_path`).
        indices_source: the name of ``indices`` in error messages.

    Raises:
        LoadError: every problem found, each with its path (and line and column,
            except in TOML).

    Example:
        >>> cat = loads_catalogue("id,label,amount,price_year\\nhvb,HVB,4200 SEK/day,2024\\n",
        ...                       "csv", source="kommun.csv")
        >>> cat.title, cat.entries[0].price_year
        ('kommun', 2024)
        >>> entries = "id,label,amount,price_year,index\\nhvb,HVB,4200 SEK/day,2024,ix\\n"
        >>> indices = "id,label,2024,2026\\nix,Index,100,104.5\\n"
        >>> cat = loads_catalogue(entries, "csv", indices=indices)
        >>> cat.index("ix").values[2026]
        Fraction(209, 2)
    """
    if format not in CATALOGUE_FORMATS:
        raise ValueError(
            f"unknown format {format!r}: expected one of {', '.join(CATALOGUE_FORMATS)}"
        )
    if indices is not None and format != "csv":
        raise ValueError("indices go with a CSV catalogue; other formats hold their own")
    data: object
    paths: Mapping[str, Position] | None
    if format == "csv":
        data, paths = _csv_data(text, source, limits)
        if indices is not None:
            assert isinstance(data, dict)
            data["indices"] = _csv_indices(indices, indices_source, limits)
    else:
        data, paths = parse_document(text, format, source, limits)
    try:
        return _from_data(data, source, limits)
    except LoadError as exc:
        if paths is None:
            raise
        raise LoadError(_located(exc.problems, Positions(source, paths)), source) from None


def indices_path(path: str | os.PathLike[str]) -> Path:
    """Where the price indices of the CSV catalogue ``path`` are: beside it, named
    after it, ``kpb.csv`` → ``kpb.indices.csv``.

    Example:
        >>> indices_path("data/kpb.csv").as_posix()
        'data/kpb.indices.csv'
    """
    path = Path(path)
    return path.with_name(path.stem + INDICES_SUFFIX)


def load_catalogue(
    path: str | os.PathLike[str],
    format: str | None = None,
    *,
    limits: Limits = DEFAULT_LIMITS,
) -> Catalogue:
    """Read a catalogue from a file; the format comes from the suffix unless given.

    A CSV catalogue takes its price indices from the file beside it that
    :func:`~logikmodell.catalogue.indices_path` names, when there is one.

    Raises:
        LoadError: the file cannot be read, or holds problems (each with its path).
    """
    source = os.fspath(path)
    try:
        fmt = format or catalogue_format_of(path)
    except ValueError as exc:
        raise LoadError([Problem(path="$", message=str(exc))], source) from None
    data = _read(path, limits)
    indices = None
    companion = indices_path(path)
    if fmt == "csv" and companion.is_file():
        indices = _read(companion, limits)
    return loads_catalogue(
        data, fmt, source=source, limits=limits, indices=indices, indices_source=str(companion)
    )


def _read(path: str | os.PathLike[str], limits: Limits) -> bytes:
    try:
        with Path(path).open("rb") as file:
            return file.read(limits.max_bytes + 1)
    except OSError as exc:
        raise LoadError(
            [Problem(path="$", message=f"cannot read the file: {exc.strerror}")], os.fspath(path)
        ) from None


def dumps_catalogue(catalogue: Catalogue, format: str = "yaml") -> str:
    """Write a catalogue as YAML, JSON or TOML; equal catalogues give equal text."""
    data = unstructure_value(catalogue)
    assert isinstance(data, dict)
    return write_text({"logikmodell-catalogue": CATALOGUE_FORMAT_VERSION, **data}, format)


def _csv_rows(text: str | bytes, source: str, limits: Limits) -> list[list[str]]:
    """The rows of a CSV text, the header first; an error if there is no header."""
    if len(text) > limits.max_bytes:
        raise too_large(limits, source)
    try:
        rows = list(csv.reader(io.StringIO(_decode(text, source), newline="")))
    except csv.Error as exc:
        raise LoadError([Problem(path="$", message=f"CSV syntax error: {exc}")], source) from None
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise LoadError(
            [Problem(path="$", message="expected a header row of field names", line=1, column=1)],
            source,
        )
    if len(rows) - 1 > limits.max_nodes:
        raise LoadError(
            [Problem(path="$", message=f"more than {limits.max_nodes} entries (the limit)")],
            source,
        )
    return rows


def _csv_data(
    text: str | bytes, source: str, limits: Limits
) -> tuple[dict[str, object], dict[str, Position]]:
    """A CSV catalogue as document data, and the line and column of each entry's cells."""
    rows = _csv_rows(text, source, limits)
    header = [name.strip() for name in rows[0]]
    entries: list[dict[str, object]] = []
    paths: dict[str, Position] = {"$": (1, 1)}
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        path = f"$.entries[{len(entries)}]"
        paths[path] = (line, 1)
        entry: dict[str, object] = {}
        for number, cell in enumerate(row):
            name = header[number] if number < len(header) else f"column {number + 1}"
            if cell.strip():
                entry[name] = _csv_cell(name, cell.strip())
                paths.setdefault(f"{path}.{name}", (line, number + 1))
        entries.append(entry)
    data: dict[str, object] = {
        "logikmodell-catalogue": CATALOGUE_FORMAT_VERSION,
        "title": Path(source).stem or source,
        "entries": entries,
    }
    return data, paths


def _csv_indices(text: str | bytes, source: str, limits: Limits) -> list[dict[str, object]]:
    """The price indices of a CSV catalogue from their own CSV text, checked on their
    own, so that every problem names that file, its line and its column."""
    rows = _csv_rows(text, source, limits)
    header = [name.strip() for name in rows[0]]
    problems: list[Problem] = []
    for number, name in enumerate(header):
        if name not in _INDEX_COLUMNS and not _YEAR.match(name):
            problems.append(
                Problem(
                    path=f"$.{name or f'column {number + 1}'}",
                    message="unknown column: expected id, label, source or a year (YYYY)",
                    line=1,
                    column=number + 1,
                )
            )
    indices: list[dict[str, object]] = []
    paths: dict[str, Position] = {"$": (1, 1)}
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        path = f"$.indices[{len(indices)}]"
        paths[path] = (line, 1)
        index: dict[str, object] = {}
        values: dict[str, object] = {}
        for number, cell in enumerate(row):
            name = header[number] if number < len(header) else f"column {number + 1}"
            if not cell.strip():
                continue
            if _YEAR.match(name):
                values[name] = _number(cell.strip())
                paths[f"{path}.values.{name}"] = (line, number + 1)
            elif name in _INDEX_COLUMNS or number >= len(header):
                index[name] = cell.strip()
                paths[f"{path}.{name}"] = (line, number + 1)
        if values:
            index["values"] = values
        indices.append(index)
    structured = _items({"indices": indices}, "indices", PriceIndex, problems)
    if not problems:  # duplicate ids, once every index reads
        found = catalogue_problems(structured, ())
        problems += [Problem(path=path, message=message) for path, message in found]
    if problems:
        raise LoadError(_located(problems, Positions(source, paths)), source)
    return indices


def _number(cell: str) -> object:
    """A CSV cell as an exact number, or the text as it is (the converter says why not)."""
    try:
        number = Decimal(cell)
    except InvalidOperation:
        return cell
    return number if number.is_finite() else cell


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
