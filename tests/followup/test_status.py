"""Follow-up (DESIGN §15) on hand-computed cases: every figure is worked out on paper.

The indicator ``i`` runs from baseline 0 on 2026-01-01 to target 100 on 2026-01-11:
ten days, so each day is 0.1 of the expected progress.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from fractions import Fraction

import pytest

import logikmodell as lm
from logikmodell.followup import Flag, Status, follow_up, year_index

_HEAD = """\
logikmodell: 1
title: Uppföljning
period: {start: 2026-01-01, end: 2028-12-31}
nodes:
  - {id: r, kind: resource, label: R, cost: 1000 SEK, schedule: {0: 0.5, 1: 0.5}}
  - {id: a, kind: activity, label: A}
  - {id: o, kind: output, label: O}
  - {id: g, kind: long_term_outcome, label: G, direction: increase}
links:
  - {from: r, to: a}
  - {from: a, to: o}
  - {from: o, to: g}
"""


def _model(indicators: str = "", actuals: str = "") -> lm.LogicModel:
    text = _HEAD
    if actuals:
        schedule = "schedule: {0: 0.5, 1: 0.5}"
        text = text.replace(schedule, f"{schedule}, {actuals}")
    if indicators:
        text += "indicators:\n" + textwrap.indent(textwrap.dedent(indicators).strip(), "  ") + "\n"
    return lm.loads(text)


def _indicator(
    measurements: str,
    *,
    baseline: str = "{value: 0, date: 2026-01-01}",
    target: str = "{value: 100, date: 2026-01-11}",
    measures: str = "g",
) -> str:
    return (
        f"- {{id: i, measures: {measures}, label: I, baseline: {baseline}, target: {target}, "
        f"measurements: [{measurements}]}}"
    )


@pytest.mark.parametrize(
    ("value", "status", "progress"),
    [
        (40, Status.ON_TRACK, Fraction(2, 5)),  # exactly expected − 0.1 = 0.5 − 0.1
        (39, Status.BEHIND, Fraction(39, 100)),  # just below
        (50, Status.ON_TRACK, Fraction(1, 2)),  # exactly on the expected line
        (100, Status.ACHIEVED, Fraction(1)),  # exactly at target
        (120, Status.ACHIEVED, Fraction(6, 5)),  # beyond it
        (-10, Status.BEHIND, Fraction(-1, 10)),  # gone the wrong way
    ],
)
def test_status_at_the_boundaries(value: int, status: Status, progress: Fraction) -> None:
    m = _model(_indicator(f"{{date: 2026-01-06, value: {value}}}"))
    result = follow_up(m).indicator("i")
    # as_of defaults to the latest measurement: 5 of 10 days have passed.
    assert result.expected == Fraction(1, 2)
    assert result.progress == progress
    assert result.status is status


def test_decreasing_indicator_makes_progress_downwards() -> None:
    m = _model(
        _indicator(
            "{date: 2026-01-03, value: 45}",
            baseline="{value: 50, date: 2026-01-01}",
            target="{value: 30, date: 2026-01-11}",
        )
    )
    result = follow_up(m).indicator("i")
    assert result.progress == Fraction(1, 4)  # (45 − 50) / (30 − 50)
    assert result.expected == Fraction(1, 5)
    assert result.status is Status.ON_TRACK
    worse = _model(
        _indicator(
            "{date: 2026-01-03, value: 55}",
            baseline="{value: 50, date: 2026-01-01}",
            target="{value: 30, date: 2026-01-11}",
        )
    )
    assert follow_up(worse).indicator("i").progress == Fraction(-1, 4)
    assert follow_up(worse).indicator("i").status is Status.BEHIND


def test_the_latest_measurement_on_or_before_as_of_counts() -> None:
    m = _model(
        _indicator(
            "{date: 2026-01-08, value: 90}, {date: 2026-01-03, value: 10}, "
            "{date: 2026-01-05, value: 30}"
        )
    )
    at_5 = follow_up(m, as_of=dt.date(2026, 1, 5)).indicator("i")
    assert at_5.latest is not None
    assert at_5.latest.value == 30
    assert at_5.progress == Fraction(3, 10)
    assert at_5.expected == Fraction(2, 5)
    assert at_5.status is Status.ON_TRACK  # 0.3 ≥ 0.4 − 0.1, exactly
    assert follow_up(m).as_of == dt.date(2026, 1, 8)  # the default: the latest date


def test_expected_is_clamped_to_zero_and_one() -> None:
    m = _model(_indicator("{date: 2025-12-01, value: 5}"))
    before = follow_up(m, as_of=dt.date(2025, 12, 15)).indicator("i")
    assert before.expected == 0
    assert before.progress == Fraction(1, 20)
    assert before.status is Status.ON_TRACK
    after = follow_up(m, as_of=dt.date(2027, 1, 1)).indicator("i")
    assert after.expected == 1
    assert after.status is Status.BEHIND


def test_as_of_before_the_baseline_without_earlier_data_is_no_data() -> None:
    m = _model(_indicator("{date: 2026-01-06, value: 50}"))
    result = follow_up(m, as_of=dt.date(2025, 6, 1)).indicator("i")
    assert result.status is Status.NO_DATA
    assert result.expected == 0
    assert result.progress is None
    assert result.latest is None


@pytest.mark.parametrize(
    ("baseline", "target"),
    [
        ("{value: 0, date: 2026-01-01}", "{value: 100, date: 2026-01-01}"),  # LM305
        ("{value: 0, date: 2026-01-11}", "{value: 100, date: 2026-01-01}"),  # LM305
        ("{value: 0}", "{value: 100, date: 2026-01-11}"),  # no baseline date
        ("{value: 100, date: 2026-01-01}", "{value: 100, date: 2026-01-11}"),  # no distance
    ],
)
def test_unusable_baseline_or_target_is_incomplete(baseline: str, target: str) -> None:
    m = _model(_indicator("{date: 2026-01-06, value: 50}", baseline=baseline, target=target))
    result = follow_up(m).indicator("i")
    assert result.status is Status.INCOMPLETE
    assert result.progress is None
    assert result.expected is None


def test_equal_dates_are_refused_by_lm305_first() -> None:
    m = _model(
        _indicator(
            "{date: 2026-01-06, value: 50}",
            baseline="{value: 0, date: 2026-01-01}",
            target="{value: 100, date: 2026-01-01}",
        )
    )
    assert "LM305" in {finding.code for finding in lm.validate(m).findings}


def test_missing_baseline_or_target_is_incomplete_and_no_measurement_no_data() -> None:
    m = _model(
        """
        - {id: i, measures: g, label: I, measurements: [{date: 2026-01-06, value: 50}]}
        - {id: j, measures: g, label: J, baseline: {value: 0, date: 2026-01-01},
           target: {value: 100, date: 2026-01-11}}
        """
    )
    result = follow_up(m)
    assert result.indicator("i").status is Status.INCOMPLETE
    assert result.indicator("j").status is Status.NO_DATA
    assert result.as_of == dt.date(2026, 1, 6)


def test_process_measures_are_told_apart_from_outcome_indicators() -> None:
    m = _model(
        """
        - {id: p, measures: a, label: P}
        - {id: q, measures: o, label: Q}
        - {id: i, measures: g, label: I}
        """
    )
    by_id = {status.id: status for status in follow_up(m).indicators}
    assert [by_id[i].process for i in "pqi"] == [True, True, False]
    assert [by_id[i].goal for i in "pqi"] == [False, False, True]
    assert follow_up(m).to_dict()["indicators"]["p"]["kind"] == "process"  # type: ignore[index]


# ---------------------------------------------------------------------- spend
def test_spend_counts_years_up_to_the_as_of_year() -> None:
    m = _model(actuals="actuals: [{year: 0, amount: 600 SEK}, {year: 1, amount: 300 SEK}]")
    in_year_0 = follow_up(m, as_of=dt.date(2026, 6, 30))
    assert in_year_0.year == 0
    (r,) = in_year_0.resources
    assert (r.planned, r.spent, r.planned_total) == (50_000, 60_000, 100_000)
    assert in_year_0.spend_ratio == Fraction(3, 5)
    in_year_1 = follow_up(m, as_of=dt.date(2027, 1, 1))
    assert (in_year_1.planned, in_year_1.spent) == (100_000, 90_000)
    assert in_year_1.spend_ratio == Fraction(9, 10)
    before = follow_up(m, as_of=dt.date(2025, 12, 31))
    assert (before.planned, before.spent, before.year) == (0, 0, -1)
    data = in_year_1.to_dict()["spend"]
    assert data == {
        "currency": "SEK",
        "planned_total": "1000.00",
        "planned": "1000.00",
        "spent": "900.00",
        "spend_ratio": 0.9,
        "resources": {
            "r": {
                "planned_total": "1000.00",
                "planned": "1000.00",
                "spent": "900.00",
                "spend_ratio": 0.9,
            }
        },
    }


def test_year_index_falls_back_to_the_price_year() -> None:
    m = lm.loads("logikmodell: 1\ntitle: T\nprice_year: 2025\n")
    assert year_index(m, dt.date(2027, 3, 1)) == 2
    assert year_index(lm.loads("logikmodell: 1\ntitle: T\n"), dt.date(2027, 3, 1)) is None


# ---------------------------------------------------------------------- flag
@pytest.mark.parametrize(
    ("spent", "value", "flag"),
    [
        (600, 50, Flag.OK),  # progress 0.5 = 0.6 − 0.1, exactly
        (610, 50, Flag.WARNING),  # 0.5 < 0.61 − 0.1
        (750, 50, Flag.WARNING),  # 0.5 = 0.75 − 0.25, exactly: not yet danger
        (760, 50, Flag.DANGER),  # 0.5 < 0.76 − 0.25
        (1000, 150, Flag.OK),  # progress clamped to 1
        (100, -50, Flag.OK),  # progress clamped to 0 = 0.1 − 0.1
        (200, -50, Flag.WARNING),  # 0 < 0.2 − 0.1, but not below 0.2 − 0.25
        (400, -50, Flag.DANGER),  # 0 < 0.4 − 0.25
    ],
)
def test_flag_thresholds(spent: int, value: int, flag: Flag) -> None:
    m = _model(
        _indicator(f"{{date: 2026-01-06, value: {value}}}"),
        actuals=f"actuals: [{{year: 0, amount: {spent} SEK}}]",
    )
    result = follow_up(m)
    assert result.spend_ratio == Fraction(spent, 1000)
    assert result.goal_progress == min(max(Fraction(value, 100), Fraction(0)), Fraction(1))
    assert result.flag is flag


def test_flag_is_no_data_without_a_goal_indicator_with_progress() -> None:
    process_only = _model(
        _indicator("{date: 2026-01-06, value: 50}", measures="o"),
        actuals="actuals: [{year: 0, amount: 600 SEK}]",
    )
    result = follow_up(process_only)
    assert result.indicator("i").status is Status.ON_TRACK
    assert result.goal_progress is None
    assert result.flag is Flag.NO_DATA


def test_json_shape() -> None:
    m = _model(_indicator("{date: 2026-01-06, value: 40}"))
    data = follow_up(m).to_dict()
    assert data["as_of"] == "2026-01-06"
    assert data["flag"] == "ok"  # 0.4 against nothing spent
    assert data["indicators"] == {
        "i": {
            "status": "on_track",
            "progress": 0.4,
            "expected": 0.5,
            "latest": {"date": "2026-01-06", "value": 40},
            "measures": "g",
            "kind": "outcome",
            "aggregation": "period",
        }
    }
