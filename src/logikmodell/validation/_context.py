"""What the rules share: the model as compact arrays, its topological order, its cycles.

Nodes and links are numbered in model order; the algorithms work on those numbers
(lists of ints are much cheaper to walk than dicts of strings on large models), and
the rules turn them back into ids and labels only for their messages. Everything
is computed once per validation run, in time linear in the number of nodes and
links, and only when a rule asks for it.
"""

from __future__ import annotations

import decimal
from fractions import Fraction
from functools import cached_property

from logikmodell._text import with_article
from logikmodell.graph import LogicModel
from logikmodell.model.elements import Link
from logikmodell.model.enums import Effect, NodeKind
from logikmodell.model.nodes import Node, Outcome

__all__ = ["Context", "decimal_text", "describe", "desired_sign", "kind_name"]

_KIND_NAMES = {
    NodeKind.NEED: "need",
    NodeKind.RESOURCE: "resource",
    NodeKind.ACTIVITY: "activity",
    NodeKind.OUTPUT: "output",
    NodeKind.SHORT_TERM_OUTCOME: "short-term outcome",
    NodeKind.LONG_TERM_OUTCOME: "long-term outcome",
    NodeKind.IMPACT: "impact",
}


def kind_name(kind: NodeKind, *, article: bool = False) -> str:
    """A kind in words for a message: ``short-term outcome`` (``an output`` with article)."""
    name = _KIND_NAMES[kind]
    return with_article(name) if article else name


def decimal_text(value: Fraction) -> str:
    """An exact number for a message, in decimals: ``12``, ``62.5``; a fraction whose
    decimals never end is rounded to four places (``33.3333``)."""
    if value.denominator == 1:
        return str(value.numerator)
    rest = value.denominator
    for factor in (2, 5):
        while rest % factor == 0:
            rest //= factor
    with decimal.localcontext() as context:
        context.prec = len(str(abs(value.numerator))) + len(str(value.denominator)) + 8
        quotient = decimal.Decimal(value.numerator) / decimal.Decimal(value.denominator)
        if rest != 1:
            quotient = quotient.quantize(decimal.Decimal("0.0001"))
        return format(quotient.normalize(), "f")


def describe(node: Node) -> str:
    """A node named for a message: ``'Ökad närvaro' (narvaro)``."""
    return f"'{node.label}' ({node.id})"


def desired_sign(node: Node) -> int | None:
    """+1 or -1 for the way a node should move; None if it has no direction.

    Activities and outputs count as +1 (more of them); resources and needs, and
    outcomes without ``direction``, have none.
    """
    if node.kind is NodeKind.ACTIVITY or node.kind is NodeKind.OUTPUT:
        return 1
    if isinstance(node, Outcome) and node.direction is not None:
        return node.direction.sign
    return None


