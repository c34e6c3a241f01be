"""Finding, Report, Severity and ValidationFailed."""

from __future__ import annotations

import json

import pytest
from validate_helpers import model

import logikmodell as lm
from logikmodell.validation import Finding, Report, Severity, ValidationFailed


def _f(code: str, severity: str, *nodes: str) -> Finding:
    return Finding(code=code, severity=Severity(severity), message=f"{code} here.", nodes=nodes)


def test_severity_is_ordered_and_a_string() -> None:
    assert Severity.INFO < Severity.WARNING < Severity.ERROR
    assert Severity.ERROR >= Severity.ERROR
    assert max([Severity.WARNING, Severity.ERROR, Severity.INFO]) is Severity.ERROR
    assert isinstance(Severity.ERROR, str)
    assert str(Severity.ERROR) == "error"
    assert json.dumps(Severity.WARNING) == '"warning"'


def test_report_sorts_by_severity_then_code_then_nodes() -> None:
    report = Report(
        findings=[
            _f("LM301", "warning", "b"),
            _f("LM501", "info", "a"),
            _f("LM301", "warning", "a"),
            _f("LM601", "error", "z"),
            _f("LM101", "error", "y"),
        ]
    )
    assert [(f.code, f.nodes) for f in report.findings] == [
        ("LM101", ("y",)),
        ("LM601", ("z",)),
        ("LM301", ("a",)),
        ("LM301", ("b",)),
        ("LM501", ("a",)),
    ]
    assert report.counts == {"error": 2, "warning": 2, "info": 1}
    assert not report.ok
    assert [f.code for f in report.errors] == ["LM101", "LM601"]
    assert [f.code for f in report.warnings] == ["LM301", "LM301"]
    assert [f.code for f in report.infos] == ["LM501"]
    assert [f.nodes for f in report.by_code("LM301")] == [("a",), ("b",)]
    assert report.codes == ("LM101", "LM301", "LM501", "LM601")


def test_report_without_errors_is_ok_and_does_not_raise() -> None:
    report = Report(findings=[_f("LM301", "warning", "a")])
    assert report.ok
    report.raise_for_errors()
    assert Report().summary() == "no findings"


def test_raise_for_errors_carries_the_report() -> None:
    report = Report(findings=[_f("LM101", "error", "a", "b"), _f("LM301", "warning", "a")])
    with pytest.raises(ValidationFailed) as caught:
        report.raise_for_errors()
    assert caught.value.report is report
    assert isinstance(caught.value, lm.LogikmodellError)
    assert isinstance(caught.value, ValueError)
    assert "1 error finding" in str(caught.value)
    assert "LM101 error a, b: LM101 here." in str(caught.value)


def test_to_dict_has_the_json_shape_of_the_design() -> None:
    finding = Finding(
        code="LM201",
        severity=Severity.ERROR,
        message="m.",
        nodes=("a", "b"),
        link=("a", "b"),
        subject="a->b",
        path="$.links[3]",
    )
    report = Report(findings=[finding, _f("LM704", "warning")])
    data = report.to_dict()
    assert data == {
        "ok": False,
        "counts": {"error": 1, "warning": 1, "info": 0},
        "findings": [
            {"code": "LM201", "severity": "error", "message": "m.", "nodes": ["a", "b"],
             "link": ["a", "b"], "subject": "a->b", "path": "$.links[3]", "line": None,
             "column": None},
            {"code": "LM704", "severity": "warning", "message": "LM704 here.", "nodes": [],
             "link": None, "subject": None, "path": "$", "line": None, "column": None},
        ],
    }  # fmt: skip
    json.dumps(data)


def test_text_reads_like_a_linter() -> None:
    finding = Finding(
        code="LM201", severity=Severity.ERROR, message="Fix it.", nodes=("a", "b"), link=("a", "b")
    )
    report = Report(findings=[finding, _f("LM704", "warning"), _f("LM302", "info", "x")])
    assert report.to_text().splitlines() == [
        "LM201 error a → b: Fix it.",
        "LM704 warning model: LM704 here.",
        "LM302 info x: LM302 here.",
        "1 error, 1 warning, 1 info",
    ]


def test_findings_are_frozen_values() -> None:
    finding = _f("LM101", "error", "a")
    with pytest.raises(AttributeError):
        finding.code = "LM102"  # type: ignore[misc]
    assert finding == _f("LM101", "error", "a")


def test_select_and_ignore_by_code_and_prefix() -> None:
    m = model(
        """
        - {id: r, kind: resource, label: R}
        - {id: a, kind: activity, label: A}
        """,
        "- {from: r, to: a}",
    )
    every = {f.code for f in lm.validate(m).findings}
    assert {"LM109", "LM603", "LM605"} <= every
    assert {f.code for f in lm.validate(m, select=["LM6"]).findings} == {"LM603", "LM605"}
    assert {f.code for f in lm.validate(m, select=["lm603"]).findings} == {"LM603"}
    ignored = {f.code for f in lm.validate(m, ignore=["LM6", "LM109"]).findings}
    assert ignored == every - {"LM603", "LM605", "LM109"}
    assert lm.validate(m, select=["LM6"], ignore=["LM605"]).codes == ("LM603",)


def test_unknown_codes_are_refused_clearly() -> None:
    m = model("- {id: a, kind: activity, label: A}")
    with pytest.raises(lm.InvalidValueError, match="unknown rule code 'LM999'"):
        lm.validate(m, select=["LM999"])
    with pytest.raises(lm.InvalidValueError, match="ignore"):
        lm.validate(m, ignore=["XX1"])
    with pytest.raises(lm.InvalidValueError, match="at least one rule code"):
        lm.validate(m, select=[" "])
    assert lm.validate(m, ignore=[]) == lm.validate(m)


def test_example_is_free_of_errors() -> None:
    from logikmodell.examples import load_example

    report = lm.validate(load_example())
    assert report.ok
    assert report.errors == ()


def test_the_rule_catalogue_is_complete_and_each_rule_runs_alone() -> None:
    from logikmodell.validation import get_rule, rules

    catalogue = rules()
    assert [r.code for r in catalogue] == sorted(r.code for r in catalogue)
    assert len(catalogue) == 39
    assert "LM604" not in {r.code for r in catalogue}
    lm601 = get_rule("lm601")
    assert lm601.severity is Severity.ERROR
    assert lm601.docs == "docs/rules.md#lm601"
    m = model(
        """
        - {id: r, kind: resource, label: R, cost: 1 SEK}
        - {id: a, kind: activity, label: A}
        - {id: b, kind: activity, label: B}
        """,
        "- {from: r, to: a, share: 0.75}\n- {from: r, to: b, share: 0.5}",
    )
    assert [f.code for f in lm601.run(m)] == ["LM601"]
    with pytest.raises(lm.InvalidValueError):
        get_rule("LM604")
