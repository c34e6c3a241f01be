"""Cost attribution as readable text: the table of ``logikmodell costs`` and the demo.

Every word comes from the message catalogues and every figure is written in the form
of the language (:mod:`logikmodell.i18n`, :mod:`logikmodell.numbers`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from logikmodell.i18n import N_, resolve_lang, translate
from logikmodell.model.enums import NodeKind
from logikmodell.model.nodes import Outcome, Output
from logikmodell.text._table import columns

if TYPE_CHECKING:
    from collections.abc import Mapping

    from logikmodell.costs.attribution import CostAttribution
    from logikmodell.graph import LogicModel
    from logikmodell.model.money import Money
    from logikmodell.numbers import Lang

__all__ = ["cost_summary", "cost_table"]

_STAGE_TITLES = {
    NodeKind.RESOURCE: N_("Resources"),
    NodeKind.ACTIVITY: N_("Activities"),
    NodeKind.OUTPUT: N_("Outputs"),
    NodeKind.SHORT_TERM_OUTCOME: N_("Short-term outcomes"),
    NodeKind.LONG_TERM_OUTCOME: N_("Long-term outcomes"),
    NodeKind.IMPACT: N_("Impacts"),
}


def _per_unit(model: LogicModel, id: str, costs: CostAttribution, lang: Lang) -> tuple[str, str]:
    per_unit = costs.per_unit[id]
    if per_unit is None:
        return "–", ""
    node = model.node(id)
    unit = translate(lang, "unit")
    if isinstance(node, Output | Outcome) and node.quantity is not None and node.quantity.unit:
        unit = node.quantity.unit
    return per_unit.format(group=True, lang=lang), translate(lang, "per {unit}", unit=unit)


def _stage_lines(model: LogicModel, costs: CostAttribution, lang: Lang) -> list[str]:
    lines: list[str] = []
    for kind, title in _STAGE_TITLES.items():
        ids = [node.id for node in model.of_kind(kind)]
        if not ids:
            continue
        stage = costs.stages[kind].format(group=True, lang=lang)
        lines += ["", f"{translate(lang, title)}: {stage}"]
        rows: list[tuple[str, ...]] = [
            (
                translate(lang, "node"),
                translate(lang, "attributed"),
                translate(lang, "upstream"),
                translate(lang, "per unit"),
                "",
            )
        ]
        rows += [
            (
                id,
                costs.attributed[id].format(group=True, lang=lang),
                costs.upstream[id].format(group=True, lang=lang),
                *_per_unit(model, id, costs, lang),
            )
            for id in ids
        ]
        lines += columns(rows, "lrrrl")
    return lines


def _money_rows(items: Mapping[str, Money], lang: Lang) -> list[tuple[str, str]]:
    return [(key, money.format(group=True, lang=lang)) for key, money in items.items()]


def cost_table(model: LogicModel, costs: CostAttribution, *, lang: str | None = None) -> str:
    """The full attribution as text: every node per stage, then payers, years, rest.

    Args:
        model: the model the attribution was made from (for kinds and units).
        costs: its attribution.
        lang: ``"sv"``, ``"en"``, or ``None`` for the language of the environment
            (:func:`logikmodell.i18n.resolve_lang`).
    """
    language = resolve_lang(lang)
    title = translate(
        language,
        "Costs of {title}, in {currency}",
        title=repr(model.title),
        currency=costs.currency,
    )
    lines = [title, ""]
    head: list[tuple[str, ...]] = [
        (translate(language, "Total"), costs.total.format(group=True, lang=language))
    ]
    size = model.target_group.size if model.target_group is not None else None
    if costs.per_participant is not None:
        head.append(
            (
                translate(language, "Per participant ({size})", size=size),
                costs.per_participant.format(group=True, lang=language),
            )
        )
    lines += columns(head, indent="")
    lines += _stage_lines(model, costs, language)
    if costs.unallocated:
        lines += ["", translate(language, "Unallocated (shares on the outgoing links sum below 1)")]
        lines += columns(_money_rows(costs.unallocated, language))
    if costs.payers:
        lines += ["", translate(language, "Per payer")]
        lines += columns(_money_rows(costs.payers, language))
    if costs.years:
        lines += ["", translate(language, "Per year")]
        lines += columns(
            [
                (translate(language, "year {year}", year=year), m.format(group=True, lang=language))
                for year, m in costs.years.items()
            ]
        )
    return "\n".join(lines)


def cost_summary(model: LogicModel, costs: CostAttribution, *, lang: str | None = None) -> str:
    """A short cost table: total, per stage, per participant and per payer.

    The stage figures are not added up: each is all the cost that reaches that stage,
    and the same kronor pass through every stage on their way to the goals. The table
    says so in words under the figures.
    """
    language = resolve_lang(lang)

    def fmt(money: Money) -> str:
        return money.format(group=True, lang=language)

    rows: list[tuple[str, ...]] = [(translate(language, "Total"), fmt(costs.total))]
    rows.append((translate(language, "By stage (not additive)"), ""))
    for kind, title in _STAGE_TITLES.items():
        if model.of_kind(kind):
            rows.append((f"  {translate(language, title)}", fmt(costs.stages[kind])))
    if costs.per_participant is not None and model.target_group is not None:
        size = model.target_group.size
        rows.append(
            (
                translate(language, "Per participant ({size})", size=size),
                fmt(costs.per_participant),
            )
        )
    rows += [
        (translate(language, "Paid by {payer}", payer=id), fmt(money))
        for id, money in costs.payers.items()
    ]
    rows += [
        (translate(language, "Unallocated at {node}", node=id), fmt(money))
        for id, money in costs.unallocated.items()
    ]
    note = translate(
        language,
        "The stages do not add up to the total: each stage shows all the cost that "
        "reaches it, and the same money passes through every stage on its way to the goals.",
    )
    heading = translate(language, "Costs ({currency})", currency=costs.currency)
    return "\n".join([heading, *columns(rows), "", note])
