"""Indicator, risk, evidence and completeness rules: the edges the docs examples leave out."""

from __future__ import annotations

from validate_helpers import codes, model

import logikmodell as lm

_NODES = """
- {id: a, kind: activity, label: Mentorskap}
- {id: up, kind: short_term_outcome, label: Närvaro, direction: increase}
- {id: down, kind: short_term_outcome, label: Frånvaro, direction: decrease}
- {id: open, kind: short_term_outcome, label: Trivsel}
"""


def _indicator(measures: str, base: int, target: int, extra: str = "") -> lm.LogicModel:
    indicator = (
        f"  - {{id: ind, measures: {measures}, label: Mått, source: Register, "
        f"baseline: {{value: {base}, date: 2025-01-01}}, "
        f"target: {{value: {target}, date: 2026-01-01}}{extra}}}\n"
    )
    return model(_NODES, extra="indicators:\n" + indicator)


def test_lm303_uses_the_indicator_direction_or_else_the_node_direction() -> None:
    assert codes(_indicator("up", 80, 70), "LM303") == ["LM303"]
    assert codes(_indicator("up", 80, 90), "LM303") == []
    assert codes(_indicator("down", 10, 12), "LM303") == ["LM303"]
    assert codes(_indicator("down", 10, 8), "LM303") == []
    assert codes(_indicator("down", 10, 8, ", direction: increase"), "LM303") == ["LM303"]
    assert codes(_indicator("up", 80, 80), "LM303") == []  # no change is no contradiction
    assert codes(_indicator("open", 80, 70), "LM303") == []  # no direction to contradict
    assert codes(_indicator("a", 5, 1), "LM303") == []
    (finding,) = lm.validate(_indicator("down", 10, 12), select=["LM303"]).findings
    assert finding.nodes == ("down",)
    assert "'Mått' (ind)" in finding.message
    assert "target 12 lies above its baseline 10" in finding.message


def test_lm305_same_date_counts_as_not_after() -> None:
    m = model(
        _NODES,
        extra=(
            "indicators:\n  - {id: ind, measures: up, label: Mått, source: R,\n"
            "     baseline: {value: 1, date: 2025-01-01}, target: {value: 2, date: 2025-01-01}}\n"
        ),
    )
    (finding,) = lm.validate(m, select=["LM305"]).findings
    assert "target date 2025-01-01 on its baseline date 2025-01-01" in finding.message


def test_lm304_names_what_is_missing() -> None:
    m = model(_NODES, extra="indicators:\n  - {id: ind, measures: up, label: Mått}\n")
    (finding,) = lm.validate(m, select=["LM304"]).findings
    assert "has no baseline and no target" in finding.message
    assert codes(m, "LM306") == ["LM306"]


def test_lm301_and_lm302_count_any_indicator_on_the_node() -> None:
    m = model(_NODES, extra="indicators:\n  - {id: ind, measures: up, label: Mått}\n")
    report = lm.validate(m, select=["LM301", "LM302"])
    assert [(f.code, f.nodes) for f in report.findings] == [
        ("LM301", ("down",)),
        ("LM301", ("open",)),
        ("LM302", ("a",)),
    ]
    assert report.by_code("LM302")[0].severity is lm.Severity.INFO


def _risk(likelihood: int, consequence: int, extra: str = "") -> lm.LogicModel:
    return model(
        _NODES,
        extra=(
            "risks:\n  - {id: risk, label: Personalbrist, threatens: [a], "
            f"likelihood: {likelihood}, consequence: {consequence}{extra}}}\n"
        ),
    )


def test_lm401_starts_at_a_score_of_twelve() -> None:
    assert codes(_risk(3, 4), "LM401") == ["LM401"]
    assert codes(_risk(5, 5), "LM401") == ["LM401"]
    assert codes(_risk(2, 5), "LM401") == []
    assert codes(_risk(5, 5, ", mitigation: Rekrytering"), "LM401") == []
    (finding,) = lm.validate(_risk(3, 4), select=["LM401"]).findings
    assert finding.nodes == ("a",)
    assert "scores 3 × 4 = 12" in finding.message


def test_lm402_and_lm403() -> None:
    m = model(
        _NODES,
        extra="risks:\n  - {id: risk, label: Personalbrist, likelihood: 1, consequence: 1}\n",
    )
    report = lm.validate(m, select=["LM4"])
    assert [(f.code, f.nodes, f.location) for f in report.findings] == [
        ("LM402", (), "model"),
        ("LM403", (), "model"),
    ]
    assert "'Personalbrist' (risk)" in report.findings[0].message


def test_lm501_only_for_links_into_outcomes() -> None:
    m = model(
        _NODES + "- {id: o, kind: output, label: Elever}\n- {id: r, kind: resource, label: R}\n",
        "- {from: r, to: a}\n- {from: a, to: o}\n- {from: o, to: up}\n"
        "- {from: up, to: down, effect: decreases, evidence: assumption}",
    )
    findings = lm.validate(m, select=["LM501"]).findings
    assert [f.link for f in findings] == [("o", "up")]


def test_lm502_a_single_supported_path_is_enough() -> None:
    nodes = """
    - {id: a, kind: activity, label: A}
    - {id: o, kind: output, label: O}
    - {id: s1, kind: short_term_outcome, label: S1, direction: increase}
    - {id: s2, kind: short_term_outcome, label: S2, direction: increase}
    - {id: g, kind: impact, label: G, direction: increase}
    """
    weak = """
    - {from: a, to: o}
    - {from: o, to: s1, evidence: assumption}
    - {from: o, to: s2}
    - {from: s1, to: g, evidence: research}
    - {from: s2, to: g, evidence: research}
    """
    assert codes(model(nodes, weak), "LM502") == ["LM502"]
    strong = weak.replace("{from: o, to: s2}", "{from: o, to: s2, evidence: proven_experience}")
    assert codes(model(nodes, strong), "LM502") == []


def test_lm702_only_goals_answer_needs() -> None:
    m = model(
        """
        - {id: behov, kind: need, label: Behov}
        - {id: s, kind: short_term_outcome, label: S, direction: increase, addresses: [behov]}
        """
    )
    assert codes(m, "LM702") == ["LM702"]


def test_lm703_lm704_on_the_header() -> None:
    assert codes(model("- {id: a, kind: activity, label: A}"), "LM703", "LM704") == [
        "LM703",
        "LM704",
    ]
    sized = model(
        "- {id: a, kind: activity, label: A}",
        extra="comparison: Kohort\ntarget_group: {label: Unga, size: 12}\n",
    )
    assert codes(sized, "LM703", "LM704") == []


def test_lm705_quantity_without_values() -> None:
    m = model("- {id: g, kind: impact, label: G, direction: increase, quantity: 3 person}")
    (finding,) = lm.validate(m, select=["LM705"]).findings
    assert "has a quantity but no values" in finding.message


def test_lm602_not_when_a_link_without_share_takes_the_rest() -> None:
    nodes = """
    - {id: r, kind: resource, label: R, cost: 10 SEK}
    - {id: a, kind: activity, label: A}
    - {id: b, kind: activity, label: B}
    """
    under = "- {from: r, to: a, share: 0.5}\n- {from: r, to: b, share: 0.25}"
    (finding,) = lm.validate(model(nodes, under), select=["LM602"]).findings
    assert "sum to 75 %" in finding.message
    assert "remaining 25 %" in finding.message
    rest = "- {from: r, to: a, share: 0.5}\n- {from: r, to: b}"
    assert codes(model(nodes, rest), "LM601", "LM602") == []
