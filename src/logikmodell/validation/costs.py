"""Cost rules LM601–LM605: shares on links, resource costs and payers.

LM604 is not assigned; codes are never reused.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from logikmodell.i18n import Message
from logikmodell.model.nodes import Resource
from logikmodell.validation._context import Context
from logikmodell.validation.findings import Severity
from logikmodell.validation.registry import Hit, rule

__all__: list[str] = []


def _percent(value: Fraction) -> Message:
    """A share as a percentage for a message: ``62.5 %``, exact where it is short."""
    return Message("{value} %", value=value * 100)


def _listed(items: list[Message]) -> object:
    """Items joined by commas: ``a 60 %, b 50 %``."""
    if len(items) == 1:
        return items[0]
    return Message("{first}, {rest}", first=items[0], rest=_listed(items[1:]))


def _shares(ctx: Context) -> dict[int, list[int]]:
    """Per node with any share on its outgoing links, the numbers of those links."""
    cached = ctx.memo.get("shares")
    if cached is None:
        found: dict[int, list[int]] = {}
        for k, link in enumerate(ctx.links):
            if link.share is not None:
                found.setdefault(ctx.heads[k], []).append(k)
        ctx.memo["shares"] = cached = found
    return cached  # type: ignore[return-value]


def _total(ctx: Context, links: list[int]) -> Fraction:
    return sum((ctx.links[k].share or Fraction(0) for k in links), Fraction(0))


@rule("LM601", Severity.ERROR, "shares on a node's outgoing links sum to more than 1")
def _over_allocated(ctx: Context) -> Iterator[Hit]:
    for i, shared in _shares(ctx).items():
        total = _total(ctx, shared)
        if total > 1:
            id = ctx.id_list[i]
            targets = [
                Message(
                    "{id} {share}",
                    id=ctx.links[k].to_id,
                    share=_percent(ctx.links[k].share or Fraction(0)),
                )
                for k in shared
            ]
            yield Hit(
                message=Message(
                    "The shares on the links leaving {node} sum to {total} ({targets}): more "
                    "than the whole cost would be passed on. Lower the shares so that they "
                    "sum to at most 1.",
                    node=ctx.name(id),
                    total=_percent(total),
                    targets=_listed(targets),
                ),
                nodes=(id,),
                place=ctx.node_place(id),
            )


@rule("LM602", Severity.WARNING, "outgoing shares below 1 leave cost unallocated")
def _under_allocated(ctx: Context) -> Iterator[Hit]:
    for i, shared in _shares(ctx).items():
        if len(shared) != len(ctx.out[i]):
            continue  # a link without a share takes the rest
        total = _total(ctx, shared)
        if total < 1:
            id = ctx.id_list[i]
            yield Hit(
                message=Message(
                    "Every link leaving {node} carries a share, and the shares sum to "
                    "{total}: the remaining {rest} of its cost stays unallocated. Raise the "
                    "shares to sum to 1, or leave one link without a share to take the rest.",
                    node=ctx.name(id),
                    total=_percent(total),
                    rest=_percent(1 - total),
                ),
                nodes=(id,),
                place=ctx.node_place(id),
            )


@rule("LM603", Severity.WARNING, "resource without cost")
def _no_cost(ctx: Context) -> Iterator[Hit]:
    for node in ctx.nodes.values():
        if isinstance(node, Resource) and node.cost is None and node.unit_cost is None:
            yield Hit(
                message=Message(
                    "The resource {node} has no cost: give it a cost, or a quantity and a "
                    "unit_cost, so that the calculation includes it.",
                    node=ctx.name(node.id),
                ),
                nodes=(node.id,),
                place=ctx.node_place(node.id),
            )


@rule("LM605", Severity.WARNING, "resource without payer")
def _no_payer(ctx: Context) -> Iterator[Hit]:
    for node in ctx.nodes.values():
        if isinstance(node, Resource) and node.payer is None:
            yield Hit(
                message=Message(
                    "The resource {node} has no payer: name the actor who pays for it "
                    "(payer), so that costs can be shown per actor.",
                    node=ctx.name(node.id),
                ),
                nodes=(node.id,),
                place=ctx.node_place(node.id),
            )
