"""Realised effects against the comparison alternative (DESIGN §16).

Per indicator, with ``treated`` its own series (``baseline``, ``measurements``) and
``comparison`` the comparison alternative's (``comparison_baseline``,
``comparison_measurements``), both taken at the latest date on which both were
measured (the *latest common date*):

* ``difference = treated_end − comparison_end``;
* ``did = (treated_end − treated_base) − (comparison_end − comparison_base)``.

Each indicator also says which design its data supports: ``comparison_group`` (both
series, with a common date), ``before_after`` (the treated series only: a baseline
and a later measurement), or ``none``. Every figure is an exact fraction.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from fractions import Fraction

import attrs

from logikmodell.model.elements import Indicator, Observation
from logikmodell.model.enums import Direction

__all__ = ["Design", "IndicatorEffect", "indicator_effect", "latest", "realised_change"]


class Design(enum.StrEnum):
    """What an indicator's data can show about the investment's effect."""

    COMPARISON_GROUP = "comparison_group"
    BEFORE_AFTER = "before_after"
    NONE = "none"


@attrs.frozen(kw_only=True)
class IndicatorEffect:
    """An indicator's realised effect.

    Attributes:
        indicator: the indicator's id.
        design: which design its data supports.
        date: the latest common date of the two series (None without one).
        treated_base, treated_end, comparison_base, comparison_end: the values used.
        difference: ``treated_end − comparison_end`` (None without a common date).
        did: the difference-in-differences (None without both baselines and a
            common date).
        change: ``treated_end − treated_base`` on the treated series alone, at its
            latest measurement (the before–after change; None without both).
    """

    indicator: str
    design: Design
    date: dt.date | None
    treated_base: Fraction | None
    treated_end: Fraction | None
    comparison_base: Fraction | None
    comparison_end: Fraction | None
    difference: Fraction | None
    did: Fraction | None
    change: Fraction | None


def _dated(series: Sequence[Observation]) -> dict[dt.date, Fraction]:
    """The dated values of a series by date; a later entry for a date wins."""
    return {m.date: m.value for m in series if m.date is not None}


def latest(series: Sequence[Observation]) -> Observation | None:
    """The latest dated measurement, else the last one given, else None."""
    dated = [m for m in series if m.date is not None]
    if dated:
        return max(dated, key=lambda m: m.date or dt.date.min)
    return series[-1] if series else None


def indicator_effect(indicator: Indicator) -> IndicatorEffect:
    """The effect that ``indicator``'s two series show (module docstring)."""
    treated, comparison = _dated(indicator.measurements), _dated(indicator.comparison_measurements)
    common = sorted(set(treated) & set(comparison))
    date = common[-1] if common else None
    t_base = None if indicator.baseline is None else indicator.baseline.value
    c_base = None if indicator.comparison_baseline is None else indicator.comparison_baseline.value
    t_end = None if date is None else treated[date]
    c_end = None if date is None else comparison[date]
    difference = did = None
    if t_end is not None and c_end is not None:
        difference = t_end - c_end
        if t_base is not None and c_base is not None:
            did = (t_end - t_base) - (c_end - c_base)
    last = latest(indicator.measurements)
    change = None if last is None or t_base is None else last.value - t_base
    if date is not None:
        design = Design.COMPARISON_GROUP
    elif change is not None:
        design = Design.BEFORE_AFTER
    else:
        design = Design.NONE
    return IndicatorEffect(
        indicator=indicator.id,
        design=design,
        date=date,
        treated_base=t_base,
        treated_end=t_end,
        comparison_base=c_base,
        comparison_end=c_end,
        difference=difference,
        did=did,
        change=change,
    )


def realised_change(indicator: Indicator, effect: IndicatorEffect) -> Fraction | None:
    """The improvement an indicator's difference-in-differences shows, never below 0.

    For an indicator that should decrease (``direction: decrease``) the improvement
    is ``−did``: a fall in placements is placements avoided.
    """
    if effect.did is None:
        return None
    gain = -effect.did if indicator.direction is Direction.DECREASE else effect.did
    return max(gain, Fraction(0))
