"""Direction rules LM201–LM204."""

from __future__ import annotations

from validate_helpers import codes, model

import logikmodell as lm

_NODES = """
- {id: a, kind: activity, label: Läxhjälp}
- {id: o, kind: output, label: Elever med läxhjälp}
- {id: franvaro, kind: short_term_outcome, label: Frånvaro, direction: decrease}
- {id: trivsel, kind: short_term_outcome, label: Trivsel, direction: increase}
- {id: betyg, kind: long_term_outcome, label: Godkända betyg, direction: increase}
- {id: utanforskap, kind: impact, label: Utanförskap, direction: decrease}
"""


def test_lm201_names_both_ends_and_the_effect_to_use() -> None:
    m = model(_NODES, "- {from: franvaro, to: betyg}")
    (finding,) = lm.validate(m, select=["LM201"]).findings
    assert finding.severity is lm.Severity.ERROR
    assert finding.link == ("franvaro", "betyg")
    assert finding.nodes == ("franvaro", "betyg")
    assert finding.message == (
        "Link 'Frånvaro' (franvaro) → 'Godkända betyg' (betyg) says more of franvaro "
        "increases betyg, but franvaro should decrease and betyg increase: the effect "
        "should be 'decreases' (or one of the directions is wrong)."
    )
    assert str(finding).startswith("LM201 error franvaro → betyg: Link")


def test_lm201_accepts_links_whose_signs_agree() -> None:
    links = """
    - {from: a, to: o}
    - {from: o, to: franvaro, effect: decreases}
    - {from: o, to: trivsel}
    - {from: franvaro, to: betyg, effect: decreases}
    - {from: trivsel, to: betyg}
    - {from: franvaro, to: utanforskap}
    - {from: betyg, to: utanforskap, effect: decreases}
    """
    assert codes(model(_NODES, links), "LM2") == []


def test_lm201_activities_and_outputs_count_as_increase() -> None:
    assert codes(model(_NODES, "- {from: a, to: o, effect: decreases}"), "LM201") == ["LM201"]
    assert codes(model(_NODES, "- {from: o, to: franvaro}"), "LM201") == ["LM201"]


def test_lm201_skips_links_to_or_from_nodes_without_direction() -> None:
    nodes = _NODES + "- {id: x, kind: short_term_outcome, label: X}\n"
    assert codes(model(nodes, "- {from: o, to: x, effect: decreases}"), "LM201") == []
    assert codes(model(nodes, "- {from: x, to: betyg, effect: decreases}"), "LM201") == []


def test_lm202_when_every_path_pushes_the_goal_the_wrong_way() -> None:
    # Less absence (right) is said to mean fewer passing grades (wrong): net, the
    # activity lowers betyg, which should increase.
    wrong_only = """
    - {from: a, to: o}
    - {from: o, to: franvaro, effect: decreases}
    - {from: franvaro, to: betyg}
    """
    report = lm.validate(model(_NODES, wrong_only), select=["LM202", "LM203"])
    assert [(f.code, f.nodes) for f in report.findings] == [("LM202", ("a", "betyg"))]
    assert "'Läxhjälp' (a)" in report.findings[0].message
    message = report.findings[0].message
    assert "decrease on every path between them (e.g. a → o → franvaro → betyg)" in message


def test_lm203_when_paths_disagree() -> None:
    mixed = """
    - {from: a, to: o}
    - {from: o, to: franvaro, effect: decreases}
    - {from: o, to: trivsel}
    - {from: franvaro, to: betyg, effect: decreases}
    - {from: trivsel, to: betyg, effect: decreases}
    - {from: betyg, to: utanforskap, effect: decreases}
    """
    report = lm.validate(model(_NODES, mixed), select=["LM202", "LM203"])
    assert [(f.code, f.nodes) for f in report.findings] == [
        ("LM203", ("a", "betyg")),
        ("LM203", ("a", "utanforskap")),
    ]
    assert report.findings[0].severity is lm.Severity.WARNING


def test_lm202_and_lm203_judge_net_signs_not_single_links() -> None:
    # Two wrong links cancel: the activity still raises betyg, so only LM201 speaks.
    two_wrongs = """
    - {from: a, to: o}
    - {from: o, to: franvaro}
    - {from: franvaro, to: betyg}
    """
    assert codes(model(_NODES, two_wrongs), "LM2") == ["LM201", "LM201"]


def test_lm202_ignores_goals_without_direction() -> None:
    nodes = _NODES + "- {id: g, kind: impact, label: G}\n"
    m = model(nodes, "- {from: a, to: o}\n- {from: o, to: g, effect: decreases}")
    assert codes(m, "LM202", "LM203") == []


def test_lm204_outcomes_without_direction() -> None:
    m = model(
        """
        - {id: s, kind: short_term_outcome, label: Kort}
        - {id: l, kind: long_term_outcome, label: Lång}
        - {id: i, kind: impact, label: Påverkan, direction: increase}
        - {id: o, kind: output, label: Prestation}
        """
    )
    findings = lm.validate(m, select=["LM204"]).findings
    assert [f.nodes for f in findings] == [("l",), ("s",)]
    assert findings[0].message.startswith("The long-term outcome 'Lång' (l) has no direction")
