"""Reading an indicator's frequency, and when its next measurement is due."""

from __future__ import annotations

import datetime as dt

import pytest

import logikmodell as lm
from logikmodell.followup.due import Frequency, latest_measurement_date, overdue, parse_frequency


@pytest.mark.parametrize(
    ("text", "months", "days"),
    [
        ("month", 1, 0),
        ("Monthly", 1, 0),
        ("månadsvis", 1, 0),
        ("varje månad", 1, 0),
        ("quarter", 3, 0),
        ("kvartal", 3, 0),
        ("half-year", 6, 0),
        ("halvår", 6, 0),
        ("semi annual", 6, 0),
        ("year", 12, 0),
        ("årligen", 12, 0),
        ("every 2 years", 24, 0),
        ("6 månader", 6, 0),
        ("week", 0, 7),
        ("2 veckor", 0, 14),
        ("daily", 0, 1),
    ],
)
def test_frequencies_in_english_and_swedish(text: str, months: int, days: int) -> None:
    assert parse_frequency(text) == Frequency(months=months, days=days)


@pytest.mark.parametrize("text", [None, "", "vid behov", "3", "0 months", "fortnightly"])
def test_other_text_names_no_interval(text: str | None) -> None:
    assert parse_frequency(text) is None


@pytest.mark.parametrize(
    ("frequency", "date", "after"),
    [
        (Frequency(months=1), dt.date(2027, 1, 31), dt.date(2027, 2, 28)),
        (Frequency(months=1), dt.date(2028, 1, 31), dt.date(2028, 2, 29)),
        (Frequency(months=3), dt.date(2026, 11, 30), dt.date(2027, 2, 28)),
        (Frequency(months=12), dt.date(2028, 2, 29), dt.date(2029, 2, 28)),
        (Frequency(months=1), dt.date(2026, 12, 15), dt.date(2027, 1, 15)),
        (Frequency(days=7), dt.date(2026, 12, 28), dt.date(2027, 1, 4)),
    ],
)
def test_one_interval_after_a_date(frequency: Frequency, date: dt.date, after: dt.date) -> None:
    assert frequency.after(date) == after


def _indicator(**fields: object) -> lm.Indicator:
    return lm.Indicator(id="i", measures="s", label="I", **fields)  # type: ignore[arg-type]


def test_overdue_names_the_last_value_and_the_due_date() -> None:
    indicator = _indicator(
        frequency="quarter",
        baseline=lm.Observation(value=1, date=dt.date(2026, 1, 15)),
        measurements=(lm.Observation(value=2, date=dt.date(2026, 4, 30)),),
    )
    late = overdue(indicator, dt.date(2026, 8, 1))
    assert late is not None
    assert (late.last, late.baseline, late.due) == (
        dt.date(2026, 4, 30),
        False,
        dt.date(2026, 7, 30),
    )
    assert overdue(indicator, dt.date(2026, 7, 30)) is None
    early = overdue(indicator, dt.date(2026, 4, 29))  # the measurement lies after as_of
    assert early is not None
    assert early.baseline
    assert early.last == dt.date(2026, 1, 15)


def test_latest_measurement_date_of_a_model() -> None:
    assert latest_measurement_date(lm.loads("logikmodell: 1\ntitle: T\n")) is None
    from logikmodell.examples import load_example

    assert latest_measurement_date(load_example()) == dt.date(2027, 6, 30)
