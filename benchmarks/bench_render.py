"""Building the diagram's DOT text, against ``dot -Tsvg`` laying out the same text.

For the embedded example (28 nodes) and generated models of 100 and 1 000 nodes
(by default), prints the time of
``to_dot(model).source`` (pure Python, no process) and of Graphviz's ``dot -Tsvg``
on the very DOT text it produced, and their ratio. Both are measured in the same
run, best of several repeats. The aim is a ratio of at most 0.2: building the text
should cost a fraction of the layout.

Models over 80 nodes are drawn compact by default (outputs folded into their
activity); the ``full`` rows draw every node.

Run: ``.venv/bin/python benchmarks/bench_render.py [NODES ...]``
"""

from __future__ import annotations

import functools
import random
import shutil
import sys

from _timing import best

import logikmodell as lm
from logikmodell.model import Indicator, Observation
from logikmodell.rendering import to_dot
from logikmodell.rendering._backend import run_dot

KINDS = ["resource", "activity", "output", "short_term_outcome", "long_term_outcome", "impact"]
WORDS = ["Närvaro", "Skolanknytning", "Föräldraskap", "Behörighet", "Hälsa", "Trygghet"]


def generate(nodes: int, seed: int = 1) -> lm.LogicModel:
    """A layered model: six stages, about two links per node, an indicator per outcome."""
    rng = random.Random(seed)
    layers: list[list[str]] = [[] for _ in KINDS]
    node_list: list[dict[str, object]] = []
    for index in range(nodes):
        stage = min(index * len(KINDS) // nodes, len(KINDS) - 1)
        id = f"x{index}"
        layers[stage].append(id)
        label = f"{rng.choice(WORDS)} {index}: åtgärd för ökad {rng.choice(WORDS).lower()}"
        node: dict[str, object] = {"id": id, "kind": KINDS[stage], "label": label}
        if stage == 0:
            node.update(quantity=f"{rng.randint(1, 400)} hour", unit_cost="450 SEK/hour")
            node["payer"] = "utb"
        elif stage == 2:
            node["quantity"] = f"{rng.randint(1, 200)} person"
        elif stage >= 3:
            node["direction"] = rng.choice(["increase", "decrease"])
        node_list.append(node)
    links: list[dict[str, object]] = []
    for stage in range(len(KINDS) - 1):
        targets = layers[stage + 1]
        for index, source in enumerate(layers[stage]):
            picks = {targets[index * len(targets) // len(layers[stage])]}
            picks.add(rng.choice(targets))
            for target in sorted(picks):
                link: dict[str, object] = {"from": source, "to": target}
                if stage >= 2:
                    link["evidence"] = rng.choice(["research", "proven_experience", "assumption"])
                links.append(link)
    model = lm.loads(
        repr_yaml(
            {
                "logikmodell": 1,
                "title": "Benchmark – genererad modell",
                "actors": [{"id": "utb", "label": "Utbildningsförvaltningen"}],
                "nodes": node_list,
                "links": links,
            }
        ),
        "yaml",
    )
    for outcome in model.of_type(lm.Outcome):
        model.add_indicator(
            Indicator(
                id=f"i-{outcome.id}",
                measures=outcome.id,
                label=f"Andel med {outcome.label.lower()}",
                unit="percent",
                baseline=Observation(value=50),
                target=Observation(value=60),
            )
        )
    return model


def repr_yaml(data: dict[str, object]) -> str:
    import yaml

    return str(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


def _build(model: lm.LogicModel, compact: bool | None) -> str:
    source: str = to_dot(model, compact=compact).source
    return source


def main() -> None:
    if shutil.which("dot") is None:
        sys.exit("bench_render: needs Graphviz 'dot' on the PATH (OS package 'graphviz')")
    sizes = [int(a) for a in sys.argv[1:]] or [100, 1000]
    print(f"{'model':<18}{'to_dot':>12}{'dot -Tsvg':>14}{'ratio':>9}")
    from logikmodell.examples import load_example

    models = [("example", load_example())] + [(f"{n} nodes", generate(n)) for n in sizes]
    for title, model in models:
        nodes = len(model)
        for mode, compact in (("default", None), ("full", False)):
            if mode == "full" and nodes <= 80:
                continue
            source = to_dot(model, compact=compact).source  # warm up
            build = best(functools.partial(_build, model, compact), repeats=5)
            layout = best(
                functools.partial(run_dot, source, "svg"), repeats=2 if nodes >= 500 else 3
            )
            name = f"{title} {mode}"
            ratio = build / layout
            print(f"{name:<18}{build * 1000:>10.1f}ms{layout * 1000:>12.1f}ms{ratio:>9.3f}")


if __name__ == "__main__":
    main()
