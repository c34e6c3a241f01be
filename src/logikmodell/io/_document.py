"""From parsed data to a LogicModel and back: the document level of the file format."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeAlias

import attrs

from logikmodell.errors import (
    InvalidValueError,
    LoadError,
    LogikmodellError,
    Problem,
    UnitError,
    UnknownIdError,
)
from logikmodell.graph import LogicModel
from logikmodell.io.converter import (
    converter,
    problems_of,
    resolving,
    structure_node,
    unstructure_value,
)
from logikmodell.model import (
    FORMAT_VERSION,
    Actor,
    Catalogue,
    CatalogueLink,
    Indicator,
    Link,
    ModelInfo,
    Risk,
    Transfer,
)
from logikmodell.positions import COLLECTIONS, Position, Positions

__all__ = ["CatalogueOpener", "from_data", "to_data"]

#: Finds the catalogues a model names: their ids to catalogues, and the problems.
CatalogueOpener: TypeAlias = Callable[
    [tuple[CatalogueLink, ...]], tuple[Mapping[str, Catalogue], list[Problem]]
]

_HEADER_KEYS = (
    "title",
    "id",
    "description",
    "owner",
    "period",
    "currency",
    "price_year",
    "target_group",
    "comparison",
    "economics",
    "catalogues",
    "metadata",
)
_COLLECTIONS: dict[str, Callable[[object], Any]] = {
    "actors": lambda raw: converter.structure(raw, Actor),
    "nodes": structure_node,
    "links": lambda raw: converter.structure(raw, Link),
    "indicators": lambda raw: converter.structure(raw, Indicator),
    "risks": lambda raw: converter.structure(raw, Risk),
    "transfers": lambda raw: converter.structure(raw, Transfer),
}
_TOP_KEYS = {"logikmodell", *_HEADER_KEYS, *_COLLECTIONS}


def from_data(
    data: object,
    source: str = "<string>",
    catalogues: CatalogueOpener | None = None,
    paths: Mapping[str, Position] | None = None,
) -> LogicModel:
    """Build a model from parsed data, reporting every problem with its path.

    References to catalogue entries resolve against what ``catalogues`` finds for
    the model's ``catalogues`` (none without it). ``paths``, the line and column of
    each path in the text where known, locate the problems, and the model carries
    them (:attr:`LogicModel.positions <logikmodell.graph.LogicModel.positions>`).

    Raises:
        LoadError: with one problem per thing wrong, in document order.
    """
    positions = None if paths is None else Positions(source=source, paths=paths)
    try:
        model = _from_data(data, source, catalogues)
    except LoadError as exc:
        if positions is None:
            raise
        raise LoadError(_located(exc.problems, positions), source) from None
    if positions is not None:
        model.positions = Positions(source=source, paths=positions.paths, elements=_elements(data))
    return model


def _located(problems: Iterable[Problem], positions: Positions) -> list[Problem]:
    """The problems with the line and column of their paths."""
    located = []
    for problem in problems:
        where = positions.of_path(problem.path)
        if where is not None and problem.line is None:
            problem = attrs.evolve(problem, line=where[0], column=where[1])
        located.append(problem)
    return located


def _elements(data: object) -> dict[tuple[str, str], str]:
    """The path of each element in the document, by ``(collection, id)``."""
    found: dict[tuple[str, str], str] = {}
    assert isinstance(data, dict)
    for name in COLLECTIONS:
        items = data.get(name)
        if not isinstance(items, list):
            continue
        for index, raw in enumerate(items):
            if not isinstance(raw, dict):
                continue
            id = raw.get("id") if name != "links" else f"{raw.get('from')}->{raw.get('to')}"
            if isinstance(id, str):
                found.setdefault((name, id), f"$.{name}[{index}]")
    return found


def _from_data(data: object, source: str, catalogues: CatalogueOpener | None) -> LogicModel:
    if not isinstance(data, dict):
        raise LoadError([Problem(path="$", message="expected a mapping at the top")], source)
    problems: list[Problem] = []
    version = data.get("logikmodell")
    if version is None:
        problems.append(
            Problem(
                path="$.logikmodell",
                message=f"required key missing (the format version, {FORMAT_VERSION})",
            )
        )
    elif version != FORMAT_VERSION or isinstance(version, bool):
        problems.append(
            Problem(
                path="$.logikmodell",
                message=f"unsupported format version {version!r}: "
                f"this library reads version {FORMAT_VERSION}",
            )
        )
    for key in data:
        if key not in _TOP_KEYS:
            problems.append(Problem(path=f"$.{key}", message="unknown key"))

    header = {key: data[key] for key in _HEADER_KEYS if key in data}
    info: ModelInfo | None = None
    try:
        info = converter.structure(header, ModelInfo)
    except Exception as exc:
        problems.extend(problems_of(exc, "$"))
    found: Mapping[str, Catalogue] = {}
    unavailable: frozenset[str] = frozenset()
    if info is not None and catalogues is not None:
        found, missing = catalogues(info.catalogues)
        problems.extend(missing)
        unavailable = frozenset(link.id for link in info.catalogues) - set(found)
    with resolving(found, info.price_year if info is not None else None, unavailable):
        parts = _collections(data, problems)
    if info is None:
        raise LoadError(problems, source)
    # The parts that structured are built even when others failed, so that every
    # problem is reported at once; references to a part that failed are not.
    model, found_problems = _build(info, parts)
    problems.extend(found_problems)
    if problems:
        raise LoadError(problems, source)
    return model


@attrs.define
class _Parts:
    """The structured items of each collection, where each came from, and the ids of
    the items that failed to structure."""

    items: dict[str, list[Any]] = attrs.Factory(dict)
    indexes: dict[str, list[int]] = attrs.Factory(dict)
    failed_ids: set[str] = attrs.Factory(set)


def _collections(data: dict[Any, Any], problems: list[Problem]) -> _Parts:
    """The model's lists, structured; each item that fails adds its problems."""
    parts = _Parts()
    for name, structure in _COLLECTIONS.items():
        raw_items = data.get(name, [])
        items: list[Any] = []
        indexes: list[int] = []
        parts.items[name] = items
        parts.indexes[name] = indexes
        if raw_items is None:
            continue
        if not isinstance(raw_items, list):
            problems.append(Problem(path=f"$.{name}", message="expected a list"))
            continue
        for index, raw in enumerate(raw_items):
            try:
                items.append(structure(raw))
            except Exception as exc:
                problems.extend(problems_of(exc, f"$.{name}[{index}]"))
                if isinstance(raw, dict) and isinstance(raw.get("id"), str):
                    parts.failed_ids.add(raw["id"])
            else:
                indexes.append(index)
    return parts


