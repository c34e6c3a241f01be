"""Lay the report's content out as HTML: the Jinja2 environment, its filters, the pictures."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any

from logikmodell.i18n import N_, translate
from logikmodell.model.elements import Observation
from logikmodell.model.enums import NodeKind
from logikmodell.model.nodes import Node, Outcome, Resource
from logikmodell.numbers import (
    Lang,
    format_date,
    format_decimal,
    format_money,
    format_percent,
)
from logikmodell.rendering.report import charts
from logikmodell.rendering.report.content import Figure, ReportContent

if TYPE_CHECKING:
    import jinja2

__all__ = ["progress_rows", "render_page"]

_TEMPLATES = Path(__file__).parent / "templates"
_MINUS = "−"

_STAGES = {
    NodeKind.RESOURCE: N_("Resources"),
    NodeKind.ACTIVITY: N_("Activities"),
    NodeKind.OUTPUT: N_("Outputs"),
    NodeKind.SHORT_TERM_OUTCOME: N_("Short-term outcomes"),
    NodeKind.LONG_TERM_OUTCOME: N_("Long-term outcomes"),
    NodeKind.IMPACT: N_("Impacts"),
}
#: The kinds whose cost per unit the costs section lists.
_COUNTED = (
    NodeKind.OUTPUT,
    NodeKind.SHORT_TERM_OUTCOME,
    NodeKind.LONG_TERM_OUTCOME,
    NodeKind.IMPACT,
)
_EVIDENCE = {
    "research": N_("research"),
    "proven_experience": N_("proven experience"),
    "assumption": N_("assumption"),
}
_SEVERITY = {"error": N_("error"), "warning": N_("warning"), "info": N_("info")}
_SOURCE_KINDS = {
    "valuation": N_("valuation"),
    "unit_cost": N_("unit cost"),
    "transfer": N_("terms of a transfer"),
    "evidence": N_("evidence for a link"),
    "indicator": N_("indicator data"),
    "general": N_("source of the model"),
}
_FIELDS = {"unit_cost": N_("unit cost"), "cost": N_("cost")}
_CONFIDENCE = {"high": N_("high"), "medium": N_("medium"), "low": N_("low")}
_FLAGS = {
    "ok": N_("results keep up with spending"),
    "warning": N_("results lag behind spending"),
    "danger": N_("results lag far behind spending"),
    "no_data": N_("no goal indicator to compare with spending"),
}
_STATUS = {
    "achieved": N_("achieved"),
    "on_track": N_("on track"),
    "behind": N_("behind"),
    "no_data": N_("no data"),
    "incomplete": N_("no baseline or target"),
}
_DESIGNS = {
    "comparison_group": N_("comparison group"),
    "before_after": N_("before–after only"),
    "none": N_("no data"),
}


def render_page(content: ReportContent, *, template_dir: Path | None) -> str:
    """The HTML of the report."""
    environment = _environment(content.lang, content.model.currency, template_dir)
    template = environment.get_template("report.html.j2")
    shown = environment.filters["figure"]
    return template.render(**_context(content), figure_span=_figure_markup(content.figures, shown))


def _environment(lang: Lang, currency: str, template_dir: Path | None) -> jinja2.Environment:
    from logikmodell.rendering.report import ReportToolMissingError

    try:
        import jinja2
    except ImportError:
        raise ReportToolMissingError(
            "the report needs Jinja2: pip install 'logikmodell[report]'"
        ) from None
    folders = [str(_TEMPLATES)] if template_dir is None else [str(template_dir), str(_TEMPLATES)]
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folders),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.globals["_"] = lambda message, **values: translate(lang, message, **values)
    environment.filters.update(_filters(lang, currency))
    return environment


def _words(lang: Lang) -> dict[str, Callable[[Any], str]]:
    """Filters that name a code in the report's language (a status, a design, ...)."""

    def word(table: Mapping[str, str]) -> Callable[[Any], str]:
        return lambda code: translate(lang, table[str(code)]) if code is not None else "–"

    return {
        "status": word(_STATUS),
        "design": word(_DESIGNS),
        "flag": word(_FLAGS),
        "field": word(_FIELDS),
        "confidence": word(_CONFIDENCE),
    }


