"""The examples on the docs pages run, and fail when the page is wrong.

Every ``>>>`` example of a page in ``docs/`` runs as a doctest, and every
``$ logikmodell ...`` command of the getting-started guides runs and must print the
lines shown below it (a last line ``...`` stands for the rest). Both run in a fresh
folder that holds the files the page shows: a fenced block right after a
``<!-- file: NAME -->`` line is written to NAME, so an example reads exactly what
the reader sees.
"""

from __future__ import annotations

import doctest
import re
import shlex
from pathlib import Path

import pytest

from logikmodell import cli

_DOCS = Path(__file__).resolve().parents[1] / "docs"
_FILE_BLOCK = re.compile(r"^<!-- file: (\S+) -->\n```[\w-]*\n(.*?)^```", re.MULTILINE | re.DOTALL)
_CONSOLE = re.compile(r"^```console\n(.*?)^```", re.MULTILINE | re.DOTALL)
# The guides show what a contradicting link gives; that file differs in one link.
_RIGHT_LINK = "- {from: narvaro, to: behorighet, evidence: research}"
_WRONG_LINK = "- {from: narvaro, to: behorighet, effect: decreases, evidence: research}"
_GUIDES = ["getting-started.md", "kom-igang.md"]
_PAGES = sorted(page for page in _DOCS.glob("*.md") if ">>> " in page.read_text("utf-8"))


def shown_files(page: Path) -> dict[str, str]:
    """The files a page shows, by name: every block marked ``<!-- file: NAME -->``."""
    text = page.read_text(encoding="utf-8")
    return {match[1]: match[2] for match in _FILE_BLOCK.finditer(text)}


def test_the_guides_have_examples() -> None:
    assert set(_GUIDES) <= {page.name for page in _PAGES}


@pytest.mark.parametrize("page", _PAGES, ids=lambda page: page.name)
def test_the_examples_of_a_page_run(
    page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, text in shown_files(page).items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = doctest.testfile(str(page), module_relative=False, encoding="utf-8")
    assert result.attempted > 0
    assert result.failed == 0, capsys.readouterr().out


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


@pytest.mark.needs_dot
@pytest.mark.parametrize("page", _GUIDES)
def test_the_guide_commands_print_what_is_shown(
    page: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shown = shown_files(_DOCS / page)
    assert _RIGHT_LINK in shown["mentorskap.yaml"]
    for name, text in shown.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    wrong = shown["mentorskap.yaml"].replace(_RIGHT_LINK, _WRONG_LINK)
    for name in ("wrong.yaml", "fel.yaml"):
        (tmp_path / name).write_text(wrong, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    commands = _commands(page)
    assert len(commands) >= 5
    for arguments, expected in commands:
        cli.main(arguments)
        printed = capsys.readouterr().out.rstrip("\n").split("\n")
        if expected and expected[-1] == "...":
            expected = expected[:-1]
            printed = printed[: len(expected)]
        assert printed == expected, " ".join(arguments)
