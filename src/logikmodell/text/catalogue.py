"""A catalogue's entries as readable text: the table of ``logikmodell catalogue``."""

from __future__ import annotations

from collections.abc import Iterable

from logikmodell.i18n import resolve_lang, translate, translate_plural
from logikmodell.model.catalogue import Catalogue, CatalogueEntry
from logikmodell.numbers import format_decimal
from logikmodell.text._table import columns

__all__ = ["catalogue_text"]


def catalogue_text(
    catalogue: Catalogue,
    entries: Iterable[CatalogueEntry] | None = None,
    *,
    lang: str | None = None,
) -> str:
    """The catalogue's title, its indices and a table of (the chosen) entries, in ``lang``."""
    language = resolve_lang(lang)
    chosen = catalogue.entries if entries is None else tuple(entries)
    lines = [catalogue.title]
    for index in catalogue.indices:
        years = ", ".join(
            f"{year}: {format_decimal(value, lang=language, places=4)}"
            for year, value in index.values.items()
        )
        lines.append(
            "  "
            + translate(
                language,
                "Index {id} ({label}): {years}",
                id=index.id,
                label=index.label,
                years=years,
            )
        )
    if not chosen:
        lines.append("  " + translate(language, "No entries match."))
        return "\n".join(lines)
    header = (
        translate(language, "id"),
        translate(language, "label"),
        translate(language, "amount"),
        translate(language, "price year"),
        translate(language, "index"),
        translate(language, "source"),
    )
    rows = [header] + [
        (
            entry.id,
            entry.label,
            f"{format_decimal(entry.amount.value, group=True, lang=language)} {entry.amount.unit}",
            str(entry.price_year),
            entry.index or "–",
            entry.source or "–",
        )
        for entry in chosen
    ]
    lines += ["", *columns(rows, "lllrll")]
    total = len(catalogue.entries)
    shown = translate_plural(
        language, "{shown} of {n} entry", "{shown} of {n} entries", total, shown=len(chosen)
    )
    lines += ["", shown]
    return "\n".join(lines)
