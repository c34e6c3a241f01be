"""Load errors as a careless user meets them, through the real command: every problem
of a file at once, YAML 1.1 number forms, decimal commas and forged lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import logikmodell as lm
from conftest import run_logikmodell as _run

BAD = Path(__file__).parent.parent / "data" / "bad"


def test_every_problem_is_reported_and_no_link_to_a_failed_node() -> None:
    path = BAD / "every_problem_at_once.yaml"
    result = _run("validate", str(path), "--lang", "en")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"{path}:7:5: $.nodes[0].deadweight: expected a number from 0 to 1, got 1.5",
        f"{path}:12:5: $.nodes[1].unit_cost: unknown unit 'msek' in 'msek/år'; did you mean "
        "'MSEK'? The units are listed in the file format's documentation.",
    ]


def test_a_true_dangling_link_beside_a_failed_node_is_still_reported(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(
        "logikmodell: 1\ntitle: T\nnodes:\n"
        "  - {id: a, kind: activity, label: A}\n"
        "  - {id: o, kind: output, label: O, quantity: 1 personer}\n"
        "links:\n  - {from: a, to: o}\n  - {from: a, to: ghost}\n",
        encoding="utf-8",
    )
    lines = _run("convert", str(path), str(tmp_path / "out.json")).stderr.splitlines()
    assert [line.split(": ", 2)[1] for line in lines] == ["$.nodes[1].quantity", "$.links[1].to"]
    assert "unknown node id 'ghost'" in lines[1]


def test_problems_after_a_failed_item_keep_their_own_index(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(
        "logikmodell: 1\ntitle: T\nnodes:\n"
        "  - {id: a, kind: activity, label: A, colour: red}\n"
        "  - {id: b, kind: output, label: B, quantity: 1 dygnx}\n",
        encoding="utf-8",
    )
    lines = _run("convert", str(path), str(tmp_path / "out.json")).stderr.splitlines()
    assert [line.split(": ", 2)[1] for line in lines] == [
        "$.nodes[0].colour",
        "$.nodes[1].quantity",
    ]


def test_decimal_comma_in_a_fraction_is_read(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(
        "logikmodell: 1\ntitle: T\neconomics: {discount_rate: '0,035'}\nnodes:\n"
        "  - id: o\n    kind: long_term_outcome\n    label: O\n    deadweight: 0,25\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.json"
    result = _run("convert", str(path), str(out))
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["nodes"][0]["deadweight"] == 0.25
    assert data["economics"]["discount_rate"] == 0.035


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1:30.5", "the sexagesimal number 1:30.5"),
        ("!!float abc", "the text 'abc' tagged !!float"),
        ("!!float ''", "the text '' tagged !!float"),
        ("0b101", "the binary number 0b101"),
    ],
)
def test_loads_refuses_yaml_number_forms_with_a_load_error(value: str, expected: str) -> None:
    text = (
        "logikmodell: 1\ntitle: T\nnodes:\n  - {id: r, kind: resource, label: R}\n"
        f"  - {{id: a, kind: activity, label: A}}\nlinks:\n  - {{from: r, to: a, share: {value}}}\n"
    )
    with pytest.raises(lm.LoadError) as caught:
        lm.loads(text)
    (problem,) = caught.value.problems
    assert problem.path == "$.links[0].share"
    assert expected in problem.message


def test_integer_forms_in_decimal_still_read() -> None:
    model = lm.loads("logikmodell: 1\ntitle: T\neconomics: {horizon_years: 1_0}\n")
    assert model.info.economics.horizon_years == 10


def test_metadata_refuses_a_hexadecimal_number() -> None:
    with pytest.raises(lm.LoadError, match="hexadecimal number 0x1F"):
        lm.loads("logikmodell: 1\ntitle: T\nmetadata: {code: 0x1F}\n")


def test_forged_lines_are_escaped(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(
        'logikmodell: 1\ntitle: "T\\nLM999 error: fake\\e[31m"\n'
        'nodes:\n  - {id: a, kind: activity, label: A, "x\\nLM101 error: y": 1}\n',
        encoding="utf-8",
    )
    result = _run("validate", str(path), "--lang", "en")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"{path}:4:39: $.nodes[0].x\\nLM101 error: y: unknown key"
    ]
    path.write_text(
        'logikmodell: 1\ntitle: "T\\nLM999 error: fake\\e[31m"\n'
        "nodes:\n  - {id: a, kind: activity, label: A}\n",
        encoding="utf-8",
    )
    result = _run("validate", str(path), "--lang", "en")
    assert "\x1b" not in result.stdout
    assert all(line.startswith(f"{path}:") for line in result.stdout.splitlines()[:-1])
    assert "The model 'T\\nLM999 error: fake\\x1b[31m'" in result.stdout
