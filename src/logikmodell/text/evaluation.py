"""The evaluation as readable text: the tables of ``logikmodell evaluate``.

Effects against the comparison alternative per indicator, planned and realised
outcomes, fidelity, the planned and the realised returns side by side, which parts
worked, and the scale-up when asked for. Every word comes from the catalogues,
every figure from :mod:`logikmodell.numbers`.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

from logikmodell.evaluation.effects import Design
from logikmodell.i18n import N_, resolve_lang, translate
from logikmodell.model.nodes import Resource
from logikmodell.numbers import format_date, format_decimal, format_money, format_percent
from logikmodell.text._table import columns

if TYPE_CHECKING:
    from logikmodell.evaluation import Evaluation
    from logikmodell.graph import LogicModel
    from logikmodell.numbers import Lang
    from logikmodell.returns import Appraisal

__all__ = ["evaluation_text"]

_MINUS = "−"
_DESIGN = {
    Design.COMPARISON_GROUP: N_("comparison group"),
    Design.BEFORE_AFTER: N_("before–after only"),
    Design.NONE: N_("no data"),
}
_MET = {True: N_("yes"), False: N_("no"), None: N_("not measured")}


def _number(value: Fraction | None, lang: Lang) -> str:
    if value is None:
        return "–"
    return format_decimal(value, places=2, group=True, minus=_MINUS, lang=lang)


def _money(value: Fraction, lang: Lang, currency: str) -> str:
    return format_money(value, group=True, minus=_MINUS, currency=currency, lang=lang)


def _label(model: LogicModel, id: str) -> str:
    if id in model:
        return model.node(id).label
    return next((i.label for i in model.indicators if i.id == id), id)


def _effects(model: LogicModel, evaluation: Evaluation, lang: Lang) -> list[str]:
    rows: list[tuple[str, ...]] = [
        (
            translate(lang, "indicator"),
            translate(lang, "design"),
            translate(lang, "date"),
            translate(lang, "difference"),
            translate(lang, "difference-in-differences"),
            translate(lang, "change before–after"),
        )
    ]
    for id, effect in evaluation.indicators.items():
        rows.append(
            (
                _label(model, id),
                translate(lang, _DESIGN[effect.design]),
                "–" if effect.date is None else format_date(effect.date),
                _number(effect.difference, lang),
                _number(effect.did, lang),
                _number(effect.change, lang),
            )
        )
    title = translate(lang, "Effects against the comparison alternative")
    return [title, *columns(rows, "llrrrr")]


def _outcomes(model: LogicModel, evaluation: Evaluation, lang: Lang) -> list[str]:
    if not evaluation.outcomes:
        return []
    rows: list[tuple[str, ...]] = [
        (translate(lang, "outcome"), translate(lang, "planned"), translate(lang, "realised"))
    ]
    for id, result in evaluation.outcomes.items():
        rows.append(
            (_label(model, id), _number(result.planned, lang), _number(result.realised, lang))
        )
    return ["", translate(lang, "Outcomes, planned and realised"), *columns(rows, "lrr")]


def _fidelity(model: LogicModel, evaluation: Evaluation, lang: Lang) -> list[str]:
    if evaluation.fidelity is None:
        return ["", translate(lang, "Fidelity: no output has a process indicator with a target.")]
    rows = [
        (_label(model, id), format_percent(share, places=0, lang=lang))
        for id, share in evaluation.delivered.items()
    ]
    head = translate(
        lang,
        "Fidelity (share of each output delivered): {share}",
        share=format_percent(evaluation.fidelity, places=0, lang=lang),
    )
    return ["", head, *columns(rows, "lr")]


def _actor_rows(
    model: LogicModel, planned: Appraisal, realised: Appraisal, lang: Lang
) -> list[tuple[str, str, str]]:
    """Per actor who pays or gains, its net (benefits − costs ± transfers), both ways."""
    from logikmodell.costs.resources import UNASSIGNED

    labels = {actor.id: actor.label for actor in model.actors}
    labels[UNASSIGNED] = translate(lang, "No payer given")
    rows = []
    for id in dict.fromkeys([*planned.actors, *realised.actors]):
        nets = []
        for appraisal in (planned, realised):
            ledger = appraisal.actors.get(id)
            nets.append("–" if ledger is None else _money(ledger.net, lang, model.currency))
        name = translate(lang, "Net for {actor}", actor=labels.get(id, id))
        rows.append((name, nets[0], nets[1]))
    return rows


def _returns(model: LogicModel, evaluation: Evaluation, lang: Lang) -> list[str]:
    planned, realised = evaluation.planned, evaluation.realised
    if planned is None or realised is None:
        return ["", translate(lang, "Returns: the model cannot be appraised.")]
    currency = model.currency

    def row(name: str, get: object) -> tuple[str, str, str]:
        assert callable(get)
        return (name, get(planned), get(realised))

    def payback(a: Appraisal) -> str:
        if a.payback_year is None:
            return translate(lang, "not within the horizon")
        return translate(lang, "year {year}", year=a.payback_year)

    rows = [
        (
            "",
            translate(lang, "planned"),
            translate(lang, "realised"),
        ),
        row(translate(lang, "Costs (present value)"), lambda a: _money(a.pv_costs, lang, currency)),
        row(
            translate(lang, "Benefits (present value)"),
            lambda a: _money(a.pv_benefits, lang, currency),
        ),
        row(translate(lang, "Net present value (NPV)"), lambda a: _money(a.npv, lang, currency)),
        row(translate(lang, "Benefit–cost ratio (SROI)"), lambda a: _number(a.bcr, lang)),
        row(translate(lang, "Payback"), payback),
        *_actor_rows(model, planned, realised, lang),
    ]
    years = sorted({a.year for r in model.of_type(Resource) for a in r.actuals})
    note = (
        translate(
            lang,
            "Realised costs are the actual spending where given (years {years}) and the "
            "plan in the other years; realised benefits use the realised quantities.",
            years=", ".join(map(str, years)),
        )
        if years
        else translate(lang, "No actual spending is given: the realised costs are the plan.")
    )
    return ["", translate(lang, "Returns, planned and realised"), *columns(rows, "lrr"), note]


def _parts(model: LogicModel, evaluation: Evaluation, lang: Lang) -> list[str]:
    rows: list[tuple[str, ...]] = [
        (
            translate(lang, "activity"),
            translate(lang, "goal"),
            translate(lang, "reached its planned effect"),
        )
    ]
    for part in evaluation.parts:
        for goal, met in part.goals.items():
            rows.append(
                (_label(model, part.activity), _label(model, goal), translate(lang, _MET[met]))
            )
    if len(rows) == 1:
        return []
    return ["", translate(lang, "Which parts worked"), *columns(rows, "lll")]


def _scale(model: LogicModel, evaluation: Evaluation, lang: Lang) -> list[str]:
    scale = evaluation.scale_up
    if scale is None:
        return []
    currency = model.currency
    rows = [
        (translate(lang, "Costs (present value)"), _money(scale.pv_costs, lang, currency)),
        (translate(lang, "Benefits (present value)"), _money(scale.pv_benefits, lang, currency)),
        (translate(lang, "Net present value (NPV)"), _money(scale.npv, lang, currency)),
        (
            translate(lang, "cost per participant"),
            _money(scale.cost_per_participant, lang, currency),
        ),
        (translate(lang, "net per participant"), _money(scale.net_per_participant, lang, currency)),
    ]
    head = translate(
        lang,
        "Scale-up to {participants} participants (now {size}); kept at their amount: {fixed}",
        participants=scale.participants,
        size=scale.size,
        fixed=", ".join(_label(model, id) for id in scale.fixed) or "–",
    )
    return ["", head, *columns(rows, "lr")]


def evaluation_text(model: LogicModel, evaluation: Evaluation, *, lang: str | None = None) -> str:
    """The evaluation of ``model`` as text tables, in ``lang`` (None: the environment's)."""
    language = resolve_lang(lang)
    title = translate(language, "Evaluation of {title}", title=repr(model.title))
    lines = [title, ""]
    for part in (_effects, _outcomes, _fidelity, _returns, _parts, _scale):
        lines += part(model, evaluation, language)
    return "\n".join(lines)
