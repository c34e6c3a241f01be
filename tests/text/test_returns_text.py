"""The text form of the returns, for a fund's board."""

from __future__ import annotations

import sys
from pathlib import Path

import logikmodell as lm
from logikmodell.returns import monte_carlo, one_way
from logikmodell.text import returns_text

sys.path.insert(0, str(Path(__file__).parent.parent / "returns"))
from returns_helpers import RANGED, RANGED_ECONOMICS, SIMPLE, model


def test_summary_ledger_break_even_and_years() -> None:
    m = model(SIMPLE)
    text = returns_text(m, lm.appraise(m))
    lines = text.splitlines()
    assert lines[0] == "Returns: Test"
    assert "discounted at 0% a year; benefits counted to year 10." in lines[1]
    assert "  Net present value (NPV)    SEK\u00a0800.00" in lines
    assert "  Benefit–cost ratio (SROI)  1.80: each SEK spent returns SEK\u00a01.80" in lines
    assert "  Payback                    year 2" in lines
    assert any(line.startswith("  Kommunen") and line.endswith("−400.00") for line in lines)
    assert any(line.startswith("  Total") and line.endswith("800.00") for line in lines)
    assert any("2 people expected; break-even at 1.11 people" in line for line in lines)
    assert any(line.split()[:3] == ["1", "0.00", "600.00"] for line in lines)


def test_unassigned_payer_no_payback_and_outcomes_that_pay_regardless() -> None:
    body = SIMPLE.replace("cost: 1000 SEK, payer: kommun", "cost: 5000 SEK")
    m = model(body)
    text = returns_text(m, lm.appraise(m))
    assert "No payer given" in text
    assert "Payback                    not within 10 years" in text
    two = SIMPLE.replace(
        "links:",
        "  - {id: big, kind: impact, label: Big, quantity: 1 person,\n"
        "     values: [{actor: stat, amount: 5000 SEK/person/year}]}\nlinks:",
    )
    m = model(two)
    text = returns_text(m, lm.appraise(m))
    assert "2 people expected; pays off even if none do" in text
    assert "1 people expected; break-even at" not in text  # Big alone pays: 5000 > 1000


def test_declining_schedule_is_named() -> None:
    economics = (
        "economics:\n  discount_rate: [{from_year: 0, rate: 0.035}, {from_year: 31, rate: 0.03}]\n"
    )
    m = model(SIMPLE, economics)
    assert "a declining schedule (3.5% from year 0, 3% from year 31)" in returns_text(
        m, lm.appraise(m)
    )


def test_sensitivity_and_simulation_sections() -> None:
    m = model(RANGED, RANGED_ECONOMICS)
    text = returns_text(
        m, lm.appraise(m), sensitivity=one_way(m), monte_carlo=monte_carlo(m, 100, 4)
    )
    assert "What matters most" in text
    assert "      1 – 4 person (value 2 person)" in text
    assert "      10% – 50% (value 20%)" in text
    assert "Uncertainty (Monte Carlo: 100 draws, seed 4;" in text
    assert "Probability that NPV > 0:" in text


def test_no_ranges_says_so() -> None:
    m = model(SIMPLE)
    text = returns_text(m, lm.appraise(m), sensitivity=one_way(m), monte_carlo=monte_carlo(m, 3))
    assert "No parameter has a range" in text
    assert "every draw is the result above" in text
