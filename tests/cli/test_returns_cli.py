"""The `returns` command, run as a user runs it, and the demo's returns."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from logikmodell.examples import example_path

_RANGED = """logikmodell: 1
title: Ranged
economics: {discount_rate: 0.035, discount_rate_low: 0.01, discount_rate_high: 0.06}
actors: [{id: kommun, label: Kommunen}, {id: stat, label: Staten}]
nodes:
  - {id: r, kind: resource, label: Personal, cost: 1000 SEK, cost_high: 1500 SEK, payer: kommun}
  - {id: a, kind: activity, label: Aktivitet}
  - id: o
    kind: long_term_outcome
    label: Effekt
    direction: increase
    quantity: 2 person
    quantity_low: 1 person
    quantity_high: 3 person
    duration_years: 3
    values: [{actor: stat, amount: 300 SEK/person/year}]
links: [{from: r, to: a}, {from: a, to: o}]
"""


def _run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "logikmodell", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
    )


@pytest.fixture
def ranged(tmp_path: Path) -> Path:
    path = tmp_path / "ranged.yaml"
    path.write_text(_RANGED, encoding="utf-8")
    return path


def test_json_follows_the_contract() -> None:
    result = _run("returns", str(example_path()), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert list(data) == [
        "currency",
        "optimism_bias",
        "pv_costs",
        "pv_benefits",
        "npv",
        "bcr",
        "net_roi",
        "payback_year",
        "break_even",
        "by_type",
        "actors",
        "transfers",
        "years",
    ]
    assert data["npv"] == "4442812.40"
    assert data["pv_costs"] == "4279492.75"
    assert data["payback_year"] == 4
    assert round(data["bcr"], 4) == 2.0382
    assert data["actors"]["utb"] == {
        "pv_costs": "3247246.38",
        "pv_benefits": "0.00",
        "transfers_in": "0.00",
        "transfers_out": "0.00",
        "net": "-3247246.38",
    }
    assert set(data["break_even"]) == {"behorighet", "placeringar", "vardkonsumtion"}
    assert data["years"][1]["benefits"] == "1164800.00"


def test_text_is_readable() -> None:
    result = _run("returns", str(example_path()))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Net present value (NPV)    SEK\u00a04,442,812.40" in out
    assert "Who pays and who gains" in out
    assert "Utbildningsförvaltningen" in out
    assert "−3,247,246.38" in out
    assert "break-even at 3.73 people" in out
    assert "Payback                    year 4" in out


def test_sensitivity_and_monte_carlo_keys(ranged: Path) -> None:
    args = ("returns", str(ranged), "--format", "json", "--sensitivity")
    result = _run(*args, "--monte-carlo", "200", "--seed", "5")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert list(data)[-2:] == ["sensitivity", "monte_carlo"]
    names = [row["parameter"] for row in data["sensitivity"]["parameters"]]
    assert sorted(names) == ["economics.discount_rate", "o.quantity", "r.cost"]
    assert data["monte_carlo"]["draws"] == 200
    assert data["monte_carlo"]["seed"] == 5
    again = _run(*args, "--monte-carlo", "200", "--seed", "5")
    assert again.stdout == result.stdout
    plain = json.loads(_run("returns", str(ranged), "--format", "json").stdout)
    assert "sensitivity" not in plain
    assert "monte_carlo" not in plain


def test_text_with_sensitivity_and_monte_carlo(ranged: Path) -> None:
    result = _run("returns", str(ranged), "--sensitivity", "--monte-carlo", "100")
    assert result.returncode == 0, result.stderr
    assert "What matters most" in result.stdout
    assert "Uncertainty (Monte Carlo: 100 draws, seed 0" in result.stdout
    assert "Probability that NPV > 0" in result.stdout


def test_model_that_cannot_be_appraised(tmp_path: Path) -> None:
    path = tmp_path / "nocost.yaml"
    path.write_text(_RANGED.replace("cost: 1000 SEK, cost_high: 1500 SEK, ", ""), "utf-8")
    result = _run("returns", str(path))
    assert result.returncode == 1
    assert "no resource has a cost" in result.stderr
    assert "Traceback" not in result.stderr


def test_cycle_is_refused_with_the_findings(tmp_path: Path) -> None:
    path = tmp_path / "cycle.yaml"
    text = _RANGED.replace(
        "  - id: o\n    kind: long_term_outcome",
        "  - {id: s, kind: long_term_outcome, label: S}\n  - id: o\n    kind: long_term_outcome",
    ).replace("{from: a, to: o}]", "{from: a, to: o}, {from: o, to: s}, {from: s, to: o}]")
    path.write_text(text, "utf-8")
    result = _run("returns", str(path))
    assert result.returncode == 1
    assert "LM101" in result.stdout
    assert "returns refused" in result.stderr
    as_json = _run("returns", str(path), "--format", "json")
    assert as_json.returncode == 1
    assert json.loads(as_json.stdout)["findings"][0]["code"] == "LM101"


def test_over_allocated_shares_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "shares.yaml"
    text = _RANGED.replace(
        "  - {id: a, kind: activity, label: Aktivitet}",
        "  - {id: a, kind: activity, label: Aktivitet}\n  - {id: b, kind: activity, label: B}",
    ).replace(
        "links: [{from: r, to: a},",
        "links: [{from: r, to: a, share: 0.7}, {from: r, to: b, share: 0.6},",
    )
    path.write_text(text, "utf-8")
    result = _run("returns", str(path))
    assert result.returncode == 1
    assert "LM601" in result.stdout


def test_unreadable_input_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(_RANGED.replace("quantity_high: 3 person", "quantity_high: 0 person"), "utf-8")
    result = _run("returns", str(path))
    assert result.returncode == 2
    assert "$.nodes[2].quantity_high" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("value", ["0", "-3", "many"])
def test_bad_draw_counts_exit_2(ranged: Path, value: str) -> None:
    result = _run("returns", str(ranged), "--monte-carlo", value)
    assert result.returncode == 2
    assert "--monte-carlo" in result.stderr


def test_demo_prints_and_writes_the_returns(tmp_path: Path) -> None:
    result = _run("demo", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert "Returns: Tidiga insatser för fullföljda studier" in result.stdout
    data = json.loads((tmp_path / "out" / "returns.json").read_text(encoding="utf-8"))
    assert data["npv"] == "4442812.40"
