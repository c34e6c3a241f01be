"""Catalogue rules LM801–LM803: the entries a model takes its figures from."""

from __future__ import annotations

from collections.abc import Iterator

from logikmodell.i18n import Message
from logikmodell.model.catalogue import UsedReference, references_in
from logikmodell.validation._context import Context, Place
from logikmodell.validation.findings import Severity
from logikmodell.validation.registry import Hit, rule

__all__: list[str] = []

#: How many price years older than the model an entry may be before LM801 warns.
MAX_AGE = 5


def _used(ctx: Context) -> list[UsedReference]:
    cached = ctx.memo.get("references")
    if cached is None:
        used = references_in(ctx.node_list, ctx.model.transfers)
        ctx.memo["references"] = cached = list(used)
    return cached  # type: ignore[return-value]


def _name(ctx: Context, used: UsedReference) -> str:
    """The node or transfer that uses the entry, named for a message."""
    if not used.transfer:
        return ctx.name(used.node)
    transfer = next(t for t in ctx.model.transfers if t.id == used.node)
    return f"'{transfer.label}' ({transfer.id})"


def _nodes(used: UsedReference) -> tuple[str, ...]:
    return () if used.transfer else (used.node,)


def _place(ctx: Context, used: UsedReference) -> Place:
    """Where the reference stands: ``$.nodes[i].<field>.ref`` or ``$.transfers[j]...``."""
    if not used.transfer:
        return ctx.node_place(used.node, f"{used.field}.ref")
    number = next(j for j, t in enumerate(ctx.model.transfers) if t.id == used.node)
    return Place(used.node, f"$.transfers[{number}].{used.field}.ref")


@rule("LM801", Severity.WARNING, "catalogue entry more than 5 price years older than the model")
def _old_entry(ctx: Context) -> Iterator[Hit]:
    for used in _used(ctx):
        entry = used.reference.entry
        age = used.reference.price_year - entry.price_year
        if age > MAX_AGE:
            yield Hit(
                message=Message(
                    "Catalogue entry {ref}, the {field} of {node}, is in prices of "
                    "{entry_year}: {age} price years before the model's {year}. An index moves "
                    "the price, not what the service costs today; check the figure against a "
                    "newer source.",
                    node=_name(ctx, used),
                    field=used.field,
                    ref=used.reference.ref,
                    entry_year=entry.price_year,
                    age=age,
                    year=used.reference.price_year,
                ),
                nodes=_nodes(used),
                place=_place(ctx, used),
            )


@rule("LM802", Severity.INFO, "catalogue entry with confidence: low used")
def _low_confidence(ctx: Context) -> Iterator[Hit]:
    for used in _used(ctx):
        if used.reference.entry.confidence == "low":
            yield Hit(
                message=Message(
                    "Catalogue entry {ref}, the {field} of {node}, has low confidence: give "
                    "it a range for the sensitivity analysis, or find a firmer figure.",
                    node=_name(ctx, used),
                    field=used.field,
                    ref=used.reference.ref,
                ),
                nodes=_nodes(used),
                place=_place(ctx, used),
            )


@rule("LM803", Severity.WARNING, "catalogue entry without source")
def _no_source(ctx: Context) -> Iterator[Hit]:
    for used in _used(ctx):
        if not used.reference.entry.source:
            yield Hit(
                message=Message(
                    "Catalogue entry {ref}, the {field} of {node}, names no source: add to "
                    "the catalogue where the figure comes from (title, publisher, year).",
                    node=_name(ctx, used),
                    field=used.field,
                    ref=used.reference.ref,
                ),
                nodes=_nodes(used),
                place=_place(ctx, used),
            )
