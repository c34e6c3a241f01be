"""The README's Python example runs as written."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

README = Path(__file__).parents[1] / "README.md"


@pytest.mark.needs_dot
def test_readme_python_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    match = re.search(
        r"## In Python\n\n```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S
    )
    assert match is not None
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(match.group(1), "README.md", "exec"), {})  # noqa: S102 - our own README
    lines = out.getvalue().splitlines()
    assert lines[0] == "0 errors, 5 warnings, 1 info"
    assert lines[1] == "1 240 000 SEK"
    assert (tmp_path / "mentorskap.yaml").exists()
    assert (tmp_path / "mentorskap.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
