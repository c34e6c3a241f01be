"""What a diagram shows: the nodes, columns, ranks and edges drawn for a model.

Both the DOT and the Mermaid writers draw from a :class:`View`, so that the
options (one goal's paths, the compact mode) mean the same in every format.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

from logikmodell.errors import InvalidValueError, UnknownIdError
from logikmodell.graph import LogicModel
from logikmodell.model.elements import Indicator, Risk
from logikmodell.model.enums import Effect, Evidence, NodeKind
from logikmodell.model.nodes import Activity, Need, Node, Outcome, Output
from logikmodell.topology import Topology

if TYPE_CHECKING:
    from logikmodell.followup import FollowUp, IndicatorStatus

__all__ = ["CHAIN", "COMPACT_THRESHOLD", "Edge", "View", "build_view"]

#: Above this many nodes the diagram is drawn compact unless told otherwise.
COMPACT_THRESHOLD = 80

#: The stages of the chain, left to right.
CHAIN: tuple[NodeKind, ...] = tuple(k for k in NodeKind if k.stage >= 0)

_EVIDENCE_ORDER: dict[Evidence | None, int] = {
    Evidence.RESEARCH: 0,
    Evidence.PROVEN_EXPERIENCE: 1,
    Evidence.ASSUMPTION: 2,
    None: 3,
}


@attrs.frozen(kw_only=True)
class Edge:
    """An arrow of the diagram; it stands for one link, or several merged by folding.

    Attributes:
        from_id, to_id: the drawn ends (a folded output's activity stands for it).
        effect: what the link does to its target.
        evidence: the weakest evidence among the links it stands for.
        causal: whether the target is an outcome or impact (a causal claim).
        keys: the ``(from, to)`` keys of the model's links it stands for.
        backward: the arrow does not point to a later column (a link that breaks
            the chain order); it must not pull the layout.
    """

    from_id: str
    to_id: str
    effect: Effect
    evidence: Evidence | None
    causal: bool
    keys: tuple[tuple[str, str], ...]
    backward: bool


@attrs.frozen(kw_only=True)
class View:
    """The drawable content of a model.

    Attributes:
        columns: the stages that have nodes, each with its nodes in model order.
        needs: the needs drawn beside the goals.
        rank: the rank (left-to-right position) of every drawn node.
        ranks: how many ranks there are in all, needs included.
        edges: the arrows of the chain.
        addresses: ``(goal, need)`` pairs, drawn as "answers the need".
        folded: outputs drawn inside their activity, by activity id.
        host: the activity that shows each folded output.
        compact: whether indicators and risks are counted rather than listed.
        goal: the node whose paths alone are drawn, if any.
        indicators: the indicators of each node, by node id.
        risks: the risks that threaten each node, by node id.
        follow_up: the follow-up whose statuses the indicators show, if any.
        statuses: each indicator's follow-up status, by indicator id (empty
            without a follow-up).
    """

    columns: tuple[tuple[NodeKind, tuple[Node, ...]], ...]
    needs: tuple[Need, ...]
    rank: dict[str, int]
    ranks: int
    edges: tuple[Edge, ...]
    addresses: tuple[tuple[str, str], ...]
    folded: dict[str, tuple[Output, ...]]
    host: dict[str, str]
    compact: bool
    goal: str | None
    indicators: dict[str, tuple[Indicator, ...]]
    risks: dict[str, tuple[Risk, ...]]
    follow_up: FollowUp | None = None
    statuses: dict[str, IndicatorStatus] = attrs.field(factory=dict)

    def drawn(self, id: str) -> str | None:
        """The id of the drawn node that shows the model's node ``id``, or None."""
        if id in self.rank:
            return id
        return self.host.get(id)


def _ancestors(model: LogicModel, goal: str) -> set[str]:
    seen = {goal}
    todo = [goal]
    while todo:
        current = todo.pop()
        for link in model.in_links(current):
            if link.from_id not in seen:
                seen.add(link.from_id)
                todo.append(link.from_id)
    return seen


def _fold(model: LogicModel, kept: set[str]) -> dict[str, str]:
    """Outputs with exactly one incoming link, from a kept activity: output -> activity."""
    host: dict[str, str] = {}
    for output in model.of_type(Output):
        if output.id not in kept:
            continue
        incoming = [link for link in model.in_links(output.id) if link.from_id in kept]
        if len(incoming) == 1 and isinstance(model.node(incoming[0].from_id), Activity):
            host[output.id] = incoming[0].from_id
    return host


def _depths(ids: list[str], edges: Iterable[tuple[str, str]]) -> dict[str, int]:
    """Longest-path depth of each node over same-stage edges; a cycle shares one depth."""
    component, condensed = Topology.from_ids(ids, edges).condensation()
    depth = [0] * condensed.size
    tails = condensed.tails
    for c in condensed.order:
        for k in condensed.out[c]:
            if depth[tails[k]] <= depth[c]:
                depth[tails[k]] = depth[c] + 1
    return {id: depth[component[i]] for i, id in enumerate(ids)}


def _kept(model: LogicModel, goal: str | None) -> set[str]:
    """The ids of the nodes drawn: the chain, or ``goal`` and the nodes with a path to it."""
    if goal is None:
        return {n.id for n in model if not isinstance(n, Need)}
    if goal not in model:
        raise UnknownIdError(goal, "node", "goal")
    if isinstance(model.node(goal), Need):
        raise InvalidValueError("goal", f"{goal!r} is a need; give a node of the chain")
    return _ancestors(model, goal)


