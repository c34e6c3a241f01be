"""Timing shared by the benchmark scripts."""

from __future__ import annotations

import time
from collections.abc import Callable

__all__ = ["best"]


def best(run: Callable[[], object], repeats: int = 5) -> float:
    """The best of ``repeats`` timings of ``run``, in seconds (a shared machine is noisy)."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)
