"""Cost attribution on generated 20 000- and 100 000-node models, against networkx.

The baseline ("the networkx floor") is what any attribution has to do at least:
build a ``networkx.DiGraph`` of the model, sort it topologically and pass once
over the links. Both are measured in the same run, best of several repeats, and
the script prints their ratio (aim: ≤ 2×).

The models are layered like a fund's portfolio of logic models: six stages, a
sixth of the nodes resources (a third of them spread over two or three years,
with direct costs or ``quantity × unit_cost``), and about three links per node to
nodes of the next stage or the one after; a tenth of the nodes carry shares on
their links, some summing below 1. ``--mode portfolio`` (the default) makes the
model a portfolio of investments of 60 nodes (10 per stage), each linking within
itself and, one link in twenty, to a node of another investment. ``--mode
random`` draws every link target from the whole next stages: the resources
reaching a node then grow to hundreds, and ``upstream`` (which unites them) dominates.

Run: ``.venv/bin/python benchmarks/bench_costs.py [NODES ...] [--mode portfolio|random]``
"""

from __future__ import annotations

import argparse
import gc
import random
import time
from collections.abc import Callable
from fractions import Fraction

import networkx as nx

import logikmodell as lm
from logikmodell.model import (
    Activity,
    Actor,
    Impact,
    Link,
    LongTermOutcome,
    Node,
    Output,
    Resource,
    ShortTermOutcome,
)

STAGES = 6
BLOCK = 10


def generate(nodes: int, mode: str = "portfolio", seed: int = 1) -> lm.LogicModel:
    """A layered model with ``nodes`` nodes (see the module docstring)."""
    rng = random.Random(seed)
    layers: list[list[str]] = [[] for _ in range(STAGES)]
    node_list: list[Node] = []
    payers = ["utb", "soc", "region", None]
    for index in range(nodes):
        stage = index % STAGES
        id = f"n{index}"
        layers[stage].append(id)
        label = f"Nod {index}"
        node: Node
        if stage == 0:
            fields: dict[str, object] = {"payer": rng.choice(payers)}
            if rng.random() < 0.5:
                fields["cost"] = f"{rng.randint(1, 10**7)},{rng.randint(0, 99):02d} SEK"
            else:
                fields["quantity"] = f"{rng.randint(1, 400)} hour"
                fields["unit_cost"] = f"{rng.randint(300, 900)} SEK/hour"
            if rng.random() < 1 / 3:
                fields["schedule"] = rng.choice(
                    [
                        {0: Fraction(1, 2), 1: Fraction(1, 2)},
                        {0: Fraction(1, 4), 1: Fraction(1, 2), 2: Fraction(1, 4)},
                    ]
                )
            node = Resource(id=id, label=label, **fields)  # type: ignore[arg-type]
        elif stage == 1:
            node = Activity(id=id, label=label)
        elif stage == 2:
            node = Output(id=id, label=label, quantity=f"{rng.randint(1, 200)} person")
        elif stage == 3:
            node = ShortTermOutcome(id=id, label=label)
        elif stage == 4:
            node = LongTermOutcome(id=id, label=label, quantity=f"{rng.randint(1, 50)} person")
        else:
            node = Impact(id=id, label=label)
        node_list.append(node)
    links: list[Link] = []
    for stage in range(STAGES - 1):
        later = layers[stage + 1] if stage == 0 else layers[stage + 1] + layers[min(stage + 2, 5)]
        targets = list(dict.fromkeys(later))
        count = len(targets)
        for position, source in enumerate(layers[stage]):
            if mode == "random":
                chosen = rng.sample(targets, k=min(3, count))
            else:
                # The investment's own block of the next stages, and now and then a
                # node shared with another investment.
                block = position // BLOCK * BLOCK
                own = (
                    targets[block : block + BLOCK]
                    if stage == 0
                    else (
                        layers[stage + 1][block : block + BLOCK]
                        + layers[min(stage + 2, 5)][block : block + BLOCK]
                    )
                )
                own = list(dict.fromkeys(own))
                chosen = rng.sample(own, k=min(rng.randint(1, 3), len(own)))
                if rng.random() < 0.05:
                    extra = rng.choice(targets)
                    if extra not in chosen:
                        chosen.append(extra)
            shares: list[Fraction | None] = [None] * len(chosen)
            if rng.random() < 0.1:
                shares = [Fraction(rng.randint(1, 25), 100) for _ in chosen]
            links += [
                Link(from_id=source, to_id=target, share=share)
                for target, share in zip(chosen, shares, strict=True)
            ]
    actors = [Actor(id=id, label=id) for id in ("utb", "soc", "region")]
    return lm.LogicModel(title="Benchmark", actors=actors, nodes=node_list, links=links)


def floor(model: lm.LogicModel) -> object:
    """The networkx floor: build the graph, sort it, pass once over the links."""
    graph: nx.DiGraph[str] = nx.DiGraph()
    graph.add_nodes_from(node.id for node in model.nodes)
    graph.add_edges_from((link.from_id, link.to_id) for link in model.links)
    order = list(nx.topological_sort(graph))
    total = 0
    for link in model.links:
        total += link.share is None
    return order, total


def race(runs: list[Callable[[], object]], repeats: int) -> list[float]:
    """The best time of each run, the runs interleaved so that load hits all alike."""
    times: list[list[float]] = [[] for _ in runs]
    for _ in range(repeats):
        for run, found in zip(runs, times, strict=True):
            gc.collect()
            start = time.perf_counter()
            run()
            found.append(time.perf_counter() - start)
    return [min(found) for found in times]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("nodes", nargs="*", type=int, default=[20_000, 100_000])
    parser.add_argument("--mode", choices=["portfolio", "random"], default="portfolio")
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    print(f"mode: {args.mode}; best of {args.repeats}")
    print(f"{'nodes':>8} {'links':>8} {'floor':>9} {'attribute':>10} {'ratio':>6}")
    for nodes in args.nodes:
        model = generate(nodes, args.mode)
        costs = lm.attribute_costs(model)  # warm up: unit registry, caches
        terminal = sum(costs.attributed[id].ore for id in costs.terminal)
        unallocated = sum(money.ore for money in costs.unallocated.values())
        assert terminal + unallocated == costs.total.ore  # conservation, to the öre
        runs: list[Callable[[], object]] = [
            lambda model=model: floor(model),  # type: ignore[misc]
            lambda model=model: lm.attribute_costs(model),  # type: ignore[misc]
        ]
        base, ours = race(runs, args.repeats)
        print(
            f"{nodes:>8} {len(model.links):>8} {base * 1000:>7.0f}ms {ours * 1000:>8.0f}ms "
            f"{ours / base:>5.2f}×"
        )


if __name__ == "__main__":
    main()
