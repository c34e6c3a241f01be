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

from logikmodell.i18n import Message
from logikmodell.model.enums import Evidence, NodeKind
from logikmodell.validation._context import Context, the_kind
from logikmodell.validation.findings import Severity
from logikmodell.validation.registry import Hit, rule

__all__ = ["reach_and_support"]

_SUPPORTING = (Evidence.RESEARCH, Evidence.PROVEN_EXPERIENCE)


def _causal(ctx: Context) -> list[bool]:
    """Whether link ``k`` is causal."""
    cached = ctx.memo.get("causal")
    if cached is None:
        outcome = [kind.is_outcome for kind in ctx.kinds]
        ctx.memo["causal"] = cached = [outcome[tail] for tail in ctx.tails]
    return cached  # type: ignore[return-value]


@rule("LM501", Severity.INFO, "causal link without evidence")
def _no_evidence(ctx: Context) -> Iterator[Hit]:
    for k, causal in enumerate(_causal(ctx)):
        link = ctx.links[k]
        if causal and link.evidence is None:
            yield Hit(
                message=Message(
                    "The link {from_node} → {to_node} claims an effect but gives no "
                    "evidence: grade it research, proven_experience or assumption, and name "
                    "the source.",
                    from_node=ctx.name(link.from_id),
                    to_node=ctx.name(link.to_id),
                ),
                nodes=link.key,
                link=link.key,
                place=ctx.link_place(k),
            )


def _weak(ctx: Context) -> list[bool]:
    """Whether link ``k`` is causal and not supported by research or proven experience."""
    cached = ctx.memo.get("weak")
    if cached is None:
        causal = _causal(ctx)
        ctx.memo["weak"] = cached = [
            causal[k] and link.evidence not in _SUPPORTING for k, link in enumerate(ctx.links)
        ]
    return cached  # type: ignore[return-value]


def reach_and_support(ctx: Context) -> tuple[bytearray, bytearray]:
    """Which nodes are reached from an activity, and which along a supported path.

    ``reached[i]`` and ``supported[i]`` are 1 or 0 for node ``i``. Nodes on a cycle,
    and paths through them, are left out.
    """
    weak = _weak(ctx)
    reached = bytearray(len(ctx.kinds))
    supported = bytearray(len(ctx.kinds))
    out, tails, kinds = ctx.acyclic_out, ctx.tails, ctx.kinds
    activity = NodeKind.ACTIVITY
    for i in ctx.order:
        if kinds[i] is activity:
            reached[i] = supported[i] = 1
        elif not reached[i]:
            continue
        strong = supported[i]
        for k in out[i]:
            tail = tails[k]
            reached[tail] = 1
            if strong and not weak[k]:
                supported[tail] = 1
    return reached, supported


def _frontier_link(ctx: Context, goal: int, reached: bytearray, supported: bytearray) -> int:
    """A weak link from a supported node to an unsupported node with a path to ``goal``.

    Every path from an activity to the goal leaves the supported nodes somewhere, by
    a weak link; supporting that link would carry support one step closer. Found by
    walking back from the goal over reached, unsupported nodes.
    """
    weak, heads, into, cyclic = _weak(ctx), ctx.heads, ctx.into, ctx.cyclic
    seen = {goal}
    queue = [goal]
    for node in queue:
        for k in into[node]:
            head = heads[k]
            if cyclic[head]:
                continue
            if supported[head] and weak[k]:
                return k
            if reached[head] and not supported[head] and head not in seen:
                seen.add(head)
                queue.append(head)
    raise AssertionError("a reached, unsupported goal has a weak link above it")


def _grade(ctx: Context, k: int) -> Message:
    evidence = ctx.links[k].evidence
    if evidence is None:
        return Message("gives no evidence")
    return Message("is graded '{grade}'", grade=evidence.value)


@rule("LM502", Severity.WARNING, "goal reached only through unsupported causal links")
def _unsupported_goal(ctx: Context) -> Iterator[Hit]:
    reached, supported = reach_and_support(ctx)
    for i in ctx.goal_numbers():
        if reached[i] and not supported[i]:
            id = ctx.id_list[i]
            k = _frontier_link(ctx, i, reached, supported)
            link = ctx.links[k]
            yield Hit(
                message=Message(
                    "Every path from an activity to {the_kind} {node} contains a causal "
                    "link without evidence or graded 'assumption' (e.g. the link {from_id} "
                    "→ {to_id} {grade}): support at least one path with research or proven "
                    "experience (evidence and source), or say how the assumption will be "
                    "tested.",
                    the_kind=the_kind(ctx.kinds[i]),
                    node=ctx.name(id),
                    from_id=link.from_id,
                    to_id=link.to_id,
                    grade=_grade(ctx, k),
                ),
                nodes=(id,),
                place=ctx.node_place(id),
            )