def _filters(lang: Lang, currency: str) -> dict[str, Callable[..., object]]:
    def money(value: Fraction | float | int) -> str:
        return format_money(Fraction(value), group=True, minus=_MINUS, currency=currency, lang=lang)

    def decimal(value: Fraction | float | int | None, places: int | None = None) -> str:
        if value is None:
            return "–"
        exact = Fraction(value)
        if places is None:
            try:
                return format_decimal(exact, group=True, minus=_MINUS, lang=lang)
            except ValueError:
                places = 4
        return format_decimal(exact, group=True, places=places, minus=_MINUS, lang=lang)

    def ratio(value: Fraction | float) -> str:
        return format_decimal(Fraction(value), places=2, fixed=True, minus=_MINUS, lang=lang)

    def payback(year: int | None) -> str:
        if year is None:
            return translate(lang, "not within the horizon")
        return translate(lang, "year {year}", year=year)

    def observation(value: Observation | None) -> str:
        if value is None:
            return "–"
        text = decimal(value.value)
        return text if value.date is None else f"{text} ({format_date(value.date, lang=lang)})"

    def figure(item: Figure) -> str:
        value = item.value
        if item.kind == "payback":
            return payback(None if value is None else int(value))
        if value is None:
            return "–"
        if isinstance(value, str) and item.kind != "money":
            return _text_figure(item.kind, value, lang)
        exact = _exact(value)
        if item.kind == "ratio":
            return ratio(exact)
        if item.kind == "share":
            return format_percent(exact, minus=_MINUS, lang=lang)
        if item.kind == "number":
            return decimal(exact, 4)
        return money(exact)

    return {
        "money": money,
        "decimal": decimal,
        "ratio": ratio,
        "payback": payback,
        "observation": observation,
        "figure": figure,
        "number": lambda n: format_decimal(Fraction(n), group=True, lang=lang),
        "percent": lambda p: format_percent(Fraction(p), lang=lang),
        "date": lambda d: format_date(d, lang=lang),
        "stage": lambda kind: translate(lang, _STAGES[kind]),
        "evidence": lambda e: translate(lang, _EVIDENCE[e]) if e else translate(lang, "not stated"),
        "severity": lambda s: translate(lang, _SEVERITY[str(s)]),
        "source_kind": lambda k: translate(lang, _SOURCE_KINDS[k]),
        "risk_band": _risk_band,
        "css_string": _css_string,
        "quantity": lambda q: _quantity(q, lang),
        **_words(lang),
    }


def _exact(value: Fraction | float | int | str) -> Fraction:
    """A figure's value exactly; a float as the decimal its JSON text shows."""
    return Fraction(repr(value)) if isinstance(value, float) else Fraction(value)


def _text_figure(kind: str, value: str, lang: Lang) -> str:
    """A figure held as text: a date in the report's language, a flag in its words."""
    if kind == "date":
        import datetime as dt

        return format_date(dt.date.fromisoformat(value), lang=lang)
    return translate(lang, _FLAGS[value]) if value in _FLAGS else value


def _figure_markup(figures: Mapping[str, Figure], shown: Callable[[Figure], str]) -> Any:
    """The template function ``figure_span(name)``: the figure as a readable element."""
    from markupsafe import Markup

    def figure_span(name: str) -> Markup:
        item = figures[name]
        return Markup('<span data-figure="{}" data-value="{}">{}</span>').format(
            item.name, item.data_value, shown(item)
        )

    return figure_span


def _css_string(text: str) -> object:
    """``text`` for a CSS string: every character but letters and digits as a CSS escape.

    The result is marked safe for HTML: inside ``<style>`` entities are not decoded,
    so the escapes, not ``&lt;``, keep ``</style>`` and quotes from ending anything.
    """
    from markupsafe import Markup

    escaped = "".join(ch if ch.isalnum() else f"\\{ord(ch):x} " for ch in str(text))
    return Markup(escaped)  # noqa: S704 - only letters, digits and CSS escapes are left


