"""Shared by the report tests: the example's report and how to read it back."""

from __future__ import annotations

from html.parser import HTMLParser

import logikmodell as lm
from logikmodell.examples import load_example
from logikmodell.rendering.report.content import SECTIONS

__all__ = ["HOSTILE_LABEL", "SECTIONS", "Page", "expected_figures", "hostile_model", "parse"]

HOSTILE_LABEL = "<img src=x onerror=alert(1)>"


class Page(HTMLParser):
    """The parts of a report page the tests look at: sections, figures, tags, text."""

    def __init__(self) -> None:
        super().__init__()
        self.sections: list[str] = []
        self.figures: dict[str, list[str]] = {}
        self.tags: list[str] = []
        self.html_lang: str | None = None
        self.text: list[str] = []
        self.attributes: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        values = {k: v or "" for k, v in attrs}
        self.attributes += list(values.items())
        if tag == "html":
            self.html_lang = values.get("lang")
        if tag == "section":
            self.sections.append(values["id"])
        if "data-figure" in values:
            self.figures.setdefault(values["data-figure"], []).append(values["data-value"])

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


def expected_figures(
    model: lm.LogicModel, draws: int | None = None, seed: int = 0
) -> dict[str, str]:
    """Each key figure as the ``returns`` and ``costs`` JSON give it (strings unquoted)."""
    import json

    returns = lm.appraise(model).to_dict()
    figures = {
        name: returns[name] for name in ("pv_costs", "pv_benefits", "npv", "bcr", "payback_year")
    }
    figures["total_cost"] = lm.attribute_costs(model).to_dict()["total"]
    if draws:
        from logikmodell.returns import monte_carlo

        figures["p_npv_positive"] = monte_carlo(model, draws, seed).to_dict()[
            "probability_npv_positive"
        ]
    return {k: v if isinstance(v, str) else json.dumps(v) for k, v in figures.items()}


def hostile_model() -> lm.LogicModel:
    """The example with user text that would run script if it were not escaped."""
    model = load_example()
    first = model.nodes[0]
    import attrs

    model.replace_node(attrs.evolve(first, label=HOSTILE_LABEL, description=HOSTILE_LABEL))
    model.replace_info(owner=HOSTILE_LABEL, title=f'Titel {HOSTILE_LABEL} "citat" </style>')
    return model


__all__ += ["load_example"]
