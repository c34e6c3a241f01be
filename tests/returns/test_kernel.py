"""The present-value kernel: one formula, exact with Fractions and in floats."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from logikmodell.model import Economics, RateBand
from logikmodell.returns.kernel import (
    benefit_pv,
    discount_factors,
    discount_recurrence,
    present_value,
)

_fractions = st.fractions(min_value=0, max_value=1, max_denominator=100)


def test_discount_factors_follow_the_rate_of_each_band() -> None:
    economics = Economics(
        discount_rate=[
            RateBand(from_year=0, rate=Fraction(1, 2)),
            RateBand(from_year=2, rate=Fraction(1, 4)),
        ]
    )
    assert discount_factors(economics, 3) == [1, Fraction(2, 3), Fraction(8, 15), Fraction(32, 75)]


def test_the_float_recurrence_multiplies_by_the_step() -> None:
    step = 1.0 / 1.035
    assert discount_recurrence([(0.035, 3)], 1.0) == [1.0, step, step * step, step * step * step]


@given(
    quantity=st.fractions(min_value=0, max_value=1000, max_denominator=10),
    amount=st.fractions(min_value=-1000, max_value=1000, max_denominator=100),
    adjustments=st.lists(_fractions, max_size=3),
    drop_off=_fractions,
    start=st.integers(0, 6),
    duration=st.integers(1, 8),
    horizon=st.integers(0, 10),
    rate=st.integers(0, 99).map(lambda percent: Fraction(percent, 100)),
)
def test_benefit_pv_is_the_present_value_of_its_flows(
    quantity: Fraction,
    amount: Fraction,
    adjustments: list[Fraction],
    drop_off: Fraction,
    start: int,
    duration: int,
    horizon: int,
    rate: Fraction,
) -> None:
    factors = discount_factors(Economics(discount_rate=rate), horizon)
    flows: list[tuple[int, Fraction]] = []
    pv = benefit_pv(
        quantity, amount, adjustments, drop_off, start, duration, horizon, factors, flows
    )
    # The flows are the undiscounted benefits: impact × (1 − drop_off)^(k−1), cut at the horizon.
    first = quantity * amount
    for adjustment in adjustments:
        first *= 1 - adjustment
    years = range(start, min(start + duration, horizon + 1))
    assert flows == [(year, first * (1 - drop_off) ** k) for k, year in enumerate(years)]
    assert pv == present_value(flows, factors)
    # The same formula in floats gives the same figure, to float precision.
    as_float = benefit_pv(
        float(quantity),
        float(amount),
        [float(a) for a in adjustments],
        float(drop_off),
        start,
        duration,
        horizon,
        [float(f) for f in factors],
    )
    assert abs(as_float - float(pv)) <= 1e-9 * max(1.0, abs(float(pv)))
