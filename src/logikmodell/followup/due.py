"""When an indicator's next measurement is due, read from its ``frequency``.

An indicator's ``frequency`` is free text; these words are understood, in English
or Swedish, alone or after a whole number and ``every``/``varje`` (``2 month``,
``every 6 months``, ``varje månad``):

=========  ==============================================================
interval   words
=========  ==============================================================
day        ``day``, ``days``, ``daily``, ``dag``, ``dagar``, ``dagligen``
week       ``week``, ``weeks``, ``weekly``, ``vecka``, ``veckor``, ``veckovis``
month      ``month``, ``months``, ``monthly``, ``månad``, ``månader``, ``månadsvis``
quarter    ``quarter``, ``quarters``, ``quarterly``, ``kvartal``, ``kvartalsvis``
half year  ``half_year``, ``half-year``, ``semiannual``, ``halvår``, ``halvårsvis``
year       ``year``, ``years``, ``yearly``, ``annual``, ``annually``, ``år``,
           ``årligen``, ``årsvis``
=========  ==============================================================

Any other text says nothing about when a measurement is due.

An indicator is **overdue** at a date ``as_of`` when its last dated value on or
before ``as_of`` (its latest measurement, else its baseline) plus one interval
falls before ``as_of``. An indicator measured on or after its target date is done
and is never overdue; one without a dated value on or before ``as_of`` is not yet
due.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from logikmodell.graph import LogicModel
    from logikmodell.model.elements import Indicator

__all__ = ["Frequency", "Overdue", "latest_measurement_date", "overdue", "parse_frequency"]


@attrs.frozen
class Frequency:
    """How often an indicator is measured: a number of months and of days.

    Attributes:
        months: whole calendar months between measurements.
        days: days between measurements (besides the months).
    """

    months: int = 0
    days: int = 0

    def after(self, date: dt.date) -> dt.date:
        """The date one interval after ``date``; a month end stays in its month
        (one month after 31 January is 28 or 29 February).

        Example:
            >>> Frequency(months=1).after(dt.date(2027, 1, 31))
            datetime.date(2027, 2, 28)
        """
        total = date.month - 1 + self.months
        year, month = date.year + total // 12, total % 12 + 1
        day = min(date.day, calendar.monthrange(year, month)[1])
        return dt.date(year, month, day) + dt.timedelta(days=self.days)


_UNITS: dict[str, Frequency] = {
    word: frequency
    for words, frequency in (
        ("day days daily dag dagar dagligen", Frequency(days=1)),
        ("week weeks weekly vecka veckor veckovis", Frequency(days=7)),
        ("month months monthly månad månader månadsvis", Frequency(months=1)),
        ("quarter quarters quarterly kvartal kvartalsvis", Frequency(months=3)),
        (
            "half_year half_years halfyear halfyearly semiannual semiannually semi_annual "
            "semi_annually halvår halvårsvis",
            Frequency(months=6),
        ),
        ("year years yearly annual annually år årligen årsvis", Frequency(months=12)),
    )
    for word in words.split()
}

_COUNTED = re.compile(r"(?:(\d{1,3})_?)?(.+)")


def parse_frequency(text: str | None) -> Frequency | None:
    """The interval an indicator's ``frequency`` names, or None when it names none.

    Example:
        >>> parse_frequency("Quarterly")
        Frequency(months=3, days=0)
        >>> parse_frequency("every 2 veckor")
        Frequency(months=0, days=14)
        >>> parse_frequency("vid behov") is None
        True
    """
    if text is None:
        return None
    words = re.sub(r"[\s_-]+", "_", text.strip().lower())
    words = re.sub(r"^(?:every|varje|var)_", "", words)
    match = _COUNTED.fullmatch(words)
    if match is None:
        return None
    count, name = match.groups()
    unit = _UNITS.get(name)
    times = int(count) if count is not None else 1
    if unit is None or times == 0:
        return None
    return Frequency(months=unit.months * times, days=unit.days * times)


@attrs.frozen(kw_only=True)
class Overdue:
    """An indicator whose next measurement is overdue.

    Attributes:
        frequency: how often it is to be measured.
        last: the date of its last value on or before ``as_of``.
        baseline: whether that value is the baseline (no measurement since).
        due: when the next measurement was due (one interval after ``last``).
        as_of: the date judged at.
    """

    frequency: Frequency
    last: dt.date
    baseline: bool
    due: dt.date
    as_of: dt.date


def overdue(indicator: Indicator, as_of: dt.date) -> Overdue | None:
    """Whether the indicator's next measurement is overdue at ``as_of``.

    Returns:
        What is overdue, or None when its ``frequency`` names no interval, it has no
        dated value on or before ``as_of``, it has a measurement on or after its
        target date, or its next measurement is due on or after ``as_of``.
    """
    frequency = parse_frequency(indicator.frequency)
    if frequency is None:
        return None
    dates = [m.date for m in indicator.measurements if m.date is not None]
    target = indicator.target.date if indicator.target is not None else None
    if target is not None and any(date >= target for date in dates if date <= as_of):
        return None
    before = [date for date in dates if date <= as_of]
    baseline = indicator.baseline.date if indicator.baseline is not None else None
    if before:
        last, from_baseline = max(before), False
    elif baseline is not None and baseline <= as_of:
        last, from_baseline = baseline, True
    else:
        return None
    due = frequency.after(last)
    if due >= as_of:
        return None
    return Overdue(frequency=frequency, last=last, baseline=from_baseline, due=due, as_of=as_of)


def latest_measurement_date(model: LogicModel) -> dt.date | None:
    """The date of the model's latest measurement (of any indicator), or None."""
    dates = [m.date for i in model.indicators for m in i.measurements if m.date is not None]
    return max(dates) if dates else None
