"""Exact numbers, quantities and money."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from logikmodell import Money, Quantity
from logikmodell.model import allocate
from logikmodell.model._numbers import format_decimal, parse_number, split_number, to_fraction
from logikmodell.model.money import round_half_away


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("620 000 SEK/year", Fraction(620000), "SEK/year"),
        ("3,5 MSEK", Fraction(7, 2), "MSEK"),
        ("1.5 MSEK", Fraction(3, 2), "MSEK"),
        ("1\u00a0240\u00a0000 kr", Fraction(1240000), "kr"),
        ("1\u202f000 SEK", Fraction(1000), "SEK"),
        ("12 person", Fraction(12), "person"),
        ("0,035", Fraction(35, 1000), ""),
        ("2e3 hour", Fraction(2000), "hour"),
        ("20 percent", Fraction(20), "percent"),
        ("450 kr / hour", Fraction(450), "kr / hour"),
    ],
)
def test_split_number(text: str, value: Fraction, unit: str) -> None:
    assert split_number(text) == (value, unit)


@pytest.mark.parametrize("text", ["many", "1,000,000 SEK", "1 00 SEK", "", "SEK 5", "1e99999 SEK"])
def test_split_number_refuses(text: str) -> None:
    assert split_number(text) is None


def test_decimals_are_exact() -> None:
    assert to_fraction(0.6) + to_fraction(0.3) + to_fraction(0.1) == 1
    assert to_fraction(Decimal("0.1")) == Fraction(1, 10)
    assert parse_number("0,1") == Fraction(1, 10)
    for bad in (float("nan"), float("inf"), Decimal("NaN"), True, "abc", [1]):
        with pytest.raises(ValueError, match="expected"):
            to_fraction(bad)


def test_format_decimal() -> None:
    assert format_decimal(Fraction(1240000)) == "1240000"
    assert format_decimal(Fraction(1240000), group=True) == "1 240 000"
    assert format_decimal(Fraction(-7, 4)) == "-1.75"
    assert format_decimal(Fraction(1, 1000)) == "0.001"
    with pytest.raises(ValueError, match="no exact decimal"):
        format_decimal(Fraction(1, 3))


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


@pytest.mark.parametrize(
    ("value", "expected"),
    [(Fraction(5, 2), 3), (Fraction(-5, 2), -3), (Fraction(249, 100), 2), (Fraction(7), 7)],
)
def test_round_half_away(value: Fraction, expected: int) -> None:
    assert round_half_away(value) == expected


def test_allocate_largest_remainder() -> None:
    assert allocate(100, [1, 1, 1]) == [34, 33, 33]
    assert allocate(-100, [1, 1, 1]) == [-34, -33, -33]
    assert allocate(10, [Fraction(6, 10), Fraction(3, 10), Fraction(1, 10)]) == [6, 3, 1]
    assert allocate(1, [1, 1]) == [1, 0]  # ties go to the earlier part
    assert allocate(7, [0, 0]) == [0, 0]
    assert allocate(0, [1, 2]) == [0, 0]
    assert allocate(5, [2, 1, 0]) == [3, 2, 0]
    with pytest.raises(ValueError, match="non-negative"):
        allocate(5, [2, -1])


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


def test_format_ore() -> None:
    from logikmodell.model.money import format_ore

    assert format_ore(124000001) == "1240000.01"
    assert format_ore(124000001, group=True) == "1 240 000.01"
    assert format_ore(-5) == "-0.05"
    assert format_ore(-123456, group=True, minus="−") == "−1 234.56"
    assert format_ore(0) == "0.00"


def _allocate_by_fractions(total: int, weights: list[Fraction]) -> list[int]:
    """The definition: floors of the exact shares, then the largest remainders."""
    whole = sum(weights, Fraction(0))
    exact = [abs(total) * w / whole for w in weights]
    parts = [e.numerator // e.denominator for e in exact]
    order = sorted(range(len(weights)), key=lambda i: (-(exact[i] - parts[i]), i))
    for i in order[: abs(total) - sum(parts)]:
        parts[i] += 1
    return [p if total >= 0 else -p for p in parts]


@given(
    st.integers(-(10**12), 10**12),
    st.lists(st.fractions(min_value=0, max_value=10, max_denominator=1000), min_size=1, max_size=8),
)
def test_allocate_is_the_largest_remainder_method(total: int, weights: list[Fraction]) -> None:
    parts = allocate(total, weights)
    if sum(weights) == 0:
        assert parts == [0] * len(weights)
        return
    assert parts == _allocate_by_fractions(total, weights)
    assert sum(parts) == total
