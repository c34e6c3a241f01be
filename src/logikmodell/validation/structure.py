"""Structure rules LM101–LM109: cycles, chain order, reachability, loose ends."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from logikmodell.i18n import Message, and_list
from logikmodell.model.enums import NodeKind
from logikmodell.validation._context import Context, kind_name, the_kind
from logikmodell.validation.findings import Severity
from logikmodell.validation.registry import Hit, rule

__all__ = ["chain_order_problem"]


@rule("LM101", Severity.ERROR, "cycle in the chain")
def _cycle(ctx: Context) -> Iterator[Hit]:
    for cycle in ctx.cycles:
        steps = " → ".join(ctx.name(id) for id in (*cycle, cycle[0]))
        yield Hit(
            message=Message(
                "The chain runs in a circle: {steps}. A logic model leads forward from "
                "resources to impact; remove or reverse one of these links.",
                steps=steps,
            ),
            nodes=cycle,
            place=ctx.link_place(ctx.link_number(cycle[0], cycle[1 % len(cycle)])),
        )


def chain_order_problem(from_kind: NodeKind, to_kind: NodeKind) -> Message | None:
    """Why a link from one kind to another breaks the chain order (LM102), or None."""
    if from_kind is NodeKind.RESOURCE:
        if to_kind is NodeKind.ACTIVITY:
            return None
        return Message("a resource may only link to an activity")
    if to_kind.stage < from_kind.stage:
        return Message("it runs backwards in the chain")
    if to_kind is from_kind and not from_kind.is_outcome:
        return Message("links between two {kind} nodes are not allowed", kind=kind_name(from_kind))
    if to_kind.stage == from_kind.stage and to_kind is not from_kind:
        return Message("links within a stage join outcomes of the same kind only")
    return None


def _skipped(from_kind: NodeKind, to_kind: NodeKind) -> tuple[NodeKind, ...]:
    """The stages a link skips (LM103); none for a resource or a link not allowed."""
    if from_kind is NodeKind.RESOURCE or chain_order_problem(from_kind, to_kind) is not None:
        return ()
    return tuple(kind for kind in NodeKind if from_kind.stage < kind.stage < to_kind.stage)


def _ends(ctx: Context, from_id: str, to_id: str) -> dict[str, object]:
    """The values that name a link's two ends: each node with its kind (``an output``)."""
    return {
        "from_kind": kind_name(ctx.nodes[from_id].kind, article=True),
        "from_node": ctx.name(from_id),
        "to_kind": kind_name(ctx.nodes[to_id].kind, article=True),
        "to_node": ctx.name(to_id),
    }


_KINDS: tuple[NodeKind, ...] = tuple(kind for kind in NodeKind if kind is not NodeKind.NEED)
_PROBLEMS = {(a, b): chain_order_problem(a, b) for a in _KINDS for b in _KINDS}
_SKIPPED = {(a, b): _skipped(a, b) for a in _KINDS for b in _KINDS}


@rule("LM102", Severity.ERROR, "link not allowed by the chain order")
def _chain_order(ctx: Context) -> Iterator[Hit]:
    kinds, tails, problems = ctx.kinds, ctx.tails, _PROBLEMS
    for k, head in enumerate(ctx.heads):
        source, target = kinds[head], kinds[tails[k]]
        problem = problems[source, target]
        if problem is None:
            continue
        link = ctx.links[k]
        yield Hit(
            message=Message(
                "The link from {from_kind} {from_node} to {to_kind} {to_node} is not "
                "allowed: {problem}. Links go resource → activity → output → short-term "
                "outcome → long-term outcome → impact; remove the link or change a node's "
                "kind.",
                **_ends(ctx, link.from_id, link.to_id),
                problem=problem,
            ),
            nodes=link.key,
            link=link.key,
            place=ctx.link_place(k),
        )


@rule("LM103", Severity.WARNING, "link skips a stage")
def _skips_stage(ctx: Context) -> Iterator[Hit]:
    kinds, tails, table = ctx.kinds, ctx.tails, _SKIPPED
    for k, head in enumerate(ctx.heads):
        source, target = kinds[head], kinds[tails[k]]
        skipped = table[source, target]
        if not skipped:
            continue
        link = ctx.links[k]
        ends = _ends(ctx, link.from_id, link.to_id)
        stages = and_list([kind_name(kind) for kind in skipped])
        if len(skipped) == 1:
            message = Message(
                "The link from {from_kind} {from_node} to {to_kind} {to_node} skips the "
                "{stages} stage: add the {stages} in between, so that the chain can be "
                "followed up step by step.",
                **ends,
                stages=stages,
            )
        else:
            message = Message(
                "The link from {from_kind} {from_node} to {to_kind} {to_node} skips the "
                "{stages} stages: add the {stages} in between, so that the chain can be "
                "followed up step by step.",
                **ends,
                stages=stages,
            )
        yield Hit(
            message=message,
            nodes=link.key,
            link=link.key,
            place=ctx.link_place(k),
        )


