"""Evaluate an investment against its comparison alternative (DESIGN §16)."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction

import attrs

from logikmodell.evaluation.effects import (
    IndicatorEffect,
    indicator_effect,
    latest,
    realised_change,
)
from logikmodell.evaluation.realised import realised_model, realised_quantity_in_unit
from logikmodell.graph import LogicModel
from logikmodell.i18n import N_
from logikmodell.model.enums import NodeKind
from logikmodell.model.nodes import Outcome, Resource
from logikmodell.numbers import format_money
from logikmodell.returns import Appraisal, appraise
from logikmodell.returns.appraisal import present_values
from logikmodell.returns.terms import cost_terms
from logikmodell.tables import Kind, Table, Tabular, money_cell, number_cell, table

__all__ = ["Evaluation", "OutcomeResult", "PartResult", "ScaleUp", "evaluate"]


@attrs.frozen(kw_only=True)
class OutcomeResult:
    """An outcome's planned and realised quantity (in the unit of its ``quantity``)."""

    outcome: str
    planned: Fraction | None
    realised: Fraction | None
    source: str | None  # "realised_from", "realised_quantity" or None


@attrs.frozen(kw_only=True)
class PartResult:
    """Which goals an activity reaches and whether each reached its planned effect.

    ``goals`` maps a goal's id to True (realised ≥ planned), False, or None (not
    measured).
    """

    activity: str
    goals: Mapping[str, bool | None] = attrs.field(hash=False)


@attrs.frozen(kw_only=True)
class ScaleUp:
    """The realised investment projected to a target group of ``participants``.

    Present values: ``pv_costs`` keeps the fixed resources at their amount and
    scales the others by ``participants / size``; ``pv_benefits`` scales with them.
    """

    participants: int
    size: int
    scaled: tuple[str, ...]
    fixed: tuple[str, ...]
    pv_costs: Fraction
    pv_benefits: Fraction
    cost_per_participant: Fraction
    net_per_participant: Fraction

    @property
    def npv(self) -> Fraction:
        """``pv_benefits − pv_costs`` of the projection."""
        return self.pv_benefits - self.pv_costs


