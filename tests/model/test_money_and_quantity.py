"""Quantities as written, and exact money."""

from __future__ import annotations

from fractions import Fraction

import pytest

from logikmodell import Money, Quantity
from logikmodell.model import money


def test_quantity_parse_and_text() -> None:
    q = Quantity.parse("620 000 SEK/year")
    assert q == Quantity(value=620000, unit="SEK/year")
    assert str(q) == "620 000 SEK/year"
    assert Quantity.parse(str(q)) == q
    assert str(Quantity(value=Fraction(5, 2))) == "2.5"
    with pytest.raises(ValueError, match="must be ≥ 0"):
        Quantity.parse("-1 SEK")
    with pytest.raises(ValueError, match="at most 10\\^15"):
        Quantity.parse("2e15 SEK")
    with pytest.raises(ValueError, match="no exact decimal"):
        Quantity(value=Fraction(1, 3), unit="SEK")


def test_money() -> None:
    a = Money("1240000.005")
    assert a.ore == 124000001
    assert a.format() == "1240000.01"
    assert Money("-0.005").format() == "-0.01"
    assert (Money(10) + Money(5)).amount == 15
    assert (Money(10) - Money(15)).format() == "-5.00"
    assert [p.format() for p in Money(10).allocate([1, 1, 1])] == ["3.34", "3.33", "3.33"]
    assert sum((p.ore for p in Money(10).allocate([1, 1, 1])), 0) == 1000
    assert (Money(3) * 2).amount == 6
    assert str(Money(1240000)) == "1 240 000 SEK"
    with pytest.raises(ValueError, match="cannot combine SEK and EUR"):
        Money(1) + Money(1, "EUR")


def test_the_model_still_offers_the_number_helpers() -> None:
    import logikmodell.model
    import logikmodell.numbers

    assert money.allocate is logikmodell.numbers.allocate
    assert money.format_ore is logikmodell.numbers.format_ore
    assert money.round_half_away is logikmodell.numbers.round_half_away
    assert logikmodell.model.allocate is logikmodell.numbers.allocate
