"""Cost attribution on every model the strategies generate: conserved, exact, stable."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from fractions import Fraction
from pathlib import Path
from typing import TypeVar

import attrs
import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

import logikmodell as lm
from logikmodell.costs import (
    CostAttribution,
    CostAttributionError,
    attribute_costs,
    resource_cost,
)
from logikmodell.model import Link, NodeKind, Resource, allocate
from logikmodell.testing import strategies as lst

sys.path.insert(0, str(Path(__file__).parent.parent / "costs"))
from costs_helpers import (
    NO_RANGES,
    costable,
    exact_flow,
    ore,
    reference_attributed,
    rounding_bound,
    with_ore_costs,
)

K = TypeVar("K")

MODELS = lst.logic_models(max_nodes=12)
_CHAIN = [
    NodeKind.RESOURCE,
    NodeKind.RESOURCE,
    NodeKind.ACTIVITY,
    NodeKind.OUTPUT,
    NodeKind.SHORT_TERM_OUTCOME,
    NodeKind.LONG_TERM_OUTCOME,
    NodeKind.IMPACT,
]


@st.composite
def _shares(draw: st.DrawFn, count: int) -> list[Fraction | None]:
    """Shares for ``count`` links: none, some or all given, never summing above 1."""
    mode = draw(st.sampled_from(["none", "some", "all"]))
    if mode == "none" or not count:
        return [None] * count
    raw = draw(st.lists(st.integers(0, 1000), min_size=count, max_size=count))
    if mode == "some":
        given = draw(st.lists(st.booleans(), min_size=count, max_size=count))
        raw = [r if g else -1 for r, g in zip(raw, given, strict=True)]
    total = sum(r for r in raw if r > 0)
    scale = max(total, 1000)
    return [None if r < 0 else Fraction(r * 1000 // scale, 1000) for r in raw]


@st.composite
def _costable_models(draw: st.DrawFn) -> lm.LogicModel:
    """Models with many links and odd costs, all links forward in chain order."""
    base = draw(lst.logic_models(min_nodes=5, max_nodes=16, kinds=_CHAIN))
    nodes = []
    for node in sorted(base.nodes, key=lambda node: node.kind.stage):
        if isinstance(node, Resource) and draw(st.integers(0, 3)):
            cost = lm.Quantity(value=Fraction(draw(st.integers(1, 10**10)), 100), unit="SEK")
            node = attrs.evolve(node, cost=cost, **NO_RANGES)
        nodes.append(node)
    chain = [node.id for node in nodes]
    links: dict[tuple[str, str], Link] = {}
    for i, source in enumerate(chain[:-1]):
        most = draw(st.sampled_from([0, 1, 2, 2, 3, 4]))
        later = st.sampled_from(chain[i + 1 :])
        targets = draw(st.lists(later, min_size=min(most, 1), max_size=most, unique=True))
        for target, share in zip(targets, draw(_shares(len(targets))), strict=True):
            links[(source, target)] = Link(from_id=source, to_id=target, share=share)
    return lm.LogicModel(base.info, actors=base.actors, nodes=nodes, links=links.values())


COSTABLE = st.one_of(
    _costable_models(), MODELS.map(costable), lst.logic_models(valid=True, max_nodes=12)
)


def _ores(mapping: Mapping[K, lm.Money]) -> dict[K, int]:
    found: dict[K, int] = {}
    for key, value in mapping.items():
        whole = ore(value)
        assert whole is not None
        found[key] = whole
    return found


def _figures(costs: CostAttribution) -> dict[str, object]:
    """Every figure of an attribution, as plain dicts (for comparisons)."""
    return {
        "dict": costs.to_dict(),
        "per_unit": dict(costs.per_unit),
        "terminal": costs.terminal,
        "years": dict(costs.years),
        "by_year": {id: dict(v) for id, v in costs.by_year.items()},
        "unallocated_by_year": {id: dict(v) for id, v in costs.unallocated_by_year.items()},
        "stages": dict(costs.stages),
        "per_participant": costs.per_participant,
    }


@given(MODELS)
def test_refused_exactly_when_validation_finds_a_cycle_or_over_allocation(
    model: lm.LogicModel,
) -> None:
    errors = lm.validate(model, select=["LM101", "LM601"]).errors
    if errors:
        with pytest.raises(CostAttributionError) as caught:
            attribute_costs(model)
        assert caught.value.findings == errors
    else:
        attribute_costs(model)


@given(COSTABLE)
def test_conservation_to_the_ore(model: lm.LogicModel) -> None:
    costs = attribute_costs(model)
    total = ore(costs.total)
    attributed = _ores(costs.attributed)
    unallocated = _ores(costs.unallocated)
    # Σ attributed over terminal nodes + Σ unallocated = total, to the öre.
    assert sum(attributed[id] for id in costs.terminal) + sum(unallocated.values()) == total
    # Per payer and per year the sums are the total too.
    assert sum(_ores(costs.payers).values()) == total
    assert sum(_ores(costs.years).values()) == total
    # Every node's years sum to its attributed cost, and every year is conserved.
    years = _ores(costs.years)
    for id, by_year in costs.by_year.items():
        assert sum(_ores(by_year).values()) == attributed[id]
        assert all(value >= 0 for value in _ores(by_year).values())
    for id, by_year in costs.unallocated_by_year.items():
        assert sum(_ores(by_year).values()) == unallocated[id]
    for year, year_total in years.items():
        terminal = sum(ore(costs.by_year[id][year]) or 0 for id in costs.terminal)
        rest = sum(ore(v[year]) or 0 for v in costs.unallocated_by_year.values())
        assert terminal + rest == year_total


@given(COSTABLE)
def test_every_split_is_the_largest_remainder_allocation(model: lm.LogicModel) -> None:
    costs = attribute_costs(model)
    attributed, unallocated = reference_attributed(model)
    assert _ores(costs.attributed) == attributed
    assert _ores(costs.unallocated) == unallocated


@given(COSTABLE)
def test_figures_lie_within_the_rounding_bound_of_the_exact_flow(model: lm.LogicModel) -> None:
    costs = attribute_costs(model)
    exact = exact_flow(model)
    bound = rounding_bound(model)
    graph = model.to_networkx()
    for id, money in costs.attributed.items():
        error = abs((ore(money) or 0) - exact[id])
        assert error <= bound[id]
        links = sum(graph.in_degree(n) for n in nx.ancestors(graph, id) | {id})
        assert bound[id] <= links
        if links:
            assert error < links


@given(COSTABLE)
def test_upstream_is_the_cost_of_the_resources_with_a_path(model: lm.LogicModel) -> None:
    costs = attribute_costs(model)
    graph = model.to_networkx()
    own = {r.id: resource_cost(r, model.currency) or 0 for r in model.of_type(Resource)}
    for id, money in costs.upstream.items():
        reaching = (nx.ancestors(graph, id) | {id}) & own.keys()
        assert ore(money) == sum(own[r] for r in reaching)


@given(COSTABLE, st.data())
def test_reordering_nodes_or_links_changes_no_figure(
    model: lm.LogicModel, data: st.DataObject
) -> None:
    # Needs come first: goals name them in ``addresses``, which must resolve.
    nodes = sorted(data.draw(st.permutations(model.nodes)), key=lambda n: n.kind != "need")
    links = data.draw(st.permutations(model.links))
    shuffled = lm.LogicModel(
        model.info,
        actors=data.draw(st.permutations(model.actors)),
        nodes=nodes,
        links=links,
        indicators=model.indicators,
        risks=model.risks,
    )
    assert _figures(attribute_costs(shuffled)) == _figures(attribute_costs(model))


@given(COSTABLE, st.integers(2, 100))
def test_scaling_every_cost_by_an_integer(model: lm.LogicModel, factor: int) -> None:
    base = with_ore_costs(model)
    scaled = with_ore_costs(model, factor)
    costs = attribute_costs(base)
    # Writing each cost as its öre figure changes nothing: costs are rounded once.
    assert _figures(costs) == _figures(attribute_costs(model))
    big = attribute_costs(scaled)
    # Sums of resource costs scale exactly.
    assert ore(big.total) == factor * (ore(costs.total) or 0)
    assert _ores(big.payers) == {k: factor * v for k, v in _ores(costs.payers).items()}
    assert _ores(big.upstream) == {k: factor * v for k, v in _ores(costs.upstream).items()}
    # Split figures: both lie within their rounding bound of the exact flow, which
    # scales exactly, so they differ from factor × the unscaled figure by at most
    # (factor + 1) × the bound.
    bound = rounding_bound(base)
    for id, money in big.attributed.items():
        difference = abs((ore(money) or 0) - factor * (ore(costs.attributed[id]) or 0))
        assert difference <= (factor + 1) * bound[id]
    if all(b == 0 for b in bound.values()):
        assert _ores(big.attributed) == {k: factor * v for k, v in _ores(costs.attributed).items()}


@given(
    st.integers(0, 10**17),
    st.lists(st.integers(0, 10**6), min_size=1, max_size=8),
)
def test_integer_splitting_equals_allocate(total: int, weights: list[int]) -> None:
    assert allocate(total, weights, weight_sum=sum(weights)) == allocate(total, weights)


@given(st.integers(0, 10**17), st.lists(st.fractions(0, 1, max_denominator=1000), max_size=6))
def test_share_weights_give_the_same_split_as_fractions(total: int, shares: list[Fraction]) -> None:
    from math import lcm

    if not shares:
        return
    denominator = lcm(*(s.denominator for s in shares))
    integers = [int(s * denominator) for s in shares]
    assert allocate(total, integers, weight_sum=sum(integers)) == allocate(total, shares)
