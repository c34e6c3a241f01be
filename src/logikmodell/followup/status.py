"""Follow-up (uppföljning): indicators against their targets, spending against plan.

The rules (DESIGN §15), with ``as_of`` the date followed up to:

* per indicator with baseline and target (both dated, the target after the
  baseline, the target value apart from the baseline value), with ``v`` the latest
  measurement dated on or before ``as_of``:
  ``progress = (v − baseline) / (target − baseline)`` (it may be negative or above
  1) and ``expected = (as_of − baseline.date) / (target.date − baseline.date)`` in
  days, clamped to [0, 1]; status ``achieved`` when ``progress ≥ 1``, else
  ``on_track`` when ``progress ≥ expected − 0.1``, else ``behind``; ``no_data``
  without a measurement, ``incomplete`` without a usable baseline and target;
* the year index of a date is its calendar year minus that of ``period.start``
  (of ``price_year`` when the model has no period); per resource and in total,
  ``spent`` is the sum of the actuals in years up to the as-of year index,
  ``planned`` the cost in those years, ``planned_total`` the whole cost, and
  ``spend_ratio = spent / planned_total``;
* the flag: the mean progress of the goal indicators that have one (each clamped
  to [0, 1]) against the spend ratio: ``ok`` when it is at least
  ``spend_ratio − 0.1``, ``danger`` when it is below ``spend_ratio − 0.25``, else
  ``warning``; ``no_data`` without such an indicator or without a planned cost.

Every comparison is exact (fractions); money is integer öre.
"""

from __future__ import annotations

import datetime as dt
import enum
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from logikmodell.costs.resources import resource_cost, resource_cost_by_year
from logikmodell.i18n import N_
from logikmodell.model.elements import Indicator, Observation
from logikmodell.model.enums import Aggregation
from logikmodell.model.nodes import Resource
from logikmodell.model.units import require_currency
from logikmodell.numbers import format_ore, round_half_away
from logikmodell.tables import Cell, Kind, Table, Tabular, number_cell, ore_cell, table

if TYPE_CHECKING:
    from logikmodell.graph import LogicModel

__all__ = [
    "BEHIND_MARGIN",
    "DANGER_MARGIN",
    "WARNING_MARGIN",
    "Flag",
    "FollowUp",
    "IndicatorStatus",
    "ResourceSpend",
    "Status",
    "follow_up",
    "year_index",
]

#: How far below the expected progress an indicator may be and still be on track.
BEHIND_MARGIN = Fraction(1, 10)
#: How far the goal progress may lag the spend ratio before the flag is a warning.
WARNING_MARGIN = Fraction(1, 10)
#: How far the goal progress may lag the spend ratio before the flag is danger.
DANGER_MARGIN = Fraction(1, 4)


class Status(enum.StrEnum):
    """An indicator's follow-up status."""

    ACHIEVED = "achieved"
    ON_TRACK = "on_track"
    BEHIND = "behind"
    NO_DATA = "no_data"
    INCOMPLETE = "incomplete"


class Flag(enum.StrEnum):
    """The investment's flag: do results keep up with spending?"""

    OK = "ok"
    WARNING = "warning"
    DANGER = "danger"
    NO_DATA = "no_data"


@attrs.frozen(kw_only=True)
class IndicatorStatus:
    """One indicator followed up.

    Attributes:
        id: the indicator's id.
        measures: the id of the node it measures.
        process: whether it is a process measure (it measures an activity, an
            output or a resource) rather than an outcome indicator.
        goal: whether it measures a goal (a long-term outcome or an impact).
        aggregation: what its values mean (``period`` or ``cumulative``).
        status: see :class:`Status`.
        progress: ``(v − baseline) / (target − baseline)``, or None.
        expected: the share of the way from baseline date to target date that
            ``as_of`` has come, in [0, 1], or None.
        latest: the latest measurement on or before ``as_of``, or None.
    """

    id: str
    measures: str
    process: bool
    goal: bool
    aggregation: Aggregation
    status: Status
    progress: Fraction | None
    expected: Fraction | None
    latest: Observation | None

    def to_dict(self) -> dict[str, object]:
        """JSON data: status, progress, expected and latest, with what it measures."""
        latest = None
        if self.latest is not None and self.latest.date is not None:
            latest = {"date": self.latest.date.isoformat(), "value": _number(self.latest.value)}
        return {
            "status": self.status.value,
            "progress": _ratio(self.progress),
            "expected": _ratio(self.expected),
            "latest": latest,
            "measures": self.measures,
            "kind": "process" if self.process else "outcome",
            "aggregation": self.aggregation.value,
        }


