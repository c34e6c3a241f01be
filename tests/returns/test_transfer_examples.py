"""The worked examples of transfers in examples/, against figures computed by hand."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import logikmodell as lm
from logikmodell.model import ValueType
from logikmodell.numbers import format_money

EXAMPLES = Path(__file__).parent.parent.parent / "examples"


def _df(year: int) -> Fraction:
    return 1 / Fraction(1035, 1000) ** year


def test_the_outcome_contract_by_hand() -> None:
    model = lm.load(EXAMPLES / "utfallskontrakt.yaml")
    appraisal = lm.appraise(model)
    loan = 3_000_000 + 4_000_000 * _df(1) + 3_000_000 * _df(2)
    assert appraisal.pv_costs == loan  # the team costs what the investor lends
    # Fewer re-placements: 10 × (1 − 0.25) = 7.5 persons in year 3, 7.5 × 0.7 in year 4.
    persons = Fraction(15, 2) * _df(3) + Fraction(525, 100) * _df(4)
    fiscal = 700_000 * persons
    # Better school results: 15 × (1 − 0.4) = 9 persons in years 3, 4 and 5.
    school = 9 * (_df(3) + _df(4) + _df(5))
    economic, social = 60_000 * school, 40_000 * school
    assert appraisal.pv_benefits == fiscal + economic + social
    cases = appraisal.by_type
    assert cases[ValueType.FISCAL].npv == fiscal - loan  # the financial case
    assert cases[ValueType.FISCAL].npv < 0 < appraisal.npv  # the social case pays
    assert cases[ValueType.ECONOMIC].pv_benefits == fiscal + economic
    # The investor: lends 10 MSEK, gets 40 % back in year 5 and 60 % of each krona
    # saved (0.6 × 700 000 = 420 000 SEK per person and year of impact).
    fixed = 4_000_000 * _df(5)
    by_outcome = 420_000 * persons
    assert appraisal.transfers == {"lan": loan, "fast": fixed, "utfall": by_outcome}
    investor = appraisal.actors["investor"]
    assert investor.transfers_out == loan
    assert investor.transfers_in == fixed + by_outcome
    assert investor.net == fixed + by_outcome - loan
    soc = appraisal.actors["soc"]
    assert soc.net == fiscal - loan + loan - fixed - by_outcome
    assert sum(ledger.net for ledger in appraisal.actors.values()) == appraisal.npv
    # Undiscounted, the investor gets 4 + 0.42 × 12.75 = 9.355 MSEK back: within the
    # contract's ceiling (10 MSEK and a return of at most 20 %).
    assert 4_000_000 + 420_000 * Fraction(1275, 100) == 9_355_000 <= 12_000_000


def test_the_fund_repayment_by_hand() -> None:
    model = lm.load(EXAMPLES / "aterforing-fond.yaml")
    appraisal = lm.appraise(model)
    loan = 1_000_000 + 1_000_000 * _df(1)
    amortisation = _df(2) + _df(3) + _df(4) + _df(5)
    assert appraisal.transfers == {
        "lan": loan,
        "ater-soc": 400_000 * amortisation,
        "ater-utb": 100_000 * amortisation,
    }
    fund = appraisal.actors["fond"]
    assert fund.net == 500_000 * amortisation - loan  # 2 MSEK back, later: less today
    utb = appraisal.actors["utb"]
    assert utb.transfers_out == 100_000 * amortisation
    assert sum(ledger.net for ledger in appraisal.actors.values()) == appraisal.npv
    bare = model.copy()
    for transfer in model.transfers:
        bare.remove_transfer(transfer.id)
    assert lm.appraise(bare).npv == appraisal.npv


def test_the_examples_are_valid_and_round_trip() -> None:
    for name in ("utfallskontrakt.yaml", "aterforing-fond.yaml"):
        model = lm.load(EXAMPLES / name)
        assert not lm.validate(model).errors
        assert lm.loads(lm.dumps(model)) == model


def _written(text: object) -> str:
    """A JSON money string as the docs write it: ``−1,727,517.01``."""
    return format_money(Fraction(str(text)), group=True, minus="−", lang="en")


def test_the_docs_quote_the_figures_the_command_writes() -> None:
    page = (EXAMPLES.parent / "docs" / "returns.md").read_text(encoding="utf-8")
    contract = lm.appraise(lm.load(EXAMPLES / "utfallskontrakt.yaml")).to_dict()
    actors = contract["actors"]
    cases = contract["by_type"]
    assert isinstance(actors, dict)
    assert isinstance(cases, dict)
    investor = actors["investor"]
    quoted = [
        contract["npv"],
        cases["fiscal"]["npv"],
        investor["transfers_in"],
        investor["transfers_out"],
        investor["net"],
        actors["soc"]["net"],
    ]
    fund = lm.appraise(lm.load(EXAMPLES / "aterforing-fond.yaml")).to_dict()
    fund_actors = fund["actors"]
    assert isinstance(fund_actors, dict)
    quoted += [fund["npv"], fund_actors["fond"]["net"], fund_actors["utb"]["net"]]
    for figure in quoted:
        assert _written(figure) in page, figure
