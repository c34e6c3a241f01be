"""Every rule says which element a finding is about (subject) and where it is (path).

Each case is a small model that triggers one rule, with the element the finding is
about placed after others, so that a wrong index shows. The paths are also resolved
in the parsed document, independently of the library, and must reach an element
with the subject's id.
"""

from __future__ import annotations

import re

import pytest
import yaml

import logikmodell as lm
from logikmodell.validation import rules

_HEAD = "logikmodell: 1\ntitle: Test\ncomparison: Kohort\n"
_GROUP = "target_group: {label: Elever, size: 10}\n"
_ACTORS = "actors:\n  - {id: utb, label: Utbildning}\n  - {id: stat, label: Staten}\n"


def _entries(lines: str) -> str:
    """One-line flow entries, however indented, as a YAML list under a key."""
    return "".join(f"  {line.strip()}\n" for line in lines.splitlines() if line.strip())


def _text(nodes: str, links: str = "", extra: str = "", *, head: str = _HEAD + _GROUP) -> str:
    text = head + _ACTORS + extra + "nodes:\n" + _entries(nodes)
    if links.strip():
        text += "links:\n" + _entries(links)
    return text


_NEED = "- {id: behov, kind: need, label: Behov}\n"
_CHAIN = (
    _NEED
    + """
- {id: a, kind: activity, label: A}
- {id: o, kind: output, label: O}
- {id: s, kind: short_term_outcome, label: S, direction: increase}
- {id: g, kind: impact, label: G, direction: increase, addresses: [behov]}
"""
)
_CHAIN_LINKS = """
- {from: a, to: o}
- {from: o, to: s}
- {from: s, to: g}
"""


def _indicators(*lines: str) -> str:
    return "indicators:\n" + "".join(f"  - {line}\n" for line in lines)


def _risks(*lines: str) -> str:
    return "risks:\n" + "".join(f"  - {line}\n" for line in lines)


_GOOD_INDICATOR = (
    "{id: i-ok, measures: s, label: Ok, source: Register, "
    "baseline: {value: 1, date: 2025-01-01}, target: {value: 2, date: 2026-01-01}}"
)
_GOOD_RISK = (
    "{id: r-ok, label: Ok, threatens: [a], likelihood: 1, consequence: 1, "
    "mitigation: Plan, owner: utb}"
)

_Place = tuple[str | None, str]

#: The catalogue the LM8 cases refer to (``kommun``); figures for tests only.
_CATALOGUES = {
    "kommun": lm.loads_catalogue(
        "logikmodell-catalogue: 1\ntitle: K\n"
        "indices: [{id: pkv, label: PKV, values: {2018: 100, 2026: 120}}]\n"
        "entries:\n"
        "  - {id: gammal, label: G, amount: 1 SEK, price_year: 2018, index: pkv, source: S}\n"
        "  - {id: osaker, label: O, amount: 1 SEK, price_year: 2026, confidence: low, source: S}\n"
        "  - {id: utan, label: U, amount: 1 SEK, price_year: 2026}\n"
        "  - {id: bra, label: B, amount: 1 SEK, price_year: 2026, source: S}\n"
    )
}
_PRICED = _HEAD + _GROUP + "price_year: 2026\ncatalogues: [{id: kommun, path: k.yaml}]\n"


def _places(*places: _Place) -> set[_Place]:
    return set(places)


