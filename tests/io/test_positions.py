"""Positions: every finding of a model loaded from YAML or JSON points at the right text.

Generated models are dumped to text and loaded again; each finding's line and column
are then checked against the text itself (the element there has the finding's
subject, the key there is the field the path names), independently of how the
positions were found.
"""

from __future__ import annotations

import json
import re

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import logikmodell as lm
from logikmodell.positions import Positions
from logikmodell.testing import strategies as lst
from logikmodell.validation import Finding

_FIELD = re.compile(r"\.([A-Za-z_]+)$")


def _offset(text: str, line: int, column: int) -> int:
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    return starts[line - 1] + column - 1


def _link_ends(subject: str) -> tuple[str, str]:
    left, _, right = subject.partition(">")  # ids never hold ">"
    return left[:-1], right


def _check_yaml(text: str, finding: Finding) -> None:
    assert finding.line is not None
    assert finding.column is not None
    rest = text[_offset(text, finding.line, finding.column) :]
    first_line = rest.split("\n", 1)[0]
    field = _FIELD.search(finding.path)
    if finding.path == "$":
        assert (finding.line, finding.column) == (1, 1)
    elif field is not None:
        assert first_line.startswith(f"{field.group(1)}:"), (finding, first_line)
    else:
        entry = yaml.safe_load(first_line)
        assert isinstance(entry, dict), (finding, first_line)
        if finding.path.startswith("$.links["):
            assert str(entry["from"]) == _link_ends(str(finding.subject))[0]
        else:
            assert str(entry["id"]) == finding.subject, (finding, first_line)


def _check_json(text: str, finding: Finding) -> None:
    assert finding.line is not None
    assert finding.column is not None
    offset = _offset(text, finding.line, finding.column)
    field = _FIELD.search(finding.path)
    if finding.path == "$":
        assert offset == 0
    elif field is not None:
        assert text.startswith(f'"{field.group(1)}"', offset), finding
    else:
        element, _ = json.JSONDecoder().raw_decode(text, offset)
        if finding.path.startswith("$.links["):
            assert (element["from"], element["to"]) == _link_ends(str(finding.subject))
        else:
            assert element["id"] == finding.subject


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lst.logic_models(max_nodes=14), st.sampled_from(["yaml", "json"]))
def test_every_finding_points_at_its_element_in_the_text(model: lm.LogicModel, fmt: str) -> None:
    text = lm.dumps(model, fmt)
    loaded = lm.loads(text, fmt, source=f"model.{fmt}")
    report = lm.validate(loaded)
    assert report.source == f"model.{fmt}"
    for finding in report.findings:
        (_check_yaml if fmt == "yaml" else _check_json)(text, finding)
    # The same findings, placed by their paths, come from the model built in code.
    unplaced = [(f.code, f.subject, f.path) for f in lm.validate(model).findings]
    assert [(f.code, f.subject, f.path) for f in report.findings] == unplaced


@settings(max_examples=40, deadline=None)
@given(lst.logic_models(max_nodes=10))
def test_equality_ignores_positions(model: lm.LogicModel) -> None:
    assert model.positions is None
    from_yaml = lm.loads(lm.dumps(model, "yaml"), "yaml")
    from_json = lm.loads(lm.dumps(model, "json"), "json")
    assert from_yaml.positions is not None
    assert from_json.positions is not None
    assert from_yaml == model == from_json
    assert from_yaml.copy().positions is from_yaml.positions
    assert lm.loads(lm.dumps(model, "yaml"), "yaml", positions=False).positions is None


def test_a_model_built_in_code_has_no_lines() -> None:
    model = lm.LogicModel(title="Tom")
    report = lm.validate(model)
    assert report.source is None
    assert all(f.line is None and f.column is None for f in report.findings)
    assert report.to_text().splitlines()[0].startswith("LM109 error model: ")


_TEXT = """\
logikmodell: 1
title: Test
nodes:
  - {id: a, kind: activity, label: A}
  - id: s
    kind: short_term_outcome
    label: S
    direction: increase
links:
  - {from: a, to: s}
indicators:
  - id: i-wrong
    measures: s
    label: Fel
    baseline: {value: 5}
    target: {value: 3}
"""


def test_text_findings_read_file_line_column_code_severity_message() -> None:
    report = lm.validate(lm.loads(_TEXT, source="m.yaml"), select=["LM303", "LM103"])
    assert [line.split(": ", 1)[0] for line in report.lines()] == [
        "m.yaml:16:5",
        "m.yaml:10:5",
    ]
    assert report.lines()[0].startswith("m.yaml:16:5: LM303 error: The indicator 'Fel'")


def test_the_position_follows_the_element_after_an_edit() -> None:
    model = lm.loads(_TEXT, source="m.yaml")
    model.remove_node("a")
    (finding,) = lm.validate(model, select=["LM303"]).findings
    assert (finding.path, finding.line) == ("$.indicators[0].target", 16)
    (lm301,) = lm.validate(model, select=["LM204"]).findings or (None,)
    assert lm301 is None  # s has a direction


def test_load_errors_carry_line_and_column() -> None:
    text = _TEXT.replace("kind: short_term_outcome", "kind: outcome").replace(
        "{value: 3}", "{value: 3, when: now}"
    )
    with pytest.raises(lm.LoadError) as caught:
        lm.loads(text, source="m.yaml")
    lines = caught.value.lines()
    assert lines[0].startswith("m.yaml:6:5: $.nodes[1].kind: unknown kind 'outcome'")
    assert "m.yaml:16:24: $.indicators[0].target.when: unknown key" in lines


def test_load_errors_in_json_carry_line_and_column() -> None:
    text = '{"logikmodell": 1,\n "title": "T",\n "nodes": [\n  {"id": "a", "kind": "x"}]}'
    with pytest.raises(lm.LoadError) as caught:
        lm.loads(text, "json", source="m.json")
    assert caught.value.lines()[0].startswith("m.json:4:15: $.nodes[0].kind: unknown kind 'x'")


def test_toml_has_no_positions() -> None:
    model = lm.loads('logikmodell = 1\ntitle = "T"\n', "toml")
    assert model.positions is None


def test_positions_climb_to_the_nearest_known_part() -> None:
    positions = Positions(source="m", paths={"$": (1, 1), "$.nodes[0]": (3, 3)})
    assert positions.of_path("$.nodes[0].values[2].amount") == (3, 3)
    assert positions.of_path("$.links[4]") == (1, 1)
    assert Positions(source="m", paths={}).of_path("$.x") is None
    assert positions.locate("$.nodes[0]", "ghost") is None
