"""The ``costs`` command and the demo's cost table, run as a real subprocess."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

from logikmodell.costs.attribution import STAGES_NOTE
from logikmodell.examples import example_path


def _run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "logikmodell", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=cwd,
    )


def _write(tmp_path: Path, text: str, name: str = "model.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


SMALL = """\
    logikmodell: 1
    title: Liten
    actors: [{id: utb, label: Utbildning}]
    nodes:
      - {id: r, kind: resource, label: R, cost: "100 SEK", payer: utb}
      - {id: q, kind: resource, label: Q, cost: "0,01 SEK"}
      - {id: a, kind: activity, label: A}
      - {id: o1, kind: output, label: O1, quantity: 3 person}
      - {id: o2, kind: output, label: O2}
    links:
      - {from: r, to: a}
      - {from: q, to: a, share: 0.5}
      - {from: a, to: o1}
      - {from: a, to: o2}
    """


def test_json_output_is_the_design_json(tmp_path: Path) -> None:
    result = _run("costs", _write(tmp_path, SMALL), "--format", "json")
    assert result.returncode == 0, result.stderr
    # q's 1 öre: 0.5 to a and 0.5 unallocated, the öre to a (the earlier part).
    # a holds 100.01 SEK: o1 50.01 (the first target by id), o2 50.00.
    assert json.loads(result.stdout) == {
        "currency": "SEK",
        "total": "100.01",
        "nodes": {
            "r": {"attributed": "100.00", "upstream": "100.00", "per_unit": None},
            "q": {"attributed": "0.01", "upstream": "0.01", "per_unit": None},
            "a": {"attributed": "100.01", "upstream": "100.01", "per_unit": None},
            "o1": {"attributed": "50.01", "upstream": "100.01", "per_unit": "16.67"},
            "o2": {"attributed": "50.00", "upstream": "100.01", "per_unit": None},
        },
        "unallocated": {"q": "0.00"},
        "payers": {"utb": "100.00", "_unassigned": "0.01"},
        "per_participant": None,
        "years": [{"year": 0, "cost": "100.01"}],
        "stages": {
            "additive": False,
            "note": STAGES_NOTE,
            "totals": {"resource": "100.01", "activity": "100.01", "output": "100.01"},
        },
    }
    assert result.stderr == ""


def test_text_output_is_a_table_per_stage(tmp_path: Path) -> None:
    result = _run("costs", _write(tmp_path, SMALL))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Total  100.01" in out
    assert "Resources: 100.01" in out
    assert "Outputs: 100.01" in out
    assert re.search(r"\n  o1 +50\.01 +100\.01 +16\.67  per person\n", out)
    assert re.search(r"\n  o2 +50\.00 +100\.01 +–\n", out)
    assert "Per payer" in out
    assert "_unassigned" in out
    assert "year 0  100.01" in out


def test_the_example_costs(tmp_path: Path) -> None:
    result = _run("costs", example_path(), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["total"] == "4350000.00"
    assert data["payers"] == {"utb": "3300000.00", "soc": "600000.00", "region": "450000.00"}
    assert data["nodes"]["elever-mentor"] == {
        "attributed": "2480000.00",
        "upstream": "2480000.00",
        "per_unit": "20666.67",
    }


def test_a_cycle_is_refused_with_exit_1_and_the_findings(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        """\
        logikmodell: 1
        title: Cykel
        nodes:
          - {id: r, kind: resource, label: R, cost: 10 SEK}
          - {id: a, kind: activity, label: A}
          - {id: s1, kind: short_term_outcome, label: S1}
          - {id: s2, kind: short_term_outcome, label: S2}
        links:
          - {from: r, to: a, share: 0.7}
          - {from: a, to: s1}
          - {from: s1, to: s2}
          - {from: s2, to: s1}
        """,
    )
    result = _run("costs", path)
    assert result.returncode == 1
    assert result.stdout.startswith("LM101 error")
    assert "costs refused" in result.stderr
    assert "Traceback" not in result.stderr

    result = _run("costs", path, "--format", "json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["ok"] is False
    assert [f["code"] for f in data["findings"]] == ["LM101"]
    assert data["counts"] == {"error": 1, "warning": 0, "info": 0}


def test_over_allocated_shares_are_refused(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        """\
        logikmodell: 1
        title: För mycket
        nodes:
          - {id: r, kind: resource, label: R, cost: 10 SEK}
          - {id: a, kind: activity, label: A}
          - {id: b, kind: activity, label: B}
        links:
          - {from: r, to: a, share: 0.7}
          - {from: r, to: b, share: 0.7}
        """,
    )
    result = _run("costs", path, "--format", "json")
    assert result.returncode == 1
    findings = json.loads(result.stdout)["findings"]
    assert [(f["code"], f["nodes"]) for f in findings] == [("LM601", ["r"])]


def test_unreadable_input_exits_2_without_a_traceback(tmp_path: Path) -> None:
    path = _write(tmp_path, "logikmodell: 1\ntitle: X\nnodes:\n  - {id: r, kind: resource}\n")
    result = _run("costs", path)
    assert result.returncode == 2
    assert result.stderr.startswith(f"{path}:4:5: $.nodes[0]")
    assert "Traceback" not in result.stderr
    missing = _run("costs", tmp_path / "missing.yaml")
    assert missing.returncode == 2
    assert "Traceback" not in missing.stderr


def test_demo_prints_the_cost_table_and_writes_the_json(tmp_path: Path) -> None:
    result = _run("demo", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert re.search(r"\n  Total +4,350,000\.00\n", out)
    assert re.search(r"\n  Per participant \(120\) +36,250\.00\n", out)
    assert re.search(r"\n  Paid by utb +3,300,000\.00\n", out)
    assert re.search(r"\n    Activities +4,350,000\.00\n", out)
    assert re.search(r"\n    Short-term outcomes +6,595,000\.00\n", out)
    data = json.loads((tmp_path / "out" / "costs.json").read_text(encoding="utf-8"))
    assert data["total"] == "4350000.00"
