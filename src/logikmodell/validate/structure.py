"""Structure rules LM101–LM109: cycles, chain order, reachability, loose ends."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator

from logikmodell.model.enums import NodeKind
from logikmodell.validate._context import Context, kind_name
from logikmodell.validate.findings import Severity
from logikmodell.validate.registry import Hit, rule

__all__: list[str] = []


def _kind(kind: NodeKind) -> str:
    return kind_name(kind)


def _a(kind: NodeKind) -> str:
    return kind_name(kind, article=True)


@rule("LM101", Severity.ERROR, "cycle in the chain")
def _cycle(ctx: Context) -> Iterator[Hit]:
    for cycle in ctx.cycles:
        steps = " → ".join(ctx.name(id) for id in (*cycle, cycle[0]))
        yield Hit(
            message=(
                f"The chain runs in a circle: {steps}. A logic model leads forward from "
                "resources to impact; remove or reverse one of these links."
            ),
            nodes=cycle,
        )


def _order_problem(from_kind: NodeKind, to_kind: NodeKind) -> str | None:
    """Why a link from one kind to another breaks the chain order, or None."""
    if from_kind is NodeKind.RESOURCE:
        if to_kind is NodeKind.ACTIVITY:
            return None
        return "a resource may only link to an activity"
    if to_kind.stage < from_kind.stage:
        return "it runs backwards in the chain"
    if to_kind is from_kind and not from_kind.is_outcome:
        return f"links between two {_kind(from_kind)} nodes are not allowed"
    if to_kind.stage == from_kind.stage and to_kind is not from_kind:
        return "links within a stage join outcomes of the same kind only"
    return None


@rule("LM102", Severity.ERROR, "link not allowed by the chain order")
def _chain_order(ctx: Context) -> Iterator[Hit]:
    for link in ctx.links:
        source, target = ctx.nodes[link.from_id], ctx.nodes[link.to_id]
        problem = _order_problem(source.kind, target.kind)
        if problem is None:
            continue
        yield Hit(
            message=(
                f"The link from {_a(source.kind)} {ctx.name(source.id)} to "
                f"{_a(target.kind)} {ctx.name(target.id)} is not allowed: {problem}. "
                "Links go resource → activity → output → short-term outcome → long-term "
                "outcome → impact; remove the link or change a node's kind."
            ),
            nodes=(source.id, target.id),
            link=link.key,
        )


@rule("LM103", Severity.WARNING, "link skips a stage")
def _skips_stage(ctx: Context) -> Iterator[Hit]:
    for link in ctx.links:
        source, target = ctx.nodes[link.from_id], ctx.nodes[link.to_id]
        if source.kind is NodeKind.RESOURCE or target.kind.stage <= source.kind.stage + 1:
            continue
        skipped = [kind for kind in NodeKind if source.kind.stage < kind.stage < target.kind.stage]
        names = " and ".join(_kind(kind) for kind in skipped)
        yield Hit(
            message=(
                f"The link from {_a(source.kind)} {ctx.name(source.id)} to "
                f"{_a(target.kind)} {ctx.name(target.id)} skips the {names} stage"
                f"{'s' if len(skipped) > 1 else ''}: add the {names} in between, so that "
                "the chain can be followed up step by step."
            ),
            nodes=(source.id, target.id),
            link=link.key,
        )


def _reach(ctx: Context, starts: Iterable[str], *, forward: bool) -> set[str]:
    """Every node reachable from ``starts`` (themselves included), following links."""
    seen = set(starts)
    queue = deque(seen)
    adjacency = ctx.out_links if forward else ctx.in_links
    while queue:
        id = queue.popleft()
        for link in adjacency[id]:
            other = link.to_id if forward else link.from_id
            if other not in seen:
                seen.add(other)
                queue.append(other)
    return seen


def _ids(ctx: Context, predicate: NodeKind | None = None, *, goals: bool = False) -> list[str]:
    return [
        id
        for id, node in ctx.nodes.items()
        if (goals and node.kind.is_goal) or (predicate is not None and node.kind is predicate)
    ]


@rule("LM104", Severity.ERROR, "activity with no path to any goal")
def _activity_without_goal(ctx: Context) -> Iterator[Hit]:
    goals = _ids(ctx, goals=True)
    if not goals:
        return  # LM109 says so once instead of once per activity
    reaching = _reach(ctx, goals, forward=False)
    for id in _ids(ctx, NodeKind.ACTIVITY):
        if id not in reaching:
            yield Hit(
                message=(
                    f"The activity {ctx.name(id)} leads to no goal (long-term outcome or "
                    "impact): link it through its outputs and outcomes to a goal, or remove it."
                ),
                nodes=(id,),
            )


@rule("LM105", Severity.ERROR, "goal that no activity reaches")
def _goal_without_activity(ctx: Context) -> Iterator[Hit]:
    activities = _ids(ctx, NodeKind.ACTIVITY)
    if not activities:
        return  # LM109 says so once instead of once per goal
    reached = _reach(ctx, activities, forward=True)
    for id in _ids(ctx, goals=True):
        if id not in reached:
            kind = _kind(ctx.nodes[id].kind)
            yield Hit(
                message=(
                    f"The goal {ctx.name(id)} ({kind}) is reached by no activity: link an "
                    "activity to it through outputs and outcomes, or remove the goal."
                ),
                nodes=(id,),
            )


@rule("LM106", Severity.WARNING, "resource linked to no activity")
def _idle_resource(ctx: Context) -> Iterator[Hit]:
    for id in _ids(ctx, NodeKind.RESOURCE):
        if not any(ctx.nodes[link.to_id].kind is NodeKind.ACTIVITY for link in ctx.out_links[id]):
            yield Hit(
                message=(
                    f"The resource {ctx.name(id)} is linked to no activity, so nothing "
                    "shows what it pays for: link it to the activity it funds."
                ),
                nodes=(id,),
            )


@rule("LM107", Severity.WARNING, "activity with no resource")
def _unfunded_activity(ctx: Context) -> Iterator[Hit]:
    for id in _ids(ctx, NodeKind.ACTIVITY):
        if not any(ctx.nodes[link.from_id].kind is NodeKind.RESOURCE for link in ctx.in_links[id]):
            yield Hit(
                message=(
                    f"The activity {ctx.name(id)} has no resource, so its cost is missing "
                    "from the calculation: link the resource that funds it."
                ),
                nodes=(id,),
            )


@rule("LM108", Severity.WARNING, "output or short-term outcome with no outgoing link")
def _dead_end(ctx: Context) -> Iterator[Hit]:
    for id, node in ctx.nodes.items():
        if node.kind in (NodeKind.OUTPUT, NodeKind.SHORT_TERM_OUTCOME) and not ctx.out_links[id]:
            yield Hit(
                message=(
                    f"The {_kind(node.kind)} {ctx.name(id)} leads nowhere: link it to the "
                    "outcome it is meant to bring about, or remove it."
                ),
                nodes=(id,),
            )


@rule("LM109", Severity.ERROR, "model with no activity or no goal")
def _empty_chain(ctx: Context) -> Iterator[Hit]:
    kinds = {node.kind for node in ctx.nodes.values()}
    missing = []
    if NodeKind.ACTIVITY not in kinds:
        missing.append("no activity")
    if not any(kind.is_goal for kind in kinds):
        missing.append("no goal (long-term outcome or impact)")
    if missing:
        yield Hit(
            message=(
                f"The model '{ctx.model.title}' has {' and '.join(missing)}: a logic model "
                "needs at least one activity leading to at least one goal; add them."
            )
        )
