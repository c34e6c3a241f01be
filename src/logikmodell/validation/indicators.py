"""Indicator rules LM301–LM309: every goal can be followed up and evaluated, and the
follow-up data fits the plan (LM307, LM308)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from logikmodell.i18n import Message
from logikmodell.model.elements import Indicator, Observation
from logikmodell.model.enums import Direction, NodeKind
from logikmodell.model.nodes import Outcome
from logikmodell.validation._context import Context, the_kind
from logikmodell.validation.findings import Severity
from logikmodell.validation.registry import Hit, rule

__all__ = ["indicator_direction"]


def _name(indicator: Indicator) -> str:
    return f"'{indicator.label}' ({indicator.id})"


def indicator_direction(ctx: Context, indicator: Indicator) -> Direction | None:
    """The indicator's ``direction``, or else the direction of the outcome it measures."""
    if indicator.direction is not None:
        return indicator.direction
    node = ctx.nodes[indicator.measures]
    if isinstance(node, Outcome):
        return node.direction
    return None


@rule("LM301", Severity.WARNING, "outcome or impact without an indicator")
def _outcome_without_indicator(ctx: Context) -> Iterator[Hit]:
    measured = ctx.measured
    for node in ctx.nodes.values():
        if node.kind.is_outcome and node.id not in measured:
            yield Hit(
                message=Message(
                    "{the_kind} {node} has no indicator, so it cannot be followed up: add an "
                    "indicator that measures it, with a baseline, a target and a data source.",
                    the_kind=the_kind(node.kind),
                    node=ctx.name(node.id),
                ),
                nodes=(node.id,),
                place=ctx.node_place(node.id),
            )


@rule("LM302", Severity.INFO, "activity or output without a process measure")
def _no_process_measure(ctx: Context) -> Iterator[Hit]:
    measured = ctx.measured
    for node in ctx.nodes.values():
        if node.kind in (NodeKind.ACTIVITY, NodeKind.OUTPUT) and node.id not in measured:
            yield Hit(
                message=Message(
                    "{the_kind} {node} has no process measure: add an indicator that shows "
                    "whether it is delivered as planned.",
                    the_kind=the_kind(node.kind),
                    node=ctx.name(node.id),
                ),
                nodes=(node.id,),
                place=ctx.node_place(node.id),
            )


@rule("LM303", Severity.ERROR, "indicator target contradicts its direction")
def _target_against_direction(ctx: Context) -> Iterator[Hit]:
    for j, indicator in enumerate(ctx.indicators):
        direction = indicator_direction(ctx, indicator)
        if direction is None or indicator.baseline is None or indicator.target is None:
            continue
        base, target = indicator.baseline.value, indicator.target.value
        if target >= base if direction is Direction.INCREASE else target <= base:
            continue
        increase = direction is Direction.INCREASE
        yield Hit(
            message=Message(
                "The indicator {indicator} of {node} should {direction}, but its target "
                "{target} lies {side} its baseline {baseline}: correct the target, the "
                "baseline or the direction.",
                indicator=_name(indicator),
                node=ctx.name(indicator.measures),
                direction=Message("increase") if increase else Message("decrease"),
                target=target,
                side=Message("below") if increase else Message("above"),
                baseline=base,
            ),
            nodes=(indicator.measures,),
            place=ctx.indicator_place(j, "target"),
        )


@rule("LM304", Severity.WARNING, "indicator without baseline or target")
def _no_baseline_or_target(ctx: Context) -> Iterator[Hit]:
    for j, indicator in enumerate(ctx.indicators):
        missing = [
            name
            for name, value in (("baseline", indicator.baseline), ("target", indicator.target))
            if value is None
        ]
        if missing:
            yield Hit(
                message=_missing(
                    missing, indicator=_name(indicator), node=ctx.name(indicator.measures)
                ),
                nodes=(indicator.measures,),
                place=ctx.indicator_place(j),
            )


def _missing(missing: list[str], **values: object) -> Message:
    """LM304's sentence for what is missing: the baseline, the target or both."""
    if missing == ["baseline"]:
        return Message(
            "The indicator {indicator} of {node} has no baseline: give baseline with values "
            "and dates, so that progress can be judged.",
            **values,
        )
    if missing == ["target"]:
        return Message(
            "The indicator {indicator} of {node} has no target: give target with values "
            "and dates, so that progress can be judged.",
            **values,
        )
    return Message(
        "The indicator {indicator} of {node} has no baseline and no target: give baseline "
        "and target with values and dates, so that progress can be judged.",
        **values,
    )


def _date_message(same_day: bool, **values: object) -> Message:
    """LM305's sentence: a target date on, or before, the baseline date."""
    if same_day:
        return Message(
            "The indicator {indicator} of {node} has its target date {target} on its "
            "baseline date {baseline}: the target date must come after the baseline date.",
            **values,
        )
    return Message(
        "The indicator {indicator} of {node} has its target date {target} before its "
        "baseline date {baseline}: the target date must come after the baseline date.",
        **values,
    )


@rule("LM305", Severity.ERROR, "indicator target date not after its baseline date")
def _target_date(ctx: Context) -> Iterator[Hit]:
    for j, indicator in enumerate(ctx.indicators):
        if indicator.baseline is None or indicator.target is None:
            continue
        base, target = indicator.baseline.date, indicator.target.date
        if base is None or target is None or target > base:
            continue
        yield Hit(
            message=_date_message(
                target == base,
                indicator=_name(indicator),
                node=ctx.name(indicator.measures),
                target=target.isoformat(),
                baseline=base.isoformat(),
            ),
            nodes=(indicator.measures,),
            place=ctx.indicator_place(j, "target.date"),
        )


