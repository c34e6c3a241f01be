"""The report of the embedded example, against drawing its diagram, as whole commands.

Prints the wall time of ``logikmodell report EXAMPLE -o report.html`` (and ``.pdf``
when WeasyPrint is installed) and of ``logikmodell render EXAMPLE -o diagram.svg``,
run as processes the way a user runs them, interleaved, best of several repeats,
and their ratio (aim: the HTML report within 3× the diagram). The report builds on
the diagram (one ``dot`` run) and adds the figures, the charts (matplotlib) and the
templates (Jinja2); its import cost falls on ``report`` alone, which the last row
shows: ``validate`` with and without the report's packages importable is the same.

Run: ``.venv/bin/python benchmarks/bench_report.py [REPEATS]``
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from logikmodell.examples import example_path


def _time(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)  # noqa: S603 - fixed commands
    return time.perf_counter() - start


def main(repeats: int = 5) -> None:
    exe = [sys.executable, "-m", "logikmodell"]
    model = str(example_path())
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        commands = {
            "render .svg": [*exe, "render", model, "-o", str(out / "d.svg")],
            "report .html": [*exe, "report", model, "-o", str(out / "r.html")],
            "report .pdf": [*exe, "report", model, "-o", str(out / "r.pdf")],
            "validate": [*exe, "validate", model],
            "python -c 'import logikmodell'": [sys.executable, "-c", "import logikmodell"],
        }
        for command in commands.values():  # warm the byte-code and file caches
            subprocess.run(command, check=False, capture_output=True)  # noqa: S603
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(repeats):
            for name, command in commands.items():
                times[name].append(_time(command))
    best = {name: min(values) for name, values in times.items()}
    base = best["render .svg"]
    print(f"{'command':34} {'best':>8} {'vs render':>10}")
    for name, seconds in best.items():
        print(f"{name:34} {seconds * 1000:6.0f} ms {seconds / base:9.2f}×")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
