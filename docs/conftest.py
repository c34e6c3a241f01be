"""The examples on the docs pages run as doctests (``--doctest-glob=*.md``).

A page's example may read a file that the page shows: a fenced block right after a
``<!-- file: NAME -->`` line is written to NAME in a fresh folder, and the example
runs there, so what it reads is exactly what the reader sees.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

collect_ignore = ["conf.py", "_ext", "_build"]

_FILE_BLOCK = re.compile(r"^<!-- file: (\S+) -->\n```[\w-]*\n(.*?)^```", re.MULTILINE | re.DOTALL)


def shown_files(page: Path) -> dict[str, str]:
    """The files a page shows, by name: every block marked ``<!-- file: NAME -->``."""
    text = page.read_text(encoding="utf-8")
    return {match[1]: match[2] for match in _FILE_BLOCK.finditer(text)}


@pytest.fixture(autouse=True)
def _page_files(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run each page's examples in a fresh folder holding the files the page shows."""
    page = Path(str(request.node.path))
    if page.suffix == ".md":
        for name, text in shown_files(page).items():
            (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
