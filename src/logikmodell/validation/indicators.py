"""Indicator rules LM301–LM306: every goal can be followed up, and sensibly."""

from __future__ import annotations

from collections.abc import Iterator

from logikmodell.model.elements import Indicator
from logikmodell.model.enums import Direction, NodeKind
from logikmodell.model.nodes import Outcome
from logikmodell.numbers import decimal_text
from logikmodell.validation._context import Context, kind_name
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
                message=(
                    f"The {kind_name(node.kind)} {ctx.name(node.id)} has no indicator, so "
                    "it cannot be followed up: add an indicator that measures it, with a "
                    "baseline, a target and a data source."
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
                message=(
                    f"The {kind_name(node.kind)} {ctx.name(node.id)} has no process measure: "
                    "add an indicator that shows whether it is delivered as planned."
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
        word = "below" if direction is Direction.INCREASE else "above"
        yield Hit(
            message=(
                f"The indicator {_name(indicator)} of {ctx.name(indicator.measures)} should "
                f"{direction.value}, but its target {decimal_text(target)} lies {word} its "
                f"baseline {decimal_text(base)}: correct the target, the baseline or the direction."
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
                message=(
                    f"The indicator {_name(indicator)} of {ctx.name(indicator.measures)} has "
                    f"no {' and no '.join(missing)}: give {' and '.join(missing)} with values "
                    "and dates, so that progress can be judged."
                ),
                nodes=(indicator.measures,),
                place=ctx.indicator_place(j),
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
            message=(
                f"The indicator {_name(indicator)} of {ctx.name(indicator.measures)} has its "
                f"target date {target.isoformat()} "
                f"{'on' if target == base else 'before'} its baseline date "
                f"{base.isoformat()}: the target date must come after the baseline date."
            ),
            nodes=(indicator.measures,),
            place=ctx.indicator_place(j, "target.date"),
        )


@rule("LM306", Severity.INFO, "indicator without data source")
def _no_source(ctx: Context) -> Iterator[Hit]:
    for j, indicator in enumerate(ctx.indicators):
        if not indicator.source:
            yield Hit(
                message=(
                    f"The indicator {_name(indicator)} of {ctx.name(indicator.measures)} has "
                    "no data source: name where its values come from (source)."
                ),
                nodes=(indicator.measures,),
                place=ctx.indicator_place(j),
            )
