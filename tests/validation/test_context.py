"""The prepared model the rules share: its order and cycles."""

from __future__ import annotations

from validate_helpers import model

from logikmodell.validation._context import Context


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
