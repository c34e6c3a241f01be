"""Cost rules LM601–LM605."""

from __future__ import annotations

from validate_helpers import codes, model

import logikmodell as lm

_NODES = """
- {id: r, kind: resource, label: Mentor, cost: 100 SEK, payer: utb}
- {id: a, kind: activity, label: Mentorskap}
- {id: b, kind: activity, label: Läxhjälp}
- {id: c, kind: activity, label: Föräldramöten}
"""
_ACTORS = "actors:\n  - {id: utb, label: Utbildningsförvaltningen}\n"


def _shares(*shares: str | None) -> lm.LogicModel:
    links = "\n".join(
        f"- {{from: r, to: {to}{', share: ' + s if s is not None else ''}}}"
        for to, s in zip("abc", shares, strict=False)
    )
    return model(_NODES, links, _ACTORS)


def test_lm601_shares_above_one_are_an_error_naming_the_node() -> None:
    m = _shares("0.6", "0.5")
    (finding,) = lm.validate(m, select=["LM601"]).findings
    assert finding.severity is lm.Severity.ERROR
    assert finding.nodes == ("r",)
    assert "'Mentor' (r)" in finding.message
    assert "110 %" in finding.message
    assert "a 60 %, b 50 %" in finding.message


def test_lm601_counts_shares_even_beside_links_without_share() -> None:
    assert codes(_shares("0.7", "0.4", None), "LM601") == ["LM601"]


def test_lm601_not_at_exactly_one_or_below() -> None:
    assert codes(_shares("0.5", "0.5"), "LM601") == []
    assert codes(_shares("0.25", "0.25", "0.5"), "LM601") == []
    assert codes(_shares("0.3", None, None), "LM601") == []
    assert codes(_shares(None, None), "LM601") == []