def _merged_edges(
    model: LogicModel, kept: set[str], host: dict[str, str]
) -> dict[tuple[str, str, Effect], Edge]:
    """The arrows between drawn nodes; links that fold onto one arrow are merged."""
    merged: dict[tuple[str, str, Effect], Edge] = {}
    for link in model.links:
        if link.from_id not in kept or link.to_id not in kept:
            continue
        source = host.get(link.from_id, link.from_id)
        target = host.get(link.to_id, link.to_id)
        if source == target:
            continue
        causal = model.node(link.to_id).kind.is_outcome
        key = (source, target, link.effect)
        known = merged.get(key)
        if known is None:
            merged[key] = Edge(
                from_id=source,
                to_id=target,
                effect=link.effect,
                evidence=link.evidence,
                causal=causal,
                keys=(link.key,),
                backward=False,
            )
        else:
            weakest = max(known.evidence, link.evidence, key=_EVIDENCE_ORDER.__getitem__)
            merged[key] = attrs.evolve(
                known,
                evidence=weakest,
                causal=known.causal or causal,
                keys=(*known.keys, link.key),
            )
    return merged


def _columns(
    chain_nodes: list[Node], edges: Iterable[Edge]
) -> tuple[list[tuple[NodeKind, tuple[Node, ...]]], dict[str, int], int]:
    """The columns with their nodes, the rank of each node, and the ranks used.

    A column takes as many ranks as its longest run of links between its own nodes.
    """
    by_kind: dict[NodeKind, list[Node]] = {kind: [] for kind in CHAIN}
    for node in chain_nodes:
        by_kind[node.kind].append(node)
    kind_of = {n.id: n.kind for n in chain_nodes}
    inner_by_kind: dict[NodeKind, list[tuple[str, str]]] = {kind: [] for kind in CHAIN}
    for e in edges:
        kind = kind_of[e.from_id]
        if kind_of[e.to_id] is kind:
            inner_by_kind[kind].append((e.from_id, e.to_id))
    rank: dict[str, int] = {}
    columns: list[tuple[NodeKind, tuple[Node, ...]]] = []
    base = 0
    for kind in CHAIN:
        members = by_kind[kind]
        if not members:
            continue
        ids = [n.id for n in members]
        depth = _depths(ids, inner_by_kind[kind])
        for id in ids:
            rank[id] = base + depth[id]
        base += max(depth.values()) + 1
        columns.append((kind, tuple(members)))
    return columns, rank, base


def _needs(
    model: LogicModel, chain_nodes: list[Node], goal: str | None
) -> tuple[list[Need], list[tuple[str, str]]]:
    """The needs drawn (all, or those the drawn goals address) and the addresses drawn."""
    addresses: list[tuple[str, str]] = []
    wanted: set[str] = set()
    for node in chain_nodes:
        if isinstance(node, Outcome):
            for need in node.addresses:
                addresses.append((node.id, need))
                wanted.add(need)
    needs = [n for n in model.of_type(Need) if goal is None or n.id in wanted]
    return needs, addresses


def _folded(model: LogicModel, host: dict[str, str]) -> dict[str, tuple[Output, ...]]:
    """The folded outputs, by the activity that shows them."""
    folded: dict[str, list[Output]] = {}
    for output_id, activity in host.items():
        output = model.node(output_id)
        assert isinstance(output, Output)
        folded.setdefault(activity, []).append(output)
    return {k: tuple(v) for k, v in folded.items()}


def _attached(
    model: LogicModel,
) -> tuple[dict[str, tuple[Indicator, ...]], dict[str, tuple[Risk, ...]]]:
    """The indicators measuring and the risks threatening each node, by node id."""
    indicators: dict[str, list[Indicator]] = {}
    for indicator in model.indicators:
        indicators.setdefault(indicator.measures, []).append(indicator)
    risks: dict[str, list[Risk]] = {}
    for risk in model.risks:
        for id in dict.fromkeys(risk.threatens):
            risks.setdefault(id, []).append(risk)
    return (
        {k: tuple(v) for k, v in indicators.items()},
        {k: tuple(v) for k, v in risks.items()},
    )


def build_view(
    model: LogicModel,
    *,
    goal: str | None = None,
    compact: bool | None = None,
    follow_up: FollowUp | None = None,
) -> View:
    """Decide what to draw.

    Args:
        model: the model.
        goal: draw only this node and the nodes with a path to it (typically a goal),
            with the needs it addresses.
        compact: fold outputs into their activity and count indicators and risks;
            ``None`` chooses compact above :data:`COMPACT_THRESHOLD` nodes.
        follow_up: a follow-up of the model (:func:`~logikmodell.followup.follow_up`)
            whose indicator statuses the diagram shows.

    Raises:
        UnknownIdError: ``goal`` is not a node of the model.
        InvalidValueError: ``goal`` is a need (needs are not on any path).
    """
    kept = _kept(model, goal)
    if compact is None:
        compact = len(model) > COMPACT_THRESHOLD
    host = _fold(model, kept) if compact else {}
    chain_nodes = [n for n in model if n.id in kept and n.id not in host]
    merged = _merged_edges(model, kept, host)
    columns, rank, base = _columns(chain_nodes, merged.values())
    needs, addresses = _needs(model, chain_nodes, goal)
    for need in needs:
        rank[need.id] = base
    edges = tuple(
        attrs.evolve(e, backward=rank[e.from_id] >= rank[e.to_id]) for e in merged.values()
    )
    indicators, risks = _attached(model)
    return View(
        indicators=indicators,
        risks=risks,
        columns=tuple(columns),
        needs=tuple(needs),
        rank=rank,
        ranks=base + (1 if needs else 0),
        edges=edges,
        addresses=tuple(addresses),
        folded=_folded(model, host),
        host=host,
        compact=compact,
        goal=goal,
        follow_up=follow_up,
        statuses={} if follow_up is None else {s.id: s for s in follow_up.indicators},
    )
