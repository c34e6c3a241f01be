"""The prepared model the rules share: numbers for messages, order and cycles."""

from __future__ import annotations

from fractions import Fraction

from validate_helpers import model

from logikmodell.validation._context import Context, decimal_text


def test_decimal_text_is_exact_where_the_decimals_end() -> None:
    assert decimal_text(Fraction(12)) == "12"
    assert decimal_text(Fraction(125, 2)) == "62.5"
    assert decimal_text(Fraction(-1, 8)) == "-0.125"
    assert decimal_text(Fraction(10**15 + 1, 10)) == "100000000000000.1"
    assert decimal_text(Fraction(200, 3)) == "66.6667"


def test_order_leaves_out_cycles_but_keeps_what_lies_beyond() -> None:
    m = model(
        """
        - {id: a, kind: activity, label: A}
        - {id: s1, kind: short_term_outcome, label: S1}
        - {id: s2, kind: short_term_outcome, label: S2}
        - {id: g, kind: impact, label: G}
        """,
        "- {from: a, to: s1}\n- {from: s1, to: s2}\n- {from: s2, to: s1}\n- {from: s2, to: g}",
    )
    ctx = Context(m)
    assert ctx.cycles == (("s1", "s2"),)
    assert [ctx.id_list[i] for i in ctx.order] == ["a", "g"]
    assert list(ctx.cyclic) == [0, 1, 1, 0]
    assert ctx.acyclic_out[0] == []  # a → s1 goes into the cycle
