"""Lay the report's content out as HTML: the Jinja2 environment, its filters, the pictures."""

from __future__ import annotations

import re
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any

from logikmodell.i18n import N_, translate
from logikmodell.model.elements import Observation
from logikmodell.model.enums import NodeKind
from logikmodell.model.nodes import Node, Resource
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

__all__ = ["render_page"]

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
    "evidence": N_("evidence for a link"),
    "indicator": N_("indicator data"),
}


def render_page(content: ReportContent, *, template_dir: Path | None) -> str:
    """The HTML of the report."""
    environment = _environment(content.lang, content.model.currency, template_dir)
    template = environment.get_template("report.html.j2")
    return template.render(**_context(content))


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
        if item.name == "bcr":
            return ratio(Fraction(item.value or 0))
        if item.name == "payback_year":
            return payback(None if item.value is None else int(item.value))
        if item.name == "p_npv_positive":
            return format_percent(Fraction(item.value or 0), lang=lang)
        return money(item.value or 0)

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
    }


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
    }


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
    if appraisal is None:
        return drawn
    money_axis = translate(lang, "million {currency}", currency=content.model.currency)
    ledgers = list(appraisal.actors.items())
    drawn["ledger"] = charts.ledger_chart(
        [actor_labels.get(id, translate(lang, "not assigned")) for id, _ in ledgers],
        [float(ledger.pv_costs) for _, ledger in ledgers],
        [float(ledger.pv_benefits) for _, ledger in ledgers],
        title=translate(lang, "Who pays and who gains"),
        axis=money_axis,
        pays=translate(lang, "Pays"),
        gains=translate(lang, "Gains"),
        lang=lang,
    )
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
