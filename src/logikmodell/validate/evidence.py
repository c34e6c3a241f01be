"""Evidence rules LM501–LM502: causal claims are supported.

A causal link is one whose target is an outcome or impact; resource → activity and
activity → output links are not causal claims. A causal link is *supported* when
its evidence is ``research`` or ``proven_experience``.

LM502 runs in one pass over the links in topological order: a node is *reached*
when some path from an activity leads to it, and *supported* when some such path
has every causal link supported. A goal reached but not supported is a finding. On
a model with cycles (LM101), nodes on a cycle are left out.
"""

from __future__ import annotations

from collections.abc import Iterator

from logikmodell.model.elements import Link
from logikmodell.model.enums import Evidence, NodeKind
from logikmodell.validate._context import Context, kind_name
from logikmodell.validate.findings import Severity
from logikmodell.validate.registry import Hit, rule

__all__ = ["is_causal", "is_supported", "reach_and_support"]

_SUPPORTING = (Evidence.RESEARCH, Evidence.PROVEN_EXPERIENCE)


def is_causal(ctx: Context, link: Link) -> bool:
    """Whether a link claims a cause: its target is an outcome or impact."""
    return ctx.nodes[link.to_id].kind.is_outcome


def is_supported(ctx: Context, link: Link) -> bool:
    """Whether a link is not causal, or is a causal link graded research or proven experience."""
    return not is_causal(ctx, link) or link.evidence in _SUPPORTING


@rule("LM501", Severity.INFO, "causal link without evidence")
def _no_evidence(ctx: Context) -> Iterator[Hit]:
    for link in ctx.links:
        if link.evidence is None and is_causal(ctx, link):
            yield Hit(
                message=(
                    f"The link {ctx.name(link.from_id)} → {ctx.name(link.to_id)} claims an "
                    "effect but gives no evidence: grade it research, proven_experience or "
                    "assumption, and name the source."
                ),
                nodes=(link.from_id, link.to_id),
                link=link.key,
            )


def reach_and_support(ctx: Context) -> tuple[set[str], set[str]]:
    """The nodes reached from an activity, and those reached along a supported path.

    Nodes on a cycle, and paths through them, are left out.
    """
    reached: set[str] = set()
    supported: set[str] = set()
    for id in ctx.order:
        if ctx.nodes[id].kind is NodeKind.ACTIVITY:
            reached.add(id)
            supported.add(id)
        if id not in reached:
            continue
        strong = id in supported
        for link in ctx.acyclic_out(id):
            reached.add(link.to_id)
            if strong and is_supported(ctx, link):
                supported.add(link.to_id)
    return reached, supported


@rule("LM502", Severity.WARNING, "goal reached only through unsupported causal links")
def _unsupported_goal(ctx: Context) -> Iterator[Hit]:
    reached, supported = reach_and_support(ctx)
    for id, node in ctx.nodes.items():
        if node.kind.is_goal and id in reached and id not in supported:
            yield Hit(
                message=(
                    f"Every path from an activity to the {kind_name(node.kind)} "
                    f"{ctx.name(id)} contains a causal link without evidence or graded "
                    "'assumption': support at least one path with research or proven "
                    "experience (evidence and source), or say how the assumption will be "
                    "tested."
                ),
                nodes=(id,),
            )
