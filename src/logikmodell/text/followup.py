"""Follow-up as readable text: the tables of ``logikmodell follow-up`` and the demo.

Outcome indicators and process measures come in separate tables, then spending
against plan, then the flag in a sentence a steering group can act on. Every word
comes from the message catalogues, every figure from :mod:`logikmodell.numbers`.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

from logikmodell.followup.status import Flag, Status
from logikmodell.i18n import N_, resolve_lang, translate
from logikmodell.numbers import format_date, format_decimal, format_ore, format_percent
from logikmodell.text._table import columns

if TYPE_CHECKING:
    from collections.abc import Sequence

    from logikmodell.followup.status import FollowUp, IndicatorStatus
    from logikmodell.graph import LogicModel
    from logikmodell.model.elements import Indicator
    from logikmodell.numbers import Lang

__all__ = ["follow_up_text"]

_STATUS = {
    Status.ACHIEVED: N_("achieved"),
    Status.ON_TRACK: N_("on track"),
    Status.BEHIND: N_("behind"),
    Status.NO_DATA: N_("no data"),
    Status.INCOMPLETE: N_("no baseline or target"),
}
_FLAG = {
    Flag.OK: N_("OK"),
    Flag.WARNING: N_("WARNING"),
    Flag.DANGER: N_("DANGER"),
    Flag.NO_DATA: N_("NO DATA"),
}


def _indicator(model: LogicModel, id: str) -> Indicator:
    return next(indicator for indicator in model.indicators if indicator.id == id)


def _percent(value: Fraction | None, lang: Lang) -> str:
    return "–" if value is None else format_percent(value, places=0, minus="−", lang=lang)


def _indicator_rows(
    model: LogicModel, statuses: Sequence[IndicatorStatus], lang: Lang
) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = [
        (
            translate(lang, "indicator"),
            translate(lang, "status"),
            translate(lang, "latest"),
            translate(lang, "date"),
            translate(lang, "progress"),
            translate(lang, "expected"),
        )
    ]
    for status in statuses:
        indicator = _indicator(model, status.id)
        latest, date = "–", ""
        if status.latest is not None and status.latest.date is not None:
            latest = format_decimal(status.latest.value, group=True, places=4, minus="−", lang=lang)
            if indicator.unit:
                latest = f"{latest} {indicator.unit}"
            date = status.latest.date.isoformat()
        rows.append(
            (
                indicator.label,
                translate(lang, _STATUS[status.status]),
                latest,
                date,
                _percent(status.progress, lang),
                _percent(status.expected, lang),
            )
        )
    return rows


def _spend_lines(model: LogicModel, result: FollowUp, lang: Lang) -> list[str]:
    def money(ore: int) -> str:
        return format_ore(ore, group=True, minus="−", lang=lang)

    rows: list[tuple[str, ...]] = [
        (
            translate(lang, "resource"),
            translate(lang, "planned so far"),
            translate(lang, "spent"),
            translate(lang, "planned in all"),
            translate(lang, "share of budget used"),
        )
    ]
    for spend in result.resources:
        rows.append(
            (
                model.node(spend.id).label,
                money(spend.planned),
                money(spend.spent),
                money(spend.planned_total),
                _percent(spend.spend_ratio, lang),
            )
        )
    rows.append(
        (
            translate(lang, "Total"),
            money(result.planned),
            money(result.spent),
            money(result.planned_total),
            _percent(result.spend_ratio, lang),
        )
    )
    heading = translate(lang, "Spending against plan ({currency})", currency=result.currency)
    return ["", heading, *columns(rows, "lrrrr")]


def _flag_sentence(result: FollowUp, lang: Lang) -> str:
    flag = translate(lang, _FLAG[result.flag])
    if result.flag is Flag.NO_DATA:
        if result.goal_progress is None:
            reason = translate(
                lang, "no goal indicator has a measurement to compare with its target"
            )
        else:
            reason = translate(lang, "no resource has a planned cost")
        return translate(lang, "Flag: {flag} ({reason}).", flag=flag, reason=reason)
    progress = _percent(result.goal_progress, lang)
    used = _percent(result.spend_ratio, lang)
    if result.flag is Flag.OK:
        text = translate(
            lang,
            "Flag: {flag}. The goal indicators have come {progress} of the way on average, "
            "and {used} of the budget is used: results keep up with spending.",
            flag=flag,
            progress=progress,
            used=used,
        )
    else:
        text = translate(
            lang,
            "Flag: {flag}. The goal indicators have come {progress} of the way on average, "
            "but {used} of the budget is used: spending runs ahead of results.",
            flag=flag,
            progress=progress,
            used=used,
        )
    return text


def follow_up_text(model: LogicModel, result: FollowUp, *, lang: str | None = None) -> str:
    """The follow-up as text: indicators, process measures, spending and the flag.

    Args:
        model: the model that was followed up (for labels and units).
        result: its :func:`~logikmodell.followup.follow_up`.
        lang: ``"sv"``, ``"en"``, or ``None`` for the language of the environment.
    """
    language = resolve_lang(lang)
    if result.as_of is None:
        title = translate(language, "Follow-up of {title}", title=repr(model.title))
    else:
        title = translate(
            language,
            "Follow-up of {title} as of {date}",
            title=repr(model.title),
            date=format_date(result.as_of, lang=language),
        )
    lines = [title]
    outcome = [status for status in result.indicators if not status.process]
    process = [status for status in result.indicators if status.process]
    for heading, statuses in (
        (translate(language, "Outcome indicators"), outcome),
        (translate(language, "Process measures"), process),
    ):
        if statuses:
            lines += ["", heading, *columns(_indicator_rows(model, statuses, language), "ll")]
    behind = [_indicator(model, s.id).label for s in result.indicators if s.status is Status.BEHIND]
    if behind:
        lines += ["", translate(language, "Behind plan:"), *(f"  - {label}" for label in behind)]
    if result.resources:
        lines += _spend_lines(model, result, language)
    lines += ["", _flag_sentence(result, language)]
    return "\n".join(lines)
