"""Loading a generated 10 000-node model, against the bare parser on the same text.

Prints the time of ``logikmodell.loads`` and of the parser alone (PyYAML's C safe
loader, ``json.loads``) on the same file, and their ratio. Both are measured in the
same run, best of several repeats, so the ratio is stable on a noisy machine.

Run: ``.venv/bin/python benchmarks/bench_io.py [NODES]``
"""

from __future__ import annotations

import json
import random
import sys

import yaml
from _timing import best

import logikmodell as lm

KINDS = ["resource", "activity", "output", "short_term_outcome", "long_term_outcome", "impact"]


def generate(nodes: int, seed: int = 1) -> dict[str, object]:
    """A layered model as plain data: six stages, about three links per node."""
    rng = random.Random(seed)
    layers: list[list[str]] = [[] for _ in KINDS]
    node_list: list[dict[str, object]] = []
    for index in range(nodes):
        stage = index % len(KINDS)
        id = f"n{index}"
        layers[stage].append(id)
        node: dict[str, object] = {"id": id, "kind": KINDS[stage], "label": f"Nod {index} – åäö"}
        if stage == 0:
            node.update(
                quantity=f"{rng.randint(1, 400)} hour", unit_cost="450 SEK/hour", payer="utb"
            )
        elif stage == 2:
            node["quantity"] = f"{rng.randint(1, 200)} person"
        elif stage >= 3:
            node["direction"] = "increase"
        node_list.append(node)
    links: list[dict[str, object]] = []
    seen: set[tuple[str, str]] = set()
    for stage in range(len(KINDS) - 1):
        targets = layers[stage + 1] if stage == 0 else layers[stage + 1] + layers[min(stage + 2, 5)]
        for source in layers[stage]:
            for target in rng.sample(targets, k=min(3, len(targets))):
                if (source, target) not in seen:
                    seen.add((source, target))
                    links.append({"from": source, "to": target, "evidence": "research"})
    return {
        "logikmodell": 1,
        "title": "Benchmark",
        "actors": [{"id": "utb", "label": "Utbildningsförvaltningen"}],
        "nodes": node_list,
        "links": links,
    }


def main() -> None:
    nodes = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    data = generate(nodes)
    yaml_text = yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False)
    json_text = json.dumps(data, ensure_ascii=False)
    lm.loads(json_text, "json")  # warm up: unit registry, caches

    rows = [
        (
            "YAML",
            best(lambda: yaml.load(yaml_text, Loader=yaml.CSafeLoader)),
            best(lambda: lm.loads(yaml_text, "yaml")),
            2.0,
        ),
        (
            "JSON",
            best(lambda: json.loads(json_text)),
            best(lambda: lm.loads(json_text, "json")),
            3.0,
        ),
    ]
    links = len(data["links"])  # type: ignore[arg-type]
    print(f"load a generated model: {nodes} nodes, {links} links")
    print(f"{'format':<6} {'parser':>10} {'loads':>10} {'ratio':>7} {'aim':>6}")
    for name, parser, ours, aim in rows:
        ratio = ours / parser
        print(f"{name:<6} {parser * 1e3:>8.1f}ms {ours * 1e3:>8.1f}ms {ratio:>6.2f}× {aim:>5.1f}×")


if __name__ == "__main__":
    main()
