"""Builders and independent reference computations for the cost attribution tests.

The references follow DESIGN §5 as literally as possible, with networkx for the
order and :func:`logikmodell.model.money.allocate` for every split, so that the
engine's fast integer loop is checked against a slow, obvious one.
"""

from __future__ import annotations

import textwrap
from fractions import Fraction
from typing import Any

import attrs
import networkx as nx

import logikmodell as lm
from logikmodell.costs import resource_cost_by_year
from logikmodell.model import Link, NodeKind, Resource, allocate

__all__ = [
    "NO_RANGES",
    "costable",
    "exact_flow",
    "model",
    "ore",
    "reference_attributed",
    "rounding_bound",
    "weights",
    "with_ore_costs",
]


#: Evolve a resource with these (and a ``cost``) to give it a plain direct cost.
NO_RANGES: dict[str, Any] = dict.fromkeys(
    [
        "quantity",
        "unit_cost",
        "quantity_low",
        "quantity_high",
        "unit_cost_low",
        "unit_cost_high",
        "cost_low",
        "cost_high",
    ]
)


def model(nodes: str, links: str = "", extra: str = "") -> lm.LogicModel:
    """A model titled "Test" from YAML lists of nodes and links (flow style lines)."""
    text = "logikmodell: 1\ntitle: Test\n" + textwrap.dedent(extra)
    text += "nodes:\n" + textwrap.indent(textwrap.dedent(nodes).strip(), "  ") + "\n"
    if links.strip():
        text += "links:\n" + textwrap.indent(textwrap.dedent(links).strip(), "  ") + "\n"
    return lm.loads(text, "yaml")


def ore(money: lm.Money | None) -> int | None:
    """A whole-öre amount as an int (asserting it is whole)."""
    if money is None:
        return None
    value = money.amount * 100
    assert value.denominator == 1, money
    return value.numerator


def weights(m: lm.LogicModel, id: str) -> list[tuple[str | None, Fraction]]:
    """The split of a node: (target id or None for the unallocated rest, exact weight).

    Targets in id order, the unallocated rest last (DESIGN §5 and docs/costs.md).
    """
    out = sorted(m.out_links(id), key=lambda link: link.to_id)
    given = sum((link.share for link in out if link.share is not None), Fraction(0))
    free = [link for link in out if link.share is None]
    parts: list[tuple[str | None, Fraction]] = [
        (link.to_id, link.share if link.share is not None else (1 - given) / len(free))
        for link in out
    ]
    if out and not free and given < 1:
        parts.append((None, 1 - given))
    return parts


def _own(m: lm.LogicModel) -> dict[str, int]:
    return {r.id: sum(resource_cost_by_year(r, m.currency).values()) for r in m.of_type(Resource)}


def reference_attributed(m: lm.LogicModel) -> tuple[dict[str, int], dict[str, int]]:
    """(attributed, unallocated) in öre, by networkx order and ``allocate``."""
    graph = m.to_networkx()
    chain = [n.id for n in m.nodes if n.kind is not NodeKind.NEED]
    amount = dict.fromkeys(chain, 0)
    amount.update(_own(m))
    unallocated: dict[str, int] = {}
    for id in nx.topological_sort(graph):
        if id not in amount:
            continue
        split = weights(m, id)
        if not split:
            continue
        parts = allocate(amount[id], [w for _, w in split])
        for (target, _), part in zip(split, parts, strict=True):
            if target is None:
                unallocated[id] = part
            else:
                amount[target] += part
    return amount, unallocated


def exact_flow(m: lm.LogicModel) -> dict[str, Fraction]:
    """The flow without any rounding: exact fractions of öre."""
    graph = m.to_networkx()
    flow: dict[str, Fraction] = {n.id: Fraction(0) for n in m.nodes if n.kind is not NodeKind.NEED}
    for id, cost in _own(m).items():
        flow[id] += cost
    for id in nx.topological_sort(graph):
        for target, weight in weights(m, id):
            if target is not None:
                flow[target] += flow[id] * weight
    return flow


def rounding_bound(m: lm.LogicModel) -> dict[str, Fraction]:
    """B(v): how far the rounded flow may lie from the exact one, in öre.

    Each part of a largest-remainder split lies less than 1 öre from its exact
    share, so B(resource) = 0 and B(v) = Σ over links u → v of (w·B(u) + 1).
    """
    graph = m.to_networkx()
    bound: dict[str, Fraction] = {n.id: Fraction(0) for n in m.nodes if n.kind is not NodeKind.NEED}
    for id in nx.topological_sort(graph):
        for target, weight in weights(m, id):
            if target is not None:
                bound[target] += weight * bound[id] + 1
    return bound


def costable(m: lm.LogicModel) -> lm.LogicModel:
    """The model without the links that would stop attribution.

    Keeps only links that go forward in the model's node order (so no cycle) and
    drops the shares of any node whose shares sum above 1 (so no LM601).
    """
    position = {node.id: i for i, node in enumerate(m.nodes)}
    kept = [link for link in m.links if position[link.from_id] < position[link.to_id]]
    totals: dict[str, Fraction] = {}
    for link in kept:
        if link.share is not None:
            totals[link.from_id] = totals.get(link.from_id, Fraction(0)) + link.share
    fixed: list[Link] = [
        attrs.evolve(link, share=None) if totals.get(link.from_id, 0) > 1 else link for link in kept
    ]
    return lm.LogicModel(
        m.info,
        actors=m.actors,
        nodes=m.nodes,
        links=fixed,
        indicators=m.indicators,
        risks=m.risks,
    )


def with_ore_costs(m: lm.LogicModel, factor: int = 1) -> lm.LogicModel:
    """The model with each resource's cost written as its öre figure × ``factor``.

    Resources keep their payer and timing; a resource without cost stays without.
    """
    nodes = []
    for node in m.nodes:
        if isinstance(node, Resource):
            by_year = resource_cost_by_year(node, m.currency)
            if by_year:
                cost = lm.Quantity(
                    value=Fraction(sum(by_year.values()) * factor, 100), unit=m.currency
                )
                node = attrs.evolve(node, cost=cost, **NO_RANGES)
        nodes.append(node)
    return lm.LogicModel(
        m.info,
        actors=m.actors,
        nodes=nodes,
        links=m.links,
        indicators=m.indicators,
        risks=m.risks,
    )
