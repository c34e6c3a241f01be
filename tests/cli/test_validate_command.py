"""The ``validate`` command, run as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

_CLEAN = """\
logikmodell: 1
title: Läxhjälp
comparison: Historisk kohort
target_group: {label: Elever i åk 9, size: 40}
actors:
  - {id: utb, label: Utbildningsförvaltningen}
nodes:
  - {id: behov, kind: need, label: Låg behörighet}
  - {id: r, kind: resource, label: Lärare, cost: 100 000 SEK, payer: utb}
  - {id: a, kind: activity, label: Läxhjälp}
  - {id: o, kind: output, label: Elever med läxhjälp}
  - {id: s, kind: short_term_outcome, label: Klarade prov, direction: increase}
  - {id: g, kind: long_term_outcome, label: Behörighet, direction: increase, addresses: [behov]}
links:
  - {from: r, to: a}
  - {from: a, to: o}
  - {from: o, to: s, evidence: research}
  - {from: s, to: g, evidence: research}
indicators:
  - {id: ia, measures: a, label: Pass, baseline: {value: 0}, target: {value: 30}, source: Logg}
  - {id: io, measures: o, label: Elever, baseline: {value: 0}, target: {value: 40}, source: Logg}
  - {id: is, measures: s, label: Prov, baseline: {value: 50}, target: {value: 70}, source: Prov}
  - {id: ig, measures: g, label: Behöriga, baseline: {value: 60}, target: {value: 70},
     source: Skolverket}
"""


def _run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "logikmodell", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        cwd=cwd,
    )


@pytest.fixture
def clean(tmp_path: Path) -> Path:
    path = tmp_path / "clean.yaml"
    path.write_text(_CLEAN, encoding="utf-8")
    return path


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """The clean model with the goal's direction turned: LM201, LM202, LM303 errors."""
    path = tmp_path / "broken.yaml"
    turned = "label: Behörighet, direction: decrease"
    path.write_text(_CLEAN.replace("label: Behörighet, direction: increase", turned), "utf-8")
    return path


def test_clean_model_exits_0_with_no_findings(clean: Path) -> None:
    result = _run("validate", str(clean))
    assert result.returncode == 0, result.stderr
    assert result.stdout == "no findings\n"


def test_errors_exit_1_with_linter_lines_and_a_summary_last(broken: Path) -> None:
    result = _run("validate", str(broken))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith(
        f"{broken}:18:5: LM201 error: Link 'Klarade prov' (s) → 'Behörighet'"
    )
    assert any(
        line.startswith(f"{broken}:10:5: LM202 error: The activity 'Läxhjälp'") for line in lines
    )
    assert lines[-1] == "3 errors, 0 warnings, 0 infos"
    assert result.stderr == ""


def test_json_output_has_the_documented_shape(broken: Path) -> None:
    result = _run("validate", str(broken), "--format", "json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["ok"] is False
    assert data["counts"] == {"error": 3, "warning": 0, "info": 0}
    first = data["findings"][0]
    assert set(first) == {
        "code", "severity", "message", "nodes", "link", "subject", "path", "line", "column"
    }  # fmt: skip
    assert (first["code"], first["severity"], first["nodes"], first["link"]) == (
        "LM201",
        "error",
        ["s", "g"],
        ["s", "g"],
    )
    assert first["subject"] == "s->g"
    assert first["path"].startswith("$.links[")


def test_select_and_ignore_take_comma_separated_codes_and_prefixes(broken: Path) -> None:
    selected = _run("validate", str(broken), "--select", "LM201,LM3", "--format", "json")
    assert [f["code"] for f in json.loads(selected.stdout)["findings"]] == ["LM201", "LM303"]
    ignored = _run("validate", str(broken), "--ignore", "LM2", "--ignore", "LM303")
    assert ignored.returncode == 0
    assert ignored.stdout == "no findings\n"


def test_strict_fails_on_warnings_too(clean: Path) -> None:
    text = clean.read_text(encoding="utf-8").replace("comparison: Historisk kohort\n", "")
    clean.write_text(text, encoding="utf-8")
    assert _run("validate", str(clean)).returncode == 0
    strict = _run("validate", str(clean), "--strict")
    assert strict.returncode == 1
    assert strict.stdout.startswith(f"{clean}:1:1: LM704 warning: The model 'Läxhjälp' has no")


def test_unknown_code_exits_2_with_a_clear_line(clean: Path) -> None:
    result = _run("validate", str(clean), "--select", "LM999")
    assert result.returncode == 2
    assert "unknown rule code 'LM999'" in result.stderr
    assert "Traceback" not in result.stderr


def test_unreadable_model_exits_2_naming_the_path(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("logikmodell: 1\ntitle: X\nnodes:\n  - {id: a, kind: activity}\n", "utf-8")
    result = _run("validate", str(bad))
    assert result.returncode == 2
    assert result.stderr.startswith(f"{bad}:4:5: $.nodes[0]")
    assert "Traceback" not in result.stderr


def test_demo_prints_and_writes_the_example_findings(tmp_path: Path) -> None:
    result = _run("demo", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert "Validation:" in result.stdout
    assert "0 errors, 0 warnings" in result.stdout
    data = json.loads((tmp_path / "out" / "validation.json").read_text(encoding="utf-8"))
    assert data["ok"] is True
    assert data["counts"]["error"] == 0