@attrs.frozen(kw_only=True)
class ResourceSpend:
    """One resource's money: planned and spent up to the as-of year, in öre.

    Attributes:
        id: the resource's id.
        planned: its cost in the years up to the as-of year index.
        spent: its actuals in those years.
        planned_total: its whole cost (0 for a resource without cost).
    """

    id: str
    planned: int
    spent: int
    planned_total: int

    @property
    def spend_ratio(self) -> Fraction | None:
        """``spent / planned_total``, or None when nothing is planned."""
        return Fraction(self.spent, self.planned_total) if self.planned_total else None

    def to_dict(self) -> dict[str, object]:
        """JSON data: money as text with two decimals, the ratio as a number."""
        return {
            "planned_total": format_ore(self.planned_total),
            "planned": format_ore(self.planned),
            "spent": format_ore(self.spent),
            "spend_ratio": _ratio(self.spend_ratio),
        }


@attrs.frozen(kw_only=True)
class FollowUp(Tabular):
    """The follow-up of a model at a date (:func:`follow_up`).

    Tables (:meth:`tables`, :meth:`~logikmodell.tables.Tabular.to_rows`; money as
    ``Decimal``, ratios as ``float``, as in the JSON):

    * ``summary`` (one row): ``as_of`` (a date), ``year``, ``currency``,
      ``planned_total``, ``planned``, ``spent``, ``spend_ratio``,
      ``goal_progress``, ``flag``.
    * ``indicators``: ``indicator``, ``measures``, ``kind`` (``process`` or
      ``outcome``), ``aggregation``, ``status``, ``progress``, ``expected``,
      ``latest_date``, ``latest_value``.
    * ``resources``: ``resource``, ``planned_total``, ``planned``, ``spent``,
      ``spend_ratio``.

    Attributes:
        as_of: the date followed up to, or None when the model has no measurement
            and no period.
        year: the year index of ``as_of`` (None: every year counts).
        currency: the model's currency.
        indicators: every indicator, in model order.
        resources: every resource, in model order.
        goal_progress: the mean progress of the goal indicators that have one,
            each clamped to [0, 1], or None.
        flag: see :class:`Flag`.
    """

    as_of: dt.date | None
    year: int | None
    currency: str
    indicators: tuple[IndicatorStatus, ...]
    resources: tuple[ResourceSpend, ...]
    goal_progress: Fraction | None
    flag: Flag

    @property
    def planned(self) -> int:
        """Σ planned over the resources, in öre."""
        return sum(resource.planned for resource in self.resources)

    @property
    def spent(self) -> int:
        """Σ spent over the resources, in öre."""
        return sum(resource.spent for resource in self.resources)

    @property
    def planned_total(self) -> int:
        """Σ planned_total over the resources, in öre."""
        return sum(resource.planned_total for resource in self.resources)

    @property
    def spend_ratio(self) -> Fraction | None:
        """``spent / planned_total``, or None when nothing is planned."""
        total = self.planned_total
        return Fraction(self.spent, total) if total else None

    def indicator(self, id: str) -> IndicatorStatus:
        """The status of one indicator.

        Raises:
            KeyError: no indicator with that id.
        """
        for status in self.indicators:
            if status.id == id:
                return status
        raise KeyError(id)

    def to_dict(self) -> dict[str, object]:
        """JSON data in the shape of DESIGN §15.

        Example:
            >>> import logikmodell as lm
            >>> model = lm.loads(
            ...     "logikmodell: 1\\ntitle: T\\nnodes:\\n"
            ...     "  - {id: r, kind: resource, label: R, cost: 100 SEK,"
            ...     " actuals: [{year: 0, amount: 40 SEK}]}\\n"
            ... )
            >>> lm.follow_up(model).to_dict()["spend"]["spend_ratio"]
            0.4
        """
        return {
            "as_of": self.as_of.isoformat() if self.as_of is not None else None,
            "year": self.year,
            "indicators": {status.id: status.to_dict() for status in self.indicators},
            "spend": {
                "currency": self.currency,
                "planned_total": format_ore(self.planned_total),
                "planned": format_ore(self.planned),
                "spent": format_ore(self.spent),
                "spend_ratio": _ratio(self.spend_ratio),
                "resources": {resource.id: resource.to_dict() for resource in self.resources},
            },
            "goal_progress": _ratio(self.goal_progress),
            "flag": self.flag.value,
        }

    def tables(self, lang: str | None = None) -> tuple[Table, ...]:
        """The tables ``summary``, ``indicators`` and ``resources`` (the class's
        docstring lists their columns)."""
        cur = self.currency
        summary = table(
            "summary",
            N_("Summary"),
            [
                ("as_of", Kind.DATE, N_("As of")),
                ("year", Kind.INTEGER, N_("Year")),
                ("currency", Kind.TEXT, N_("Currency")),
                ("planned_total", Kind.MONEY, N_("Planned in total")),
                ("planned", Kind.MONEY, N_("Planned to date")),
                ("spent", Kind.MONEY, N_("Spent")),
                ("spend_ratio", Kind.SHARE, N_("Spend ratio")),
                ("goal_progress", Kind.SHARE, N_("Goal progress")),
                ("flag", Kind.TEXT, N_("Flag")),
            ],
            [
                (
                    self.as_of,
                    self.year,
                    cur,
                    ore_cell(self.planned_total),
                    ore_cell(self.planned),
                    ore_cell(self.spent),
                    number_cell(self.spend_ratio),
                    number_cell(self.goal_progress),
                    self.flag.value,
                )
            ],
            currency=cur,
        )
        indicators = table(
            "indicators",
            N_("Indicators"),
            [
                ("indicator", Kind.TEXT, N_("Indicator")),
                ("measures", Kind.TEXT, N_("Measures")),
                ("kind", Kind.TEXT, N_("Kind")),
                ("aggregation", Kind.TEXT, N_("Aggregation")),
                ("status", Kind.TEXT, N_("Status")),
                ("progress", Kind.SHARE, N_("Progress")),
                ("expected", Kind.SHARE, N_("Expected")),
                ("latest_date", Kind.DATE, N_("Latest date")),
                ("latest_value", Kind.QUANTITY, N_("Latest value")),
            ],
            [_indicator_row(status) for status in self.indicators],
        )
        resources = table(
            "resources",
            N_("Resources"),
            [
                ("resource", Kind.TEXT, N_("Resource")),
                ("planned_total", Kind.MONEY, N_("Planned in total")),
                ("planned", Kind.MONEY, N_("Planned to date")),
                ("spent", Kind.MONEY, N_("Spent")),
                ("spend_ratio", Kind.SHARE, N_("Spend ratio")),
            ],
            [
                (
                    r.id,
                    ore_cell(r.planned_total),
                    ore_cell(r.planned),
                    ore_cell(r.spent),
                    number_cell(r.spend_ratio),
                )
                for r in self.resources
            ],
            currency=cur,
        )
        return (summary, indicators, resources)


