"""Direction rules LM201–LM204: activities and goals point in the same direction.

Every activity and output counts as ``increase`` (doing more of it); an outcome's
desired direction is its ``direction``. A link says what more of its source does
to its target (``effect``); a path's net sign is the product of its links' signs.

LM202 and LM203 need, for each activity and goal, the set of net signs over all
paths between them. It is computed without enumerating paths: in reverse
topological order each node gets, per goal it reaches, a two-bit mask of the signs
of its paths there (bit 1: some path increases the goal, bit 2: some path
decreases it), merged from its successors' masks and flipped across ``decreases``
links. The work is one pass over the links, each carrying the masks of the goals
its target reaches. On a model with cycles (LM101), nodes on a cycle are left out.
"""

from __future__ import annotations

from collections.abc import Iterator

from logikmodell.model.enums import Direction, Effect, NodeKind
from logikmodell.model.nodes import Node, Outcome
from logikmodell.validate._context import Context, kind_name
from logikmodell.validate.findings import Severity
from logikmodell.validate.registry import Hit, rule

__all__ = ["desired_sign", "sign_sets"]

_UP = 1
_DOWN = 2


def desired_sign(node: Node) -> int | None:
    """+1 or -1 for the way a node should move; None if it has no direction.

    Activities and outputs count as +1 (more of them); resources and needs, and
    outcomes without ``direction``, have none.
    """
    if node.kind in (NodeKind.ACTIVITY, NodeKind.OUTPUT):
        return 1
    if isinstance(node, Outcome) and node.direction is not None:
        return node.direction.sign
    return None


def _word(sign: int) -> str:
    return "increase" if sign > 0 else "decrease"


@rule("LM201", Severity.ERROR, "link contradicts desired directions")
def _link_direction(ctx: Context) -> Iterator[Hit]:
    for link in ctx.links:
        source, target = ctx.nodes[link.from_id], ctx.nodes[link.to_id]
        from_sign, to_sign = desired_sign(source), desired_sign(target)
        if from_sign is None or to_sign is None or from_sign * link.effect.sign == to_sign:
            continue
        wanted = Effect.INCREASES if from_sign == to_sign else Effect.DECREASES
        yield Hit(
            message=(
                f"Link {ctx.name(source.id)} → {ctx.name(target.id)} says more of "
                f"{source.id} {link.effect.value} {target.id}, but {source.id} should "
                f"{_word(from_sign)} and {target.id} {_word(to_sign)}: the effect should "
                f"be '{wanted.value}' (or one of the directions is wrong)."
            ),
            nodes=(source.id, target.id),
            link=link.key,
        )


def sign_sets(ctx: Context) -> dict[str, dict[str, int]]:
    """Per activity, per goal it reaches, the net signs of its paths there.

    The value is a mask: 1 if some path makes the goal increase, 2 if some path makes
    it decrease, 3 for both. Goals without ``direction`` are included too. Nodes on
    a cycle, and paths through them, are left out.

    Time: one pass over the links in reverse topological order, each link carrying
    its target's masks (at most one entry per goal the target reaches).
    """
    nodes = ctx.nodes
    masks: dict[str, dict[str, int]] = {}
    remaining = dict.fromkeys(ctx.order, 0)
    for id in ctx.order:
        for link in ctx.acyclic_out(id):
            remaining[link.to_id] += 1  # how many predecessors still need the masks
    result: dict[str, dict[str, int]] = {}
    for id in reversed(ctx.order):
        node = nodes[id]
        mine: dict[str, int] = {}
        if node.kind.is_goal:
            mine[id] = _UP
        for link in ctx.acyclic_out(id):
            theirs = masks[link.to_id]
            if link.effect is Effect.INCREASES:
                for goal, mask in theirs.items():
                    mine[goal] = mine.get(goal, 0) | mask
            else:
                for goal, mask in theirs.items():
                    flipped = ((mask & _UP) << 1) | ((mask & _DOWN) >> 1)
                    mine[goal] = mine.get(goal, 0) | flipped
            remaining[link.to_id] -= 1
            if remaining[link.to_id] == 0 and nodes[link.to_id].kind is not NodeKind.ACTIVITY:
                del masks[link.to_id]  # no predecessor left to read it: free the memory
        masks[id] = mine
        if node.kind is NodeKind.ACTIVITY:
            result[id] = mine
    return result


def _verdicts(ctx: Context) -> Iterator[tuple[str, str, int, int]]:
    """(activity, goal, goal sign, mask) for every goal with a direction an activity reaches."""
    for activity, reached in sign_sets(ctx).items():
        for goal, mask in reached.items():
            node = ctx.nodes[goal]
            assert isinstance(node, Outcome)
            if node.direction is not None:
                yield activity, goal, node.direction.sign, mask


@rule("LM202", Severity.ERROR, "activity pushes a goal against its direction")
def _against(ctx: Context) -> Iterator[Hit]:
    for activity, goal, sign, mask in _verdicts(ctx):
        if mask == (_DOWN if sign > 0 else _UP):
            yield Hit(
                message=(
                    f"The activity {ctx.name(activity)} makes the goal {ctx.name(goal)} "
                    f"{_word(-sign)} on every path between them, but the goal should "
                    f"{_word(sign)}: check the effects of the links on those paths, or the "
                    "goal's direction."
                ),
                nodes=(activity, goal),
            )


@rule("LM203", Severity.WARNING, "activity pushes a goal both ways")
def _mixed(ctx: Context) -> Iterator[Hit]:
    for activity, goal, sign, mask in _verdicts(ctx):
        if mask == _UP | _DOWN:
            yield Hit(
                message=(
                    f"The activity {ctx.name(activity)} makes the goal {ctx.name(goal)} "
                    f"{_word(sign)} along some paths and {_word(-sign)} along others: check "
                    "the effects of the links between them, or explain in a note why the "
                    "net effect is expected to go the goal's way."
                ),
                nodes=(activity, goal),
            )


@rule("LM204", Severity.WARNING, "outcome or impact without direction")
def _no_direction(ctx: Context) -> Iterator[Hit]:
    for node in ctx.nodes.values():
        if isinstance(node, Outcome) and node.direction is None:
            yield Hit(
                message=(
                    f"The {kind_name(node.kind)} "
                    f"{ctx.name(node.id)} has no direction: say whether it should "
                    f"'{Direction.INCREASE.value}' or '{Direction.DECREASE.value}', so that "
                    "the chain's directions can be checked."
                ),
                nodes=(node.id,),
            )
