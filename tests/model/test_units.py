"""The unit registry: currencies, counts, time; exact factors; no milli for money."""

from __future__ import annotations

import re
from fractions import Fraction
from pathlib import Path

import pytest

from logikmodell import Quantity, UnitError
from logikmodell.model.units import (
    UNIT_NAMES,
    convert,
    require_count,
    require_currency,
    resolve,
    resolve_unit,
)


@pytest.mark.parametrize(
    ("unit", "factor"),
    [
        ("SEK", 1),
        ("kr", 1),
        ("kSEK", 1000),
        ("tkr", 1000),
        ("MSEK", 10**6),
        ("mnkr", 10**6),
        ("Mkr", 10**6),
        ("MEUR", 10**6),
    ],
)
def test_currency_units(unit: str, factor: int) -> None:
    value, dimension = resolve_unit(unit)
    assert value == factor
    assert len(dimension.currencies) == 1


def test_time_is_exact() -> None:
    year = resolve(Quantity.parse("1 year")).value
    assert resolve(Quantity.parse("12 month")).value == year
    assert resolve(Quantity.parse("4 quarter")).value == year
    assert resolve(Quantity.parse("1 day")).value * Fraction(36525, 100) == year
    assert resolve(Quantity.parse("1 week")).value == 7 * resolve(Quantity.parse("1 day")).value


def test_percent_is_dimensionless() -> None:
    resolved = resolve(Quantity.parse("20 percent"))
    assert resolved.value == Fraction(1, 5)
    assert str(resolved.dimension) == "dimensionless"


@pytest.mark.parametrize(
    "unit", ["person", "participant", "session", "visit", "placement", "fte", "piece"]
)
def test_count_units(unit: str) -> None:
    assert str(require_count("q", Quantity(value=3, unit=unit))) == unit


def test_unit_cost_times_quantity() -> None:
    cost = resolve(Quantity.parse("450 kr/hour"))
    hours = resolve(Quantity.parse("120 hour"))
    assert cost.value * hours.value == 54000
    assert (cost.dimension * hours.dimension).currencies == ("SEK",)


def test_require_currency() -> None:
    assert require_currency("cost", Quantity.parse("1,5 MSEK"), "SEK") == 1500000
    with pytest.raises(UnitError, match="expected an amount in SEK, got 1 EUR"):
        require_currency("cost", Quantity.parse("1 EUR"), "SEK")
    with pytest.raises(UnitError, match=r"cost: expected an amount in SEK.*SEK / time"):
        require_currency("cost", Quantity.parse("1 SEK/year"), "SEK")


@pytest.mark.parametrize("unit", ["mSEK", "µSEK", "fortnight", "SEK +", "kkr"])
def test_unknown_units(unit: str) -> None:
    with pytest.raises(ValueError, match=r"unknown unit|cannot read"):
        resolve_unit(unit)


@pytest.mark.parametrize(
    ("unit", "same_as"),
    [
        ("kr/dygn", "SEK/day"),
        ("kr/mån", "SEK/month"),
        ("kronor/år", "SEK/year"),
        ("Tkr", "kSEK"),
        ("tkr", "kSEK"),
    ],
)
def test_swedish_aliases(unit: str, same_as: str) -> None:
    assert resolve_unit(unit) == resolve_unit(same_as)


@pytest.mark.parametrize(
    ("unit", "message"),
    [
        ("kr/dag", "unknown unit 'dag' in 'kr/dag'; did you mean 'day'?"),
        ("persn", "unknown unit 'persn' in 'persn'; did you mean one of 'person', 'percent'?"),
        ("sek", "did you mean 'SEK'?"),
        ("kronr", "did you mean 'kronor'?"),
        ("fortnight", "'fortnight'; the units are listed in the file format's documentation"),
    ],
)
def test_unknown_units_name_the_closest_known_ones(unit: str, message: str) -> None:
    with pytest.raises(ValueError, match="unknown unit") as info:
        resolve_unit(unit)
    assert message in str(info.value)


def test_every_unit_name_is_documented() -> None:
    text = (Path(__file__).parents[2] / "docs" / "format.md").read_text(encoding="utf-8")
    table = text[text.index("| units |") :]
    table = table[: table.index("\n\n")]
    documented = set(re.findall(r"`([^`]+)`", table))
    assert documented == set(UNIT_NAMES)


def test_convert_between_units_of_one_dimension() -> None:
    assert convert(Quantity.parse("0,5 MSEK"), "kSEK") == 500
    assert convert(Quantity.parse("1 year"), "month") == 12
    assert convert(Quantity.parse("3 SEK/hour"), "SEK/hour") == 3
    with pytest.raises(ValueError, match=r"in SEK or a unit of its dimension \(SEK\), got 5 hour"):
        convert(Quantity.parse("5 hour"), "SEK")
