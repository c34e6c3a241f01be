"""Every result as tables: rows of plain values, CSV, Excel workbooks and pandas.

A result of logikmodell (the cost attribution, the appraisal and its sensitivity
and simulation, the validation report, the follow-up, the evaluation) describes
itself as named :class:`Table` objects through its ``tables()`` method; this module
turns them into everything else, so that no command writes a table its own way:

* :meth:`Table.to_rows` and ``result.to_rows()``: a list of dicts, one per row,
  keyed by the columns' stable keys. Money is :class:`~decimal.Decimal` with two
  places (rounded half away from zero, exactly the figure of the JSON), counts and
  years are ``int``, ratios, shares and quantities ``float``, dates
  :class:`datetime.date`, absent values ``None``.
* :func:`to_csv`: UTF-8 text, comma-separated, a header row of the keys, money as
  plain decimal text with a point (``1240000.00``), no thousands separators.
* :func:`to_xlsx`: a workbook with one sheet per table, headed in the chosen
  language, numbers as numbers with number formats (money with its currency),
  column widths set and the header row frozen. Needs openpyxl (extra ``xlsx``).
* :func:`to_pandas`: a :class:`pandas.DataFrame` per table (extra ``pandas``).

openpyxl and pandas are imported on first use, never by ``import logikmodell``.
"""

from __future__ import annotations

import csv
import datetime as dt
import enum
import io
import math
from collections.abc import Iterable, Sequence
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import attrs

from logikmodell.errors import ExtraMissingError
from logikmodell.i18n import N_, Lang, resolve_lang, translate
from logikmodell.numbers import round_half_away

if TYPE_CHECKING:
    import pandas

__all__ = [
    "Cell",
    "Column",
    "Kind",
    "Table",
    "Tabular",
    "money_cell",
    "number_cell",
    "ore_cell",
    "stacked",
    "table",
    "table_named",
    "to_csv",
    "to_pandas",
    "to_xlsx",
    "write_csv",
    "write_xlsx",
]

#: What a cell of a row holds.
Cell = str | int | float | Decimal | bool | dt.date | None


class Kind(enum.StrEnum):
    """What a column holds, which says how each format writes it."""

    TEXT = "text"  #: words and ids: ``str``
    MONEY = "money"  #: an amount in the table's currency: ``Decimal`` with two places
    INTEGER = "integer"  #: a count or a year index: ``int``
    RATIO = "ratio"  #: a ratio such as the benefit–cost ratio: ``float``
    SHARE = "share"  #: a fraction, 0.25 for 25 %: ``float``
    QUANTITY = "quantity"  #: a number of units or a measured value: ``float``
    FACTOR = "factor"  #: a discount factor: ``float``
    DATE = "date"  #: a day: :class:`datetime.date`
    BOOLEAN = "boolean"  #: yes or no: ``bool``


#: The Excel number format of each kind (money adds its currency).
_NUMBER_FORMATS = {
    Kind.MONEY: "#,##0.00",
    Kind.INTEGER: "0",
    Kind.RATIO: "0.000",
    Kind.SHARE: "0.0%",
    Kind.QUANTITY: "#,##0.00",
    Kind.FACTOR: "0.0000",
    Kind.DATE: "yyyy-mm-dd",
}


@attrs.frozen(kw_only=True)
class Column:
    """One column of a table.

    Attributes:
        key: the stable identifier: the key of each row dict, the CSV header, the
            pandas column; it never changes with the language.
        kind: what the column holds (:class:`Kind`).
        title: the header a person reads in a workbook, an English catalogue
            message translated when it is written.
    """

    key: str
    kind: Kind
    title: str


