"""The text of each node and of the heading, in plain words, for every output format.

The DOT and Mermaid writers escape and style these rows each in their own way.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, Literal

import attrs

from logikmodell.errors import LogikmodellError
from logikmodell.graph import LogicModel
from logikmodell.i18n import translate, translate_plural
from logikmodell.model.enums import Direction
from logikmodell.model.nodes import Node, Outcome, Output, Resource
from logikmodell.numbers import format_percent
from logikmodell.rendering._text import clean, wrap
from logikmodell.rendering._view import View
from logikmodell.rendering.labels import (
    STATUS_SYMBOLS,
    Lang,
    flag_name,
    format_money,
    format_number,
    format_quantity,
    status_name,
)

if TYPE_CHECKING:
    from logikmodell.followup import IndicatorStatus
    from logikmodell.model.elements import Indicator

__all__ = [
    "DETAIL_WIDTH",
    "LABEL_WIDTH",
    "Row",
    "TransferArrow",
    "heading",
    "node_rows",
    "shown",
    "transfer_arrows",
]

#: Characters per line of a node's title and of its detail rows.
LABEL_WIDTH = 28
DETAIL_WIDTH = 38

#: What a row says: a fact about the node, an indicator, a risk, counts of them, or
#: an indicator's follow-up status.
Role = Literal["detail", "indicator", "risk", "count", "status"]

#: The follow-up statuses in the order the diagram lists them.
STATUS_ORDER = ("behind", "no_data", "incomplete", "on_track", "achieved")


@attrs.frozen(kw_only=True)
class Row:
    """A row under a node's title: its role and its wrapped, cleaned lines.

    ``status`` is the follow-up status a ``status`` row shows (``behind`` …).
    """

    role: Role
    lines: tuple[str, ...]
    status: str | None = None


def shown(node: Node, view: View) -> list[str]:
    """The ids a drawn node stands for: itself and the outputs folded into it."""
    return [node.id, *(o.id for o in view.folded.get(node.id, ()))]


def _observation(indicator: Indicator, lang: Lang) -> str | None:
    unit = indicator.unit or ""
    base = indicator.baseline
    target = indicator.target
    if base is None and target is None:
        return None
    parts = [format_quantity(o.value, unit, lang) for o in (base, target) if o is not None]
    line = " → ".join(parts) if len(parts) == 2 else ("→ " if target else "") + parts[0]
    if target is not None and target.date is not None:
        line += " " + translate(lang, "(by {year})", year=target.date.year)
    return line


def _facts(node: Node, model: LogicModel, lang: Lang) -> list[str]:
    """Lines of facts under a node's title.

    A resource's cost and payer (a line each), an output's quantity, an outcome's
    desired direction and quantity.
    """
    parts: list[str] = []
    if isinstance(node, Resource):
        from logikmodell.costs.resources import resource_cost

        try:
            cost = resource_cost(node, model.currency)
        except LogikmodellError:  # pragma: no cover - a model's resources always convert
            cost = None
        lines = []
        if cost is not None:
            lines.append(format_money(cost, model.currency, lang))
        if node.payer is not None:
            lines.extend(wrap(model.actor(node.payer).label, DETAIL_WIDTH))
        return lines
    if isinstance(node, Output) and node.quantity is not None:
        parts.append(format_quantity(node.quantity.value, node.quantity.unit, lang))
    elif isinstance(node, Outcome):
        if node.direction == Direction.INCREASE:
            parts.append("↑ " + translate(lang, "to increase"))
        elif node.direction == Direction.DECREASE:
            parts.append("↓ " + translate(lang, "to decrease"))
        if node.quantity is not None:
            parts.append(format_quantity(node.quantity.value, node.quantity.unit, lang))
    return wrap(" · ".join(parts), DETAIL_WIDTH) if parts else []


def _status_row(status: IndicatorStatus, lang: Lang) -> Row:
    """An indicator's follow-up status: its symbol and word, and how far it has come."""
    value = str(status.status)
    text = f"{STATUS_SYMBOLS[value]} {status_name(value, lang)}"
    if status.progress is not None and status.expected is not None:
        text = translate(
            lang,
            "{status}: {progress} of the way, {expected} expected",
            status=text,
            progress=format_percent(status.progress, places=0, minus="−", lang=lang),
            expected=format_percent(status.expected, places=0, minus="−", lang=lang),
        )
    return Row(role="status", lines=_indented(wrap(text, DETAIL_WIDTH)), status=value)


def _status_counts(indicators: list[Indicator], view: View, lang: Lang) -> list[Row]:
    """In a compact view: how many of a node's indicators have each status."""
    counts: dict[str, int] = {}
    for indicator in indicators:
        status = view.statuses.get(indicator.id)
        if status is not None:
            counts[str(status.status)] = counts.get(str(status.status), 0) + 1
    return [
        Row(
            role="status",
            lines=(f"{STATUS_SYMBOLS[value]} {status_name(value, lang)}: {counts[value]}",),
            status=value,
        )
        for value in STATUS_ORDER
        if value in counts
    ]


