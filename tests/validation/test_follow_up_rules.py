"""The follow-up rules: LM307 (a measurement out of its time) and LM308 (a measurement
overdue by the indicator's frequency), with the date LM308 judges at."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import logikmodell as lm
from logikmodell import cli
from logikmodell.i18n import Lang
from logikmodell.validation import get_rule

_HEAD = """\
logikmodell: 1
title: Uppföljning
{period}nodes:
  - {{id: s, kind: short_term_outcome, label: Närvaro, direction: increase}}
indicators:
"""


def _model(*indicators: str, period: str = "period: {start: 2026-01-01, end: 2027-12-31}\n") -> str:
    text = _HEAD.format(period=period)
    for number, body in enumerate(indicators):
        text += f"  - {{id: i{number}, measures: s, label: I{number}, source: Register, {body}}}\n"
    return text


def _found(
    text: str, code: str, *, as_of: dt.date | None = None, lang: Lang = "en"
) -> list[lm.Finding]:
    model = lm.loads(text, "yaml", source="m.yaml")
    return list(lm.validate(model, select=[code], as_of=as_of, lang=lang).findings)


_BASE = "baseline: {value: 1, date: 2026-01-15}, target: {value: 9, date: 2027-06-30}"


# ---------------------------------------------------------------------- LM307
def test_a_measurement_before_the_baseline_is_located_at_its_date() -> None:
    text = _model(f"{_BASE}, measurements: [{{value: 2, date: 2026-01-14}}]")
    (finding,) = _found(text, "LM307")
    assert finding.severity is lm.Severity.WARNING
    assert (finding.subject, finding.path) == ("i0", "$.indicators[0].measurements[0].date")
    line = text.splitlines()[6]
    assert (finding.line, finding.column) == (7, line.index("date: 2026-01-14") + 1)
    assert finding.nodes == ("s",)
    assert "dated 2026-01-14, before its baseline date 2026-01-15" in finding.message


def test_a_measurement_after_the_period_is_found_and_the_days_on_the_edges_are_not() -> None:
    measured = (
        "{value: 2, date: 2026-01-15}, {value: 3, date: 2027-12-31}, {value: 4, date: 2028-01-01}"
    )
    text = _model(f"{_BASE}, measurements: [{measured}]")
    (finding,) = _found(text, "LM307")
    assert finding.path == "$.indicators[0].measurements[2].date"
    assert "dated 2028-01-01, after the investment's period ends on 2027-12-31" in (finding.message)


def test_comparison_measurements_are_held_against_the_comparison_baseline() -> None:
    comparison = (
        "comparison_baseline: {value: 1, date: 2026-03-01}, "
        "comparison_measurements: [{value: 1, date: 2026-02-01}, {value: 1, date: 2026-03-01}]"
    )
    text = _model(f"{_BASE}, measurements: [{{value: 2, date: 2026-02-01}}], {comparison}")
    (finding,) = _found(text, "LM307")
    assert finding.path == "$.indicators[0].comparison_measurements[0].date"
    assert "has a comparison measurement dated 2026-02-01" in finding.message


def test_without_a_period_or_a_baseline_date_nothing_bounds_the_measurements() -> None:
    early_and_late = "measurements: [{value: 2, date: 1990-01-01}, {value: 3, date: 2090-01-01}]"
    assert _found(_model(f"baseline: {{value: 1}}, {early_and_late}", period=""), "LM307") == []


def test_lm307_in_swedish() -> None:
    text = _model(f"{_BASE}, measurements: [{{value: 2, date: 2025-12-31}}]")
    (finding,) = _found(text, "LM307", lang="sv")
    assert finding.message.startswith("Indikatorn 'I0' (i0) för 'Närvaro' (s) har en mätning")
    assert "före utgångsdatumet 2026-01-15" in finding.message


# ---------------------------------------------------------------------- LM308
def _monthly(*dates: str) -> str:
    measured = ", ".join(f"{{value: 2, date: {date}}}" for date in dates)
    return f"frequency: month, {_BASE}, measurements: [{measured}]"


@pytest.mark.parametrize(
    ("as_of", "overdue"),
    [
        (dt.date(2026, 4, 30), False),  # due on 2026-04-30: due today, not overdue
        (dt.date(2026, 5, 1), True),
        (dt.date(2026, 3, 28), False),  # latest 2026-02-28, due on 2026-03-28
    ],
)
def test_overdue_once_the_due_date_has_passed(as_of: dt.date, overdue: bool) -> None:
    # The latest value on or before as_of is 2026-03-31; one month later is 2026-04-30.
    text = _model(_monthly("2026-02-28", "2026-03-31"))
    found = _found(text, "LM308", as_of=as_of)
    assert bool(found) is overdue
    if overdue:
        (finding,) = found
        assert finding.severity is lm.Severity.INFO
        assert (finding.subject, finding.path) == ("i0", "$.indicators[0].frequency")
        assert finding.line == 7
        assert (
            "has the frequency 'month', but its latest measurement is from 2026-03-31: "
            "the next was due on 2026-04-30 and is overdue at 2026-05-01"
        ) in finding.message


def test_measurements_after_as_of_do_not_count() -> None:
    text = _model(_monthly("2026-02-28", "2026-06-30"))
    (finding,) = _found(text, "LM308", as_of=dt.date(2026, 4, 15))
    assert "latest measurement is from 2026-02-28" in finding.message


def test_without_a_measurement_the_baseline_starts_the_clock() -> None:
    text = _model(f"frequency: quarter, {_BASE}")
    assert _found(text, "LM308", as_of=dt.date(2026, 4, 15)) == []
    (finding,) = _found(text, "LM308", as_of=dt.date(2026, 4, 16))
    assert "no measurement since its baseline of 2026-01-15: one was due on 2026-04-15" in (
        finding.message
    )
    assert _found(text, "LM308", as_of=dt.date(2026, 1, 1)) == []  # before the baseline


def test_by_default_the_latest_measurement_of_the_model_is_the_date() -> None:
    monthly = _monthly("2026-08-31")
    yearly = f"frequency: year, {_BASE}, measurements: [{{value: 3, date: 2026-06-30}}]"
    assert _found(_model(monthly, yearly), "LM308") == []
    late = _model(
        _monthly("2026-06-30"),
        "frequency: year, " + _BASE + ", measurements: [{value: 3, date: 2026-09-30}]",
    )
    (finding,) = _found(late, "LM308")
    assert finding.subject == "i0"
    assert "overdue at 2026-09-30" in finding.message


def test_a_plan_without_measurements_gets_no_lm308_unless_a_date_is_given() -> None:
    text = _model(f"frequency: month, {_BASE}")
    assert _found(text, "LM308") == []
    assert len(_found(text, "LM308", as_of=dt.date(2027, 1, 1))) == 1


def test_an_indicator_measured_at_its_target_is_done() -> None:
    text = _model(_monthly("2027-06-30"))
    assert _found(text, "LM308", as_of=dt.date(2029, 1, 1)) == []


@pytest.mark.parametrize("frequency", ["vid behov", "'0 month'", "'3'"])
def test_a_frequency_that_names_no_interval_gives_nothing(frequency: str) -> None:
    text = _model(f"frequency: {frequency}, {_BASE}")
    assert _found(text, "LM308", as_of=dt.date(2030, 1, 1)) == []


def test_lm308_in_swedish_and_through_rule_run() -> None:
    text = _model(_monthly("2026-03-31"))
    (finding,) = _found(text, "LM308", as_of=dt.date(2026, 6, 1), lang="sv")
    assert finding.message.startswith("Indikatorn 'I0' (i0) för 'Närvaro' (s) har frekvensen")
    assert "är försenad per 2026-06-01" in finding.message
    model = lm.loads(text)
    assert get_rule("LM308").run(model, as_of=dt.date(2026, 6, 1), lang="sv")[0] == finding


def test_validate_refuses_an_as_of_that_is_not_a_date() -> None:
    with pytest.raises(TypeError, match="as_of"):
        lm.validate(lm.loads(_model()), as_of="2026-01-01")  # type: ignore[arg-type]


def test_the_command_takes_as_of(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(_model(_monthly("2026-03-31")), encoding="utf-8")
    args = ["validate", str(path), "--select", "LM308", "--format", "json", "--lang", "en"]
    assert cli.main(args) == 0
    assert json.loads(capsys.readouterr().out)["findings"] == []
    assert cli.main([*args, "--as-of", "2026-06-01"]) == 0
    (finding,) = json.loads(capsys.readouterr().out)["findings"]
    assert (finding["code"], finding["line"]) == ("LM308", 7)
    with pytest.raises(SystemExit) as caught:
        cli.main([*args, "--as-of", "1 juni"])
    assert caught.value.code == 2
    assert "expected a date (YYYY-MM-DD)" in capsys.readouterr().err
