"""Searching a catalogue and listing its entries as rows, JSON data or CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from logikmodell.model.catalogue import Catalogue, CatalogueEntry, PriceIndex
from logikmodell.numbers import format_decimal

__all__ = ["COLUMNS", "entry_rows", "indices_to_csv", "search", "to_csv", "to_dict"]

#: The columns of a CSV listing, in order: the fields of an entry (rows of JSON
#: data have the amount's number and ``unit`` apart).
COLUMNS = (
    "id",
    "label",
    "amount",
    "price_year",
    "index",
    "actor_level",
    "value_type",
    "confidence",
    "source",
    "includes_overhead",
)


def search(catalogue: Catalogue, text: str | None = None) -> tuple[CatalogueEntry, ...]:
    """The entries whose id, label, source or description hold every word of ``text``.

    Case is ignored; no text (or only spaces) gives every entry, in catalogue order.
    """
    words = (text or "").casefold().split()
    found = []
    for entry in catalogue.entries:
        haystack = " ".join(
            part for part in (entry.id, entry.label, entry.source, entry.description) if part
        ).casefold()
        if all(word in haystack for word in words):
            found.append(entry)
    return tuple(found)


def entry_rows(
    entries: Iterable[CatalogueEntry],
) -> list[dict[str, str | int | bool | None]]:
    """One plain row per entry: the fields, the amount as exact decimal text, its ``unit`` apart."""
    return [
        {
            "id": entry.id,
            "label": entry.label,
            "amount": format_decimal(entry.amount.value),
            "unit": entry.amount.unit,
            "price_year": entry.price_year,
            "index": entry.index,
            "actor_level": entry.actor_level,
            "value_type": entry.value_type,
            "confidence": entry.confidence,
            "source": entry.source,
            "includes_overhead": entry.includes_overhead,
        }
        for entry in entries
    ]


def to_dict(
    catalogue: Catalogue, entries: Iterable[CatalogueEntry] | None = None
) -> dict[str, object]:
    """The catalogue's title, currency, indices and (the chosen) entries as JSON-ready data."""
    chosen = catalogue.entries if entries is None else tuple(entries)
    return {
        "title": catalogue.title,
        "currency": catalogue.currency,
        "indices": {
            index.id: {
                "label": index.label,
                "source": index.source,
                "values": {str(year): float(value) for year, value in index.values.items()},
            }
            for index in catalogue.indices
        },
        "entries": entry_rows(chosen),
    }


def to_csv(entries: Iterable[CatalogueEntry]) -> str:
    """The entries as CSV with a header row of field names; it reads back as a catalogue."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in entry_rows(entries):
        unit = row.pop("unit")
        row["amount"] = f"{row['amount']} {unit}" if unit else row["amount"]
        writer.writerow(
            {
                key: ("true" if value else "false") if isinstance(value, bool) else value
                for key, value in row.items()
            }
        )
    return out.getvalue()


def indices_to_csv(indices: Iterable[PriceIndex]) -> str:
    """Price indices as the CSV a CSV catalogue reads them from (see
    :func:`~logikmodell.catalogue.indices_path`): ``id,label,source`` and one
    column per year, one index per row, an empty cell for a year without value.

    Example:
        >>> kpi = PriceIndex(id="kpi", label="KPI", values={2022: 371.91, 2023: 403.70})
        >>> print(indices_to_csv([kpi]), end="")
        id,label,source,2022,2023
        kpi,KPI,,371.91,403.7
    """
    chosen = tuple(indices)
    years = sorted({year for index in chosen for year in index.values})
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "label", "source", *map(str, years)])
    for index in chosen:
        values = [
            format_decimal(index.values[year]) if year in index.values else "" for year in years
        ]
        writer.writerow([index.id, index.label, index.source or "", *values])
    return out.getvalue()
