"""Direction rules LM201–LM204: activities and goals point in the same direction.

Every activity and output counts as ``increase`` (doing more of it); an outcome's
desired direction is its ``direction``. A link says what more of its source does
to its target (``effect``); a path's net sign is the product of its links' signs.

LM202 and LM203 need, for each activity and goal, the set of net signs over all
paths between them. :func:`wrong_way` computes what they need without enumerating
paths, in one pass over the links (see there). On a model with cycles (LM101),
nodes on a cycle and the paths through them are left out.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from logikmodell.i18n import Message
from logikmodell.model.enums import Effect, NodeKind
from logikmodell.model.nodes import Outcome
from logikmodell.validation._context import Context, the_kind
from logikmodell.validation.findings import Severity
from logikmodell.validation.registry import Hit, rule

__all__ = ["AGAINST", "BOTH", "MAX_PAIRS", "wrong_way"]

_EVEN = 1
_ODD = 2

_Goals = set[int] | frozenset[int]
_Reached = dict[str, tuple[_Goals, _Goals]]

#: The most LM202 (and LM203) findings listed one by one; the pairs of activity and
#: goal beyond them are counted in one last finding, so that a model whose
#: activities all reach its goals through one node gives output that grows with
#: the model, not with the number of pairs.
MAX_PAIRS = 100
_FLIP = {1: 2, 2: 1, 3: 3}

#: A mask of :func:`wrong_way`: every path goes against the goal's direction.
AGAINST = _ODD
#: A mask of :func:`wrong_way`: paths go both ways.
BOTH = _EVEN | _ODD


_INCREASE = Message("increase")
_DECREASE = Message("decrease")
_EFFECTS = {Effect.INCREASES: Message("increases"), Effect.DECREASES: Message("decreases")}


def _word(sign: int) -> Message:
    return _INCREASE if sign > 0 else _DECREASE


@rule("LM201", Severity.ERROR, "link contradicts desired directions")
def _link_direction(ctx: Context) -> Iterator[Hit]:
    signs, tails, decreasing = ctx.signs, ctx.tails, ctx.decreasing
    for k, head in enumerate(ctx.heads):
        from_sign, to_sign = signs[head], signs[tails[k]]
        if from_sign is None or to_sign is None:
            continue
        if (from_sign == to_sign) != decreasing[k]:
            continue
        link = ctx.links[k]
        source, target = link.from_id, link.to_id
        wanted = Effect.INCREASES if from_sign == to_sign else Effect.DECREASES
        yield Hit(
            message=Message(
                "Link {from_node} → {to_node} says more of {source} {effect} {target}, but "
                "{source} should {from_way} and {target} {to_way}: the effect should be "
                "'{wanted}' (or one of the directions is wrong).",
                from_node=ctx.name(source),
                to_node=ctx.name(target),
                source=source,
                target=target,
                effect=_EFFECTS[link.effect],
                from_way=_word(from_sign),
                to_way=_word(to_sign),
                wanted=wanted.value,
            ),
            nodes=(source, target),
            link=link.key,
            place=ctx.link_place(k),
        )


def wrong_way(ctx: Context) -> _Reached:
    """Per activity, the goals it reaches by an even and by an odd path.

    The goals (node numbers of ``ctx``) reached by an odd path are pushed against
    their direction along some path: by every path (LM202) when no even path
    reaches them too, else both ways (LM203). Only goals with a direction are
    judged, and only activities with an odd path appear; nodes on a cycle, and
    paths through them, are left out. The sets are shared between activities that
    reach goals through the same node, so the result grows with the model, not
    with the number of activity–goal pairs.

    Why this is enough, and fast: give every node its desired sign ``p`` (+1 where
    it has none) and call a link *deviating* when ``p(from) × effect ≠ p(to)``.
    Along a path from an activity (``p = +1``) to a goal ``g`` the effects multiply
    to ``p(g) × (−1)^k``, where k counts the deviating links on the path: the path
    goes against the goal exactly when k is odd. So only goals downstream of a
    deviating link can be pushed the wrong way, and only those are tracked. In
    reverse topological order each node gets, per tracked goal it reaches, a
    two-bit mask of the parities of k over its paths there (bit 1: even, bit 2:
    odd), merged from its successors' masks and flipped across deviating links.
    The work is one pass over the links, each carrying the masks of the tracked
    goals its target reaches; a model without deviating links costs one pass.
    """
    cached = ctx.memo.get("wrong_way")
    if cached is not None:
        return cached  # type: ignore[return-value]
    order, out, tails, decreasing = ctx.order, ctx.acyclic_out, ctx.tails, ctx.decreasing
    positive = [sign is None or sign > 0 for sign in ctx.signs]
    deviating = bytearray(len(tails))
    heads_of_deviating = []
    for i in order:
        for k in out[i]:
            # p(from) × effect ≠ p(to)  ⇔  (p(from) = p(to)) = (effect is decreases)
            if (positive[i] == positive[tails[k]]) == decreasing[k]:
                deviating[k] = 1
                heads_of_deviating.append(tails[k])
    ctx.memo["deviating"] = deviating
    tracked = _goals_below(ctx, heads_of_deviating)
    result: _Reached = {}
    if tracked:
        _propagate(ctx, tracked, deviating, result)
    ctx.memo["wrong_way"] = result
    return result


def _union(parts: list[_Goals]) -> _Goals | None:
    """The union of some sets of goals; a single set is shared, not copied."""
    if not parts:
        return None
    if len(parts) == 1:
        return parts[0]
    return set().union(*parts)


def _propagate(ctx: Context, tracked: bytearray, deviating: bytearray, result: _Reached) -> None:
    """Carry, per node, the tracked goals it reaches by an even and by an odd path.

    The sets are built once per node from its successors' sets (C-level unions) and
    never changed afterwards, so a node with a single contributing successor shares
    that successor's sets; a node's sets are dropped once its last predecessor has
    read them.
    """
    order, out, tails, kinds, ids = ctx.order, ctx.acyclic_out, ctx.tails, ctx.kinds, ctx.id_list
    # Only the nodes with a path to a tracked goal can carry anything: find them first,
    # walking the links backwards, so that a model with few deviating links costs little.
    above = bytearray(len(kinds))
    stack = [i for i, flag in enumerate(tracked) if flag]
    for i in stack:
        above[i] = 1
    cyclic, heads, into = ctx.cyclic if ctx.cycles else None, ctx.heads, ctx.into
    while stack:
        for k in into[stack.pop()]:
            head = heads[k]
            if not above[head] and (cyclic is None or not cyclic[head]):
                above[head] = 1
                stack.append(head)
    waiting = [0] * len(kinds)
    for i in order:
        if above[i]:
            for k in out[i]:
                waiting[tails[k]] += 1
    even_of: list[_Goals | None] = [None] * len(kinds)
    odd_of: list[_Goals | None] = [None] * len(kinds)
    activity = NodeKind.ACTIVITY
    for i in reversed(order):
        if not above[i]:
            continue
        evens: list[_Goals] = [frozenset((i,))] if tracked[i] else []
        odds: list[_Goals] = []
        for k in out[i]:
            tail = tails[k]
            even, odd = even_of[tail], odd_of[tail]
            waiting[tail] -= 1
            if not waiting[tail]:
                even_of[tail] = odd_of[tail] = None
            if deviating[k]:
                even, odd = odd, even
            if even:
                evens.append(even)
            if odd:
                odds.append(odd)
        even_of[i] = even = _union(evens)
        odd_of[i] = odd = _union(odds)
        if odd and kinds[i] is activity:
            result[ids[i]] = (even or frozenset(), odd)


def _goals_below(ctx: Context, starts: list[int]) -> bytearray:
    """``tracked[i]`` is 1 for the goals with a direction reachable from ``starts``."""
    seen = bytearray(len(ctx.kinds))
    for i in starts:
        seen[i] = 1
    stack = list(starts)
    out, tails = ctx.acyclic_out, ctx.tails
    while stack:
        for k in out[stack.pop()]:
            tail = tails[k]
            if not seen[tail]:
                seen[tail] = 1
                stack.append(tail)
    tracked = bytearray(len(ctx.kinds))
    if any(seen):
        for i in ctx.goal_numbers():
            if seen[i] and ctx.signs[i] is not None:
                tracked[i] = 1
    return tracked if any(tracked) else bytearray()


@attrs.frozen
class _Pair:
    activity: str
    goal: str
    sign: int
    path: str


@attrs.frozen
class _More:
    """The pairs beyond :data:`MAX_PAIRS`: how many, and the first of them."""

    count: int
    activity: str
    goal: str


def _goals_of(reach: tuple[_Goals, _Goals], wanted: int) -> _Goals:
    even, odd = reach
    return odd - even if wanted == AGAINST else odd & even


def _pairs(ctx: Context, wanted: int) -> Iterator[_Pair | _More]:
    """The pairs (activity, goal) whose paths have mask ``wanted``, in report order,
    each with a path against the goal: at most :data:`MAX_PAIRS`, then the rest as
    one :class:`_More`."""
    reached = wrong_way(ctx)
    ids, index = ctx.id_list, ctx.index
    shown = 0
    for activity in sorted(reached):
        goals = _goals_of(reached[activity], wanted)
        if not goals:
            continue
        if shown == MAX_PAIRS:
            yield _more(ctx, reached, activity, wanted)
            return
        names = sorted(ids[goal] for goal in goals)
        listed = names[: MAX_PAIRS - shown]
        paths = _odd_paths(ctx, index[activity], {index[goal] for goal in listed})
        for goal in listed:
            sign = ctx.signs[index[goal]]
            assert sign is not None  # only goals with a direction are tracked
            steps = paths.get(index[goal], [])
            yield _Pair(activity, goal, sign, " → ".join(ids[i] for i in steps))
        shown += len(listed)
        if len(listed) < len(names):
            yield _more(ctx, reached, activity, wanted, skip=len(listed))
            return


def _more(ctx: Context, reached: _Reached, first: str, wanted: int, skip: int = 0) -> _More:
    """The pairs from activity ``first`` on (its first ``skip`` goals shown)."""
    activities = sorted(reached)
    rest = activities[activities.index(first) :]
    count = sum(len(_goals_of(reached[a], wanted)) for a in rest) - skip
    names = sorted(ctx.id_list[goal] for goal in _goals_of(reached[first], wanted))
    return _More(count=count, activity=first, goal=names[skip])


def _odd_paths(ctx: Context, start: int, goals: set[int]) -> dict[int, list[int]]:
    """One path from ``start`` to each of ``goals`` that passes an odd number of
    deviating links (a path against the goal), found by a breadth-first search over
    the states ``2 × node + parity`` that stops once every goal has one."""
    deviating = ctx.memo["deviating"]
    assert isinstance(deviating, bytearray)
    out, tails = ctx.acyclic_out, ctx.tails
    wanted = {2 * goal + 1 for goal in goals}
    parent: dict[int, int] = {2 * start: -1}
    queue = [2 * start]
    found: dict[int, list[int]] = {}
    for state in queue:
        parity = state & 1
        for k in out[state >> 1]:
            after = 2 * tails[k] + (parity ^ deviating[k])
            if after in parent:
                continue
            parent[after] = state
            queue.append(after)
            if after in wanted:
                path = []
                step = after
                while step >= 0:
                    path.append(step >> 1)
                    step = parent[step]
                found[after >> 1] = path[::-1]
                if len(found) == len(wanted):
                    return found
    return found


def _more_hit(ctx: Context, more: _More) -> Hit:
    """The finding that counts the pairs not listed; it sorts after those listed."""
    return Hit(
        message=Message(
            "… and {count} more pairs of an activity and a goal like those above, from "
            "{activity} and {goal} on, not listed one by one: the links that those above "
            "share are likely to explain them too.",
            count=more.count,
            activity=ctx.name(more.activity),
            goal=ctx.name(more.goal),
        ),
        nodes=(more.activity, more.goal),
        place=ctx.node_place(more.activity),
    )


@rule("LM202", Severity.ERROR, "activity pushes a goal against its direction")
def _against(ctx: Context) -> Iterator[Hit]:
    for pair in _pairs(ctx, AGAINST):
        if isinstance(pair, _More):
            yield _more_hit(ctx, pair)
            continue
        yield Hit(
            message=Message(
                "The activity {activity} makes the goal {goal} {way} on every path between "
                "them (e.g. {path}), but the goal should {wanted}: check the effects of the "
                "links on those paths, or the goal's direction.",
                activity=ctx.name(pair.activity),
                goal=ctx.name(pair.goal),
                way=_word(-pair.sign),
                path=pair.path,
                wanted=_word(pair.sign),
            ),
            nodes=(pair.activity, pair.goal),
            place=ctx.node_place(pair.activity),
        )


@rule("LM203", Severity.WARNING, "activity pushes a goal both ways")
def _mixed(ctx: Context) -> Iterator[Hit]:
    for pair in _pairs(ctx, BOTH):
        if isinstance(pair, _More):
            yield _more_hit(ctx, pair)
            continue
        yield Hit(
            message=Message(
                "The activity {activity} makes the goal {goal} {way} along some paths and "
                "{other_way} along others (e.g. {path}): check the effects of the links "
                "between them, or explain in a note why the net effect is expected to go "
                "the goal's way.",
                activity=ctx.name(pair.activity),
                goal=ctx.name(pair.goal),
                way=_word(pair.sign),
                other_way=_word(-pair.sign),
                path=pair.path,
            ),
            nodes=(pair.activity, pair.goal),
            place=ctx.node_place(pair.activity),
        )


@rule("LM204", Severity.WARNING, "outcome or impact without direction")
def _no_direction(ctx: Context) -> Iterator[Hit]:
    for node in ctx.nodes.values():
        if isinstance(node, Outcome) and node.direction is None:
            yield Hit(
                message=Message(
                    "{the_kind} {node} has no direction: say whether it should 'increase' "
                    "or 'decrease', so that the chain's directions can be checked.",
                    the_kind=the_kind(node.kind),
                    node=ctx.name(node.id),
                ),
                nodes=(node.id,),
                place=ctx.node_place(node.id),
            )
