"""Actual spending on resources and the aggregation of indicators, in the file format."""

from __future__ import annotations

import pytest

import logikmodell as lm
from logikmodell.io.schema import json_schema

_MODEL = """\
logikmodell: 1
title: T
nodes:
  - {{id: r, kind: resource, label: R, cost: 100 SEK, actuals: {actuals}}}
  - {{id: a, kind: activity, label: A}}
indicators:
  - {{id: i, measures: a, label: I, aggregation: {aggregation}}}
"""


def _load(actuals: str, aggregation: str = "period") -> lm.LogicModel:
    return lm.loads(_MODEL.format(actuals=actuals, aggregation=aggregation))


@pytest.mark.parametrize("fmt", ["yaml", "json", "toml"])
def test_actuals_and_aggregation_round_trip(fmt: str) -> None:
    model = _load(
        '[{year: 1, amount: 40 SEK, note: Ekonomisystemet}, {year: 0, amount: "0,5 kSEK"}]',
        "cumulative",
    )
    (resource,) = model.of_type(lm.Resource)
    assert [(a.year, str(a.amount), a.note) for a in resource.actuals] == [
        (1, "40 SEK", "Ekonomisystemet"),
        (0, "0.5 kSEK", None),
    ]
    assert model.indicators[0].aggregation is lm.Aggregation.CUMULATIVE
    text = lm.dumps(model, fmt)
    assert lm.loads(text, fmt) == model
    assert lm.dumps(lm.loads(text, fmt), fmt) == text


def test_period_is_the_default_and_is_not_written() -> None:
    model = _load("[]")
    assert model.indicators[0].aggregation is lm.Aggregation.PERIOD
    assert "aggregation" not in lm.dumps(model)
    assert "actuals" not in lm.dumps(model)


@pytest.mark.parametrize(
    ("actuals", "aggregation", "message"),
    [
        (
            "[{year: 0, amount: 4 EUR}]",
            "period",
            "$.nodes[0].actuals[0].amount: expected an amount in SEK",
        ),
        (
            "[{year: 0, amount: 4 SEK}, {year: 0, amount: 5 SEK}]",
            "period",
            "$.nodes[0].actuals: year 0 is given twice",
        ),
        (
            "[{year: -1, amount: 4 SEK}]",
            "period",
            "$.nodes[0].actuals[0].year: expected a whole number",
        ),
        ("[{amount: 4 SEK}]", "period", "$.nodes[0].actuals[0].year: required key missing"),
        ("[]", "sum", "$.indicators[0].aggregation: expected one of period, cumulative"),
    ],
)
def test_bad_actuals_and_aggregation_are_load_errors(
    actuals: str, aggregation: str, message: str
) -> None:
    with pytest.raises(lm.LoadError) as caught:
        _load(actuals, aggregation)
    assert any(message in line for line in caught.value.lines()), caught.value.lines()


def test_schema_describes_actuals_and_aggregation() -> None:
    schema = json_schema()
    (resource,) = [
        item
        for item in schema["properties"]["nodes"]["items"]["oneOf"]
        if item["properties"]["kind"]["const"] == "resource"
    ]
    actual = resource["properties"]["actuals"]["items"]
    assert actual["required"] == ["year", "amount"]
    assert actual["properties"]["year"]["minimum"] == 0
    aggregation = schema["properties"]["indicators"]["items"]["properties"]["aggregation"]
    assert aggregation["enum"] == ["period", "cumulative"]
    assert aggregation["default"] == "period"
