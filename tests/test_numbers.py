"""Exact numbers: parsing, rounding, allocation and the formatters."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from logikmodell.numbers import (
    allocate,
    allocate_equally,
    decimal_text,
    format_decimal,
    format_money,
    format_ore,
    parse_number,
    round_conserving,
    round_half_away,
    split_number,
    to_fraction,
    to_json_number,
)


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


def test_format_ore() -> None:
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


@given(
    st.integers(-(10**12), 10**12),
    st.lists(st.integers(0, 10**6), min_size=1, max_size=12),
)
def test_allocate_of_integer_weights_is_the_exact_definition(
    total: int, weights: list[int]
) -> None:
    parts = allocate(total, weights)
    weight_sum = sum(weights)
    if weight_sum == 0:
        assert parts == [0] * len(weights)
        return
    assert parts == _allocate_by_fractions(total, [Fraction(w) for w in weights])
    assert sum(parts) == total
    for part, weight in zip(parts, weights, strict=True):
        assert abs(part - Fraction(total * weight, weight_sum)) < 1


@given(st.integers(0, 10**6), st.lists(st.integers(1, 50), min_size=1, max_size=6))
def test_allocate_gives_the_same_parts_for_scaled_weights(total: int, weights: list[int]) -> None:
    # Integer weights and the same weights as fractions of their sum split alike.
    shares = [Fraction(w, sum(weights)) for w in weights]
    assert allocate(total, weights) == allocate(total, shares)


def test_allocate_breaks_ties_towards_the_earlier_part() -> None:
    assert allocate(2, [1, 1, 1]) == [1, 1, 0]
    assert allocate(-2, [1, 1, 1]) == [-1, -1, 0]
    assert allocate(1, [Fraction(1, 2), 1, Fraction(1, 2)]) == [0, 1, 0]


@given(st.integers(-(10**9), 10**9), st.integers(0, 40))
def test_allocate_equally_is_allocate_with_equal_weights(total: int, count: int) -> None:
    assert allocate_equally(total, count) == allocate(total, [1] * count)


@given(
    st.lists(st.fractions(min_value=-(10**6), max_value=10**6, max_denominator=10**4), max_size=10)
)
def test_round_conserving_sums_to_the_rounded_total(values: list[Fraction]) -> None:
    parts = round_conserving(values)
    total = sum(values, Fraction(0))
    assert sum(parts) == round_half_away(total * 100)
    for part, value in zip(parts, values, strict=True):
        assert abs(part - value * 100) < 1
    assert round_conserving(values, total) == parts


def test_round_conserving_gives_the_left_over_ore_to_the_largest_remainders() -> None:
    assert round_conserving([Fraction(1, 300)] * 3) == [1, 0, 0]
    assert round_conserving([Fraction(4, 1000), Fraction(6, 1000)]) == [0, 1]
    assert round_conserving([]) == []


def test_the_plain_formats_are_those_of_json_and_the_tables() -> None:
    assert format_money(Fraction(1, 200)) == "0.01"
    assert format_money(Fraction(-1, 200)) == "-0.01"
    assert format_money(Fraction(444281240, 100), group=True, minus="−") == "4 442 812.40"
    assert format_money(-0.125, group=True, minus="−") == "−0.13"
    assert format_money(Fraction(5), currency="SEK") == "5.00 SEK"
    assert format_decimal(Fraction(35, 2), group=True, places=2) == "17.5"
    assert format_decimal(Fraction(-200, 3), group=True, places=2, minus="−") == "−66.67"
    assert format_decimal(Fraction(1, 3), places=0) == "0"


def test_the_languages_of_the_diagram() -> None:
    assert format_decimal(Fraction(24690, 20), group=True, lang="sv") == "1\u00a0234,5"
    assert format_decimal(Fraction(24690, 20), group=True, lang="en") == "1,234.5"
    assert format_ore(248_000_050, group=True, places=0, currency="SEK", lang="sv") == (
        "2\u00a0480\u00a0001\u00a0kr"
    )
    assert format_ore(248_000_049, group=True, places=0, currency="SEK", lang="en") == (
        "SEK\u00a02,480,000"
    )
    assert format_ore(100, places=0, currency="EUR", lang="sv") == "1\u00a0€"
    assert format_ore(-40, places=0, minus="−", currency="SEK", lang="sv") == "−0\u00a0kr"
    assert format_ore(12345, places=1, group=True, lang="sv") == "123,5"


def test_decimal_text_is_exact_where_the_decimals_end() -> None:
    assert decimal_text(Fraction(12)) == "12"
    assert decimal_text(Fraction(125, 2)) == "62.5"
    assert decimal_text(Fraction(-1, 8)) == "-0.125"
    assert decimal_text(Fraction(10**15 + 1, 10)) == "100000000000000.1"
    assert decimal_text(Fraction(200, 3)) == "66.6667"
    assert decimal_text(Fraction(1, 3) + 99) == "99.3333"


def test_thin_spaces_group_thousands_as_the_format_page_says() -> None:
    assert split_number("1\u2009240\u2009000\u2009SEK") == (Fraction(1240000), "SEK")
    assert split_number("1\u2009240\u00a0000\u202f500") == (Fraction(1240000500), "")


def test_a_ratio_past_the_float_range_is_null_in_json() -> None:
    assert to_json_number(Fraction(3, 2)) == 1.5
    assert to_json_number(Fraction(10**400)) is None
    assert to_json_number(-Fraction(10**400)) is None
    assert to_json_number(float("inf")) is None
    assert to_json_number(Fraction(1, 10**400)) == 0.0
