"""The commands of the getting-started guides print what the guides show.

Each ``$ logikmodell ...`` line of a ``console`` block runs in a folder holding the
files the page shows; the lines below it must be what the command prints (a last
line ``...`` stands for the rest). The Python examples of the same pages run as
doctests (``docs/conftest.py``).
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from logikmodell import cli

_DOCS = Path(__file__).resolve().parents[1] / "docs"
_CONSOLE = re.compile(r"^```console\n(.*?)^```", re.MULTILINE | re.DOTALL)
_FILE_BLOCK = re.compile(r"^<!-- file: (\S+) -->\n```[\w-]*\n(.*?)^```", re.MULTILINE | re.DOTALL)
# The guides show what a contradicting link gives; the file differs in one link.
_RIGHT_LINK = "- {from: narvaro, to: behorighet, evidence: research}"
_WRONG_LINK = "- {from: narvaro, to: behorighet, effect: decreases, evidence: research}"
_GUIDES = ["getting-started.md", "kom-igang.md"]


def _commands(page: str) -> list[tuple[list[str], list[str]]]:
    """``(arguments, shown output lines)`` for every logikmodell command of a page."""
    found: list[tuple[list[str], list[str]]] = []
    for block in _CONSOLE.findall((_DOCS / page).read_text(encoding="utf-8")):
        for chunk in re.split(r"^\$ ", block, flags=re.MULTILINE)[1:]:
            command, *output = chunk.rstrip("\n").split("\n")
            words = shlex.split(command)
            if words[0] == "logikmodell" and words[1:] != ["--version"]:
                found.append((words[1:], output))
    return found


def _write_files(page: str, folder: Path) -> None:
    text = (_DOCS / page).read_text(encoding="utf-8")
    for name, content in _FILE_BLOCK.findall(text):
        (folder / name).write_text(content, encoding="utf-8")
        assert _RIGHT_LINK in content
        wrong = content.replace(_RIGHT_LINK, _WRONG_LINK)
        for wrong_name in ("wrong.yaml", "fel.yaml"):
            (folder / wrong_name).write_text(wrong, encoding="utf-8")


@pytest.mark.needs_dot
@pytest.mark.parametrize("page", _GUIDES)
def test_the_guide_commands_print_what_is_shown(
    page: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _write_files(page, tmp_path)
    monkeypatch.chdir(tmp_path)
    commands = _commands(page)
    assert len(commands) >= 5
    for arguments, shown in commands:
        cli.main(arguments)
        printed = capsys.readouterr().out.rstrip("\n").split("\n")
        if shown and shown[-1] == "...":
            shown = shown[:-1]
            printed = printed[: len(shown)]
        assert printed == shown, " ".join(arguments)