def _indented(lines: list[str]) -> tuple[str, ...]:
    return (lines[0], *("\u2002 " + line for line in lines[1:]))


def node_rows(node: Node, model: LogicModel, view: View, lang: Lang) -> list[Row]:
    """Rows under a node's title: its facts, folded outputs, indicators and risks."""
    rows: list[Row] = []
    facts = _facts(node, model, lang)
    if facts:
        rows.append(Row(role="detail", lines=tuple(facts)))
    for output in view.folded.get(node.id, ()):
        text = "→ " + clean(output.label)
        if output.quantity is not None:
            text += ": " + format_quantity(output.quantity.value, output.quantity.unit, lang)
        rows.append(Row(role="detail", lines=tuple(wrap(text, DETAIL_WIDTH))))
    ids = shown(node, view)
    indicators = [i for id in ids for i in view.indicators.get(id, ())]
    risks = list({r.id: r for id in ids for r in view.risks.get(id, ())}.values())
    if view.compact:
        counts = []
        if indicators:
            counts.append(
                translate_plural(lang, "{n} indicator", "{n} indicators", len(indicators))
            )
        if risks:
            counts.append(translate_plural(lang, "{n} risk", "{n} risks", len(risks)))
        if counts:
            rows.append(Row(role="count", lines=(" · ".join(counts),)))
        rows.extend(_status_counts(indicators, view, lang))
        return rows
    for indicator in indicators:
        lines = wrap("▪ " + clean(indicator.label), DETAIL_WIDTH)
        observed = _observation(indicator, lang)
        if observed is not None:
            lines.append(observed)
        rows.append(Row(role="indicator", lines=_indented(lines)))
        status = view.statuses.get(indicator.id)
        if status is not None:
            rows.append(_status_row(status, lang))
    for risk in risks:
        head = translate(
            lang,
            "Risk {likelihood}×{consequence}: ",
            likelihood=risk.likelihood,
            consequence=risk.consequence,
        )
        rows.append(Row(role="risk", lines=_indented(wrap(head + clean(risk.label), DETAIL_WIDTH))))
    return rows


def heading(model: LogicModel, view: View, lang: Lang) -> tuple[list[str], list[str]]:
    """Facts under the title (owner, period, target group) and notes on what was left out."""
    facts = []
    if model.owner:
        facts.append(translate(lang, "Owner: {owner}", owner=clean(model.owner)))
    if model.period:
        facts.append(
            translate(
                lang, "Period: {start} – {end}", start=model.period.start, end=model.period.end
            )
        )
    if model.target_group:
        group = clean(model.target_group.label)
        if model.target_group.size is not None:
            group += f" ({format_number(_fraction(model.target_group.size), lang)})"
        facts.append(translate(lang, "Target group: {group}", group=group))
    if view.follow_up is not None:
        flag = flag_name(str(view.follow_up.flag), lang)
        as_of = view.follow_up.as_of
        if as_of is None:
            facts.append(translate(lang, "Follow-up; flag: {flag}", flag=flag))
        else:
            facts.append(
                translate(lang, "Follow-up as of {date}; flag: {flag}", date=as_of, flag=flag)
            )
    notes = []
    if view.goal is not None:
        goal = clean(model.node(view.goal).label)
        notes.append(translate(lang, "Only paths to: {goal}", goal=goal))
    if view.compact:
        folded = len(view.host)
        counted = translate(lang, "indicators and risks shown as counts")
        if folded:
            shown_in = translate_plural(
                lang,
                "{n} output shown inside its activity",
                "{n} outputs shown inside their activities",
                folded,
            )
            counted = f"{shown_in}; {counted}"
        notes.append(translate(lang, "Compact view: {what}", what=counted))
    return facts, notes


def _fraction(value: int) -> Fraction:
    return Fraction(value)


@attrs.frozen(kw_only=True)
class TransferArrow:
    """A transfer as the diagram draws it: a dashed arrow between two actors.

    Attributes:
        from_actor, to_actor: the actors' ids.
        text: the transfer's label and its money: ``Återföring: 2 000 000 SEK``, or
            for a rate ``Utfall: 420 000 SEK/person (Färre återplaceringar)``.
    """

    from_actor: str
    to_actor: str
    text: str


def transfer_arrows(model: LogicModel) -> tuple[dict[str, str], list[TransferArrow]]:
    """The actors that pay or receive a transfer (id → label, in order met) and the
    arrows between them; both empty for a model without transfers."""
    known = {actor.id: actor.label for actor in model.actors}
    actors: dict[str, str] = {}
    arrows: list[TransferArrow] = []
    for transfer in model.transfers:
        for actor in (transfer.from_actor, transfer.to_actor):
            actors.setdefault(actor, known.get(actor, actor))
        if transfer.amount is not None:
            text = f"{transfer.label}: {transfer.amount}"
        else:
            outcome = model.node(transfer.outcome or "")
            text = f"{transfer.label}: {transfer.rate} ({outcome.label})"
        arrows.append(
            TransferArrow(from_actor=transfer.from_actor, to_actor=transfer.to_actor, text=text)
        )
    return actors, arrows