@attrs.frozen(kw_only=True)
class Table:
    """A named table of a result: its columns and its rows of plain values.

    Attributes:
        name: the table's stable name (``summary``, ``nodes``, ``years``, …): the
            file name of its CSV and what ``--table`` selects.
        title: the sheet name a person reads, an English catalogue message.
        columns: the columns, in order.
        rows: the cells of each row, in the order of ``columns``.
        currency: the currency of the money columns, or None when there are none.
        note: a sentence a reader must not miss (e.g. that stages do not add up),
            an English catalogue message, or None.
    """

    name: str
    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    currency: str | None = None
    note: str | None = None

    @property
    def keys(self) -> tuple[str, ...]:
        """The columns' keys, in order."""
        return tuple(column.key for column in self.columns)

    def to_rows(self) -> list[dict[str, Cell]]:
        """One dict per row, keyed by the columns' keys."""
        keys = self.keys
        return [dict(zip(keys, row, strict=True)) for row in self.rows]


def table(
    name: str,
    title: str,
    columns: Sequence[tuple[str, Kind, str]],
    rows: Iterable[Sequence[Cell]],
    *,
    currency: str | None = None,
    note: str | None = None,
) -> Table:
    """A :class:`Table` from ``(key, kind, title)`` triples and rows of cells."""
    made = tuple(Column(key=key, kind=kind, title=title) for key, kind, title in columns)
    cells = tuple(tuple(row) for row in rows)
    for row in cells:
        if len(row) != len(made):
            raise ValueError(f"table {name}: a row has {len(row)} cells for {len(made)} columns")
    return Table(name=name, title=title, columns=made, rows=cells, currency=currency, note=note)


# ---------------------------------------------------------------------- cells
def ore_cell(ore: int) -> Decimal:
    """Whole öre as a money cell: ``Decimal`` kronor with two places (``12345`` → ``123.45``)."""
    return Decimal(ore).scaleb(-2)


def money_cell(amount: Fraction | int | None) -> Decimal | None:
    """An exact amount as a money cell, rounded to the öre half away from zero."""
    if amount is None:
        return None
    return ore_cell(round_half_away(Fraction(amount) * 100))


def number_cell(value: Fraction | float | None) -> float | None:
    """A ratio, share or quantity as a float cell; None beyond a float's range or for NaN."""
    if value is None:
        return None
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if math.isfinite(number) else None


# ---------------------------------------------------------------------- results
class Tabular:
    """What every result with tables offers: :meth:`to_rows` and :meth:`to_pandas`.

    A class that mixes it in defines ``tables(lang=None)``; its first table is the
    main one.
    """

    __slots__ = ()

    def tables(self, lang: str | None = None) -> tuple[Table, ...]:
        """The result's tables, the main one first."""
        raise NotImplementedError

    def to_rows(
        self, table: str | None = None, *, lang: str | None = None
    ) -> list[dict[str, Cell]]:
        """The rows of one table (the main one by default) as plain dicts.

        Money is ``Decimal`` with two places, counts and years ``int``, ratios and
        shares ``float``; the class's docstring lists its tables and their columns.

        Args:
            table: the table's name; None for the main table.
            lang: the language of the sentences in cells (validation messages);
                None for the environment's.

        Raises:
            KeyError: the result has no table of that name.
        """
        return table_named(self.tables(lang), table).to_rows()

    def to_pandas(
        self,
        table: str | None = None,
        *,
        money: Literal["decimal", "float"] = "decimal",
        lang: str | None = None,
    ) -> pandas.DataFrame:
        """One table (the main one by default) as a pandas DataFrame.

        Money columns hold :class:`~decimal.Decimal` (exact, ``object`` dtype), or
        ``float64`` with ``money="float"``; ratios, shares and quantities are
        ``float64`` (missing values NaN), counts and years integers (``Int64``
        where a value is missing), dates ``datetime64``, text ``object``.

        Raises:
            ExtraMissingError: pandas is not installed (``pip install 'logikmodell[pandas]'``).
            KeyError: the result has no table of that name.
        """
        return to_pandas(table_named(self.tables(lang), table), money=money)