#: (code, model text, the (subject, path) of each finding of that rule)
_CASES: list[tuple[str, str, set[tuple[str | None, str]]]] = [
    (
        "LM101",
        _text(
            _NEED
            + """
            - {id: a, kind: activity, label: A}
            - {id: y, kind: short_term_outcome, label: Y, direction: increase}
            - {id: x, kind: short_term_outcome, label: X, direction: increase}
            """,
            "- {from: a, to: y}\n- {from: x, to: y}\n- {from: y, to: x}",
        ),
        {("x->y", "$.links[1]")},
    ),
    (
        "LM102",
        _text(
            _NEED + "- {id: a, kind: activity, label: A}\n- {id: o, kind: output, label: O}",
            "- {from: a, to: o}\n- {from: o, to: a}",
        ),
        {("o->a", "$.links[1]")},
    ),
    (
        "LM103",
        _text(
            _NEED
            + """
            - {id: r, kind: resource, label: R, cost: 1 SEK, payer: utb}
            - {id: a, kind: activity, label: A}
            - {id: s, kind: short_term_outcome, label: S, direction: increase}
            """,
            "- {from: r, to: a}\n- {from: a, to: s}",
        ),
        {("a->s", "$.links[1]")},
    ),
    (
        "LM104",
        _text(_CHAIN + "- {id: b, kind: activity, label: B}", _CHAIN_LINKS),
        {("b", "$.nodes[5]")},
    ),
    (
        "LM105",
        _text(_CHAIN + "- {id: g2, kind: impact, label: G2, direction: increase}", _CHAIN_LINKS),
        {("g2", "$.nodes[5]")},
    ),
    (
        "LM106",
        _text(
            _CHAIN + "- {id: r, kind: resource, label: R, cost: 1 SEK, payer: utb}",
            _CHAIN_LINKS,
        ),
        {("r", "$.nodes[5]")},
    ),
    ("LM107", _text(_CHAIN, _CHAIN_LINKS), {("a", "$.nodes[1]")}),
    (
        "LM108",
        _text(_CHAIN + "- {id: o2, kind: output, label: O2}", _CHAIN_LINKS + "- {from: a, to: o2}"),
        {("o2", "$.nodes[5]")},
    ),
    ("LM109", _text(_NEED), {(None, "$")}),
    (
        "LM201",
        _text(
            _CHAIN + "- {id: d, kind: short_term_outcome, label: D, direction: decrease}",
            _CHAIN_LINKS + "- {from: o, to: d}",
        ),
        {("o->d", "$.links[3]")},
    ),
    (
        "LM202",
        _text(
            _CHAIN + "- {id: b, kind: activity, label: B}",
            _CHAIN_LINKS + "- {from: b, to: s, effect: decreases}",
        ),
        {("b", "$.nodes[5]")},
    ),
    (
        "LM203",
        _text(
            _CHAIN + "- {id: b, kind: activity, label: B}",
            _CHAIN_LINKS + "- {from: b, to: s, effect: decreases}\n- {from: b, to: g}",
        ),
        {("b", "$.nodes[5]")},
    ),
    (
        "LM204",
        _text(_CHAIN + "- {id: t, kind: short_term_outcome, label: T}", _CHAIN_LINKS),
        {("t", "$.nodes[5]")},
    ),
    (
        "LM301",
        _text(_CHAIN, _CHAIN_LINKS, _indicators(_GOOD_INDICATOR)),
        {("g", "$.nodes[4]")},
    ),
    (
        "LM302",
        _text(
            _CHAIN,
            _CHAIN_LINKS,
            _indicators("{id: i-a, measures: a, label: Antal, source: Register}"),
        ),
        {("o", "$.nodes[2]")},
    ),
    (
        "LM303",
        _text(
            _CHAIN,
            _CHAIN_LINKS,
            _indicators(
                _GOOD_INDICATOR,
                "{id: i-wrong, measures: g, label: Fel, source: Register, "
                "baseline: {value: 5}, target: {value: 3}}",
            ),
        ),
        {("i-wrong", "$.indicators[1].target")},
    ),
    (
        "LM304",
        _text(
            _CHAIN,
            _CHAIN_LINKS,
            _indicators(
                _GOOD_INDICATOR,
                "{id: i-half, measures: g, label: Halv, source: Register, baseline: {value: 5}}",
            ),
        ),
        {("i-half", "$.indicators[1]")},
    ),
    (
        "LM305",
        _text(
            _CHAIN,
            _CHAIN_LINKS,
            _indicators(
                _GOOD_INDICATOR,
                "{id: i-date, measures: g, label: Datum, source: Register, "
                "baseline: {value: 1, date: 2026-01-01}, target: {value: 2, date: 2025-01-01}}",
            ),
        ),
        {("i-date", "$.indicators[1].target.date")},
    ),
    (
        "LM306",
        _text(
            _CHAIN,
            _CHAIN_LINKS,
            _indicators(_GOOD_INDICATOR, "{id: i-src, measures: g, label: Källa}"),
        ),
        {("i-src", "$.indicators[1]")},
    ),
    (
        "LM307",
        _text(
            _CHAIN,
            _CHAIN_LINKS,
            _indicators(
                _GOOD_INDICATOR,
                "{id: i-tid, measures: g, label: Tid, source: Register, "
                "baseline: {value: 1, date: 2025-01-01}, target: {value: 2, date: 2026-01-01}, "
                "measurements: [{value: 1, date: 2025-06-30}, {value: 2, date: 2024-12-31}], "
                "comparison_baseline: {value: 1, date: 2025-01-01}, "
                "comparison_measurements: [{value: 1, date: 2027-01-01}]}",
            ),
            head=_HEAD + _GROUP + "period: {start: 2025-01-01, end: 2026-12-31}\n",
        ),
        {
            ("i-tid", "$.indicators[1].measurements[1].date"),
            ("i-tid", "$.indicators[1].comparison_measurements[0].date"),
        },
    ),
    (
        "LM308",
        _text(
            _CHAIN,
            _CHAIN_LINKS,
            _indicators(
                "{id: i-ok, measures: s, label: Ok, source: Register, frequency: month, "
                "baseline: {value: 1, date: 2025-01-01}, target: {value: 2, date: 2026-01-01}, "
                "measurements: [{value: 1, date: 2025-06-30}]}",
                "{id: i-sen, measures: g, label: Sen, source: Register, frequency: quarter, "
                "baseline: {value: 1, date: 2025-01-01}, target: {value: 2, date: 2026-01-01}}",
            ),
        ),
        {("i-sen", "$.indicators[1].frequency")},
    ),
    (
        "LM309",
        _text(
            _CHAIN,
            _CHAIN_LINKS,
            _indicators(
                _GOOD_INDICATOR,
                "{id: i-ba, measures: g, label: Före efter, source: Register, "
                "baseline: {value: 1, date: 2025-01-01}, target: {value: 2, date: 2026-01-01}, "
                "measurements: [{value: 2, date: 2025-06-30}]}",
            ),
        ),
        {("g", "$.nodes[4]")},
    ),
    (
        "LM401",
        _text(
            _CHAIN,
            _CHAIN_LINKS,
            _risks(
                _GOOD_RISK,
                "{id: r-big, label: Stor, threatens: [a], likelihood: 4, consequence: 4, "
                "owner: utb}",
            ),
        ),
        {("r-big", "$.risks[1]")},
    ),
    (
        "LM402",
        _text(
            _CHAIN,
            _CHAIN_LINKS,
            _risks(_GOOD_RISK, "{id: r-none, label: Ingen, likelihood: 1, consequence: 1}"),
        ),
        {("r-none", "$.risks[1]")},
    ),
    (
        "LM403",
        _text(
            _CHAIN,
            _CHAIN_LINKS,
            _risks(
                _GOOD_RISK,
                "{id: r-own, label: Ägare, threatens: [a], likelihood: 1, consequence: 1}",
            ),
        ),
        {("r-own", "$.risks[1]")},
    ),
    (
        "LM501",
        _text(
            _CHAIN,
            """
            - {from: a, to: o}
            - {from: o, to: s, evidence: research}
            - {from: s, to: g}
            """,
        ),
        {("s->g", "$.links[2]")},
    ),
    (
        "LM502",
        _text(
            _CHAIN + "- {id: g2, kind: impact, label: G2, direction: increase}",
            """
            - {from: a, to: o}
            - {from: o, to: s, evidence: research}
            - {from: s, to: g, evidence: research}
            - {from: s, to: g2, evidence: assumption}
            """,
        ),
        {("g2", "$.nodes[5]")},
    ),
    *(
        (
            code,
            _text(
                _CHAIN
                + "- {id: r, kind: resource, label: R, cost: 1 SEK, payer: utb}\n"
                + "- {id: b, kind: activity, label: B}",
                _CHAIN_LINKS
                + f"- {{from: r, to: a, share: {share}}}\n- {{from: r, to: b, share: {share}}}",
            ),
            _places(("r", "$.nodes[5]")),
        )
        for code, share in (("LM601", "0.6"), ("LM602", "0.3"))
    ),
    (
        "LM603",
        _text(
            _CHAIN
            + "- {id: r1, kind: resource, label: R1, cost: 1 SEK, payer: utb}\n"
            + "- {id: r2, kind: resource, label: R2, payer: utb}",
            _CHAIN_LINKS + "- {from: r1, to: a}\n- {from: r2, to: a}",
        ),
        {("r2", "$.nodes[6]")},
    ),
    (
        "LM605",
        _text(
            _CHAIN
            + "- {id: r1, kind: resource, label: R1, cost: 1 SEK, payer: utb}\n"
            + "- {id: r2, kind: resource, label: R2, cost: 1 SEK}",
            _CHAIN_LINKS + "- {from: r1, to: a}\n- {from: r2, to: a}",
        ),
        {("r2", "$.nodes[6]")},
    ),
    (
        "LM701",
        _text(
            _CHAIN + "- {id: g2, kind: long_term_outcome, label: G2, direction: increase}",
            _CHAIN_LINKS + "- {from: s, to: g2}",
        ),
        {("g2", "$.nodes[5]")},
    ),
    (
        "LM702",
        _text("- {id: n2, kind: need, label: N2}\n" + _CHAIN, _CHAIN_LINKS),
        {("n2", "$.nodes[0]")},
    ),
    ("LM703", _text(_CHAIN, _CHAIN_LINKS, head=_HEAD), {(None, "$")}),
    (
        "LM703",
        _text(_CHAIN, _CHAIN_LINKS, head=_HEAD + "target_group: {label: Elever}\n"),
        {(None, "$.target_group")},
    ),
    (
        "LM704",
        _text(_CHAIN, _CHAIN_LINKS, head="logikmodell: 1\ntitle: Test\n" + _GROUP),
        {(None, "$")},
    ),
    (
        "LM705",
        _text(
            _CHAIN + "- {id: t, kind: short_term_outcome, label: T, direction: increase, "
            "values: [{actor: stat, amount: 1 SEK/person/year}]}",
            _CHAIN_LINKS + "- {from: o, to: t}",
        ),
        {("t", "$.nodes[5].values")},
    ),
    (
        "LM705",
        _text(
            _CHAIN + "- {id: t, kind: short_term_outcome, label: T, direction: increase, "
            "quantity: 3 person}",
            _CHAIN_LINKS + "- {from: o, to: t}",
        ),
        {("t", "$.nodes[5].quantity")},
    ),
    *(
        (
            code,
            _text(
                _CHAIN
                + "- {id: r1, kind: resource, label: R1, cost: {ref: kommun/bra}, payer: utb}\n"
                + f"- {{id: r2, kind: resource, label: R2, cost: {{ref: kommun/{entry}}}, "
                "payer: utb}",
                _CHAIN_LINKS + "- {from: r1, to: a}\n- {from: r2, to: a}",
                head=_PRICED,
            ),
            _places(("r2", "$.nodes[6].cost.ref")),
        )
        for code, entry in (("LM801", "gammal"), ("LM802", "osaker"), ("LM803", "utan"))
    ),
]

