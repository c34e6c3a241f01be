"""The command line's own messages follow ``--lang``: refusals, cannot write, bad options."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from logikmodell.errors import GraphvizNotFoundError, RenderError
from logikmodell.examples import example_path
from logikmodell.i18n import error_text

CYCLE = """\
    logikmodell: 1
    title: Cykel
    nodes:
      - {id: r, kind: resource, label: R, cost: 10 SEK}
      - {id: a, kind: activity, label: A}
      - {id: s1, kind: short_term_outcome, label: S1}
      - {id: s2, kind: short_term_outcome, label: S2}
    links:
      - {from: r, to: a}
      - {from: a, to: s1}
      - {from: s1, to: s2}
      - {from: s2, to: s1}
    """


def _run(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k not in ("LOGIKMODELL_LANG", "LC_ALL")}
    environ.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "logikmodell", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=environ,
    )


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("sv", "costs vägrar: modellen har en cirkel eller överfördelade andelar"),
        ("en", "costs refused: the model has a cycle or over-allocated shares"),
    ],
)
def test_a_refusal_is_in_the_chosen_language(tmp_path: Path, lang: str, expected: str) -> None:
    path = tmp_path / "cykel.yaml"
    path.write_text(textwrap.dedent(CYCLE), encoding="utf-8")
    result = _run("costs", path, "--lang", lang)
    assert result.returncode == 1
    assert result.stderr == f"{path}: {expected}\n"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("sv", "kan inte skriva {out}: Graphviz-programmet dot finns inte på PATH"),
        ("en", "cannot write {out}: the Graphviz 'dot' program was not found on the PATH"),
    ],
)
def test_cannot_write_is_in_the_chosen_language(tmp_path: Path, lang: str, expected: str) -> None:
    out = tmp_path / "modell.svg"
    env = {"PATH": str(tmp_path / "empty")}
    result = _run("render", example_path(), "-o", out, "--lang", lang, env=env)
    assert result.returncode == 2
    assert result.stderr.startswith(expected.format(out=out))
    assert "Traceback" not in result.stderr


def test_a_bad_number_of_draws_is_told_in_the_environments_language() -> None:
    result = _run("returns", example_path(), "--monte-carlo", "x", env={"LANG": "sv_SE.UTF-8"})
    assert result.returncode == 2
    assert "väntade ett heltal, fick 'x'" in result.stderr
    result = _run("returns", example_path(), "--monte-carlo", "0", env={"LANG": "C.UTF-8"})
    assert "expected at least 1, got 0" in result.stderr


def test_errors_with_a_catalogue_message_are_translated() -> None:
    assert error_text("sv", RenderError(1, "")) == (
        "Graphviz-programmet dot misslyckades (slutkod 1) utan meddelande"
    )
    assert error_text("en", RenderError(2, "syntax error")) == str(RenderError(2, "syntax error"))
    assert error_text("sv", RenderError(2, "syntax error")).endswith("(slutkod 2): syntax error")
    assert error_text("en", GraphvizNotFoundError()) == str(GraphvizNotFoundError())
    assert error_text("sv", ValueError("plain")) == "plain"


def test_an_appraisal_refusal_is_translated(tmp_path: Path) -> None:
    path = tmp_path / "utan.yaml"
    path.write_text(
        textwrap.dedent(
            """\
            logikmodell: 1
            title: Utan nytta
            nodes:
              - {id: r, kind: resource, label: R, cost: 10 SEK}
              - {id: a, kind: activity, label: A}
              - {id: g, kind: long_term_outcome, label: G}
            links:
              - {from: r, to: a}
              - {from: a, to: g}
            """
        ),
        encoding="utf-8",
    )
    result = _run("returns", path, "--lang", "sv")
    assert result.returncode == 1
    assert "kan inte beräkna avkastningen: ingen effekt är värderad" in result.stderr