class Context:
    """A model prepared for the rules.

    Attributes:
        model: the model being validated.
        nodes: the nodes by id, in model order.
        node_list: the nodes in model order; node ``i`` is ``node_list[i]``.
        index: the number of each node id.
        kinds: the kind of node ``i``.
        links: the links in model order; link ``k`` is ``links[k]``.
        heads: the number of the node link ``k`` leaves.
        tails: the number of the node link ``k`` enters.
        out: the numbers of the links leaving node ``i``.
        into: the numbers of the links entering node ``i``.
    """

    def __init__(self, model: LogicModel) -> None:
        self.model = model
        self.node_list: tuple[Node, ...] = model.nodes
        self.nodes: dict[str, Node] = {node.id: node for node in self.node_list}
        self.index: dict[str, int] = {id: i for i, id in enumerate(self.nodes)}
        self.kinds: list[NodeKind] = [node.kind for node in self.node_list]
        self.links: tuple[Link, ...] = model.links
        index = self.index
        self.heads: list[int] = [index[link.from_id] for link in self.links]
        self.tails: list[int] = [index[link.to_id] for link in self.links]
        self.out: list[list[int]] = [[] for _ in self.node_list]
        self.into: list[list[int]] = [[] for _ in self.node_list]
        for k, head in enumerate(self.heads):
            self.out[head].append(k)
        for k, tail in enumerate(self.tails):
            self.into[tail].append(k)
        #: Results that several rules share, computed by the first that needs them.
        self.memo: dict[str, object] = {}

    @cached_property
    def id_list(self) -> list[str]:
        """The id of node ``i``."""
        return list(self.nodes)

    def name(self, id: str) -> str:
        """The node with this id, named for a message."""
        return describe(self.nodes[id])

    def ids_of(self, *kinds: NodeKind) -> list[int]:
        """The numbers of the nodes of these kinds, in model order."""
        key = "ids_of:" + ",".join(kinds)
        found = self.memo.get(key)
        if found is None:
            wanted = set(kinds)
            found = self.memo[key] = [i for i, kind in enumerate(self.kinds) if kind in wanted]
        return found  # type: ignore[return-value]

    def goal_numbers(self) -> list[int]:
        """The numbers of the goals (long-term outcomes and impacts)."""
        return self.ids_of(NodeKind.LONG_TERM_OUTCOME, NodeKind.IMPACT)

    @cached_property
    def signs(self) -> list[int | None]:
        """The desired sign of node ``i`` (activities and outputs +1), or None."""
        return [desired_sign(node) for node in self.node_list]

    @cached_property
    def decreasing(self) -> list[bool]:
        """Whether link ``k`` has the effect ``decreases``."""
        return [link.effect is Effect.DECREASES for link in self.links]

    @cached_property
    def measured(self) -> frozenset[str]:
        """The ids of the nodes that some indicator measures."""
        return frozenset(indicator.measures for indicator in self.model.indicators)

    @cached_property
    def _first_order(self) -> list[int]:
        return _kahn(self.out, self.into, self.tails, None)

    @cached_property
    def _components(self) -> tuple[frozenset[int], ...]:
        order = self._first_order
        if len(order) == len(self.node_list):
            return ()
        import networkx as nx

        ordered = bytearray(len(self.node_list))
        for i in order:
            ordered[i] = 1
        graph: nx.DiGraph[int] = nx.DiGraph()
        graph.add_nodes_from(i for i in range(len(self.node_list)) if not ordered[i])
        graph.add_edges_from(
            (self.heads[k], self.tails[k])
            for k in range(len(self.links))
            if not ordered[self.heads[k]] and not ordered[self.tails[k]]
        )
        return tuple(
            frozenset(component)
            for component in nx.strongly_connected_components(graph)
            if len(component) > 1 or graph.has_edge(next(iter(component)), next(iter(component)))
        )

    @cached_property
    def cycles(self) -> tuple[tuple[str, ...], ...]:
        """One cycle per strongly connected component that has one, as node ids.

        Each cycle starts at its smallest id and follows the links; the cycles are
        sorted by that first id.
        """
        return tuple(sorted(self._one_cycle(component) for component in self._components))

    @cached_property
    def cyclic(self) -> bytearray:
        """``cyclic[i]`` is 1 when node ``i`` lies on a cycle."""
        mask = bytearray(len(self.node_list))
        for component in self._components:
            for i in component:
                mask[i] = 1
        return mask

    @cached_property
    def order(self) -> list[int]:
        """A topological order of the nodes that lie on no cycle.

        Links to and from nodes on a cycle are left out, so that the rules that
        need an order (the direction and evidence rules) run on the acyclic rest.
        """
        if not self._components:
            return self._first_order
        return _kahn(self.out, self.into, self.tails, self.cyclic)

    @cached_property
    def acyclic_out(self) -> list[list[int]]:
        """The links leaving node ``i``, without those into or out of a node on a cycle."""
        if not self._components:
            return self.out
        cyclic, tails = self.cyclic, self.tails
        return [
            [] if cyclic[i] else [k for k in links if not cyclic[tails[k]]]
            for i, links in enumerate(self.out)
        ]

    def _one_cycle(self, component: frozenset[int]) -> tuple[str, ...]:
        """A cycle inside a strongly connected component, starting at its smallest id."""
        ids = self.id_list
        start = min(component, key=ids.__getitem__)
        # Walk from start, always to the smallest successor inside the component, until
        # a node repeats: every node of a component has such a successor, so this ends.
        seen: dict[int, int] = {}
        path: list[int] = []
        current = start
        while current not in seen:
            seen[current] = len(path)
            path.append(current)
            current = min(
                (self.tails[k] for k in self.out[current] if self.tails[k] in component),
                key=ids.__getitem__,
            )
        cycle = [ids[i] for i in path[seen[current] :]]
        first = cycle.index(min(cycle))
        return tuple(cycle[first:] + cycle[:first])


def _kahn(
    out: list[list[int]], into: list[list[int]], tails: list[int], skip: bytearray | None
) -> list[int]:
    """Kahn's algorithm over the nodes not in ``skip``; nodes on cycles stay out."""
    if skip is None:
        indegree = [len(links) for links in into]
        order = [i for i, degree in enumerate(indegree) if degree == 0]
        for i in order:  # the list grows while it is walked: a queue without a deque
            for k in out[i]:
                tail = tails[k]
                indegree[tail] -= 1
                if indegree[tail] == 0:
                    order.append(tail)
        return order
    indegree = [0] * len(out)
    for i, links in enumerate(out):
        if not skip[i]:
            for k in links:
                indegree[tails[k]] += 1
    order = [i for i, degree in enumerate(indegree) if degree == 0 and not skip[i]]
    for i in order:
        for k in out[i]:
            tail = tails[k]
            if skip[tail]:
                continue
            indegree[tail] -= 1
            if indegree[tail] == 0:
                order.append(tail)
    return order
