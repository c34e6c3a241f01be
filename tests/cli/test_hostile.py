"""Hostile inputs: each is refused (or done) by the real command within bounded time and memory.

Every file in ``tests/data/hostile/`` runs through ``logikmodell`` in a subprocess
whose address space is limited to 256 MiB and whose CPU time to a few seconds
(``resource.setrlimit``): an input that made the command work without bound would
be killed by the limit and fail here, instead of passing slowly. ``expected.json``
names, per file, the command (``returns`` unless given), the exit code and a
fragment of the one line on stderr.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

HOSTILE = Path(__file__).parent.parent / "data" / "hostile"
EXPECTED: dict[str, dict[str, object]] = json.loads(
    (HOSTILE / "expected.json").read_text(encoding="utf-8")
)

#: The bounds of the issue: work on any input bounded in memory and time.
MEMORY = 256 * 2**20
#: CPU seconds, the interpreter's start and imports included.
CPU_SECONDS = 4


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS + 1))


def run_limited(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``logikmodell ARGS`` under the memory and CPU limits."""
    env = {**os.environ, "LOGIKMODELL_LANG": "en", "OPENBLAS_NUM_THREADS": "1"}
    return subprocess.run(
        [sys.executable, "-m", "logikmodell", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        preexec_fn=_limited,
        env=env,
        cwd=cwd,
    )


def test_corpus_is_complete() -> None:
    files = {p.name for p in HOSTILE.iterdir() if p.name != "expected.json"}
    assert files == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_file_is_refused_within_limits(name: str, tmp_path: Path) -> None:
    expected = EXPECTED[name]
    command = [str(part) for part in expected.get("command", ["returns"])]  # type: ignore[attr-defined]
    args = [part.replace("{out}", str(tmp_path / "out")) for part in command]
    result = run_limited(*args, str(HOSTILE / name))
    assert result.returncode == expected["exit"], result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    assert str(expected["message"]) in result.stderr, result.stderr[-2000:]
    assert all(line.startswith(str(HOSTILE / name)) for line in result.stderr.splitlines())


def test_the_limits_would_stop_unbounded_work(tmp_path: Path) -> None:
    # The same harness kills a run that needs more memory than the limit: the limit
    # is real, so the hostile files above pass because they are bounded.
    script = "x = bytearray(512 * 2**20)"
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        check=False,
        timeout=60,
        preexec_fn=_limited,
    )
    assert result.returncode != 0
