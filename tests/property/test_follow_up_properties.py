"""Follow-up never raises on generated models, and its figures keep their invariants."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

import logikmodell as lm
from logikmodell.costs.resources import resource_cost
from logikmodell.followup import BEHIND_MARGIN, Flag, Status, follow_up
from logikmodell.testing import strategies as lst


@given(lst.logic_models(), st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2080, 12, 31)))
def test_follow_up_never_raises_and_keeps_its_invariants(
    model: lm.LogicModel, as_of: dt.date | None
) -> None:
    result = follow_up(model, as_of=as_of)
    assert len(result.indicators) == len(model.indicators)
    for status in result.indicators:
        if status.expected is not None:
            assert 0 <= status.expected <= 1
        if status.status is Status.ACHIEVED:
            assert status.progress is not None
            assert status.progress >= 1
        elif status.status is Status.ON_TRACK:
            assert status.progress is not None
            assert status.expected is not None
            assert status.expected - BEHIND_MARGIN <= status.progress < 1
        elif status.status is Status.BEHIND:
            assert status.progress is not None
            assert status.expected is not None
            assert status.progress < status.expected - BEHIND_MARGIN
        else:
            assert status.progress is None
    # Spend sums are exact, in öre, and never more than planned in total.
    assert result.spent == sum(r.spent for r in result.resources)
    assert result.planned == sum(r.planned for r in result.resources)
    for resource in result.resources:
        assert 0 <= resource.planned <= resource.planned_total
    if result.goal_progress is None or result.spend_ratio is None:
        assert result.flag is Flag.NO_DATA
    else:
        assert 0 <= result.goal_progress <= 1
        gap = result.spend_ratio - result.goal_progress
        expected_flag = (
            Flag.OK
            if gap <= Fraction(1, 10)
            else Flag.DANGER
            if gap > Fraction(1, 4)
            else Flag.WARNING
        )
        assert result.flag is expected_flag
    data = result.to_dict()
    assert set(data) == {"as_of", "year", "indicators", "spend", "goal_progress", "flag"}


@given(lst.logic_models())
def test_with_every_year_counted_planned_is_the_total_cost(model: lm.LogicModel) -> None:
    far = dt.date(9999, 12, 31)
    result = follow_up(model, as_of=far)
    if model.period is not None or model.info.price_year is not None:
        assert result.planned == result.planned_total
        costs = [resource_cost(r, model.currency) for r in model.of_type(lm.Resource)]
        assert result.planned_total == sum(cost or 0 for cost in costs)
