"""What a careless user types, run through the real command: each case in
tests/data/careless/expected.json names its arguments (files relative to that folder),
the exit code, and a fragment of stderr or stdout that must appear."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import NotRequired, TypedDict

import pytest


class Case(TypedDict):
    args: list[str]
    exit: int
    stderr: NotRequired[str]
    stdout: NotRequired[str]


CARELESS = Path(__file__).parent.parent / "data" / "careless"
CASES: dict[str, Case] = json.loads((CARELESS / "expected.json").read_text(encoding="utf-8"))


def test_every_file_is_used() -> None:
    used = {arg for case in CASES.values() for arg in case["args"]}
    files = {p.name for p in CARELESS.iterdir() if p.name != "expected.json"}
    assert files <= used


@pytest.mark.parametrize("name", sorted(CASES))
def test_case(name: str) -> None:
    case = CASES[name]
    result = subprocess.run(
        [sys.executable, "-m", "logikmodell", *case["args"]],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        cwd=CARELESS,
    )
    assert "Traceback" not in result.stderr
    assert result.returncode == case["exit"], result.stderr
    if "stderr" in case:
        assert case["stderr"] in result.stderr, result.stderr
    if "stdout" in case:
        assert case["stdout"] in result.stdout, result.stdout
