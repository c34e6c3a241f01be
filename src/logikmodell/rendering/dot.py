"""The logic-model diagram as DOT text: pure string building, no process is run.

Columns run left to right in chain order, each headed in the chosen language;
needs stand in a column beside the goals that answer them. Indicators (baseline
→ target) and risks are listed inside the node they measure or threaten. Arrows
show the sign of every causal link and, by line style, its evidence grade; a
legend explains them.

Safety: node ids in the DOT text are generated (``n0``, ``n1`` …) and every piece
of user text goes into an HTML-like label, escaped, so no label can end the label,
the statement or the graph. Determinism: the same model gives the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from logikmodell._arguments import check_type
from logikmodell.graph import LogicModel
from logikmodell.i18n import N_, translate
from logikmodell.model.enums import Effect, Evidence, NodeKind
from logikmodell.model.nodes import Node
from logikmodell.rendering._content import (
    LABEL_WIDTH,
    STATUS_ORDER,
    heading,
    node_rows,
    shown,
    transfer_arrows,
)
from logikmodell.rendering._findings import (
    SEVERITY_COLORS,
    FindingLike,
    FindingsLike,
    Mark,
    Marks,
    mark,
)
from logikmodell.rendering._text import clean, html_text, wrap
from logikmodell.rendering._view import Edge, View, build_view
from logikmodell.rendering.labels import (
    STATUS_SYMBOLS,
    Lang,
    check_lang,
    evidence_name,
    stage_name,
    status_name,
)

if TYPE_CHECKING:
    import graphviz

    from logikmodell.followup import FollowUp

__all__ = ["FONT", "STATUS_STYLE", "STYLE", "to_dot"]

#: The font of every text in the diagram: Liberation Sans (Debian: ``fonts-liberation2``)
#: for the layout; SVG viewers without it fall back to Arial, which has the same metrics.
FONT = "Liberation Sans,Arial,Helvetica,sans-serif"

#: Fill, outline and column tint per kind.
STYLE: dict[NodeKind, tuple[str, str, str]] = {
    NodeKind.RESOURCE: ("#E6EEF8", "#3D6AA2", "#F5F8FC"),
    NodeKind.ACTIVITY: ("#E2F2EA", "#2E7D5B", "#F4FAF7"),
    NodeKind.OUTPUT: ("#EDF5DF", "#5F7F1F", "#F8FBF2"),
    NodeKind.SHORT_TERM_OUTCOME: ("#FFF3D6", "#B07A00", "#FFFBF1"),
    NodeKind.LONG_TERM_OUTCOME: ("#FCE6D6", "#B4541F", "#FEF7F2"),
    NodeKind.IMPACT: ("#F5E0EC", "#923A68", "#FCF5F9"),
    NodeKind.NEED: ("#EEEEEE", "#6B6B6B", "#F8F8F8"),
}

#: Fill and edge colour of an indicator's follow-up status row. The fills differ in
#: lightness too, and every status also has its own symbol and word.
STATUS_STYLE: dict[str, tuple[str, str]] = {
    "achieved": ("#BFDCF5", "#1E5AA8"),
    "on_track": ("#D5EDD8", "#2E7D32"),
    "behind": ("#F6B8B0", "#B3261E"),
    "no_data": ("#E3E3E3", "#6B6B6B"),
    "incomplete": ("#FFF3C4", "#8C6D00"),
}

_EDGE_STYLE: dict[Evidence | None, tuple[str, str]] = {
    Evidence.RESEARCH: ("solid", "2.4"),
    Evidence.PROVEN_EXPERIENCE: ("solid", "1.2"),
    Evidence.ASSUMPTION: ("dashed", "1.2"),
    None: ("dotted", "1.4"),
}
_INK = "#333333"
_DECREASE = "#B3261E"
_DELIVERY = "#8C8C8C"
_MUTED = "#555555"


def _html(lines: Iterable[str]) -> str:
    return "<br/>".join(html_text(line) for line in lines)


def _font(text: str, *, size: int | None = None, color: str | None = None) -> str:
    attrs = ""
    if size is not None:
        attrs += f' point-size="{size}"'
    if color is not None:
        attrs += f' color="{color}"'
    return f"<font{attrs}>{text}</font>"


def _row(content: str, *, bgcolor: str | None = None, edge: str | None = None) -> str:
    bg = f' bgcolor="{bgcolor}"' if bgcolor else ""
    if edge is not None:
        bg += f' border="1" sides="l" color="{edge}"'
    return f'<tr><td align="left" balign="left"{bg}>{content}</td></tr>'


_ROW_STYLE: dict[str, tuple[str | None, str | None]] = {
    "detail": (None, None),
    "indicator": ("#FFFFFF", None),
    "risk": ("#FBE3E1", None),
    "count": (None, _MUTED),
}


def _node_label(node: Node, model: LogicModel, view: View, lang: Lang, found: Mark | None) -> str:
    fill, outline, _ = STYLE[node.kind]
    border = "1"
    if found is not None:
        outline, border = found.color, "3"
    rows = [_row("<b>" + _html(wrap(node.label, LABEL_WIDTH)) + "</b>")]
    for row in node_rows(node, model, view, lang):
        if row.status is not None:
            tint, edge = STATUS_STYLE[row.status]
            rows.append(_row(_font(_html(row.lines), size=9), bgcolor=tint, edge=edge))
            continue
        bgcolor, color = _ROW_STYLE[row.role]
        rows.append(_row(_font(_html(row.lines), size=9, color=color), bgcolor=bgcolor))
    if found is not None:
        codes = ", ".join(found.codes)
        rows.append(_row(_font(html_text(codes), size=9, color=found.color)))
    return (
        f'<table border="{border}" cellborder="0" cellspacing="0" cellpadding="3" '
        f'style="rounded" color="{outline}" bgcolor="{fill}">' + "".join(rows) + "</table>"
    )


def _title_label(
    model: LogicModel,
    view: View,
    lang: Lang,
    legend: bool,
    found: Sequence[str] = (),
    statuses: Sequence[str] = (),
) -> str:
    rows = [_row(_font("<b>" + _html(wrap(model.title, 80)) + "</b>", size=20))]
    facts, notes = heading(model, view, lang)
    for fact in facts:
        rows.append(_row(_font(_html(wrap(fact, 110)), size=11, color=_MUTED)))
    for note in notes:
        rows.append(_row(_font(_html(wrap(note, 110)), size=11, color=_DECREASE)))
    info = '<table border="0" cellborder="0" cellspacing="0" cellpadding="2">' + (
        "".join(rows) + "</table>"
    )
    if not legend:
        return f"<{info}>"
    return (
        '<<table border="0" cellborder="0" cellspacing="0" cellpadding="0"><tr>'
        f'<td valign="top" align="left">{info}</td><td width="40"></td>'
        f'<td valign="top" align="left">{_legend(lang, bool(view.needs), found, statuses)}</td>'
        "</tr></table>>"
    )


def _edge_attrs(edge: Edge, found: Mark | None) -> dict[str, str]:
    attrs: dict[str, str] = {}
    if edge.causal:
        style, width = _EDGE_STYLE[edge.evidence]
        attrs["style"] = style
        attrs["penwidth"] = width
        attrs["color"] = _INK
    else:
        attrs["color"] = _DELIVERY
    if edge.causal or edge.effect == Effect.DECREASES:
        decreasing = edge.effect == Effect.DECREASES
        attrs["headlabel"] = _Html("<b>−</b>" if decreasing else "<b>+</b>")
        attrs["fontcolor"] = _DECREASE if decreasing else _INK
        if decreasing:
            attrs["color"] = _DECREASE
            attrs["arrowhead"] = "tee"
    if edge.backward:
        attrs["constraint"] = "false"
    if found is not None:
        attrs["color"] = found.color
        attrs["penwidth"] = "3"
        attrs["tooltip"] = "\n".join(found.messages)
    return attrs


def _sample(text: str, *, color: str, width: str, style: str | None = None) -> str:
    dash = f' style="{style}"' if style else ""
    return (
        '<tr><td><table border="0" cellspacing="0" cellpadding="0">'
        f'<tr><td width="36" height="6" sides="b" border="{width}" color="{color}"{dash}></td></tr>'
        '<tr><td height="5"></td></tr></table></td>'
        f'<td align="left">{_font(html_text(text), size=10)}</td></tr>'
    )


#: How the legend names the severity of the findings a diagram highlights.
_FOUND_NAMES = {
    "error": N_("error"),
    "warning": N_("warning"),
    "info": N_("info"),
}


def _status_sample(status: str, lang: Lang) -> str:
    fill, edge = STATUS_STYLE[status]
    return (
        f'<tr><td width="36" bgcolor="{fill}" border="1" sides="l" color="{edge}">'
        f"{_font(html_text(STATUS_SYMBOLS[status]), size=10)}</td>"
        f'<td align="left">{_font(html_text(status_name(status, lang)), size=10)}</td></tr>'
    )


def _legend(
    lang: Lang, needs: bool, found: Sequence[str] = (), statuses: Sequence[str] = ()
) -> str:
    """The legend as an HTML-like table: line samples drawn as cell borders.

    ``found`` names the severities of the findings drawn, most severe first; each
    gets a sample of its outline colour. ``statuses`` names the follow-up statuses
    the indicators show; each gets its fill, symbol and word.
    """
    evidence = [
        _sample(
            evidence_name(grade, lang),
            color=_INK,
            width="3" if grade == Evidence.RESEARCH else "1",
            style={Evidence.ASSUMPTION: "dashed", None: "dotted"}.get(grade),
        )
        for grade in (Evidence.RESEARCH, Evidence.PROVEN_EXPERIENCE, Evidence.ASSUMPTION, None)
    ]
    links = [
        _sample(translate(lang, "+ increases"), color=_INK, width="1"),
        _sample(translate(lang, "− decreases"), color=_DECREASE, width="1"),
        _sample(translate(lang, "Delivery (not a causal claim)"), color=_DELIVERY, width="1"),
    ]
    if needs:
        links.append(
            _sample(translate(lang, "addresses need"), color="#9A9A9A", width="1", style="dashed")
        )

    def block(head: str, rows: list[str]) -> str:
        return (
            '<table border="0" cellborder="0" cellspacing="2" cellpadding="0">'
            f'<tr><td colspan="2" align="left">{_font("<b>" + html_text(head) + "</b>", size=10)}'
            "</td></tr>" + "".join(rows) + "</table>"
        )

    evidence_head = translate(lang, "Evidence")
    links_head = translate(lang, "Links")
    findings = ""
    if found:
        samples = [
            _sample(translate(lang, _FOUND_NAMES[s]), color=SEVERITY_COLORS[s], width="3")
            for s in found
        ]
        head = translate(lang, "Findings (code on the node)")
        findings = f'<td valign="top">{block(head, samples)}</td>'
    if statuses:
        samples = [_status_sample(status, lang) for status in statuses]
        head = translate(lang, "Follow-up (status of each indicator)")
        findings += f'<td valign="top">{block(head, samples)}</td>'
    return (
        '<table border="1" color="#BBBBBB" style="rounded" cellborder="0" cellspacing="4" '
        'cellpadding="2"><tr>'
        f'<td valign="top">{block(evidence_head, evidence)}</td>'
        f'<td valign="top">{block(links_head, links)}</td>'
        f"{findings}</tr></table>"
    )


_ADDRESSES = {"style": "dashed", "color": "#9A9A9A", "arrowhead": "empty", "arrowsize": "0.6"}


def _digraph(title: str) -> graphviz.Digraph:
    """An empty diagram with the house style: left to right, one font, edges drawn first."""
    import graphviz

    return graphviz.Digraph(
        name="logikmodell",
        graph_attr={
            "rankdir": "LR",
            "newrank": "true",
            "fontname": FONT,
            "label": title,
            "labelloc": "t",
            "labeljust": "l",
            "nodesep": "0.2",
            "ranksep": "0.45",
            "pad": "0.3",
            "bgcolor": "white",
            "outputorder": "edgesfirst",
        },
        node_attr={"shape": "plain", "fontname": FONT, "fontsize": "11"},
        edge_attr={
            "fontname": FONT,
            "fontsize": "13",
            "arrowsize": "0.7",
            "labeldistance": "1.4",
            "labelangle": "35",
        },
    )


def to_dot(
    model: LogicModel,
    *,
    lang: str = "sv",
    findings: Iterable[FindingLike] | FindingsLike | None = None,
    goal: str | None = None,
    compact: bool | None = None,
    legend: bool = True,
    follow_up: FollowUp | None = None,
) -> graphviz.Digraph:
    """The model's diagram as a ``graphviz.Digraph``, built as text without running ``dot``.

    Args:
        model: the model to draw.
        lang: ``"sv"`` (default) or ``"en"`` for headings, legend and units.
        findings: findings to highlight (a validation ``Report`` or any iterable of
            objects with ``code``, ``severity``, ``message``, ``nodes``, ``link``).
            A finding about a link colours the link; any other colours its nodes.
        goal: draw only this node (typically a goal) and the nodes with a path to it.
        compact: fold each output into its activity and show indicators and risks
            as counts; ``None`` (default) does so for models over 80 nodes.
        legend: draw the legend of line styles and signs.
        follow_up: a follow-up of the model (:func:`~logikmodell.followup.follow_up`):
            each indicator then shows its status by a coloured row with a symbol and
            a word (and, in a compact view, each node counts its indicators by
            status); the heading gives the date and the flag, the legend the statuses.

    Returns:
        The diagram; ``.source`` is the DOT text, and ``graph.attr(...)`` styles it
        further.

    Raises:
        InvalidValueError: an unknown ``lang``, or ``goal`` is a need.
        UnknownIdError: ``goal`` names no node.
    """
    check_type("to_dot()", "model", model, LogicModel)

    language = check_lang(lang)
    view = build_view(model, goal=goal, compact=compact, follow_up=follow_up)
    marks: Marks = mark(findings)
    ids: dict[str, str] = {}
    for node in model:
        if node.id in view.rank:
            ids[node.id] = f"n{len(ids)}"

    present = {m.severity for m in (*marks.nodes.values(), *marks.links.values())}
    severities = [severity for severity in SEVERITY_COLORS if severity in present]
    drawn = {str(s.status) for s in view.statuses.values() if view.drawn(s.measures)}
    statuses = [status for status in STATUS_ORDER if status in drawn]
    graph = _digraph(_title_label(model, view, language, legend, severities, statuses))

    def found_on(node: Node) -> Mark | None:
        return _combine([marks.nodes[id] for id in shown(node, view) if id in marks.nodes])

    # Statements are written straight into the body: every value is quoted by
    # _value (or is an HTML-like label escaped by html_text), every name generated.
    body: list[str] = graph.body
    columns = [*view.columns]
    if view.needs:
        columns.append((NodeKind.NEED, view.needs))
    for index, (kind, nodes) in enumerate(columns):
        _, _, tint = STYLE[kind]
        body.append(f"\tsubgraph cluster_c{index} {{\n")
        body.append(
            "\t\tgraph "
            + _attrs(
                {
                    "label": _Html(f"<b>{html_text(stage_name(kind, language))}</b>"),
                    "labeljust": "c",
                    "fontsize": "14",
                    "style": "filled,rounded",
                    "fillcolor": tint,
                    "color": tint,
                    "margin": "10",
                }
            )
            + "\n"
        )
        for node in nodes:
            label = _node_label(node, model, view, language, found_on(node))
            tooltip = node.description or node.label
            body.append(
                f"\t\t{ids[node.id]} " + _attrs({"label": _Html(label), "tooltip": tooltip}) + "\n"
            )
        body.append("\t}\n")

    # Pin each rank to its column: an invisible spine of one point per rank.
    by_rank: dict[int, list[str]] = {}
    for node in model:
        if node.id in ids:
            by_rank.setdefault(view.rank[node.id], []).append(ids[node.id])
    for rank in range(view.ranks):
        body.append(f'\tr{rank} [label="" height=0 shape=point style=invis width=0]\n')
        members = " ".join([f"r{rank}", *by_rank.get(rank, [])])
        body.append(f"\t{{ rank=same; {members} }}\n")
        if rank:
            body.append(f"\tr{rank - 1} -> r{rank} [style=invis]\n")

    for edge in view.edges:
        found = _combine([marks.links[k] for k in edge.keys if k in marks.links])
        attrs = _attrs(_edge_attrs(edge, found))
        body.append(f"\t{ids[edge.from_id]} -> {ids[edge.to_id]} {attrs}\n")
    for goal_id, need in view.addresses:
        if need in ids and goal_id in ids:
            body.append(f"\t{ids[goal_id]} -> {ids[need]} {_attrs(_ADDRESSES)}\n")
    body.extend(_transfer_statements(model, language))
    return graph


_TRANSFER_INK = "#6A4C93"
_TRANSFER = {
    "style": "dashed",
    "color": _TRANSFER_INK,
    "fontcolor": _TRANSFER_INK,
    "fontsize": "11",
    "arrowhead": "open",
}


def _transfer_statements(model: LogicModel, lang: Lang) -> list[str]:
    """Transfers between actors: dashed arrows in a box of their own, under the chain."""
    actors, arrows = transfer_arrows(model)
    if not arrows:
        return []
    ids = {actor: f"a{index}" for index, actor in enumerate(actors)}
    title = html_text(translate(lang, "Transfers between actors"))
    lines = [
        "\tsubgraph cluster_transfers {\n",
        "\t\tgraph "
        + _attrs(
            {
                "label": _Html(f"<b>{title}</b>"),
                "labeljust": "l",
                "fontsize": "14",
                "style": "dashed,rounded",
                "color": "#9A9A9A",
                "margin": "10",
            }
        )
        + "\n",
    ]
    for actor, label in actors.items():
        cell = _html(wrap(label, LABEL_WIDTH))
        table = (
            '<table border="1" cellborder="0" cellpadding="4" style="rounded" '
            f'color="{_TRANSFER_INK}" bgcolor="#F3EFF8"><tr><td>{cell}</td></tr></table>'
        )
        lines.append(f"\t\t{ids[actor]} " + _attrs({"label": _Html(table)}) + "\n")
    lines.append("\t}\n")
    for arrow in arrows:
        label = _Html(_html(wrap(arrow.text, LABEL_WIDTH)))
        statement = f"\t{ids[arrow.from_actor]} -> {ids[arrow.to_actor]} "
        lines.append(statement + _attrs({**_TRANSFER, "label": label}) + "\n")
    return lines


class _Html(str):
    """The inside of an HTML-like label, already escaped: written between ``<`` and ``>``."""

    __slots__ = ()


_PLAIN = re.compile(r"[A-Za-z_][A-Za-z0-9_]*|-?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)")
_KEYWORDS = frozenset({"node", "edge", "graph", "digraph", "subgraph", "strict"})


def _value(value: str) -> str:
    """A DOT attribute value: HTML-like as is, plain words bare, anything else quoted.

    A quoted value has its backslashes doubled and its quotes and line breaks
    escaped, so that ``\\N`` and the like stay text and nothing ends the string.
    """
    if isinstance(value, _Html):
        return f"<{value}>"
    if _PLAIN.fullmatch(value) and value.lower() not in _KEYWORDS:
        return value
    escaped = clean(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def _attrs(attrs: dict[str, str]) -> str:
    return "[" + " ".join(f"{key}={_value(value)}" for key, value in attrs.items()) + "]"


def _combine(found: list[Mark]) -> Mark | None:
    if not found:
        return None
    if len(found) == 1:
        return found[0]
    order = {"info": 1, "warning": 2, "error": 3}
    return Mark(
        severity=max((m.severity for m in found), key=lambda s: order.get(s, 0)),
        codes=tuple(dict.fromkeys(c for m in found for c in m.codes)),
        messages=tuple(msg for m in found for msg in m.messages),
    )