@attrs.frozen(kw_only=True)
class Evaluation(Tabular):
    """Realised effects, fidelity and realised returns beside the planned ones.

    Tables (:meth:`tables`, :meth:`~logikmodell.tables.Tabular.to_rows`; money as
    ``Decimal``, other figures as ``float``, as in the JSON):

    * ``summary``: one row per case, ``planned`` and ``realised``: ``case``,
      ``pv_costs``, ``pv_benefits``, ``npv``, ``bcr``, ``payback_year``, and
      ``fidelity`` (the same on both rows); no rows when the model cannot be
      appraised.
    * ``indicators``: ``indicator``, ``design``, ``date``, ``difference``,
      ``did``, ``change``.
    * ``outcomes``: ``outcome``, ``planned``, ``realised``, ``from``
      (``realised_from``, ``realised_quantity`` or None).
    * ``delivered``: ``output``, ``delivered`` (the share of its target).
    * ``parts``: one row per activity and goal it reaches: ``activity``, ``goal``,
      ``reached`` (True, False, or None when not measured).
    * ``scale_up`` (with ``scale_to``, one row): ``participants``, ``size``,
      ``pv_costs``, ``pv_benefits``, ``npv``, ``cost_per_participant``,
      ``net_per_participant``.
    """

    indicators: Mapping[str, IndicatorEffect] = attrs.field(hash=False)
    outcomes: Mapping[str, OutcomeResult] = attrs.field(hash=False)
    delivered: Mapping[str, Fraction] = attrs.field(hash=False)
    fidelity: Fraction | None
    planned: Appraisal | None
    realised: Appraisal | None
    parts: tuple[PartResult, ...]
    scale_up: ScaleUp | None

    def to_dict(self) -> dict[str, object]:
        """The JSON form of DESIGN §16: money as strings, other figures as numbers."""

        def number(value: Fraction | None) -> float | None:
            return None if value is None else float(value)

        return {
            "indicators": {
                id: {
                    "design": e.design.value,
                    "date": None if e.date is None else e.date.isoformat(),
                    "difference": number(e.difference),
                    "did": number(e.did),
                    "change": number(e.change),
                }
                for id, e in self.indicators.items()
            },
            "outcomes": {
                id: {"planned": number(o.planned), "realised": number(o.realised), "from": o.source}
                for id, o in self.outcomes.items()
            },
            "delivered": {id: float(v) for id, v in self.delivered.items()},
            "fidelity": number(self.fidelity),
            "planned": None if self.planned is None else _summary(self.planned),
            "realised": None if self.realised is None else _summary(self.realised),
            "parts": {p.activity: dict(p.goals) for p in self.parts},
            "scale_up": None if self.scale_up is None else _scale_dict(self.scale_up),
        }

    def tables(self, lang: str | None = None) -> tuple[Table, ...]:
        """The tables ``summary``, ``indicators``, ``outcomes``, ``delivered``, ``parts``
        and, with a scale-up, ``scale_up`` (the class's docstring lists their columns)."""
        appraised = self.planned or self.realised
        cur = None if appraised is None else appraised.currency
        cases = [(name, a) for name, a in (("planned", self.planned), ("realised", self.realised))]
        summary = table(
            "summary",
            N_("Summary"),
            [
                ("case", Kind.TEXT, N_("Case")),
                ("pv_costs", Kind.MONEY, N_("Costs (present value)")),
                ("pv_benefits", Kind.MONEY, N_("Benefits (present value)")),
                ("npv", Kind.MONEY, N_("Net present value (NPV)")),
                ("bcr", Kind.RATIO, N_("Benefit–cost ratio (SROI)")),
                ("payback_year", Kind.INTEGER, N_("Payback year")),
                ("fidelity", Kind.SHARE, N_("Fidelity")),
            ],
            [
                (
                    name,
                    money_cell(a.pv_costs),
                    money_cell(a.pv_benefits),
                    money_cell(a.npv),
                    number_cell(a.bcr),
                    a.payback_year,
                    number_cell(self.fidelity),
                )
                for name, a in cases
                if a is not None
            ],
            currency=cur,
        )
        return (summary, *self._effect_tables(), *self._scale_tables(cur))

    def _effect_tables(self) -> tuple[Table, ...]:
        indicators = table(
            "indicators",
            N_("Indicators"),
            [
                ("indicator", Kind.TEXT, N_("Indicator")),
                ("design", Kind.TEXT, N_("Design")),
                ("date", Kind.DATE, N_("Date")),
                ("difference", Kind.QUANTITY, N_("Difference")),
                ("did", Kind.QUANTITY, N_("Difference-in-differences")),
                ("change", Kind.QUANTITY, N_("Change")),
            ],
            [
                (
                    id,
                    e.design.value,
                    e.date,
                    number_cell(e.difference),
                    number_cell(e.did),
                    number_cell(e.change),
                )
                for id, e in self.indicators.items()
            ],
        )
        outcomes = table(
            "outcomes",
            N_("Outcomes"),
            [
                ("outcome", Kind.TEXT, N_("Outcome")),
                ("planned", Kind.QUANTITY, N_("Planned")),
                ("realised", Kind.QUANTITY, N_("Realised")),
                ("from", Kind.TEXT, N_("From")),
            ],
            [
                (id, number_cell(o.planned), number_cell(o.realised), o.source)
                for id, o in self.outcomes.items()
            ],
        )
        delivered = table(
            "delivered",
            N_("Delivered"),
            [("output", Kind.TEXT, N_("Output")), ("delivered", Kind.SHARE, N_("Delivered"))],
            [(id, number_cell(share)) for id, share in self.delivered.items()],
        )
        parts = table(
            "parts",
            N_("Parts"),
            [
                ("activity", Kind.TEXT, N_("Activity")),
                ("goal", Kind.TEXT, N_("Goal")),
                ("reached", Kind.BOOLEAN, N_("Reached")),
            ],
            [(p.activity, goal, met) for p in self.parts for goal, met in p.goals.items()],
        )
        return (indicators, outcomes, delivered, parts)

    def _scale_tables(self, currency: str | None) -> tuple[Table, ...]:
        scale = self.scale_up
        if scale is None:
            return ()
        return (
            table(
                "scale_up",
                N_("Scale-up"),
                [
                    ("participants", Kind.INTEGER, N_("Participants")),
                    ("size", Kind.INTEGER, N_("Target group size")),
                    ("pv_costs", Kind.MONEY, N_("Costs (present value)")),
                    ("pv_benefits", Kind.MONEY, N_("Benefits (present value)")),
                    ("npv", Kind.MONEY, N_("Net present value (NPV)")),
                    ("cost_per_participant", Kind.MONEY, N_("Cost per participant")),
                    ("net_per_participant", Kind.MONEY, N_("Net per participant")),
                ],
                [
                    (
                        scale.participants,
                        scale.size,
                        money_cell(scale.pv_costs),
                        money_cell(scale.pv_benefits),
                        money_cell(scale.npv),
                        money_cell(scale.cost_per_participant),
                        money_cell(scale.net_per_participant),
                    )
                ],
                currency=currency,
            ),
        )


def _summary(appraisal: Appraisal) -> dict[str, object]:
    data = appraisal.to_dict()
    keys = ("pv_costs", "pv_benefits", "npv", "bcr", "payback_year", "actors")
    return {key: data[key] for key in keys}


def _scale_dict(scale: ScaleUp) -> dict[str, object]:
    return {
        "participants": scale.participants,
        "size": scale.size,
        "scaled": list(scale.scaled),
        "fixed": list(scale.fixed),
        "pv_costs": format_money(scale.pv_costs),
        "pv_benefits": format_money(scale.pv_benefits),
        "npv": format_money(scale.npv),
        "cost_per_participant": format_money(scale.cost_per_participant),
        "net_per_participant": format_money(scale.net_per_participant),
    }


