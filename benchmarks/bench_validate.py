"""``validate`` on generated layered models, against the networkx floor on the same graph.

For models of 2 000, 20 000 and 100 000 nodes (six stages, about three links per
node), prints the time of ``logikmodell.validation`` (every rule) and of the floor:
building a ``networkx.DiGraph`` of the same nodes and links, ``topological_sort``,
and one pass over the links. Both are measured in the same run, best of several
repeats, and printed with their ratio, and the growth of each from one size to the
next.

Run: ``.venv/bin/python benchmarks/bench_validate.py [NODES ...]``
"""

from __future__ import annotations

import datetime as dt
import gc
import random
import sys
import time
from collections.abc import Callable

import networkx as nx

import logikmodell as lm
from logikmodell.model import (
    Activity,
    Actor,
    Direction,
    Effect,
    Evidence,
    Impact,
    Indicator,
    Link,
    LongTermOutcome,
    Need,
    Node,
    Observation,
    Output,
    Resource,
    Risk,
    ShortTermOutcome,
    TargetGroup,
)

SIZES = (2_000, 20_000, 100_000)
_STAGES = 6


def generate(size: int, seed: int = 1, mistakes: float = 0.001) -> lm.LogicModel:
    """A layered model: stage ``index % 6``, each node linked to three in the next stage.

    Like a real, carefully made model it has needs, costs and payers, an indicator
    per node, risks with mitigations and owners, evidence on every causal link, and
    a few mistakes: a share ``mistakes`` of the links has its effect the wrong way
    round, and as many causal links rest on an assumption, so that the direction
    and evidence rules have findings to report.
    """
    rng = random.Random(seed)
    layers: list[list[str]] = [[] for _ in range(_STAGES)]
    nodes: list[Node] = [Need(id="behov", label="Behov")]
    signs: dict[str, int] = {}
    for index in range(size - 1):
        stage = index % _STAGES
        id = f"n{index}"
        label = f"Nod {index}"
        layers[stage].append(id)
        signs[id] = 1
        if stage == 0:
            nodes.append(Resource(id=id, label=label, cost="1 000 SEK", payer="utb"))
        elif stage == 1:
            nodes.append(Activity(id=id, label=label))
        elif stage == 2:
            nodes.append(Output(id=id, label=label))
        else:
            direction = rng.choice((Direction.INCREASE, Direction.DECREASE))
            signs[id] = direction.sign
            cls = (ShortTermOutcome, LongTermOutcome, Impact)[stage - 3]
            addresses = ("behov",) if stage >= 4 else ()
            nodes.append(cls(id=id, label=label, direction=direction, addresses=addresses))
    links: list[Link] = []
    seen: set[tuple[str, str]] = set()
    for stage in range(_STAGES - 1):
        later = layers[stage + 1]
        for source in layers[stage]:
            for target in rng.sample(later, k=min(3, len(later))):
                if (source, target) in seen:
                    continue
                seen.add((source, target))
                effect = Effect.INCREASES if signs[source] == signs[target] else Effect.DECREASES
                evidence = None
                if stage >= 2:
                    evidence = rng.choice((Evidence.RESEARCH, Evidence.PROVEN_EXPERIENCE))
                    if rng.random() < mistakes:
                        effect = (
                            Effect.DECREASES if effect is Effect.INCREASES else Effect.INCREASES
                        )
                    if rng.random() < mistakes:
                        evidence = Evidence.ASSUMPTION
                links.append(Link(from_id=source, to_id=target, effect=effect, evidence=evidence))
    indicators = [
        Indicator(
            id=f"i{index}",
            measures=node.id,
            label="Indikator",
            baseline=Observation(value=10, date=dt.date(2025, 1, 1)),
            target=Observation(value=10 + signs[node.id] * 5, date=dt.date(2027, 1, 1)),
            source="Register",
        )
        for index, node in enumerate(nodes)
        if node.kind.stage >= 1
    ]
    risks = [
        Risk(
            id=f"r{index}",
            label="Risk",
            threatens=(id,),
            likelihood=3,
            consequence=4,
            mitigation="Plan",
            owner="utb",
        )
        for index, id in enumerate(layers[1][::10])
    ]
    return lm.LogicModel(
        title="Benchmark",
        target_group=TargetGroup(label="Unga", size=size),
        comparison="Historisk kohort",
        actors=[Actor(id="utb", label="Utbildningsförvaltningen")],
        nodes=nodes,
        links=links,
        indicators=indicators,
        risks=risks,
    )


def floor(model: lm.LogicModel) -> Callable[[], object]:
    """The networkx floor: build the DiGraph, sort it topologically, pass over the links."""
    ids = [node.id for node in model.nodes]
    edges = [(link.from_id, link.to_id) for link in model.links]

    def run() -> object:
        graph: nx.DiGraph[str] = nx.DiGraph()
        graph.add_nodes_from(ids)
        graph.add_edges_from(edges)
        order = list(nx.topological_sort(graph))
        count = sum(1 for _ in graph.edges)
        return order, count

    return run


def best(run: Callable[[], object], repeats: int) -> float:
    """The best time of ``repeats`` runs, with the garbage collector off during each
    run, as :mod:`timeit` does: a collection that happens to fall inside one run
    says more about the heap than about the code."""
    times = []
    for _ in range(repeats):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            run()
            times.append(time.perf_counter() - start)
        finally:
            gc.enable()
    return min(times)


def table(sizes: list[int], mistakes: float) -> None:
    """Print one table: every size with this share of links the wrong way round."""
    print(f"\none link in {round(1 / mistakes)} with its effect the wrong way round")
    print(
        f"{'nodes':>8} {'links':>8} {'findings':>9} {'floor':>10} {'validate':>10} "
        f"{'ratio':>7} {'µs/link':>8} {'floor ↑':>8} {'validate ↑':>11}"
    )
    previous: tuple[float, float] | None = None
    for size in sizes:
        model = generate(size, mistakes=mistakes)
        repeats = 5 if size <= 20_000 else 3
        report = lm.validate(model)  # warm up, and count the findings
        base = best(floor(model), repeats)
        ours = best(lambda: lm.validate(model), repeats)  # noqa: B023 - used at once
        growth = ""
        if previous is not None:
            growth = f"{base / previous[0]:>7.1f}× {ours / previous[1]:>10.1f}×"
        print(
            f"{size:>8} {len(model.links):>8} {len(report.findings):>9} "
            f"{base * 1e3:>8.0f}ms {ours * 1e3:>8.0f}ms {ours / base:>6.2f}× "
            f"{ours / len(model.links) * 1e6:>8.1f} {growth}"
        )
        previous = (base, ours)


def main() -> None:
    sizes = [int(arg) for arg in sys.argv[1:]] or list(SIZES)
    print("validate (every rule) against the networkx floor on the same graph")
    for mistakes in (0.001, 0.01):
        table(sizes, mistakes)
    print("\n↑: time against the previous size")
    print("aim: validate ≤ 3× the floor; 10× the nodes costing ≤ 11× the time")


if __name__ == "__main__":
    main()