def _risk_band(score: int) -> int:
    """The shade of a cell of the risk matrix: 1 (low) to 4 (high)."""
    return 1 if score <= 4 else 2 if score <= 9 else 3 if score <= 15 else 4


def _context(content: ReportContent) -> dict[str, Any]:
    from logikmodell import __version__

    model, lang = content.model, content.lang
    actor_labels: dict[str | None, str] = {a.id: a.label for a in model.actors}
    return {
        "content": content,
        "model": model,
        "lang": lang,
        "version": __version__,
        "verdict": _verdict(content),
        "key_figures": _key_figures(lang),
        "diagrams": _diagrams(content),
        "charts": _charts(content, actor_labels),
        "actor_labels": actor_labels,
        "risk_numbers": {risk.id: index for index, risk in enumerate(model.risks, start=1)},
        "resources": model.of_type(Resource),
        "per_unit": _per_unit(content),
        "sensitivity_rows": _sensitivity_rows(content),
        "indicator_labels": {indicator.id: indicator.label for indicator in model.indicators},
        "node_labels": {node.id: node.label for node in model},
        "transfer_rows": _transfer_rows(content),
        "progress_rows": progress_rows(content),
        "reference_rows": _reference_rows(content, actor_labels),
    }


def _reference_rows(
    content: ReportContent, actor_labels: dict[str | None, str]
) -> list[tuple[Any, str, str]]:
    """Each catalogue reference, the label of what uses it, and which field it is."""
    model, lang = content.model, content.lang
    rows = []
    for used in content.references:
        node = model.node(used.node)
        if isinstance(node, Outcome) and used.field.startswith("values["):
            number = int(used.field[len("values[") : used.field.index("]")])
            actor = node.values[number].actor
            what = translate(lang, "value for {actor}", actor=actor_labels.get(actor, actor))
        else:
            what = translate(lang, _FIELDS.get(used.field, used.field))
        rows.append((used, node.label, what))
    return rows


def _transfer_rows(content: ReportContent) -> list[tuple[Any, str, str]]:
    """Each transfer, the name of its present-value figure, and its terms in words."""
    if content.appraisal is None:
        return []
    model, lang = content.model, content.lang
    rows = []
    for transfer in model.transfers:
        if transfer.rate is not None:
            outcome = model.node(transfer.outcome).label if transfer.outcome else ""
            terms = translate(
                lang,
                "{rate} on the impact of {outcome}, in each benefit year",
                rate=_quantity(transfer.rate, lang),
                outcome=outcome,
            )
        else:
            amount = "" if transfer.amount is None else _quantity(transfer.amount, lang)
            if transfer.schedule:
                years = ", ".join(str(year) for year in sorted(transfer.schedule))
                terms = translate(lang, "{amount} over years {years}", amount=amount, years=years)
            else:
                year = transfer.year or 0
                terms = translate(lang, "{amount} in year {year}", amount=amount, year=year)
        rows.append((transfer, f"transfers.{transfer.id}", terms))
    return rows


def _quantity(quantity: Any, lang: Lang) -> str:
    """A quantity in the report's language: ``420 000 SEK/person``."""
    number = format_decimal(Fraction(quantity.value), group=True, places=2, minus=_MINUS, lang=lang)
    return f"{number} {quantity.unit}".strip()


def _key_figures(lang: Lang) -> list[tuple[str, str]]:
    return [
        ("total_cost", translate(lang, "Total cost")),
        ("npv", translate(lang, "Net present value")),
        ("bcr", translate(lang, "Benefit–cost ratio (SROI ratio)")),
        ("pv_costs", translate(lang, "Present value of costs")),
        ("pv_benefits", translate(lang, "Present value of benefits")),
        ("payback_year", translate(lang, "Payback")),
        ("p_npv_positive", translate(lang, "Probability that NPV > 0")),
    ]


