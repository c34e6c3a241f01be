"""What the rules share: adjacency, the topological order and the cycles of a model.

Everything here is computed once per validation run, in time linear in the number
of nodes and links, and only when a rule asks for it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from functools import cached_property

from logikmodell.graph import LogicModel
from logikmodell.model.elements import Indicator, Link
from logikmodell.model.enums import NodeKind
from logikmodell.model.nodes import Node

__all__ = ["Context", "describe", "kind_name"]


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
    if not article:
        return name
    return ("an " if name[0] in "aeiou" else "a ") + name


def describe(node: Node) -> str:
    """A node named for a message: ``'Ökad närvaro' (narvaro)``."""
    return f"'{node.label}' ({node.id})"


class Context:
    """A model prepared for the rules: nodes by id, links by end, order, cycles.

    Attributes:
        model: the model being validated.
        nodes: the nodes by id, in model order.
        links: the links, in model order.
        out_links: the links leaving each node.
        in_links: the links entering each node.
    """

    def __init__(self, model: LogicModel) -> None:
        self.model = model
        self.nodes: dict[str, Node] = {node.id: node for node in model.nodes}
        self.links: tuple[Link, ...] = model.links
        self.out_links: dict[str, list[Link]] = {id: [] for id in self.nodes}
        self.in_links: dict[str, list[Link]] = {id: [] for id in self.nodes}
        for link in self.links:
            self.out_links[link.from_id].append(link)
            self.in_links[link.to_id].append(link)

    def name(self, id: str) -> str:
        """The node with this id, named for a message."""
        return describe(self.nodes[id])

    @cached_property
    def indicators_by_node(self) -> dict[str, list[Indicator]]:
        """The indicators that measure each node (nodes without any are absent)."""
        found: dict[str, list[Indicator]] = {}
        for indicator in self.model.indicators:
            found.setdefault(indicator.measures, []).append(indicator)
        return found

    @cached_property
    def cycles(self) -> tuple[tuple[str, ...], ...]:
        """One cycle per strongly connected component that has one, as node ids.

        Each cycle starts at its smallest id and follows the links; the cycles are
        sorted by that first id.
        """
        return tuple(sorted(_one_cycle(self, component) for component in self._components))

    @cached_property
    def _components(self) -> tuple[frozenset[str], ...]:
        order = _kahn(self.nodes, self.out_links, frozenset())
        if len(order) == len(self.nodes):
            return ()
        import networkx as nx

        ordered = set(order)
        left = [id for id in self.nodes if id not in ordered]
        graph: nx.DiGraph[str] = nx.DiGraph()
        graph.add_nodes_from(left)
        graph.add_edges_from(
            (link.from_id, link.to_id)
            for id in left
            for link in self.out_links[id]
            if link.to_id not in ordered
        )
        return tuple(
            frozenset(component)
            for component in nx.strongly_connected_components(graph)
            if len(component) > 1 or graph.has_edge(next(iter(component)), next(iter(component)))
        )

    @cached_property
    def cyclic(self) -> frozenset[str]:
        """The ids of every node that lies on a cycle."""
        return frozenset().union(*self._components)

    @cached_property
    def order(self) -> tuple[str, ...]:
        """A topological order of the nodes that lie on no cycle.

        Links to and from nodes on a cycle are left out, so that the rules that
        need an order (the direction and evidence rules) run on the acyclic rest.
        """
        return tuple(_kahn(self.nodes, self.out_links, self.cyclic))

    def acyclic_out(self, id: str) -> Iterable[Link]:
        """The links leaving a node, without those into a node on a cycle."""
        cyclic = self.cyclic
        if not cyclic:
            return self.out_links[id]
        return (link for link in self.out_links[id] if link.to_id not in cyclic)


def _kahn(
    nodes: dict[str, Node], out_links: dict[str, list[Link]], skip: frozenset[str]
) -> list[str]:
    """Kahn's algorithm over the nodes not in ``skip``; nodes on cycles stay out."""
    indegree = dict.fromkeys(nodes, 0)
    for id, links in out_links.items():
        if id in skip:
            continue
        for link in links:
            indegree[link.to_id] += 1
    queue = deque(id for id, degree in indegree.items() if degree == 0 and id not in skip)
    order: list[str] = []
    while queue:
        id = queue.popleft()
        order.append(id)
        for link in out_links[id]:
            to_id = link.to_id
            if to_id in skip:
                continue
            indegree[to_id] -= 1
            if indegree[to_id] == 0:
                queue.append(to_id)
    return order


def _one_cycle(context: Context, component: frozenset[str]) -> tuple[str, ...]:
    """A cycle inside a strongly connected component, starting at its smallest id."""
    start = min(component)
    # Walk from start, always to the smallest successor inside the component, until a
    # node repeats: every node of a component has such a successor, so this ends.
    seen: dict[str, int] = {}
    path: list[str] = []
    current = start
    while current not in seen:
        seen[current] = len(path)
        path.append(current)
        current = min(link.to_id for link in context.out_links[current] if link.to_id in component)
    cycle = path[seen[current] :]
    first = cycle.index(min(cycle))
    return tuple(cycle[first:] + cycle[:first])