def _outcome_results(
    model: LogicModel, effects: Mapping[str, IndicatorEffect]
) -> dict[str, OutcomeResult]:
    results = {}
    for outcome in model.of_type(Outcome):
        planned = None if outcome.quantity is None else outcome.quantity.value
        if outcome.realised_from is not None:
            indicator = next(i for i in model.indicators if i.id == outcome.realised_from)
            realised = realised_change(indicator, effects[indicator.id])
            source: str | None = "realised_from"
        elif outcome.realised_quantity is not None:
            realised, source = realised_quantity_in_unit(outcome), "realised_quantity"
        else:
            realised, source = None, None
        if planned is not None or realised is not None:
            results[outcome.id] = OutcomeResult(
                outcome=outcome.id, planned=planned, realised=realised, source=source
            )
    return results


def _delivered(model: LogicModel) -> dict[str, Fraction]:
    """Per output with a process indicator that has a target: latest ÷ target, within
    [0, 1] (a value on the other side of zero from its target delivered nothing)."""
    delivered = {}
    for output in model.of_kind(NodeKind.OUTPUT):
        shares = []
        for indicator in model.indicators_for(output.id):
            last = latest(indicator.measurements)
            if indicator.target is None or indicator.target.value == 0 or last is None:
                continue
            share = last.value / indicator.target.value
            shares.append(min(max(share, Fraction(0)), Fraction(1)))
        if shares:
            delivered[output.id] = sum(shares, Fraction()) / len(shares)
    return delivered


def _reached(model: LogicModel, start: str) -> list[str]:
    goals = {goal.id for goal in model.goals()}
    seen: set[str] = set()
    stack = [start]
    while stack:
        for node in model.successors(stack.pop()):
            if node.id not in seen:
                seen.add(node.id)
                stack.append(node.id)
    return [goal.id for goal in model.goals() if goal.id in seen and goal.id in goals]


def _parts(model: LogicModel, outcomes: Mapping[str, OutcomeResult]) -> tuple[PartResult, ...]:
    parts = []
    for activity in model.of_kind(NodeKind.ACTIVITY):
        met: dict[str, bool | None] = {}
        for goal in _reached(model, activity.id):
            result = outcomes.get(goal)
            if result is None or result.planned is None or result.realised is None:
                met[goal] = None
            else:
                met[goal] = result.realised >= result.planned
        parts.append(PartResult(activity=activity.id, goals=met))
    return tuple(parts)


def _scale_up(model: LogicModel, realised: Appraisal, participants: int) -> ScaleUp:
    from logikmodell.errors import InvalidValueError

    size = model.target_group.size if model.target_group is not None else None
    if not size:
        raise InvalidValueError(
            "scale_to", "a scale-up needs the size of the target group (target_group.size)"
        )
    if participants < 1:
        raise InvalidValueError("scale_to", f"expected at least 1 participant, got {participants}")
    resources = realised_model(model, {}).of_type(Resource)
    fixed = [r for r in resources if r.fixed]
    scaled = [r for r in resources if not r.fixed]
    factor = Fraction(participants, size)
    economics = model.economics
    pv_fixed, _ = present_values([cost_terms(r, model.currency) for r in fixed], [], economics)
    pv_scaled, _ = present_values([cost_terms(r, model.currency) for r in scaled], [], economics)
    pv_costs = pv_fixed + pv_scaled * factor
    pv_benefits = realised.pv_benefits * factor
    return ScaleUp(
        participants=participants,
        size=size,
        scaled=tuple(r.id for r in scaled),
        fixed=tuple(r.id for r in fixed),
        pv_costs=pv_costs,
        pv_benefits=pv_benefits,
        cost_per_participant=pv_costs / participants,
        net_per_participant=(pv_benefits - pv_costs) / participants,
    )


def evaluate(model: LogicModel, *, scale_to: int | None = None) -> Evaluation:
    """Evaluate ``model`` against its comparison alternative (DESIGN §16).

    Args:
        model: the model, with comparison data on its indicators, realised
            quantities on its outcomes and ``actuals`` on its resources where known.
        scale_to: also project the realised investment to this many participants.

    Returns:
        Per indicator the difference and difference-in-differences and the design
        its data supports; per outcome the planned and realised quantity; per output
        the share delivered and the overall fidelity; the planned and the realised
        appraisal (None when the model cannot be appraised); which goals each
        activity reached; and the scale-up when asked for.

    Raises:
        InvalidValueError: ``scale_to`` without a target group size, or below 1.
    """
    from logikmodell.errors import AppraisalError

    effects = {i.id: indicator_effect(i) for i in model.indicators}
    outcomes = _outcome_results(model, effects)
    delivered = _delivered(model)
    fidelity = sum(delivered.values(), Fraction()) / len(delivered) if delivered else None
    quantities = {id: r.realised for id, r in outcomes.items() if r.realised is not None}
    try:
        planned: Appraisal | None = appraise(model)
        realised: Appraisal | None = appraise(realised_model(model, quantities))
    except AppraisalError:
        planned = realised = None
    scale = None
    if scale_to is not None and realised is not None:
        scale = _scale_up(model, realised, scale_to)
    return Evaluation(
        indicators=effects,
        outcomes=outcomes,
        delivered=delivered,
        fidelity=fidelity,
        planned=planned,
        realised=realised,
        parts=_parts(model, outcomes),
        scale_up=scale,
    )
