"""Structure rules LM101–LM109."""

from __future__ import annotations

from validate_helpers import codes, model

import logikmodell as lm

_CYCLE_NODES = """
- {id: a, kind: activity, label: Aktivitet}
- {id: s1, kind: short_term_outcome, label: Närvaro, direction: increase}
- {id: s2, kind: short_term_outcome, label: Trivsel, direction: increase}
- {id: s3, kind: short_term_outcome, label: Skolanknytning, direction: increase}
- {id: g, kind: long_term_outcome, label: Behörighet, direction: increase}
"""


def test_lm101_names_one_cycle_from_its_smallest_id() -> None:
    m = model(
        _CYCLE_NODES,
        """
        - {from: a, to: s2}
        - {from: s2, to: s3}
        - {from: s3, to: s1}
        - {from: s1, to: s2}
        - {from: s3, to: g}
        """,
    )
    (finding,) = lm.validate(m, select=["LM101"]).findings
    assert finding.severity is lm.Severity.ERROR
    assert finding.nodes == ("s1", "s2", "s3")
    assert "'Närvaro' (s1) → 'Trivsel' (s2) → 'Skolanknytning' (s3) → 'Närvaro' (s1)" in (
        finding.message
    )
    assert "remove or reverse one of these links" in finding.message


def test_lm101_one_finding_per_separate_cycle_and_self_loops() -> None:
    m = model(
        _CYCLE_NODES,
        """
        - {from: a, to: s1}
        - {from: s1, to: s2}
        - {from: s2, to: s1}
        - {from: s3, to: s3}
        - {from: s2, to: g}
        """,
    )
    findings = lm.validate(m, select=["LM101"]).findings
    assert [f.nodes for f in findings] == [("s1", "s2"), ("s3",)]


def test_lm101_not_on_an_acyclic_model_with_a_diamond() -> None:
    m = model(
        _CYCLE_NODES,
        """
        - {from: a, to: s1}
        - {from: a, to: s2}
        - {from: s1, to: s3}
        - {from: s2, to: s3}
        - {from: s3, to: g}
        """,
    )
    assert codes(m, "LM101") == []


def test_a_cyclic_model_still_gets_the_other_rules() -> None:
    m = model(
        _CYCLE_NODES,
        """
        - {from: a, to: s1}
        - {from: s1, to: s2}
        - {from: s2, to: s1}
        - {from: s2, to: g, effect: decreases}
        """,
    )
    report = lm.validate(m)
    assert "LM101" in report.codes
    assert [f.link for f in report.by_code("LM201")] == [("s2", "g")]
    assert "LM107" in report.codes  # the activity has no resource


_KINDS = """
- {id: r, kind: resource, label: Resurs, cost: 1 SEK}
- {id: r2, kind: resource, label: Resurs 2, cost: 1 SEK}
- {id: a, kind: activity, label: Aktivitet}
- {id: a2, kind: activity, label: Aktivitet 2}
- {id: o, kind: output, label: Prestation}
- {id: o2, kind: output, label: Prestation 2}
- {id: s, kind: short_term_outcome, label: Kort, direction: increase}
- {id: s2, kind: short_term_outcome, label: Kort 2, direction: increase}
- {id: l, kind: long_term_outcome, label: Lång, direction: increase}
- {id: l2, kind: long_term_outcome, label: Lång 2, direction: increase}
- {id: i, kind: impact, label: Påverkan, direction: increase}
"""


def _order_codes(link: str) -> list[str]:
    return codes(model(_KINDS, f"- {{from: {link.split()[0]}, to: {link.split()[1]}}}"), "LM102")


def test_lm102_allows_the_forward_chain_and_same_kind_outcomes() -> None:
    for link in ["r a", "a o", "a s", "a i", "o s", "o l", "s l", "l i", "s s2", "l l2"]:
        assert _order_codes(link) == [], link


def test_lm102_refuses_backwards_resource_and_same_stage_links() -> None:
    for link in ["o a", "i l", "s o", "r o", "r s", "r r2", "a a2", "o o2", "a r"]:
        assert _order_codes(link) == ["LM102"], link
    (finding,) = lm.validate(model(_KINDS, "- {from: i, to: l}"), select=["LM102"]).findings
    assert finding.link == ("i", "l")
    assert "runs backwards" in finding.message
    assert "'Påverkan' (i)" in finding.message


def test_lm103_warns_when_a_link_skips_a_stage() -> None:
    m = model(_KINDS, "- {from: a, to: s}\n- {from: o, to: l}\n- {from: s, to: l}")
    findings = lm.validate(m, select=["LM103"]).findings
    assert [f.link for f in findings] == [("a", "s"), ("o", "l")]
    assert "skips the output stage" in findings[0].message
    assert codes(model(_KINDS, "- {from: a, to: i}"), "LM103") == ["LM103"]
    assert codes(model(_KINDS, "- {from: r, to: a}"), "LM103") == []


def test_lm104_and_lm105_follow_paths_through_the_chain() -> None:
    m = model(_KINDS, "- {from: a, to: o}\n- {from: o, to: s}\n- {from: s, to: l}")
    report = lm.validate(m, select=["LM104", "LM105"])
    assert [(f.code, f.nodes) for f in report.findings] == [
        ("LM104", ("a2",)),
        ("LM105", ("i",)),
        ("LM105", ("l2",)),
    ]


def test_lm104_and_lm105_leave_an_empty_side_to_lm109() -> None:
    only_activity = model("- {id: a, kind: activity, label: A}")
    assert codes(only_activity, "LM104", "LM105", "LM109") == ["LM109"]
    only_goal = model("- {id: g, kind: impact, label: G, direction: increase}")
    assert codes(only_goal, "LM104", "LM105", "LM109") == ["LM109"]
    (finding,) = lm.validate(model("- {id: n, kind: need, label: N}"), select=["LM109"]).findings
    assert "no activity and no goal" in finding.message


def test_lm106_lm107_lm108_loose_ends() -> None:
    m = model(_KINDS, "- {from: r, to: a}\n- {from: a, to: o}\n- {from: o, to: s}")
    report = lm.validate(m, select=["LM106", "LM107", "LM108"])
    assert [(f.code, f.nodes) for f in report.findings] == [
        ("LM106", ("r2",)),
        ("LM107", ("a2",)),
        ("LM108", ("o2",)),
        ("LM108", ("s",)),
        ("LM108", ("s2",)),
    ]
