"""Every malformed file in tests/data/bad/ gives exit 2 and its located one-line message."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from logikmodell import cli

BAD = Path(__file__).parent.parent / "data" / "bad"
EXPECTED: dict[str, str] = json.loads((BAD / "expected.json").read_text(encoding="utf-8"))


def _unplaced(path: Path, text: str) -> list[str]:
    """The lines of stderr with ``FILE:LINE:COL:`` read as ``FILE:``, so that the
    expected messages hold whether or not the position is known."""
    return [
        re.sub(rf"^{re.escape(str(path))}:\d+:\d+: ", f"{path}: ", line)
        for line in text.splitlines()
    ]


def test_corpus_is_complete() -> None:
    files = {p.name for p in BAD.iterdir() if p.name != "expected.json"}
    assert files == set(EXPECTED)
    assert len(files) >= 30


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_convert_refuses_with_located_message(name: str, tmp_path: Path) -> None:
    path = BAD / name
    out = tmp_path / "out.json"
    result = subprocess.run(
        [sys.executable, "-m", "logikmodell", "convert", str(path), str(out)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = _unplaced(path, result.stderr)
    assert lines, "no message"
    expected = f"{path}: {EXPECTED[name]}"
    assert any(line.startswith(expected) for line in lines), (expected, lines)
    assert all(line.startswith(f"{path}: $") for line in lines)
    assert not out.exists()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_validate_refuses_with_the_same_message(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # In process (the subprocess path is covered by convert above): same code path.
    path = BAD / name
    assert cli.main(["validate", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert any(
        line.startswith(f"{path}: {EXPECTED[name]}") for line in _unplaced(path, captured.err)
    )
    assert "Traceback" not in captured.err