def _verdict(content: ReportContent) -> str:
    report, lang = content.validation, content.lang
    counts = translate(
        lang,
        "{errors} errors, {warnings} warnings, {infos} notes.",
        errors=len(report.errors),
        warnings=len(report.of_severity("warning")),
        infos=len(report.of_severity("info")),
    )
    if report.errors:
        return translate(
            lang, "The model has errors to correct before it is used: {counts}", counts=counts
        )
    return translate(lang, "The model passes validation: {counts}", counts=counts)


def _inline_svg(svg: str, label: str) -> str:
    """An SVG document as an element to put in the page: no prolog, scalable."""
    svg = svg[svg.index("<svg") :]
    svg = (
        re.sub(r'\s(width|height)="[^"]*"', "", svg[: svg.index(">")], count=2)
        + svg[svg.index(">") :]
    )
    label = label.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
    return svg.replace("<svg", f'<svg role="img" aria-label="{label}"', 1)


#: Where the diagram goes: an A4 landscape page inside the report's margins, less the
#: caption (millimetres).
DIAGRAM_AREA_MM = (265.0, 160.0)


def _diagrams(content: ReportContent) -> list[dict[str, str]]:
    """The diagram, fitted to its page: whole, or compact, or one per goal.

    The first of those whose text prints at 7 pt or more is taken; when none does,
    the per-goal compact drawings are, scaled to the page, and the caption says how
    small their text is and how to draw them larger.
    """
    from logikmodell.errors import DiagramDoesNotFitError
    from logikmodell.rendering import to_dot
    from logikmodell.rendering._backend import run_dot
    from logikmodell.rendering._paper import fit

    model, lang = content.model, content.lang
    if len(model) == 0:
        return []
    candidates = _diagram_candidates(content)
    smallest = 0.0
    for parts in candidates:
        try:
            fitted = [
                (
                    fit(
                        to_dot(
                            model,
                            lang=lang,
                            findings=content.validation,
                            goal=goal,
                            compact=compact,
                        ).source,
                        DIAGRAM_AREA_MM,
                        lang=lang,
                        what="A4",
                    ),
                    caption,
                )
                for goal, compact, caption in parts
            ]
        except DiagramDoesNotFitError as exc:
            smallest = exc.smallest
            continue
        return [
            {
                "svg": _inline_svg(run_dot(source, "svg").decode("utf-8"), caption),
                "caption": caption,
            }
            for source, caption in fitted
        ]
    note = translate(
        lang,
        "Printed on A4, its smallest text is about {size} pt; "
        "logikmodell render --page a3 --compact draws it larger.",
        size=format_decimal(Fraction(round(smallest * 10), 10), places=1, fixed=True, lang=lang),
    )
    drawn = []
    for goal, compact, caption in candidates[-1]:
        source = to_dot(model, lang=lang, findings=content.validation, goal=goal, compact=compact)
        svg = run_dot(source.source, "svg").decode("utf-8")
        drawn.append({"svg": _inline_svg(svg, caption), "caption": f"{caption} {note}"})
    return drawn


def _diagram_candidates(
    content: ReportContent,
) -> list[list[tuple[str | None, bool | None, str]]]:
    """The ways to draw the model, largest first: (goal, compact, caption) per drawing."""
    model, lang = content.model, content.lang
    whole = translate(lang, "The logic model of {title}.", title=model.title)
    candidates: list[list[tuple[str | None, bool | None, str]]] = [
        [(None, False, whole)],
        [(None, True, whole)],
    ]
    goals = model.goals()
    if len(goals) > 1:
        candidates.append(
            [
                (
                    goal.id,
                    True,
                    translate(
                        lang, "The part of the logic model that leads to {goal}.", goal=goal.label
                    ),
                )
                for goal in goals
            ]
        )
    return candidates


