"""The shape of a model's graph as index arrays: one topological order, its cycles.

Validation, cost attribution and rendering all walk the links of a model; they do
it over a :class:`Topology`, in which nodes are numbered (in model order, for
:meth:`Topology.of_model`) and links too, and adjacency is kept in flat lists of
ints. Lists of ints are much cheaper to walk than dicts of strings on large models,
and flat lists leave few objects for the garbage collector to trace.

There is one topological order (Kahn's algorithm, :attr:`Topology.order`) and one
cycle detection (the strongly connected components of the nodes that order leaves
out, :attr:`Topology.components`). Everything runs in time linear in the number of
nodes and links and is computed once, on first use.

Example:
    >>> topo = Topology.from_ids(["a", "b", "c", "d"], [("a", "b"), ("b", "c"), ("c", "b")])
    >>> [topo.ids[i] for i in topo.order]
    ['a', 'd']
    >>> [[topo.ids[i] for i in cycle] for cycle in topo.cycles]
    [['b', 'c']]
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from logikmodell.graph import LogicModel
    from logikmodell.model.nodes import Node

__all__ = ["Topology"]


def _group(ends: list[int], size: int) -> tuple[list[int], list[int]]:
    """The links grouped by their node in ``ends`` (a counting sort): ``(starts, links)``.

    The links of node ``i`` are ``links[starts[i]:starts[i + 1]]``, in link order.
    Flat lists of ints, so that a large graph leaves the garbage collector nothing
    to trace.
    """
    counts = [0] * (size + 1)
    for end in ends:
        counts[end + 1] += 1
    starts = list(itertools.accumulate(counts))
    links = [0] * len(ends)
    cursor = starts[:-1]
    for k, end in enumerate(ends):
        links[cursor[end]] = k
        cursor[end] += 1
    return starts, links


class Topology:
    """A directed graph on the nodes ``0 … size − 1``, as index arrays.

    Link ``k`` leaves node ``heads[k]`` and enters node ``tails[k]``; parallel
    links and self-loops are allowed. The arrays are read-only by convention:
    build a new topology for a changed graph.

    Attributes:
        size: the number of nodes.
        heads: the node that link ``k`` leaves.
        tails: the node that link ``k`` enters.
        ids: the id of node ``i``, when built from ids (else empty).
        index: the number of each id (empty without ids).
        out_start: the links leaving node ``i`` are
            ``out_links[out_start[i]:out_start[i + 1]]``, in link order.
        out_links: the link numbers, grouped by the node they leave.
        out_nodes: the node each link of ``out_links`` enters: the successors.
        in_start: the links entering node ``i`` are
            ``in_links[in_start[i]:in_start[i + 1]]``, in link order.
        in_links: the link numbers, grouped by the node they enter.
        in_nodes: the node each link of ``in_links`` leaves: the predecessors.
    """

    def __init__(
        self,
        size: int,
        heads: Sequence[int],
        tails: Sequence[int],
        *,
        ids: Sequence[str] = (),
        index: dict[str, int] | None = None,
    ) -> None:
        """Make a topology from the two ends of every link.

        Args:
            size: the number of nodes.
            heads: the node each link leaves.
            tails: the node each link enters (as many as ``heads``).
            ids: the nodes' ids, to name them (optional).
            index: the number of each id, if already at hand (else made from ``ids``).

        Raises:
            ValueError: ``heads`` and ``tails`` differ in length, an end is not a
                node number, or ``ids`` does not name every node.
        """
        if len(heads) != len(tails):
            raise ValueError(f"{len(heads)} heads but {len(tails)} tails")
        if ids and len(ids) != size:
            raise ValueError(f"{len(ids)} ids for {size} nodes")
        if heads and not (min(heads) >= 0 and max(heads) < size):
            raise ValueError(f"a link leaves no node from 0 to {size - 1}")
        if tails and not (min(tails) >= 0 and max(tails) < size):
            raise ValueError(f"a link enters no node from 0 to {size - 1}")
        self.size = size
        self.heads: list[int] = list(heads)
        self.tails: list[int] = list(tails)
        self.ids: list[str] = list(ids)
        self.index: dict[str, int] = (
            index if index is not None else {id: i for i, id in enumerate(self.ids)}
        )
        self.out_start, self.out_links = _group(self.heads, size)
        self.in_start, self.in_links = _group(self.tails, size)
        self.out_nodes: list[int] = list(map(self.tails.__getitem__, self.out_links))
        self.in_nodes: list[int] = list(map(self.heads.__getitem__, self.in_links))

    @classmethod
    def from_ids(cls, ids: Sequence[str], edges: Iterable[tuple[str, str]]) -> Topology:
        """The topology of nodes named by ``ids`` (numbered in that order) and links
        given as ``(from_id, to_id)`` pairs (numbered in that order).

        Raises:
            ValueError: an id comes twice.
            KeyError: an end of a link is not among ``ids``.
        """
        index = {id: i for i, id in enumerate(ids)}
        if len(index) != len(ids):
            raise ValueError("an id comes twice")
        heads: list[int] = []
        tails: list[int] = []
        for head, tail in edges:
            heads.append(index[head])
            tails.append(index[tail])
        return cls(len(index), heads, tails, ids=list(index), index=index)

    @classmethod
    def of_model(cls, model: LogicModel, nodes: Sequence[Node] | None = None) -> Topology:
        """The topology of a model: its nodes and its links, each in model order.

        Args:
            model: the model.
            nodes: only these of its nodes, in this order (every link must join
                two of them: needs, which take no links, may be left out).

        Raises:
            KeyError: a link has an end outside ``nodes``.
        """
        ids = [node.id for node in (model.nodes if nodes is None else nodes)]
        index = {id: i for i, id in enumerate(ids)}
        links = model.links
        heads = [index[link.from_id] for link in links]
        tails = [index[link.to_id] for link in links]
        return cls(len(ids), heads, tails, ids=ids, index=index)

    # ------------------------------------------------------------------ adjacency
    @cached_property
    def out(self) -> list[list[int]]:
        """Per node, the numbers of the links leaving it, in link order."""
        starts, links = self.out_start, self.out_links
        return [links[a:b] for a, b in itertools.pairwise(starts)]

    @cached_property
    def into(self) -> list[list[int]]:
        """Per node, the numbers of the links entering it, in link order."""
        starts, links = self.in_start, self.in_links
        return [links[a:b] for a, b in itertools.pairwise(starts)]

    def successors(self, i: int) -> list[int]:
        """The nodes that node ``i`` links to, in link order (repeated per link)."""
        return self.out_nodes[self.out_start[i] : self.out_start[i + 1]]

    def predecessors(self, i: int) -> list[int]:
        """The nodes that link to node ``i``, in link order (repeated per link)."""
        return self.in_nodes[self.in_start[i] : self.in_start[i + 1]]

    # ------------------------------------------------------------------ order
    @cached_property
    def order(self) -> list[int]:
        """The topological order (Kahn's): every node after all its predecessors.

        Nodes start in number order and each node's successors follow in link
        order. A node on a cycle, or reached from one, is left out: the order holds
        every node exactly when the graph has no cycle (see :attr:`is_acyclic`).
        """
        return self._kahn(None)

    @property
    def is_acyclic(self) -> bool:
        """Whether the graph has no cycle (self-loops count as cycles)."""
        return len(self.order) == self.size

    def _kahn(self, skip: bytearray | None) -> list[int]:
        """Kahn's algorithm over the nodes not in ``skip``, ignoring links to or from them."""
        starts, targets = self.out_start, self.out_nodes
        if skip is None:
            indegree = [b - a for a, b in itertools.pairwise(self.in_start)]
            order = [i for i, degree in enumerate(indegree) if not degree]
        else:
            indegree = [0] * self.size
            for head, tail in zip(self.heads, self.tails, strict=True):
                if not skip[head] and not skip[tail]:
                    indegree[tail] += 1
            order = [i for i, degree in enumerate(indegree) if not degree and not skip[i]]
        for i in order:  # the list grows while it is walked: a queue without a deque
            for t in targets[starts[i] : starts[i + 1]]:
                indegree[t] -= 1
                if not indegree[t]:
                    order.append(t)
        # A skipped node counts no links in, so it only goes below zero: never added.
        return order

    # ------------------------------------------------------------------ cycles
    @cached_property
    def components(self) -> tuple[frozenset[int], ...]:
        """The strongly connected components that hold a cycle, in order of their
        smallest node number.

        A component holds a cycle when it has two or more nodes, or one node with a
        link to itself. Only the nodes that :attr:`order` leaves out are searched,
        so an acyclic graph costs nothing here.
        """
        if self.is_acyclic:
            return ()
        inside = bytearray([1]) * self.size
        for i in self.order:
            inside[i] = 0
        found = [
            frozenset(component)
            for component in self._strong_components(inside)
            if len(component) > 1 or self._self_loop(component[0])
        ]
        return tuple(sorted(found, key=min))

    def _self_loop(self, i: int) -> bool:
        return i in self.successors(i)

    @cached_property
    def cyclic(self) -> bytearray:
        """``cyclic[i]`` is 1 when node ``i`` lies on a cycle, else 0."""
        mask = bytearray(self.size)
        for component in self.components:
            for i in component:
                mask[i] = 1
        return mask

    @cached_property
    def acyclic_order(self) -> list[int]:
        """A topological order of the nodes that lie on no cycle.

        Links into and out of nodes on a cycle are left out, so that what lies
        beyond a cycle still gets an order; the nodes on cycles themselves do not.
        Equal to :attr:`order` on an acyclic graph.
        """
        if not self.components:
            return self.order
        return self._kahn(self.cyclic)

    @cached_property
    def acyclic_out(self) -> list[list[int]]:
        """Per node, the links leaving it, without those into or out of a node on a cycle."""
        if not self.components:
            return self.out
        cyclic, tails = self.cyclic, self.tails
        return [
            [] if cyclic[i] else [k for k in links if not cyclic[tails[k]]]
            for i, links in enumerate(self.out)
        ]

    @cached_property
    def cycles(self) -> tuple[tuple[int, ...], ...]:
        """One cycle per component of :attr:`components`, as node numbers.

        Each cycle follows the links and starts at its smallest node (by id when
        the topology has ids, else by number); the cycles are sorted by their
        nodes, compared the same way.
        """
        key = self.ids.__getitem__ if self.ids else int
        cycles = [self._one_cycle(component) for component in self.components]
        return tuple(sorted(cycles, key=lambda cycle: [key(i) for i in cycle]))

    def _one_cycle(self, component: frozenset[int]) -> tuple[int, ...]:
        """A cycle inside a strongly connected component, starting at its smallest node."""
        key = self.ids.__getitem__ if self.ids else int
        start = min(component, key=key)
        # Walk from start, always to the smallest successor inside the component, until
        # a node repeats: every node of a component has such a successor, so this ends.
        seen: dict[int, int] = {}
        path: list[int] = []
        current = start
        while current not in seen:
            seen[current] = len(path)
            path.append(current)
            current = min((t for t in self.successors(current) if t in component), key=key)
        cycle = path[seen[current] :]
        first = cycle.index(min(cycle, key=key))
        return tuple(cycle[first:] + cycle[:first])

    # ------------------------------------------------------------------ condensation
    def condensation(self) -> tuple[list[int], Topology]:
        """The graph with every strongly connected component drawn together.

        Returns:
            ``(component, condensed)``: the component of node ``i``, numbered in
            order of each component's smallest node, and the acyclic graph of the
            components, with one link per link between two components (links
            inside a component are left out).
        """
        groups = sorted(self._strong_components(None), key=min)
        component = [0] * self.size
        for number, members in enumerate(groups):
            for i in members:
                component[i] = number
        heads: list[int] = []
        tails: list[int] = []
        for head, tail in zip(self.heads, self.tails, strict=True):
            if component[head] != component[tail]:
                heads.append(component[head])
                tails.append(component[tail])
        return component, Topology(len(groups), heads, tails)

    def _strong_components(self, inside: bytearray | None) -> list[list[int]]:
        """Tarjan's strongly connected components of the nodes ``inside`` (all if None).

        Iterative, so that long chains do not exhaust the stack. Links to nodes
        outside are ignored.
        """
        search = _Tarjan(self, inside)
        for root in range(self.size):
            if search.number[root] < 0 and (inside is None or inside[root]):
                search.run(root)
        return search.found


class _Tarjan:
    """The state of one run of Tarjan's algorithm."""

    __slots__ = ("counter", "found", "inside", "low", "number", "on_stack", "stack", "topo")

    def __init__(self, topo: Topology, inside: bytearray | None) -> None:
        self.topo = topo
        self.inside = inside
        self.number = [-1] * topo.size
        self.low = [0] * topo.size
        self.on_stack = bytearray(topo.size)
        self.stack: list[int] = []
        self.found: list[list[int]] = []
        self.counter = 0

    def _visit(self, v: int) -> None:
        self.number[v] = self.low[v] = self.counter
        self.counter += 1
        self.stack.append(v)
        self.on_stack[v] = 1

    def _next_unvisited(self, v: int, j: int) -> tuple[int, int]:
        """From position ``j`` of ``out_nodes``: the first unvisited successor of ``v``
        and the position after it, or ``(-1, end)``; lowers ``low[v]`` on the way."""
        inside, number, low = self.inside, self.number, self.low
        end = self.topo.out_start[v + 1]
        targets = self.topo.out_nodes
        while j < end:
            w = targets[j]
            j += 1
            if inside is not None and not inside[w]:
                continue
            if number[w] < 0:
                return w, j
            if self.on_stack[w] and number[w] < low[v]:
                low[v] = number[w]
        return -1, end

    def run(self, root: int) -> None:
        """Search from ``root``, adding every component completed to :attr:`found`."""
        number, low = self.number, self.low
        self._visit(root)
        work = [(root, self.topo.out_start[root])]
        while work:
            v, j = work[-1]
            w, j = self._next_unvisited(v, j)
            if w >= 0:
                work[-1] = (v, j)
                self._visit(w)
                work.append((w, self.topo.out_start[w]))
                continue
            work.pop()
            if low[v] == number[v]:
                self._pop_component(v)
            if work and low[v] < low[work[-1][0]]:
                low[work[-1][0]] = low[v]

    def _pop_component(self, v: int) -> None:
        component: list[int] = []
        while True:
            w = self.stack.pop()
            self.on_stack[w] = 0
            component.append(w)
            if w == v:
                break
        self.found.append(component)