def _indicator_row(status: IndicatorStatus) -> tuple[Cell, ...]:
    latest = status.latest
    dated = latest is not None and latest.date is not None
    return (
        status.id,
        status.measures,
        "process" if status.process else "outcome",
        status.aggregation.value,
        status.status.value,
        number_cell(status.progress),
        number_cell(status.expected),
        latest.date if dated and latest is not None else None,
        number_cell(latest.value) if dated and latest is not None else None,
    )


def _ratio(value: Fraction | None) -> float | None:
    return None if value is None else float(value)


def _number(value: Fraction) -> int | float:
    return value.numerator if value.denominator == 1 else float(value)


# ---------------------------------------------------------------------- computing
def year_index(model: LogicModel, date: dt.date) -> int | None:
    """The year index of ``date``: its year minus that of ``period.start`` (or
    ``price_year``); None when the model has neither."""
    if model.period is not None:
        return date.year - model.period.start.year
    if model.info.price_year is not None:
        return date.year - model.info.price_year
    return None


def _default_as_of(model: LogicModel) -> dt.date | None:
    dates = [
        measurement.date
        for indicator in model.indicators
        for measurement in indicator.measurements
        if measurement.date is not None
    ]
    if dates:
        return max(dates)
    return model.period.end if model.period is not None else None


