"""``validate --format sarif|github`` and several files at once.

The SARIF is checked against the official SARIF 2.1.0 JSON Schema, shipped in
``tests/data/sarif/`` (source and licence in ``SOURCE.md`` there).
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from logikmodell import cli
from logikmodell.validation import rules

_SCHEMA = Path(__file__).parent.parent / "data" / "sarif" / "sarif-schema-2.1.0.json"

_BROKEN = """\
logikmodell: 1
title: Trasig
nodes:
  - {id: a, kind: activity, label: A}
  - id: s
    kind: short_term_outcome
    label: S
    direction: increase
  - {id: g, kind: impact, label: G, direction: decrease}
links:
  - {from: a, to: s}
  - {from: s, to: g}
"""
_CLEAN = """\
logikmodell: 1
title: Ren
comparison: Kohort
target_group: {label: Elever, size: 10}
nodes:
  - {id: behov, kind: need, label: Behov}
  - {id: a, kind: activity, label: A}
  - {id: g, kind: impact, label: G, direction: increase, addresses: [behov]}
links:
  - {from: a, to: g, evidence: research}
"""


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(["validate", *args, "--lang", "en"])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def broken(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "models").mkdir()
    path = tmp_path / "models" / "broken.yaml"
    path.write_text(_BROKEN, encoding="utf-8")
    return path


def test_sarif_is_valid_against_the_official_schema(
    broken: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, str(broken), "--format", "sarif")
    assert code == 1
    log = json.loads(out)
    schema = json.loads(_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    jsonschema.Draft4Validator(schema).validate(log)
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert [r["id"] for r in driver["rules"]] == [r.code for r in rules()]
    lm201 = next(r for r in driver["rules"] if r["id"] == "LM201")
    assert lm201["defaultConfiguration"] == {"level": "error"}
    assert lm201["helpUri"] == "docs/rules.md#lm201"
    result = next(r for r in run["results"] if r["ruleId"] == "LM201")
    assert result["level"] == "error"
    (location,) = result["locations"]
    assert location["physicalLocation"] == {
        "artifactLocation": {"uri": "models/broken.yaml"},
        "region": {"startLine": 12, "startColumn": 5},
    }
    assert location["logicalLocations"] == [{"name": "s->g", "fullyQualifiedName": "$.links[1]"}]
    assert driver["rules"][result["ruleIndex"]]["id"] == "LM201"
    infos = [r for r in run["results"] if r["ruleId"] == "LM302"]
    assert infos
    assert all(r["level"] == "note" for r in infos)


def test_the_schema_check_can_fail(broken: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, str(broken), "--format", "sarif")
    log = json.loads(out)
    log["runs"][0]["results"][0]["level"] = "fatal"
    schema = json.loads(_SCHEMA.read_text(encoding="utf-8"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(schema).validate(log)


def test_github_format_golden(broken: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(
        capsys, "models/broken.yaml", "--format", "github", "--select", "LM201,LM103"
    )
    assert code == 1
    assert out.splitlines() == [
        "::error file=models/broken.yaml,line=12,col=5,title=LM201::Link 'S' (s) → 'G' (g) says "
        "more of s increases g, but s should increase and g decrease: the effect should be "
        "'decreases' (or one of the directions is wrong).",
        "::warning file=models/broken.yaml,line=11,col=5,title=LM103::The link from an activity "
        "'A' (a) to a short-term outcome 'S' (s) skips the output stage: add the output in "
        "between, so that the chain can be followed up step by step.",
        "::warning file=models/broken.yaml,line=12,col=5,title=LM103::The link from a "
        "short-term outcome 'S' (s) to an impact 'G' (g) skips the long-term outcome stage: add "
        "the long-term outcome in between, so that the chain can be followed up step by step.",
    ]


def test_github_commands_cannot_be_forged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("m.yaml").write_text(
        _BROKEN.replace("title: Trasig", 'title: "T\\n::error::forged 100%"'), encoding="utf-8"
    )
    _, out, _ = _run(capsys, "m.yaml", "--format", "github", "--select", "LM704")
    (line,) = out.splitlines()
    assert line.endswith("The model 'T%0A::error::forged 100%25' has no comparison alternative: "
                         "say what the effects will be compared with (comparison), e.g. a "
                         "control group or a historical cohort.")  # fmt: skip


def test_several_files_exit_with_the_worst_code(
    broken: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clean = broken.parent / "clean.yaml"
    clean.write_text(_CLEAN, encoding="utf-8")
    bad = broken.parent / "bad.yaml"
    bad.write_text("logikmodell: 1\ntitle: X\nnodes:\n  - {id: a, kind: x, label: A}\n", "utf-8")
    assert _run(capsys, str(clean))[0] == 0
    code, out, err = _run(capsys, str(clean), str(broken))
    assert code == 1
    assert f"{broken}:12:5: LM201 error: " in out
    assert f"{clean}:10:5: LM103 warning: " in out
    code, out, err = _run(capsys, str(clean), str(bad), str(broken))
    assert code == 2
    assert err.startswith(f"{bad}:4:13: $.nodes[0].kind: unknown kind 'x'")
    assert f"{broken}:12:5: LM201 error: " in out  # the others are still validated
    code, out, _ = _run(capsys, str(broken.parent), "--format", "json")
    assert code == 2
    assert [entry["file"] for entry in json.loads(out)] == [str(broken), str(clean)]


def test_a_folder_stands_for_its_model_files(
    broken: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (broken.parent / "notes.txt").write_text("not a model", encoding="utf-8")
    (broken.parent / "sub").mkdir()
    (broken.parent / "sub" / "clean.yaml").write_text(_CLEAN, encoding="utf-8")
    code, out, err = _run(capsys, "models", "--format", "sarif")
    assert code == 1
    assert err == ""
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in json.loads(out)["runs"][0]["results"]
    }
    assert uris == {"models/broken.yaml", "models/sub/clean.yaml"}
