"""Loading with positions against loading without them, on a generated 10 000-node model.

Prints the time of ``logikmodell.loads`` with the line and column of every part
found (the default) and with ``positions=False``, for YAML and JSON text of the same
model, and their ratio. Both are measured in the same run, best of several repeats,
alternating, so the ratio is stable on a noisy machine.

Run: ``.venv/bin/python benchmarks/bench_positions.py [NODES]``
"""

from __future__ import annotations

import json
import sys

import yaml
from _timing import best
from bench_io import generate

import logikmodell as lm

AIM = 1.3


def main() -> None:
    nodes = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    data = generate(nodes)
    texts = {
        "YAML": ("yaml", yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True)),
        "JSON": ("json", json.dumps(data, ensure_ascii=False, indent=2)),
    }
    lm.loads(texts["JSON"][1], "json")  # warm up: unit registry, caches
    links = len(data["links"])  # type: ignore[arg-type]
    print(f"load a generated model with and without positions: {nodes} nodes, {links} links")
    print(
        f"{'format':<6} {'without':>10} {'with':>10} {'ratio':>7} {'aim':>6} "
        f"{'+ first lookup':>15} {'ratio':>7} {'paths':>8}"
    )
    for name, (fmt, text) in texts.items():
        without = best(lambda: lm.loads(text, fmt, positions=False))  # noqa: B023
        with_ = best(lambda: lm.loads(text, fmt))  # noqa: B023
        looked_up = best(lambda: _first_lookup(text, fmt))  # noqa: B023
        positions = lm.loads(text, fmt).positions
        assert positions is not None
        print(
            f"{name:<6} {without * 1e3:>8.1f}ms {with_ * 1e3:>8.1f}ms {with_ / without:>6.2f}× "
            f"{AIM:>5.1f}× {looked_up * 1e3:>13.1f}ms {looked_up / without:>6.2f}× "
            f"{len(positions.paths):>8}"
        )


def _first_lookup(text: str, fmt: str) -> None:
    """Load, then ask for one position (JSON finds its positions on first use)."""
    positions = lm.loads(text, fmt).positions
    assert positions is not None
    assert positions.of_path("$.links[0].to") is not None


if __name__ == "__main__":
    main()
