"""Local invariants are checked when a value is made, with errors naming the field."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest

from logikmodell import (
    Activity,
    Actor,
    Direction,
    Economics,
    Effect,
    Evidence,
    Indicator,
    InvalidValueError,
    Link,
    LongTermOutcome,
    Observation,
    Period,
    RateBand,
    Resource,
    Risk,
    TargetGroup,
)


def field_error(field: str) -> pytest.RaisesExc[InvalidValueError]:
    return pytest.raises(InvalidValueError, match=f"^{field}: ")


@pytest.mark.parametrize("bad", ["", "a b", "a/b", "x" * 101, "a:b", "å\n"])
def test_id_syntax(bad: str) -> None:
    with field_error("id"):
        Activity(id=bad, label="A")


@pytest.mark.parametrize("good", ["a", "frånvaro", "A-1.2_b", "x" * 100, "Ωmega", "7"])
def test_id_syntax_accepts(good: str) -> None:
    assert Activity(id=good, label="A").id == good


def test_label_required_non_empty() -> None:
    with field_error("label"):
        Activity(id="a", label="  ")


def test_exactly_one_cost_form() -> None:
    with field_error("cost"):
        Resource(id="r", label="R", cost="1 SEK", quantity="1 hour", unit_cost="1 SEK/hour")
    with field_error("unit_cost"):
        Resource(id="r", label="R", quantity="1 hour")
    with field_error("quantity"):
        Resource(id="r", label="R", unit_cost="1 SEK/hour")
    assert Resource(id="r", label="R").cost is None  # no cost at all is allowed (LM603)


def test_schedule_sums_to_exactly_one() -> None:
    r = Resource(id="r", label="R", cost="1 SEK", schedule={0: 0.6, 1: 0.3, 2: 0.1})
    assert r.years == {0: Fraction(3, 5), 1: Fraction(3, 10), 2: Fraction(1, 10)}
    with field_error("schedule"):
        Resource(id="r", label="R", cost="1 SEK", schedule={0: 0.5, 1: 0.49})
    with field_error("schedule"):
        Resource(id="r", label="R", cost="1 SEK", schedule={})
    with field_error("schedule"):
        Resource(id="r", label="R", cost="1 SEK", schedule={-1: 1})
    with field_error("schedule"):
        Resource(id="r", label="R", cost="1 SEK", year=1, schedule={0: 1})
    assert Resource(id="r", label="R", cost="1 SEK", year=3).years == {3: 1}
    assert Resource(id="r", label="R", cost="1 SEK").years == {0: 1}


@pytest.mark.parametrize("field", ["deadweight", "attribution", "displacement", "drop_off"])
@pytest.mark.parametrize("value", [-0.01, 1.01, 2])
def test_fractions_in_unit_interval(field: str, value: float) -> None:
    with field_error(field):
        LongTermOutcome(id="g", label="G", **{field: value})  # type: ignore[arg-type]


def test_share_range_and_precision() -> None:
    assert Link(from_id="a", to_id="b", share=0.25).share == Fraction(1, 4)
    with field_error("share"):
        Link(from_id="a", to_id="b", share=1.5)
    with field_error("share"):
        Link(from_id="a", to_id="b", share=Fraction(1, 3))  # no exact decimal to write


def test_enums_accept_values_and_refuse_others() -> None:
    link = Link(from_id="a", to_id="b", effect="decreases", evidence="research")
    assert link.effect is Effect.DECREASES
    assert link.evidence is Evidence.RESEARCH
    assert LongTermOutcome(id="g", label="G", direction="decrease").direction is Direction.DECREASE
    with field_error("effect"):
        Link(from_id="a", to_id="b", effect="up")
    with field_error("direction"):
        LongTermOutcome(id="g", label="G", direction="up")


@pytest.mark.parametrize("field", ["likelihood", "consequence"])
@pytest.mark.parametrize("value", [0, 6, True, 2.5])
def test_risk_scores_are_1_to_5(field: str, value: object) -> None:
    scores = {"likelihood": 3, "consequence": 3, field: value}
    with field_error(field):
        Risk(id="r", label="R", **scores)  # type: ignore[arg-type]


def test_risk_score() -> None:
    assert Risk(id="r", label="R", likelihood=3, consequence=4).score == 12


def test_years_and_durations() -> None:
    with field_error("start_year"):
        LongTermOutcome(id="g", label="G", start_year=-1)
    with field_error("duration_years"):
        LongTermOutcome(id="g", label="G", duration_years=0)
    with field_error("horizon_years"):
        Economics(horizon_years=-1)
    with field_error("size"):
        TargetGroup(label="T", size=-1)


def test_period_order() -> None:
    with field_error("end"):
        Period(start=dt.date(2027, 1, 1), end=dt.date(2026, 1, 1))


def test_discount_rates() -> None:
    assert Economics().discount_rate == Fraction(35, 1000)
    with field_error("discount_rate"):
        Economics(discount_rate=1)
    with field_error("discount_rate"):
        Economics(discount_rate=(RateBand(from_year=1, rate=0.03),))
    with field_error("discount_rate"):
        Economics(
            discount_rate=(RateBand(from_year=0, rate=0.03), RateBand(from_year=0, rate=0.02))
        )
    schedule = Economics(
        discount_rate=(RateBand(from_year=0, rate=0.035), RateBand(from_year=31, rate=0.03))
    )
    assert schedule.rate(0) == schedule.rate(30) == Fraction(35, 1000)
    assert schedule.rate(31) == schedule.rate(100) == Fraction(3, 100)


def test_observation_and_indicator() -> None:
    obs = Observation(value=-12.5, date=dt.date(2026, 1, 1))
    assert obs.value == Fraction(-25, 2)
    ind = Indicator(id="i", measures="n", label="I", baseline=obs, measurements=[obs])
    assert ind.measurements == (obs,)
    with field_error("value"):
        Observation(value=10**16)


def test_values_are_frozen_and_hashable() -> None:
    actor = Actor(id="a", label="A", metadata={"k": [1]})
    with pytest.raises(AttributeError):
        actor.label = "B"  # type: ignore[misc]
    assert hash(actor) == hash(Actor(id="a", label="A"))
    assert actor != Actor(id="a", label="A")  # metadata counts for equality