def _latest(indicator: Indicator, as_of: dt.date | None) -> Observation | None:
    latest: Observation | None = None
    for measurement in indicator.measurements:
        date = measurement.date
        if date is None or (as_of is not None and date > as_of):
            continue
        if latest is None or latest.date is None or date >= latest.date:
            latest = measurement
    return latest


def _expected(indicator: Indicator, as_of: dt.date | None) -> Fraction | None:
    """The expected progress, or None when baseline and target cannot give one."""
    base, target = indicator.baseline, indicator.target
    if base is None or target is None or base.date is None or target.date is None:
        return None
    if target.date <= base.date or target.value == base.value or as_of is None:
        return None
    share = Fraction((as_of - base.date).days, (target.date - base.date).days)
    return min(max(share, Fraction(0)), Fraction(1))


def _indicator_status(
    model: LogicModel, indicator: Indicator, as_of: dt.date | None
) -> IndicatorStatus:
    kind = model.node(indicator.measures).kind
    latest = _latest(indicator, as_of)
    expected = _expected(indicator, as_of)
    progress: Fraction | None = None
    if expected is None:
        status = Status.INCOMPLETE
    elif latest is None:
        status = Status.NO_DATA
    else:
        assert indicator.baseline is not None
        assert indicator.target is not None
        base = indicator.baseline.value
        progress = (latest.value - base) / (indicator.target.value - base)
        if progress >= 1:
            status = Status.ACHIEVED
        elif progress >= expected - BEHIND_MARGIN:
            status = Status.ON_TRACK
        else:
            status = Status.BEHIND
    return IndicatorStatus(
        id=indicator.id,
        measures=indicator.measures,
        process=not kind.is_outcome,
        goal=kind.is_goal,
        aggregation=indicator.aggregation,
        status=status,
        progress=progress,
        expected=expected,
        latest=latest,
    )


def _actual_ore(model: LogicModel, resource: Resource, year: int | None) -> int:
    spent = 0
    for index, actual in enumerate(resource.actuals):
        if year is None or actual.year <= year:
            amount = require_currency(f"actuals[{index}].amount", actual.amount, model.currency)
            spent += round_half_away(amount * 100)
    return spent


def _spend(model: LogicModel, resource: Resource, year: int | None) -> ResourceSpend:
    by_year = resource_cost_by_year(resource, model.currency)
    planned = sum(ore for y, ore in by_year.items() if year is None or y <= year)
    return ResourceSpend(
        id=resource.id,
        planned=planned,
        spent=_actual_ore(model, resource, year),
        planned_total=resource_cost(resource, model.currency) or 0,
    )


def _flag(goal_progress: Fraction | None, spend_ratio: Fraction | None) -> Flag:
    if goal_progress is None or spend_ratio is None:
        return Flag.NO_DATA
    if goal_progress >= spend_ratio - WARNING_MARGIN:
        return Flag.OK
    if goal_progress < spend_ratio - DANGER_MARGIN:
        return Flag.DANGER
    return Flag.WARNING


def follow_up(model: LogicModel, as_of: dt.date | None = None) -> FollowUp:
    """Follow the model up at ``as_of``: indicator status, spending against plan, flag.

    Args:
        model: a loaded model; its measurements and actuals are the data.
        as_of: the date to follow up to; by default the latest measurement date
            (the period's end when there is no measurement).

    Returns:
        A :class:`FollowUp`; never raises on a loaded model.

    Example:
        >>> import logikmodell as lm
        >>> from logikmodell.examples import load_example
        >>> result = lm.follow_up(load_example())
        >>> result.flag in set(lm.Flag)
        True
    """
    if as_of is None:
        as_of = _default_as_of(model)
    year = year_index(model, as_of) if as_of is not None else None
    statuses = tuple(_indicator_status(model, ind, as_of) for ind in model.indicators)
    resources = tuple(_spend(model, node, year) for node in model.of_type(Resource))
    progresses = [
        min(max(status.progress, Fraction(0)), Fraction(1))
        for status in statuses
        if status.goal and status.progress is not None
    ]
    goal_progress = sum(progresses, Fraction(0)) / len(progresses) if progresses else None
    total = sum(resource.planned_total for resource in resources)
    spend_ratio = Fraction(sum(r.spent for r in resources), total) if total else None
    return FollowUp(
        as_of=as_of,
        year=year,
        currency=model.currency,
        indicators=statuses,
        resources=resources,
        goal_progress=goal_progress,
        flag=_flag(goal_progress, spend_ratio),
    )
