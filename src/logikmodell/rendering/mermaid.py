"""The logic-model diagram as a Mermaid flowchart, for Markdown pages and wikis.

The same columns, arrows and rows as the DOT diagram, in Mermaid's syntax. Node
ids are generated (``n0``, ``n1`` …); every character of user text other than
letters, digits, spaces and a few safe punctuation marks is written as a Mermaid
entity (``#60;`` for ``<``), so that no label can end its node or start a statement.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING

from logikmodell.graph import LogicModel
from logikmodell.i18n import translate
from logikmodell.model.enums import Effect, Evidence, NodeKind
from logikmodell.rendering._content import LABEL_WIDTH, heading, node_rows, transfer_arrows
from logikmodell.rendering._text import clean, wrap
from logikmodell.rendering._view import build_view
from logikmodell.rendering.dot import STYLE
from logikmodell.rendering.labels import Lang, check_lang, stage_name

if TYPE_CHECKING:
    from logikmodell.followup import FollowUp

__all__ = ["mermaid_text", "to_mermaid"]

_SAFE = frozenset(" ,.-_()/:+%?!·→↑↓▪×–●►▼○□")
_DECREASE = "#B3261E"


def mermaid_text(text: str) -> str:
    """Escape one line of text for a quoted Mermaid label.

    Letters (any script), digits, spaces and ``, . - _ ( ) / : + % ? !`` stay as
    they are; every other character becomes a numeric entity ``#<code>;``.

    Example:
        >>> mermaid_text('Ökad "närvaro" <b>')
        'Ökad #34;närvaro#34; #60;b#62;'
    """
    return "".join(ch if ch.isalnum() or ch in _SAFE else f"#{ord(ch)};" for ch in clean(text))


def _label(lines: Iterable[str]) -> str:
    return "<br/>".join(mermaid_text(line) for line in lines)


def _arrow(evidence: Evidence | None, causal: bool) -> str:
    if not causal or evidence == Evidence.PROVEN_EXPERIENCE:
        return "-->"
    if evidence == Evidence.RESEARCH:
        return "==>"
    return "-.->"


def _transfer_lines(model: LogicModel, lang: Lang) -> list[str]:
    """Transfers between actors: dotted arrows in a subgraph of their own."""
    actors, arrows = transfer_arrows(model)
    if not arrows:
        return []
    ids = {actor: f"a{index}" for index, actor in enumerate(actors)}
    title = mermaid_text(translate(lang, "Transfers between actors"))
    lines = [f'  subgraph transfers["{title}"]']
    lines += [f'    {ids[actor]}(["{mermaid_text(label)}"])' for actor, label in actors.items()]
    lines.append("  end")
    for arrow in arrows:
        text = mermaid_text(arrow.text)
        lines.append(f'  {ids[arrow.from_actor]} -. "{text}" .-> {ids[arrow.to_actor]}')
    return lines


def to_mermaid(
    model: LogicModel,
    *,
    lang: str = "sv",
    goal: str | None = None,
    compact: bool | None = None,
    follow_up: FollowUp | None = None,
) -> str:
    """The model's diagram as Mermaid flowchart text (``flowchart LR``).

    Thick arrows (``==>``) are links backed by research, plain ones proven
    experience, dotted ones an assumption or no stated evidence; causal links carry
    ``+`` or ``−``, and decreasing links are red. Needs are joined to the goals that
    address them by a dotted line without an arrow.

    Args:
        model: the model to draw.
        lang: ``"sv"`` (default) or ``"en"``.
        goal: draw only this node and the nodes with a path to it.
        compact: as for :func:`logikmodell.rendering.to_dot`.
        follow_up: a follow-up of the model: each indicator then shows its status
            in a symbol and a word, as in :func:`logikmodell.rendering.to_dot`.

    Raises:
        InvalidValueError: an unknown ``lang``, or ``goal`` is a need.
        UnknownIdError: ``goal`` names no node.
    """
    language = check_lang(lang)
    view = build_view(model, goal=goal, compact=compact, follow_up=follow_up)
    ids: dict[str, str] = {}
    for node in model:
        if node.id in view.rank:
            ids[node.id] = f"n{len(ids)}"

    title = " ".join(clean(model.title).split())  # one line of front matter
    lines = ["---", f"title: {json.dumps(title, ensure_ascii=False)}", "---", "flowchart LR"]
    facts, notes = heading(model, view, language)
    for fact in [*facts, *notes]:
        lines.append(f"  %% {mermaid_text(fact)}")
    columns = [*view.columns]
    if view.needs:
        columns.append((NodeKind.NEED, view.needs))
    classes: dict[NodeKind, list[str]] = {}
    for index, (kind, nodes) in enumerate(columns):
        lines.append(f'  subgraph c{index}["{mermaid_text(stage_name(kind, language))}"]')
        for node in nodes:
            rows = [wrap(node.label, LABEL_WIDTH)]
            rows += [list(row.lines) for row in node_rows(node, model, view, language)]
            label = "<br/>".join(_label(row) for row in rows)
            lines.append(f'    {ids[node.id]}["{label}"]')
            classes.setdefault(kind, []).append(ids[node.id])
        lines.append("  end")

    red: list[int] = []
    count = 0
    for edge in view.edges:
        arrow = _arrow(edge.evidence, edge.causal)
        decreasing = edge.effect == Effect.DECREASES
        sign = "−" if decreasing else "+"
        text = f"|{mermaid_text(sign)}|" if edge.causal or decreasing else ""
        lines.append(f"  {ids[edge.from_id]} {arrow}{text} {ids[edge.to_id]}")
        if decreasing:
            red.append(count)
        count += 1
    for goal_id, need in view.addresses:
        if goal_id in ids and need in ids:
            lines.append(f"  {ids[goal_id]} -.- {ids[need]}")
            count += 1

    lines += _transfer_lines(model, language)

    for kind, members in classes.items():
        fill, outline, _ = STYLE[kind]
        lines.append(f"  classDef {kind.value} fill:{fill},stroke:{outline},color:#111111")
        lines.append(f"  class {','.join(members)} {kind.value}")
    if red:
        lines.append(f"  linkStyle {','.join(map(str, red))} stroke:{_DECREASE},color:{_DECREASE}")
    return "\n".join(lines) + "\n"