def _build(info: ModelInfo, parts: _Parts) -> tuple[LogicModel, list[Problem]]:
    """Build the model and list every part that breaks a rule.

    A part left out (by structuring or here) causes no ``unknown id`` problem in the
    parts that name it: it is reported once, where it is.
    """
    model, found = LogicModel.build(info, **parts.items)
    failed = set(parts.failed_ids)
    located = []
    for path, exc in found:
        name, _, rest = path[2:].partition("[")
        position = int(rest.rstrip("]"))
        index, part = parts.indexes[name][position], parts.items[name][position]
        if isinstance(getattr(part, "id", None), str):
            failed.add(part.id)
        located.append((f"$.{name}[{index}]", exc, part))
    problems = []
    for path, exc, part in located:
        if isinstance(exc, UnknownIdError) and exc.id in failed:
            other = _other_end(exc, part, model, failed)
            if other is None:
                continue
            exc = other
        field = getattr(exc, "field", None)
        problems.append(Problem(path=f"{path}.{field}" if field else path, message=_message(exc)))
    return model, problems


def _other_end(
    exc: UnknownIdError, part: object, model: LogicModel, failed: set[str]
) -> UnknownIdError | None:
    """A link whose ``from`` failed to load is checked no further: its ``to`` may be
    unknown too, and is then reported."""
    if isinstance(part, Link) and exc.field == "from":
        to = part.to_id
        if to not in model and to not in failed:
            return UnknownIdError(to, "node", "to")
    return None


def _message(exc: LogikmodellError) -> str:
    """What is wrong, without the field (the path names it)."""
    if isinstance(exc, InvalidValueError | UnitError):
        return exc.message
    if isinstance(exc, UnknownIdError):
        return f"unknown {exc.what} id {exc.id!r}"
    return str(exc)


def to_data(model: LogicModel) -> dict[str, object]:
    """Plain data for a model, keys in file order, ready for any writer."""
    header = unstructure_value(model.info)
    assert isinstance(header, dict)
    metadata = header.pop("metadata", None)
    out: dict[str, object] = {"logikmodell": FORMAT_VERSION, **header}
    for name in _COLLECTIONS:
        items = getattr(model, name)
        if items:
            out[name] = [unstructure_value(item) for item in items]
    if metadata is not None:
        out["metadata"] = metadata
    return out