def table_named(tables: Sequence[Table], name: str | None) -> Table:
    """The table called ``name`` among ``tables``, or the first when ``name`` is None.

    Raises:
        KeyError: no table has that name; the message lists the names there are.
    """
    if name is None:
        return tables[0]
    for candidate in tables:
        if candidate.name == name:
            return candidate
    names = ", ".join(candidate.name for candidate in tables)
    raise KeyError(f"no table {name!r}; the tables are: {names}")


def stacked(
    parts: Sequence[tuple[str, Sequence[Table]]], *, key: str = "file"
) -> tuple[Table, ...]:
    """The tables of several results of one kind, each as one table with a first column.

    Every row is led by its result's name in the column ``key`` (titled *File*), so
    that the findings of several model files make one table.
    """
    if not parts:
        return ()
    combined = []
    for index, first in enumerate(parts[0][1]):
        rows = [(name, *row) for name, tables in parts for row in tables[index].rows]
        columns = (Column(key=key, kind=Kind.TEXT, title=N_("File")), *first.columns)
        combined.append(attrs.evolve(first, columns=columns, rows=tuple(rows)))
    return tuple(combined)


# ---------------------------------------------------------------------- CSV
def _csv_cell(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "true" if cell else "false"
    if isinstance(cell, Decimal):
        return format(cell, "f")
    if isinstance(cell, float):
        return repr(cell)
    if isinstance(cell, dt.date):
        return cell.isoformat()
    return str(cell)


def to_csv(table: Table) -> str:
    """The table as CSV: a header row of the column keys, then one line per row.

    Money is plain decimal text with a point and two places, without thousands
    separators; booleans ``true``/``false``; an empty field is a missing value.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.keys)
    for row in table.rows:
        writer.writerow([_csv_cell(cell) for cell in row])
    return out.getvalue()


def write_csv(tables: Sequence[Table], folder: Path) -> list[Path]:
    """Write each table to ``folder/<name>.csv`` (UTF-8), each file atomically.

    The folder is made if it does not exist. Returns the files written.
    """
    from logikmodell._files import write_atomically

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for one in tables:
        path = folder / f"{one.name}.csv"
        write_atomically(path, to_csv(one).encode("utf-8"))
        written.append(path)
    return written


# ---------------------------------------------------------------------- xlsx
_SHEET_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", "-"))


def _sheet_names(tables: Sequence[Table], lang: Lang) -> list[str]:
    """The sheets' names: the translated titles, at most 31 characters, unique."""
    names: list[str] = []
    for one in tables:
        base = translate(lang, one.title).translate(_SHEET_FORBIDDEN)[:31] or one.name[:31]
        name, n = base, 2
        while name.casefold() in (taken.casefold() for taken in names):
            suffix = f" {n}"
            name, n = base[: 31 - len(suffix)] + suffix, n + 1
        names.append(name)
    return names


def _number_format(column: Column, currency: str | None) -> str | None:
    number_format = _NUMBER_FORMATS.get(column.kind)
    if column.kind is Kind.MONEY and currency:
        number_format = f'{number_format} "{currency}"'
    return number_format


def _shown_width(cell: Cell, column: Column) -> int:
    """About how many characters the cell shows with its number format."""
    if cell is None:
        return 0
    if column.kind is Kind.MONEY and isinstance(cell, Decimal):
        return len(f"{cell:,.2f}") + 4
    if column.kind is Kind.SHARE and isinstance(cell, float):
        return len(f"{cell * 100:.1f}") + 2
    if column.kind in (Kind.RATIO, Kind.QUANTITY, Kind.FACTOR) and isinstance(cell, float):
        return len(f"{cell:,.4f}")
    return len(_csv_cell(cell))


def to_xlsx(tables: Sequence[Table], *, lang: str | None = None) -> bytes:
    """The tables as an Excel workbook (.xlsx), one sheet per table.

    Sheets and headers are in ``lang``; numbers are numbers with a number format
    (money with its currency, ``#,##0.00 "SEK"``; shares as percentages), dates
    are dates, the columns are as wide as their content and the header row is
    frozen. A table's note is written two rows below its last row.

    Raises:
        ExtraMissingError: openpyxl is not installed (``pip install 'logikmodell[xlsx]'``).
    """
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter
    except ImportError:
        raise ExtraMissingError("openpyxl", "xlsx") from None

    language = resolve_lang(lang)
    workbook = Workbook()
    workbook.remove(workbook.active)  # type: ignore[arg-type]
    bold = Font(bold=True)
    for one, name in zip(tables, _sheet_names(tables, language), strict=True):
        sheet = workbook.create_sheet(title=name)
        headers = [translate(language, column.title) for column in one.columns]
        sheet.append(headers)
        for cell in sheet[1]:
            cell.font = bold
        formats = [_number_format(column, one.currency) for column in one.columns]
        widths = [len(header) for header in headers]
        for r, row in enumerate(one.rows, start=2):
            for c, (value, column) in enumerate(zip(row, one.columns, strict=True), start=1):
                cell = sheet.cell(row=r, column=c, value=value)
                if formats[c - 1] is not None and value is not None:
                    cell.number_format = formats[c - 1]
                widths[c - 1] = max(widths[c - 1], _shown_width(value, column))
        if one.note is not None:
            sheet.cell(row=len(one.rows) + 3, column=1, value=translate(language, one.note))
        for c, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(c)].width = min(max(width + 2, 8), 60)
        sheet.freeze_panes = "A2"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def write_xlsx(tables: Sequence[Table], path: Path, *, lang: str | None = None) -> Path:
    """Write :func:`to_xlsx` of the tables to ``path`` atomically; returns the path."""
    from logikmodell._files import write_atomically

    write_atomically(path, to_xlsx(tables, lang=lang))
    return path


