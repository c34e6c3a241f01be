"""The one topological order and cycle detection, checked against networkx."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

import logikmodell as lm
from logikmodell.model import Activity, Output, Resource, ShortTermOutcome
from logikmodell.topology import Topology


def _names(topo: Topology, numbers: list[int] | tuple[int, ...]) -> list[str]:
    return [topo.ids[i] for i in numbers]


def test_order_puts_every_node_after_its_predecessors_in_model_order() -> None:
    model = lm.LogicModel(
        title="T",
        nodes=[
            ShortTermOutcome(id="s", label="S"),
            Activity(id="a", label="A"),
            Resource(id="r", label="R"),
            Output(id="o", label="O"),
        ],
    )
    model.link("r", "a")
    model.link("a", "o")
    model.link("a", "s")
    model.link("o", "s")
    topo = Topology.of_model(model)
    assert topo.ids == ["s", "a", "r", "o"]
    assert _names(topo, topo.order) == ["r", "a", "o", "s"]
    assert topo.is_acyclic
    assert topo.components == ()
    assert topo.cycles == ()


def test_a_cycle_leaves_the_order_with_everything_beyond_it() -> None:
    topo = Topology.from_ids(
        ["a", "c", "b", "g", "x"],
        [("a", "b"), ("b", "c"), ("c", "b"), ("c", "g"), ("x", "x")],
    )
    assert _names(topo, topo.order) == ["a"]
    assert not topo.is_acyclic
    assert [sorted(_names(topo, sorted(c))) for c in topo.components] == [["b", "c"], ["x"]]
    assert [_names(topo, c) for c in topo.cycles] == [["b", "c"], ["x"]]
    assert list(topo.cyclic) == [0, 1, 1, 0, 1]
    # Beyond the cycle the rest still has an order, links into the cycle left out.
    assert _names(topo, topo.acyclic_order) == ["a", "g"]
    assert topo.acyclic_out[0] == []


def test_a_cycle_starts_at_its_smallest_id_and_follows_the_links() -> None:
    topo = Topology.from_ids(["c", "a", "b"], [("a", "c"), ("c", "b"), ("b", "a")])
    assert [_names(topo, c) for c in topo.cycles] == [["a", "c", "b"]]


def test_condensation_draws_each_component_together() -> None:
    topo = Topology.from_ids(
        ["a", "b", "c", "d"], [("a", "b"), ("b", "a"), ("b", "c"), ("a", "c"), ("c", "d")]
    )
    component, condensed = topo.condensation()
    assert component == [0, 0, 1, 2]
    assert condensed.size == 3
    assert condensed.is_acyclic
    assert sorted(zip(condensed.heads, condensed.tails, strict=True)) == [(0, 1), (0, 1), (1, 2)]


def test_bad_arrays_are_refused() -> None:
    with pytest.raises(ValueError, match="tails"):
        Topology(2, [0], [])
    with pytest.raises(ValueError, match="enters no node"):
        Topology(2, [0], [2])
    with pytest.raises(ValueError, match="twice"):
        Topology.from_ids(["a", "a"], [])


@st.composite
def graphs(draw: st.DrawFn) -> tuple[int, list[tuple[int, int]]]:
    """Small directed graphs, self-loops and parallel links allowed."""
    size = draw(st.integers(min_value=0, max_value=12))
    if size == 0:
        return 0, []
    node = st.integers(min_value=0, max_value=size - 1)
    return size, draw(st.lists(st.tuples(node, node), max_size=3 * size))


def _networkx(size: int, edges: list[tuple[int, int]]) -> nx.DiGraph[int]:
    graph: nx.DiGraph[int] = nx.DiGraph()
    graph.add_nodes_from(range(size))
    graph.add_edges_from(edges)
    return graph


@given(graphs())
def test_order_and_cycles_agree_with_networkx(graph: tuple[int, list[tuple[int, int]]]) -> None:
    size, edges = graph
    topo = Topology(size, [h for h, _ in edges], [t for _, t in edges])
    reference = _networkx(size, edges)
    assert topo.is_acyclic == nx.is_directed_acyclic_graph(reference)
    position = {i: n for n, i in enumerate(topo.order)}
    assert all(position[h] < position[t] for h, t in edges if t in position)
    # The order leaves out exactly the nodes on a cycle and those they reach.
    on_cycles = {i for c in nx.simple_cycles(reference) for i in c}
    beyond = set(on_cycles).union(*(nx.descendants(reference, i) for i in on_cycles))
    assert set(position) == set(range(size)) - beyond
    expected = {
        frozenset(c)
        for c in nx.strongly_connected_components(reference)
        if len(c) > 1 or reference.has_edge(next(iter(c)), next(iter(c)))
    }
    assert set(topo.components) == expected
    for cycle in topo.cycles:
        assert all(
            reference.has_edge(a, b) for a, b in zip(cycle, (*cycle[1:], cycle[0]), strict=True)
        )
    acyclic = {i: n for n, i in enumerate(topo.acyclic_order)}
    assert set(acyclic) == set(range(size)) - on_cycles
    assert all(acyclic[h] < acyclic[t] for h, t in edges if h in acyclic and t in acyclic)


@given(graphs())
def test_condensation_agrees_with_networkx(graph: tuple[int, list[tuple[int, int]]]) -> None:
    size, edges = graph
    component, condensed = Topology(
        size, [h for h, _ in edges], [t for _, t in edges]
    ).condensation()
    reference = nx.condensation(_networkx(size, edges))
    assert condensed.size == reference.number_of_nodes()
    assert condensed.is_acyclic
    theirs = {frozenset(reference.nodes[c]["members"]) for c in reference.nodes}
    ours = {frozenset(i for i in range(size) if component[i] == c) for c in range(condensed.size)}
    assert ours == theirs
    assert set(zip(condensed.heads, condensed.tails, strict=True)) == {
        (component[h], component[t]) for h, t in edges if component[h] != component[t]
    }


def test_a_long_chain_does_not_exhaust_the_stack() -> None:
    size = 50_000
    ring = Topology(size, list(range(size)), [(i + 1) % size for i in range(size)])
    assert ring.order == []
    assert [len(c) for c in ring.components] == [size]