_STEP = re.compile(r"\.([A-Za-z_]+)|\[(\d+)\]")


def _element_id(data: object, path: str) -> str | None:
    """The id of the part a path points into, found by walking the parsed document."""
    assert path.startswith("$")
    found: str | None = None
    current = data
    for name, index in _STEP.findall(path[1:]):
        if index:
            assert isinstance(current, list)
            current = current[int(index)]
            assert isinstance(current, dict)
            if "id" in current or "from" in current:  # an element, not a measurement
                found = current.get("id") or f"{current['from']}->{current['to']}"
        else:
            assert isinstance(current, dict)
            assert name in current, f"{path}: no {name!r}"
            current = current[name]
    return found


@pytest.mark.parametrize(("code", "text", "expected"), _CASES, ids=[c[0] for c in _CASES])
def test_each_rule_names_the_subject_and_its_path(
    code: str, text: str, expected: set[tuple[str | None, str]]
) -> None:
    model = lm.loads(text, "yaml", catalogues=_CATALOGUES)
    report = lm.validate(model, select=[code])
    assert {(f.subject, f.path) for f in report.findings} == expected
    data = yaml.safe_load(text)
    for finding in report.findings:
        assert _element_id(data, finding.path) == finding.subject
        assert finding.to_dict()["subject"] == finding.subject
        assert finding.to_dict()["path"] == finding.path


def test_every_rule_has_a_case() -> None:
    assert {r.code for r in rules()} == {code for code, _, _ in _CASES}


def test_the_findings_of_all_rules_at_once_all_carry_a_place() -> None:
    """Together, the case models exercise every rule; none leaves a subject out."""
    for code, text, expected in _CASES:
        report = lm.validate(lm.loads(text, "yaml", catalogues=_CATALOGUES))
        mine = {(f.subject, f.path) for f in report.by_code(code)}
        assert mine == expected, code
        for finding in report.findings:
            if finding.subject is None:
                assert finding.code in {"LM109", "LM703", "LM704"}, finding
            else:
                parts = ("$.nodes[", "$.links[", "$.indicators[", "$.risks[")
                assert finding.path.startswith(parts)