@rule("LM306", Severity.INFO, "indicator without data source")
def _no_source(ctx: Context) -> Iterator[Hit]:
    for j, indicator in enumerate(ctx.indicators):
        if not indicator.source:
            yield Hit(
                message=Message(
                    "The indicator {indicator} of {node} has no data source: name where its "
                    "values come from (source).",
                    indicator=_name(indicator),
                    node=ctx.name(indicator.measures),
                ),
                nodes=(indicator.measures,),
                place=ctx.indicator_place(j),
            )


def _early_or_late(
    ctx: Context, j: int, field: str, base: Observation | None
) -> Iterator[tuple[int, Message]]:
    """LM307's sentences for the measurements in ``field`` of indicator ``j``, by number:
    those dated before ``base``'s date or after the period's end."""
    indicator = ctx.indicators[j]
    names = {"indicator": _name(indicator), "node": ctx.name(indicator.measures)}
    which = (
        Message("a measurement") if field == "measurements" else Message("a comparison measurement")
    )
    start = base.date if base is not None else None
    end = ctx.model.period.end if ctx.model.period is not None else None
    for k, measurement in enumerate(getattr(indicator, field)):
        date = measurement.date
        if date is None:
            continue
        if start is not None and date < start:
            yield (
                k,
                Message(
                    "The indicator {indicator} of {node} has {which} dated {date}, before its "
                    "baseline date {baseline}: a follow-up value comes after the baseline; "
                    "correct the date or the baseline.",
                    which=which,
                    date=date.isoformat(),
                    baseline=start.isoformat(),
                    **names,
                ),
            )
        elif end is not None and date > end:
            yield (
                k,
                Message(
                    "The indicator {indicator} of {node} has {which} dated {date}, after the "
                    "investment's period ends on {end}: correct the date, or extend the period "
                    "if the follow-up goes on.",
                    which=which,
                    date=date.isoformat(),
                    end=end.isoformat(),
                    **names,
                ),
            )


@rule("LM307", Severity.WARNING, "measurement dated before the baseline or after the period")
def _measurement_out_of_time(ctx: Context) -> Iterator[Hit]:
    for j, indicator in enumerate(ctx.indicators):
        for field, base in (
            ("measurements", indicator.baseline),
            ("comparison_measurements", indicator.comparison_baseline),
        ):
            for k, message in _early_or_late(ctx, j, field, base):
                yield Hit(
                    message=message,
                    nodes=(indicator.measures,),
                    place=ctx.indicator_place(j, f"{field}[{k}].date"),
                )


def _overdue_message(
    ctx: Context, indicator: Indicator, last: dt.date, due: dt.date, as_of: dt.date, baseline: bool
) -> Message:
    """LM308's sentence: since the baseline, or since the latest measurement."""
    values = {
        "indicator": _name(indicator),
        "node": ctx.name(indicator.measures),
        "frequency": indicator.frequency,
        "last": last.isoformat(),
        "due": due.isoformat(),
        "as_of": as_of.isoformat(),
    }
    if baseline:
        return Message(
            "The indicator {indicator} of {node} has the frequency '{frequency}', but no "
            "measurement since its baseline of {last}: one was due on {due} and is overdue "
            "at {as_of}; add the measurement, or correct the frequency.",
            **values,
        )
    return Message(
        "The indicator {indicator} of {node} has the frequency '{frequency}', but its latest "
        "measurement is from {last}: the next was due on {due} and is overdue at {as_of}; "
        "add the measurement, or correct the frequency.",
        **values,
    )


@rule("LM308", Severity.INFO, "indicator with a measurement overdue")
def _measurement_overdue(ctx: Context) -> Iterator[Hit]:
    from logikmodell.followup.due import overdue

    as_of = ctx.as_of
    if as_of is None:
        return
    for j, indicator in enumerate(ctx.indicators):
        late = overdue(indicator, as_of)
        if late is None:
            continue
        yield Hit(
            message=_overdue_message(ctx, indicator, late.last, late.due, as_of, late.baseline),
            nodes=(indicator.measures,),
            place=ctx.indicator_place(j, "frequency"),
        )


@rule("LM309", Severity.WARNING, "goal evaluated by before–after alone")
def _before_after_only(ctx: Context) -> Iterator[Hit]:
    from logikmodell.evaluation.effects import Design, indicator_effect

    for node in ctx.nodes.values():
        if not node.kind.is_goal:
            continue
        designs = {indicator_effect(i).design for i in ctx.indicators if i.measures == node.id}
        if Design.BEFORE_AFTER in designs and Design.COMPARISON_GROUP not in designs:
            yield Hit(
                message=Message(
                    "{the_kind} {node} is measured only before and after: without a "
                    "comparison group or cohort its change cannot be told apart from what "
                    "would have happened anyway; give an indicator comparison_baseline and "
                    "comparison_measurements.",
                    the_kind=the_kind(node.kind),
                    node=ctx.name(node.id),
                ),
                nodes=(node.id,),
                place=ctx.node_place(node.id),
            )