def _per_unit(content: ReportContent) -> list[tuple[Node, Fraction]]:
    costs = content.costs
    if costs is None:
        return []
    rows = []
    for node in content.model:
        if node.kind in (
            NodeKind.OUTPUT,
            NodeKind.SHORT_TERM_OUTCOME,
            NodeKind.LONG_TERM_OUTCOME,
            NodeKind.IMPACT,
        ):
            money = costs.per_unit.get(node.id)
            if money is not None:
                rows.append((node, money.amount))
    return rows


def _sensitivity_rows(content: ReportContent) -> list[tuple[Any, str]]:
    if content.sensitivity is None:
        return []
    return [(row, row.parameter.label) for row in content.sensitivity.rows]


def _charts(content: ReportContent, actor_labels: dict[str | None, str]) -> dict[str, str]:
    lang, appraisal = content.lang, content.appraisal
    drawn: dict[str, str] = {}
    progress = _progress_chart(content)
    if progress is not None:
        drawn["progress"] = progress
    if appraisal is None:
        return drawn
    money_axis = translate(lang, "million {currency}", currency=content.model.currency)
    drawn["ledger"] = _ledger_chart(content, actor_labels, money_axis)
    drawn["cumulative"] = charts.cumulative_chart(
        [row.year for row in appraisal.years],
        [float(row.cumulative_net) for row in appraisal.years],
        title=translate(lang, "Cumulative net present value by year"),
        xlabel=translate(lang, "Year"),
        ylabel=money_axis,
        lang=lang,
    )
    if content.sensitivity is not None and content.sensitivity.rows:
        drawn["tornado"] = charts.tornado_chart(
            content.sensitivity,
            [label for _, label in _sensitivity_rows(content)],
            title=translate(lang, "Sensitivity of the net present value"),
            axis=money_axis,
            lang=lang,
        )
    if content.simulation is not None:
        drawn["distribution"] = charts.distribution_chart(
            content.simulation,
            title=translate(lang, "Simulated net present value"),
            axis=money_axis,
            names=[
                translate(lang, "5–95 %"),
                translate(lang, "median"),
                translate(lang, "mean"),
            ],
            lang=lang,
        )
    return drawn


def _ledger_chart(
    content: ReportContent, actor_labels: dict[str | None, str], money_axis: str
) -> str:
    """Who pays and who gains; with transfers, what each pays and gets includes them."""
    lang, appraisal = content.lang, content.appraisal
    assert appraisal is not None
    ledgers = list(appraisal.actors.items())
    moved = bool(content.model.transfers)
    return charts.ledger_chart(
        [actor_labels.get(id, translate(lang, "not assigned")) for id, _ in ledgers],
        [float(ledger.pv_costs + ledger.transfers_out) for _, ledger in ledgers],
        [float(ledger.pv_benefits + ledger.transfers_in) for _, ledger in ledgers],
        title=translate(lang, "Who pays and who gains"),
        axis=money_axis,
        pays=translate(lang, "Pays") if not moved else translate(lang, "Pays, transfers included"),
        gains=translate(lang, "Gains")
        if not moved
        else translate(lang, "Gains, transfers included"),
        lang=lang,
        nets=[float(ledger.net) for _, ledger in ledgers] if moved else None,
        net=translate(lang, "Net"),
    )


def progress_rows(content: ReportContent) -> list[tuple[str, Any]]:
    """The indicators followed up that have a progress: (label, status), in model order."""
    if content.follow_up is None:
        return []
    labels = {indicator.id: indicator.label for indicator in content.model.indicators}
    return [
        (labels[status.id], status)
        for status in content.follow_up.indicators
        if status.progress is not None
    ]


def _progress_chart(content: ReportContent) -> str | None:
    rows = progress_rows(content)
    if not rows:
        return None
    lang = content.lang
    return charts.progress_chart(
        [label for label, _ in rows],
        [float(status.progress) for _, status in rows],
        [None if status.expected is None else float(status.expected) for _, status in rows],
        title=translate(lang, "Indicator progress towards target"),
        axis=translate(lang, "Progress from baseline to target"),
        names=[translate(lang, "progress"), translate(lang, "expected by now")],
        lang=lang,
    )
