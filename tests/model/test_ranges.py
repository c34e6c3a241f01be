"""Sensitivity ranges in the file format: `<field>_low` and `<field>_high`."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import logikmodell as lm
from logikmodell.io.schema import json_schema
from logikmodell.model import Economics, Quantity, RateBand, Resource, Valuation

_MODEL = """logikmodell: 1
title: T
economics: {discount_rate: 0.035, discount_rate_low: 0.01, discount_rate_high: 0.05}
actors: [{id: a, label: A}]
nodes:
  - {id: r, kind: resource, label: R, cost: 100 SEK, cost_low: 80 SEK, cost_high: 150 SEK}
  - id: o
    kind: long_term_outcome
    label: O
    quantity: 2 person
    quantity_high: 3 person
    deadweight: 0.2
    deadweight_low: 0.1
    drop_off: 0.1
    drop_off_low: 0
    drop_off_high: 0.3
    values: [{actor: a, amount: 10 SEK/person/year, amount_low: 5 SEK/person/year}]
"""


@pytest.mark.parametrize("fmt", ["yaml", "json", "toml"])
def test_ranges_round_trip(fmt: str) -> None:
    model = lm.loads(_MODEL)
    assert lm.loads(lm.dumps(model, fmt), fmt) == model


def test_ranges_are_written_next_to_their_value() -> None:
    text = lm.dumps(lm.loads(_MODEL))
    assert "  cost: 100 SEK\n  cost_low: 80 SEK\n  cost_high: 150 SEK\n" in text
    assert "  quantity: 2 person\n  quantity_high: 3 person\n  deadweight: 0.2\n" in text
    assert "  discount_rate: 0.035\n  discount_rate_low: 0.01\n  discount_rate_high: 0.05\n" in text
    assert "amount_low: 5 SEK/person/year" in text


def test_model_without_ranges_dumps_as_before() -> None:
    text = lm.dumps(lm.loads(_MODEL.replace("cost_low: 80 SEK, cost_high: 150 SEK", "")))
    assert "cost_low" not in text


@pytest.mark.parametrize(
    ("old", "new", "path", "message"),
    [
        (
            "quantity_high: 3 person",
            "quantity_high: 1 person",
            "$.nodes[1].quantity_high",
            "at least quantity",
        ),
        (
            "quantity_high: 3 person",
            "quantity_high: 3 participant",
            "$.nodes[1].quantity_high",
            "expected a quantity in person or a unit of its dimension (person)",
        ),
        (
            "deadweight_low: 0.1",
            "deadweight_low: 0.3",
            "$.nodes[1].deadweight_low",
            "at most deadweight",
        ),
        ("drop_off_high: 0.3", "drop_off_high: 1.5", "$.nodes[1].drop_off_high", "from 0 to 1"),
        ("cost_low: 80 SEK", "cost_low: 80 kSEK", "$.nodes[0].cost_low", "at most cost"),
        ("cost_low: 80 SEK", "cost_low: 80 EUR", "$.nodes[0].cost_low", "dimension (SEK)"),
        ("cost_low: 80 SEK", "cost_low: 80 dag", "$.nodes[0].cost_low", "unknown unit 'dag'"),
        (
            "discount_rate_high: 0.05",
            "discount_rate_high: 1",
            "$.economics.discount_rate_high",
            "[0, 1)",
        ),
        (
            "discount_rate: 0.035",
            "discount_rate: [{from_year: 0, rate: 0.03}]",
            "$.economics.discount_rate_low",
            "constant discount_rate",
        ),
        (
            "amount_low: 5 SEK",
            "amount_low: 50 SEK",
            "$.nodes[1].values[0].amount_low",
            "at most amount",
        ),
        (
            "quantity_high: 3 person",
            "quantity_hi: 3 person",
            "$.nodes[1].quantity_hi",
            "unknown key",
        ),
    ],
)
def test_bad_ranges_are_load_errors_with_their_path(
    old: str, new: str, path: str, message: str
) -> None:
    with pytest.raises(lm.LoadError) as info:
        lm.loads(_MODEL.replace(old, new))
    problems = [(p.path, p.message) for p in info.value.problems]
    assert any(p == path and message in m for p, m in problems), problems


def test_a_range_in_another_unit_of_the_dimension_is_converted() -> None:
    from logikmodell.returns.parameters import parameters

    text = _MODEL.replace("cost_low: 80 SEK, cost_high: 150 SEK", "cost_low: 0.08 kSEK")
    text = text.replace("amount_low: 5 SEK/person/year", "amount_low: 0.005 kSEK/person/year")
    model = lm.loads(text)
    by_name = {p.name: p for p in parameters(model)}
    assert (by_name["r.cost"].low, by_name["r.cost"].high) == (Fraction(80), Fraction(100))
    assert by_name["o.values[0].amount"].low == 5
    assert by_name["o.values[0].amount"].unit == "SEK/person/year"
    assert "cost_low: 0.08 kSEK" in lm.dumps(model)  # kept as written


def test_a_range_needs_its_value() -> None:
    with pytest.raises(lm.InvalidValueError, match="a range needs quantity"):
        Resource(id="r", label="R", cost="1 SEK", quantity_low="1 year")


def test_one_side_may_be_left_out() -> None:
    value = Valuation(actor="a", amount="10 SEK/person/year", amount_high="12 SEK/person/year")
    assert value.amount_low is None
    assert value.amount_high == Quantity.parse("12 SEK/person/year")


def test_economics_range_only_with_a_constant_rate() -> None:
    assert Economics(discount_rate=0.03, discount_rate_low=0.01).discount_rate_low == Fraction(
        1, 100
    )
    with pytest.raises(lm.InvalidValueError, match="constant discount_rate"):
        Economics(
            discount_rate=(RateBand(from_year=0, rate=0.03),), discount_rate_high=Fraction(1, 10)
        )


def test_schema_lists_every_range() -> None:
    schema = json_schema()
    nodes = schema["properties"]["nodes"]["items"]["oneOf"]
    resource = next(n for n in nodes if n["properties"]["kind"] == {"const": "resource"})
    outcome = next(n for n in nodes if n["properties"]["kind"] == {"const": "impact"})
    for field in ("quantity", "unit_cost", "cost"):
        assert {f"{field}_low", f"{field}_high"} <= set(resource["properties"])
    for field in ("quantity", "deadweight", "attribution", "displacement", "drop_off"):
        assert {f"{field}_low", f"{field}_high"} <= set(outcome["properties"])
    valuation = outcome["properties"]["values"]["items"]["properties"]
    assert {"amount_low", "amount_high"} <= set(valuation)
    economics = schema["properties"]["economics"]["properties"]
    assert economics["discount_rate_high"]["exclusiveMaximum"] == 1


@given(low=st.integers(0, 100), value=st.integers(0, 100), high=st.integers(0, 100))
def test_fraction_ranges_accept_exactly_the_ordered_triples(
    low: int, value: int, high: int
) -> None:
    text = _MODEL.replace(
        "deadweight: 0.2\n    deadweight_low: 0.1",
        f"deadweight: {value / 100}\n    deadweight_low: {low / 100}\n"
        f"    deadweight_high: {high / 100}",
    )
    if low <= value <= high:
        assert lm.loads(text).node("o").deadweight_high == Fraction(high, 100)  # type: ignore[attr-defined]
    else:
        with pytest.raises(lm.LoadError):
            lm.loads(text)
