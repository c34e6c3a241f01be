"""Words, numbers and the layout plan (ranks, folding) behind the diagram."""

from __future__ import annotations

from fractions import Fraction

import pytest
from render_helpers import small_model

import logikmodell as lm
from logikmodell.examples import load_example
from logikmodell.model import NodeKind
from logikmodell.rendering._view import build_view
from logikmodell.rendering.dot import to_dot
from logikmodell.rendering.labels import (
    check_lang,
    evidence_name,
    format_money,
    format_number,
    format_quantity,
    stage_name,
    unit_name,
)


def test_stage_names_in_both_languages() -> None:
    assert [stage_name(k, "sv") for k in NodeKind] == [
        "Behov", "Resurser", "Aktiviteter", "Prestationer", "Kortsiktiga effekter",
        "Långsiktiga effekter", "Påverkan",
    ]  # fmt: skip
    assert stage_name(NodeKind.IMPACT, "en") == "Impact"
    assert evidence_name(None, "sv") == "Evidens ej angiven"
    assert evidence_name(lm.Evidence.PROVEN_EXPERIENCE, "en") == "Proven experience"


def test_numbers_money_and_units() -> None:
    assert format_number(Fraction(1234567, 2), "sv") == "617\u00a0283,5"
    assert format_number(Fraction(1234567, 2), "en") == "617,283.5"
    assert format_number(Fraction(1, 3), "en") == "0.33"
    assert format_money(248_000_050, "SEK", "sv") == "2\u00a0480\u00a0001\u00a0kr"
    assert format_money(248_000_049, "SEK", "en") == "SEK\u00a02,480,000"
    assert format_money(100, "EUR", "sv") == "1\u00a0€"
    assert format_quantity(Fraction(120), "person", "sv") == "120\u00a0personer"
    assert format_quantity(Fraction(88), "percent", "en") == "88\u00a0%"
    assert unit_name("elever per klass", "sv") == "elever per klass"


def test_check_lang() -> None:
    assert check_lang("en") == "en"
    with pytest.raises(lm.InvalidValueError, match="expected one of sv, en"):
        check_lang("SV")


def test_same_stage_outcomes_step_right_inside_their_column() -> None:
    model = load_example()
    view = build_view(model)
    rank = view.rank
    # skolanknytning -> narvaro and foraldraskap -> orosanmalningar are same-stage links
    assert rank["narvaro"] == rank["skolanknytning"] + 1
    assert rank["orosanmalningar"] == rank["foraldraskap"] + 1
    assert rank["behorighet"] == rank["narvaro"] + 1
    assert all(rank[n.id] == view.ranks - 1 for n in model.of_kind(NodeKind.NEED))
    assert not any(edge.backward for edge in view.edges)


def test_backward_links_and_cycles_do_not_pull_the_layout() -> None:
    model = small_model()
    model.link("narvaro", "samtal", evidence=lm.Evidence.RESEARCH)  # backwards (LM102)
    model.link("narvaro", "stress")  # a cycle with stress -> narvaro (LM101)
    view = build_view(model)
    backward = {(e.from_id, e.to_id) for e in view.edges if e.backward}
    # both links of the cycle share a rank; neither may pull the other
    assert backward == {("narvaro", "samtal"), ("narvaro", "stress"), ("stress", "narvaro")}
    assert view.rank["stress"] == view.rank["narvaro"]
    source = to_dot(model).source
    assert source.count("constraint=false") == 3


def test_folding_needs_exactly_one_incoming_link_from_an_activity() -> None:
    model = small_model()
    assert build_view(model, compact=True).host == {"elever": "samtal"}
    model.add_node(lm.Activity(id="annan", label="Annan aktivitet"))
    model.link("annan", "elever")
    assert build_view(model, compact=True).host == {}
