"""Follow-up data from CSV files: measurements of indicators and actual spending.

A data file is a table with a header line. Its columns say what it holds:

* measurements: ``indicator,date,value`` and optionally ``note`` and ``group``;
* actuals: ``resource,year,amount`` and optionally ``note``.

``group`` says whose value a measurement is: ``treated`` (the default; an empty
cell is ``treated`` too) for the investment's target group, ``comparison`` for the
comparison alternative (a control group or historical cohort, DESIGN §16): the
latter join the indicator's ``comparison_measurements``.

Columns may come in any order; a file exported with semicolons (as spreadsheets in
Swedish do) is read too, and then a value may use a decimal comma. ``year`` is the
year index of the model (``0`` is the first year), or a calendar year (``2027``)
when the model has a period or a price year. ``amount`` is a number in the model's
currency or an amount with its unit (``1 100 000 SEK``, ``1,1 MSEK``).

:func:`read_data` reads files into :class:`DataTable` values (rows kept as text
with their line numbers, so that other kinds of table can reuse the reader);
:func:`merge_data` checks them against a model and returns a new model with the
data added. Every problem in every file is reported in one :class:`DataError`,
each as ``FILE:LINE: column: message``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from logikmodell.errors import DataError, DataProblem, LogikmodellError
from logikmodell.model.elements import Observation
from logikmodell.model.nodes import Actual, Resource
from logikmodell.model.quantity import Quantity
from logikmodell.model.units import require_currency
from logikmodell.numbers import parse_number, split_number

if TYPE_CHECKING:
    from logikmodell.graph import LogicModel

__all__ = [
    "GROUPS",
    "KINDS",
    "MAX_DATA_BYTES",
    "DataKind",
    "DataRow",
    "DataTable",
    "merge_data",
    "read_data",
    "read_table",
]

#: The largest data file read (bytes).
MAX_DATA_BYTES = 50 * 2**20


@attrs.frozen
class DataKind:
    """A kind of data table: the columns it must have and those it may have.

    Attributes:
        name: ``"measurements"`` or ``"actuals"``.
        key: the column whose presence in the header names the kind.
        required: the columns every file of this kind has.
        optional: the columns it may have besides.
    """

    name: str
    key: str
    required: tuple[str, ...]
    optional: tuple[str, ...] = ()

    @property
    def columns(self) -> tuple[str, ...]:
        """Every column a file of this kind may have."""
        return self.required + self.optional


#: The kinds of data file, by name.
KINDS: dict[str, DataKind] = {
    "measurements": DataKind(
        "measurements", "indicator", ("indicator", "date", "value"), ("note", "group")
    ),
    "actuals": DataKind("actuals", "resource", ("resource", "year", "amount"), ("note",)),
}


#: The values of a measurement's ``group`` column, and the field each fills.
GROUPS: dict[str, str] = {
    "treated": "measurements",
    "comparison": "comparison_measurements",
}


@attrs.frozen
class DataRow:
    """One line of a data file: its number (the header is line 1) and its cells."""

    line: int
    cells: Mapping[str, str]


@attrs.frozen
class DataTable:
    """A data file read as text: its kind, its columns and its rows."""

    source: str
    kind: DataKind
    columns: tuple[str, ...]
    rows: tuple[DataRow, ...]


def _kind_of(header: Sequence[str]) -> DataKind | None:
    for kind in KINDS.values():
        if kind.key in header:
            return kind
    return None


def _header_problems(source: str, header: Sequence[str], kind: DataKind) -> list[DataProblem]:
    problems = []
    for column in header:
        if column not in kind.columns:
            expected = ", ".join(kind.columns)
            message = f"unknown column in a file of {kind.name} (expected {expected})"
            problems.append(DataProblem(source, 1, column or "(empty)", message))
    seen: set[str] = set()
    for column in header:
        if column in seen:
            problems.append(DataProblem(source, 1, column, "column given twice"))
        seen.add(column)
    for column in kind.required:
        if column not in header:
            problems.append(DataProblem(source, 1, column, "required column missing"))
    return problems


def _decode(source: str, data: bytes) -> str:
    if len(data) > MAX_DATA_BYTES:
        raise DataError([DataProblem(source, 1, "-", f"file larger than {MAX_DATA_BYTES} bytes")])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DataError([DataProblem(source, line, "-", "not UTF-8 text")]) from None


def read_table(text: str, source: str = "<data>") -> DataTable:
    """Read the text of one data file.

    Raises:
        DataError: the header names no kind, or has unknown, doubled or missing
            columns; or a line has more cells than the header.
    """
    first = text.split("\n", 1)[0]
    delimiter = ";" if ";" in first and "," not in first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        lines = list(reader)
    except csv.Error as exc:
        raise DataError([DataProblem(source, reader.line_num, "-", str(exc))]) from None
    if not lines or not any(cell.strip() for cell in lines[0]):
        expected = " or ".join(",".join(kind.required) for kind in KINDS.values())
        raise DataError([DataProblem(source, 1, "-", f"expected a header line: {expected}")])
    header = [cell.strip().lower() for cell in lines[0]]
    kind = _kind_of(header)
    if kind is None:
        expected = " or ".join(",".join(k.required) for k in KINDS.values())
        message = f"cannot tell what the file holds: expected the columns {expected}"
        raise DataError([DataProblem(source, 1, "-", message)])
    problems = _header_problems(source, header, kind)
    rows = []
    for number, cells in enumerate(lines[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue  # blank lines are allowed
        if len(cells) > len(header):
            problems.append(
                DataProblem(
                    source, number, "-", f"{len(cells)} cells, the header has {len(header)}"
                )
            )
            continue
        padded = [*cells, *([""] * (len(header) - len(cells)))]
        rows.append(DataRow(number, dict(zip(header, (c.strip() for c in padded), strict=True))))
    if problems:
        raise DataError(problems)
    return DataTable(source=source, kind=kind, columns=tuple(header), rows=tuple(rows))


def read_data(paths: Iterable[str | os.PathLike[str]]) -> tuple[DataTable, ...]:
    """Read data files; every problem in every file is reported together.

    Raises:
        DataError: a file cannot be read, or its header is wrong.
    """
    tables = []
    problems: list[DataProblem] = []
    for path in paths:
        source = os.fspath(path)
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            problems.append(DataProblem(source, 1, "-", f"cannot read the file: {exc.strerror}"))
            continue
        try:
            tables.append(read_table(_decode(source, data), source))
        except DataError as exc:
            problems += exc.data_problems
    if problems:
        raise DataError(problems)
    return tuple(tables)


# ---------------------------------------------------------------------- values
class _CellError(LogikmodellError, ValueError):
    def __init__(self, column: str, message: str) -> None:
        super().__init__(column, message)
        self.column = column
        self.message = message


def _date(text: str) -> dt.date:
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
    except ValueError:
        pass
    raise _CellError("date", f"expected a date (YYYY-MM-DD), got {text!r}")


def _value(text: str) -> Observation:
    try:
        number = parse_number(text)
    except ValueError:
        raise _CellError("value", f"expected a number, got {text!r}") from None
    try:
        return Observation(value=number)
    except LogikmodellError as exc:
        raise _CellError("value", getattr(exc, "message", str(exc))) from None


def _year(model: LogicModel, text: str) -> int:
    try:
        year = int(text)
    except ValueError:
        raise _CellError("year", f"expected a whole number, got {text!r}") from None
    if year < 0:
        raise _CellError("year", f"expected a year index ≥ 0 or a calendar year, got {year}")
    if year < 1000:
        return year
    base = model.period.start.year if model.period is not None else model.info.price_year
    if base is None:
        raise _CellError(
            "year", f"{year} looks like a calendar year, but the model has no period: give an index"
        )
    if year < base:
        raise _CellError("year", f"{year} is before the model's first year, {base}")
    return year - base


def _group(text: str) -> str:
    group = text.strip().lower() or "treated"
    if group not in GROUPS:
        raise _CellError("group", f"expected treated or comparison, got {text!r}")
    return group


def _amount(model: LogicModel, text: str) -> Quantity:
    split = split_number(text)
    if split is None:
        raise _CellError(
            "amount", f"expected an amount (a number, or '<number> <unit>'), got {text!r}"
        )
    value, unit = split
    try:
        quantity = Quantity(value=value, unit=unit or model.currency)
        require_currency("amount", quantity, model.currency)
    except LogikmodellError as exc:
        raise _CellError("amount", getattr(exc, "message", str(exc))) from None
    return quantity


# ---------------------------------------------------------------------- merging
@attrs.define
class _Merge:
    model: LogicModel
    problems: list[DataProblem] = attrs.Factory(list)
    measurements: dict[tuple[str, str], list[Observation]] = attrs.Factory(dict)
    actuals: dict[str, list[Actual]] = attrs.Factory(dict)
    seen: dict[tuple[object, ...], str] = attrs.Factory(dict)

    def problem(self, table: DataTable, row: DataRow, column: str, message: str) -> None:
        self.problems.append(DataProblem(table.source, row.line, column, message))

    def duplicate(self, key: tuple[object, ...], where: str) -> str | None:
        """Where ``key`` was seen before, else None (and remember it as ``where``)."""
        if key in self.seen:
            return self.seen[key]
        self.seen[key] = where
        return None

    def measurement(self, table: DataTable, row: DataRow) -> None:
        cells = row.cells
        id = cells["indicator"]
        known = {indicator.id: indicator for indicator in self.model.indicators}
        if id not in known:
            self.problem(table, row, "indicator", f"unknown indicator {id!r}")
        parsed: dict[str, object] = {}
        for column, parse in (("date", _date), ("value", _value), ("group", _group)):
            try:
                parsed[column] = parse(cells.get(column, ""))
            except _CellError as exc:
                self.problem(table, row, exc.column, exc.message)
        if id not in known or len(parsed) < 3:
            return
        date, value, group = parsed["date"], parsed["value"], parsed["group"]
        assert isinstance(date, dt.date)
        assert isinstance(value, Observation)
        assert isinstance(group, str)
        for measurement in getattr(known[id], GROUPS[group]):
            self.duplicate((id, group, measurement.date), "the model")
        before = self.duplicate((id, group, date), f"line {row.line} of {table.source}")
        if before is not None:
            whose = "indicator" if group == "treated" else "the comparison group of indicator"
            message = f"duplicate date {date.isoformat()} for {whose} {id!r} (also in {before})"
            self.problem(table, row, "date", message)
            return
        note = cells.get("note") or None
        observation = Observation(value=value.value, date=date, note=note)
        self.measurements.setdefault((id, group), []).append(observation)

    def actual(self, table: DataTable, row: DataRow) -> None:
        cells = row.cells
        id = cells["resource"]
        node = self.model.node(id) if id in self.model else None
        if not isinstance(node, Resource):
            self.problem(table, row, "resource", f"unknown resource {id!r}")
        parsed: dict[str, object] = {}
        for column in ("year", "amount"):
            try:
                parsed[column] = (_year if column == "year" else _amount)(self.model, cells[column])
            except _CellError as exc:
                self.problem(table, row, exc.column, exc.message)
        if not isinstance(node, Resource) or len(parsed) < 2:
            return
        year = parsed["year"]
        assert isinstance(year, int)
        for actual in node.actuals:
            self.duplicate((id, actual.year), "the model")
        before = self.duplicate((id, year), f"line {row.line} of {table.source}")
        if before is not None:
            message = f"duplicate year {year} for resource {id!r} (also in {before})"
            self.problem(table, row, "year", message)
            return
        amount = parsed["amount"]
        assert isinstance(amount, Quantity)
        self.actuals.setdefault(id, []).append(
            Actual(year=year, amount=amount, note=cells.get("note") or None)
        )

    def result(self) -> LogicModel:
        model = self.model.copy()
        for (id, group), observations in self.measurements.items():
            indicator = next(i for i in model.indicators if i.id == id)
            added = sorted(observations, key=lambda o: o.date or dt.date.min)
            if group == "treated":
                added = [*indicator.measurements, *added]
                changed = attrs.evolve(indicator, measurements=tuple(added))
            else:
                added = [*indicator.comparison_measurements, *added]
                changed = attrs.evolve(indicator, comparison_measurements=tuple(added))
            model.replace_indicator(changed)
        for id, actuals in self.actuals.items():
            node = model.node(id)
            assert isinstance(node, Resource)
            added_actuals = sorted(actuals, key=lambda a: a.year)
            model.replace_node(attrs.evolve(node, actuals=(*node.actuals, *added_actuals)))
        return model


def merge_data(model: LogicModel, tables: Iterable[DataTable]) -> LogicModel:
    """A new model with the measurements and actuals of ``tables`` added.

    Measurements go after an indicator's own, in date order (those of the group
    ``comparison`` after its ``comparison_measurements``); actuals after a
    resource's own, in year order. ``model`` is not changed.

    Raises:
        DataError: every problem in every table: an unknown indicator or resource,
            a date that is not ISO (YYYY-MM-DD), a value that is not a number, a
            group that is neither ``treated`` nor ``comparison``, an amount not in
            the model's currency, a date (or year) given twice for the same
            indicator and group (or resource), in the data or already in the model.
    """
    merge = _Merge(model)
    for table in tables:
        add = merge.measurement if table.kind.name == "measurements" else merge.actual
        for row in table.rows:
            add(table, row)
    if merge.problems:
        raise DataError(merge.problems)
    return merge.result()