def _reach(ctx: Context, starts: Iterable[int], *, forward: bool) -> bytearray:
    """``seen[i]`` is 1 when node ``i`` is reachable from ``starts`` (themselves included)."""
    seen = bytearray(len(ctx.kinds))
    queue = list(starts)
    for i in queue:
        seen[i] = 1
    adjacency, ends = (ctx.out, ctx.tails) if forward else (ctx.into, ctx.heads)
    for i in queue:  # the list grows while it is walked: breadth first
        for k in adjacency[i]:
            other = ends[k]
            if not seen[other]:
                seen[other] = 1
                queue.append(other)
    return seen


@rule("LM104", Severity.ERROR, "activity with no path to any goal")
def _activity_without_goal(ctx: Context) -> Iterator[Hit]:
    goals = ctx.goal_numbers()
    if not goals:
        return  # LM109 says so once instead of once per activity
    reaching = _reach(ctx, goals, forward=False)
    for i in ctx.ids_of(NodeKind.ACTIVITY):
        if not reaching[i]:
            yield Hit(
                message=Message(
                    "The activity {node} leads to no goal (long-term outcome or impact): "
                    "link it through its outputs and outcomes to a goal, or remove it.",
                    node=ctx.name(ctx.id_list[i]),
                ),
                nodes=(ctx.id_list[i],),
                place=ctx.node_place(ctx.id_list[i]),
            )


@rule("LM105", Severity.ERROR, "goal that no activity reaches")
def _goal_without_activity(ctx: Context) -> Iterator[Hit]:
    activities = ctx.ids_of(NodeKind.ACTIVITY)
    if not activities:
        return  # LM109 says so once instead of once per goal
    reached = _reach(ctx, activities, forward=True)
    for i in ctx.goal_numbers():
        if not reached[i]:
            id = ctx.id_list[i]
            yield Hit(
                message=Message(
                    "The goal {node} ({kind}) is reached by no activity: link an activity "
                    "to it through outputs and outcomes, or remove the goal.",
                    node=ctx.name(id),
                    kind=kind_name(ctx.kinds[i]),
                ),
                nodes=(id,),
                place=ctx.node_place(id),
            )


@rule("LM106", Severity.WARNING, "resource linked to no activity")
def _idle_resource(ctx: Context) -> Iterator[Hit]:
    kinds, tails = ctx.kinds, ctx.tails
    for i in ctx.ids_of(NodeKind.RESOURCE):
        if not any(kinds[tails[k]] is NodeKind.ACTIVITY for k in ctx.out[i]):
            yield Hit(
                message=Message(
                    "The resource {node} is linked to no activity, so nothing shows what it "
                    "pays for: link it to the activity it funds.",
                    node=ctx.name(ctx.id_list[i]),
                ),
                nodes=(ctx.id_list[i],),
                place=ctx.node_place(ctx.id_list[i]),
            )


@rule("LM107", Severity.WARNING, "activity with no resource")
def _unfunded_activity(ctx: Context) -> Iterator[Hit]:
    kinds, heads = ctx.kinds, ctx.heads
    for i in ctx.ids_of(NodeKind.ACTIVITY):
        if not any(kinds[heads[k]] is NodeKind.RESOURCE for k in ctx.into[i]):
            yield Hit(
                message=Message(
                    "The activity {node} has no resource, so its cost is missing from the "
                    "calculation: link the resource that funds it.",
                    node=ctx.name(ctx.id_list[i]),
                ),
                nodes=(ctx.id_list[i],),
                place=ctx.node_place(ctx.id_list[i]),
            )


@rule("LM108", Severity.WARNING, "output or short-term outcome with no outgoing link")
def _dead_end(ctx: Context) -> Iterator[Hit]:
    for i in ctx.ids_of(NodeKind.OUTPUT, NodeKind.SHORT_TERM_OUTCOME):
        if not ctx.out[i]:
            yield Hit(
                message=Message(
                    "{the_kind} {node} leads nowhere: link it to the outcome it is meant to "
                    "bring about, or remove it.",
                    the_kind=the_kind(ctx.kinds[i]),
                    node=ctx.name(ctx.id_list[i]),
                ),
                nodes=(ctx.id_list[i],),
                place=ctx.node_place(ctx.id_list[i]),
            )


@rule("LM109", Severity.ERROR, "model with no activity or no goal")
def _empty_chain(ctx: Context) -> Iterator[Hit]:
    kinds = set(ctx.kinds)
    missing: list[object] = []
    if NodeKind.ACTIVITY not in kinds:
        missing.append(Message("no activity"))
    if not any(kind.is_goal for kind in kinds):
        missing.append(Message("no goal (long-term outcome or impact)"))
    if missing:
        yield Hit(
            message=Message(
                "The model '{title}' has {missing}: a logic model needs at least one "
                "activity leading to at least one goal; add them.",
                title=ctx.model.title,
                missing=and_list(missing),
            ),
            place=ctx.model_place(),
        )
