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
