"""Cost attribution as readable text: the table of ``logikmodell costs`` and the demo."""

from __future__ import annotations

from typing import TYPE_CHECKING

from logikmodell.model.enums import NodeKind
from logikmodell.model.nodes import Outcome, Output

if TYPE_CHECKING:
    from logikmodell.costs.attribution import CostAttribution
    from logikmodell.graph import LogicModel

__all__ = ["cost_summary", "cost_table"]

_STAGE_TITLES = {
    NodeKind.RESOURCE: "Resources",
    NodeKind.ACTIVITY: "Activities",
    NodeKind.OUTPUT: "Outputs",
    NodeKind.SHORT_TERM_OUTCOME: "Short-term outcomes",
    NodeKind.LONG_TERM_OUTCOME: "Long-term outcomes",
    NodeKind.IMPACT: "Impacts",
}


def _rows(rows: list[tuple[str, ...]], indent: str = "  ", left: int = 1) -> list[str]:
    """Left-align the first ``left`` columns and the last of several, right-align the rest."""
    count = len(rows[0])
    widths = [max(len(row[i]) for row in rows) for i in range(count)]
    lines = []
    for row in rows:
        cells = [
            cell.ljust(width) if i < left or (count > 2 and i == count - 1) else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append((indent + "  ".join(cells)).rstrip())
    return lines


def _per_unit(model: LogicModel, id: str, costs: CostAttribution) -> tuple[str, str]:
    per_unit = costs.per_unit[id]
    if per_unit is None:
        return "–", ""
    node = model.node(id)
    unit = "unit"
    if isinstance(node, Output | Outcome) and node.quantity is not None and node.quantity.unit:
        unit = node.quantity.unit
    return per_unit.format(group=True), f"per {unit}"


def cost_table(model: LogicModel, costs: CostAttribution) -> str:
    """The full attribution as text: every node per stage, then payers, years, rest.

    Args:
        model: the model the attribution was made from (for kinds and units).
        costs: its attribution.
    """
    lines = [f"Costs of {model.title!r}, in {costs.currency}", ""]
    head: list[tuple[str, ...]] = [("Total", costs.total.format(group=True))]
    size = model.target_group.size if model.target_group is not None else None
    if costs.per_participant is not None:
        head.append((f"Per participant ({size})", costs.per_participant.format(group=True)))
    lines += _rows(head, indent="")
    for kind, title in _STAGE_TITLES.items():
        ids = [node.id for node in model.of_kind(kind)]
        if not ids:
            continue
        lines += ["", f"{title}: {costs.stages[kind].format(group=True)}"]
        rows: list[tuple[str, ...]] = [("node", "attributed", "upstream", "per unit", "")]
        rows += [
            (
                id,
                costs.attributed[id].format(group=True),
                costs.upstream[id].format(group=True),
                *_per_unit(model, id, costs),
            )
            for id in ids
        ]
        lines += _rows(rows)
    if costs.unallocated:
        lines += ["", "Unallocated (shares on the outgoing links sum below 1)"]
        lines += _rows([(id, m.format(group=True)) for id, m in costs.unallocated.items()])
    if costs.payers:
        lines += ["", "Per payer"]
        lines += _rows([(id, m.format(group=True)) for id, m in costs.payers.items()])
    if costs.years:
        lines += ["", "Per year"]
        lines += _rows([(f"year {year}", m.format(group=True)) for year, m in costs.years.items()])
    return "\n".join(lines)


def cost_summary(model: LogicModel, costs: CostAttribution) -> str:
    """A short cost table: total, per stage, per participant and per payer."""
    rows: list[tuple[str, ...]] = [("Total", costs.total.format(group=True))]
    rows.append(("By stage (not additive)", ""))
    for kind, title in _STAGE_TITLES.items():
        if model.of_kind(kind):
            rows.append((f"  {title}", costs.stages[kind].format(group=True)))
    if costs.per_participant is not None and model.target_group is not None:
        size = model.target_group.size
        rows.append((f"Per participant ({size})", costs.per_participant.format(group=True)))
    rows += [(f"Paid by {id}", money.format(group=True)) for id, money in costs.payers.items()]
    for id, money in costs.unallocated.items():
        rows.append((f"Unallocated at {id}", money.format(group=True)))
    return "\n".join([f"Costs ({costs.currency})", *_rows(rows)])
