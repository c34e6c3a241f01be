"""Properties of transfers in the appraisal, over generated models with transfers."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given

import logikmodell as lm
from logikmodell.graph import LogicModel
from logikmodell.model import NodeKind
from logikmodell.returns import Appraisal
from logikmodell.testing import strategies as lst

_KINDS = [
    NodeKind.RESOURCE,
    NodeKind.ACTIVITY,
    NodeKind.SHORT_TERM_OUTCOME,
    NodeKind.LONG_TERM_OUTCOME,
    NodeKind.IMPACT,
]
_models = lst.logic_models(min_nodes=2, max_nodes=8, kinds=_KINDS).filter(
    lambda model: bool(model.transfers)
)


def _appraise(model: LogicModel) -> Appraisal | None:
    try:
        return lm.appraise(model)
    except lm.AppraisalError as exc:
        message = str(exc)
    assert "no resource has a cost" in message or "no outcome is valued" in message
    return None


@given(_models)
def test_the_actors_nets_sum_to_npv_exactly_and_when_written(model: LogicModel) -> None:
    appraisal = _appraise(model)
    if appraisal is None:
        return
    ledgers = appraisal.actors.values()
    assert sum((ledger.net for ledger in ledgers), Fraction()) == appraisal.npv
    moved = sum(appraisal.transfers.values(), Fraction())
    assert sum((ledger.transfers_in for ledger in ledgers), Fraction()) == moved
    assert sum((ledger.transfers_out for ledger in ledgers), Fraction()) == moved
    data = appraisal.to_dict()
    actors = data["actors"]
    assert isinstance(actors, dict)
    written = sum(Fraction(figures["net"]) for figures in actors.values())
    assert written == Fraction(str(data["npv"]))  # to the öre
    for figures in actors.values():
        for key in ("transfers_in", "transfers_out", "net"):
            assert Fraction(figures[key]).denominator in (1, 2, 4, 5, 10, 20, 25, 50, 100)


@given(_models)
def test_transfers_leave_the_society_totals_unchanged(model: LogicModel) -> None:
    appraisal = _appraise(model)
    if appraisal is None:
        return
    bare = model.copy()
    for transfer in model.transfers:
        bare.remove_transfer(transfer.id)
    without = lm.appraise(bare)
    assert (appraisal.pv_costs, appraisal.pv_benefits) == (without.pv_costs, without.pv_benefits)
    assert (appraisal.npv, appraisal.bcr) == (without.npv, without.bcr)
    assert appraisal.by_type == without.by_type
    assert appraisal.payback_year == without.payback_year
    # Year rows past the last cost or benefit year may differ in number, not in figures.
    for with_row, bare_row in zip(appraisal.years, without.years, strict=False):
        assert with_row == bare_row