# ---------------------------------------------------------------------- pandas
def to_pandas(table: Table, *, money: Literal["decimal", "float"] = "decimal") -> pandas.DataFrame:
    """The table as a :class:`pandas.DataFrame` with the column keys as its columns.

    Money columns hold :class:`~decimal.Decimal` (``object`` dtype), or ``float64``
    with ``money="float"``; ratios, shares, quantities and factors ``float64``
    (missing: NaN); counts and years ``int64`` (``Int64`` when one is missing);
    dates ``datetime64``; text and booleans as they are.

    Raises:
        ExtraMissingError: pandas is not installed (``pip install 'logikmodell[pandas]'``).
    """
    if money not in ("decimal", "float"):
        raise ValueError(f"money must be 'decimal' or 'float', not {money!r}")
    try:
        import pandas
    except ImportError:
        raise ExtraMissingError("pandas", "pandas") from None

    data = {
        column.key: _series([row[index] for row in table.rows], column.kind, money)
        for index, column in enumerate(table.columns)
    }
    return pandas.DataFrame(data, columns=list(table.keys))


_FLOAT_KINDS = (Kind.RATIO, Kind.SHARE, Kind.QUANTITY, Kind.FACTOR)


def _as_float(cell: Cell) -> float:
    """A number cell as a float; NaN for a missing one."""
    if isinstance(cell, int | float | Decimal):
        return float(cell)
    return math.nan


def _series(values: list[Cell], kind: Kind, money: str) -> pandas.Series:
    import pandas

    if kind in _FLOAT_KINDS or (kind is Kind.MONEY and money == "float"):
        return pandas.Series([_as_float(value) for value in values], dtype="float64")
    if kind is Kind.INTEGER:
        return pandas.Series(values, dtype="Int64" if None in values else "int64")
    if kind is Kind.DATE:
        return pandas.Series(pandas.to_datetime(pandas.Series(values, dtype="object")))
    return pandas.Series(values, dtype="object")
