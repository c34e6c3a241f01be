"""Shared by the report tests: the example's report and how to read it back."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

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
    """Each key figure as the JSON of its command gives it (strings unquoted).

    The summary's by their key in the ``returns`` and ``costs`` JSON; the ledger,
    the transfers and the catalogue references by their path in the ``returns``
    JSON; the follow-up and the evaluation by their path in their JSON, behind
    ``follow-up.`` and ``evaluation.``, when the model has data for them.
    """
    import json

    returns = lm.appraise(model).to_dict()
    figures: dict[str, object] = {
        name: returns[name] for name in ("pv_costs", "pv_benefits", "npv", "bcr", "payback_year")
    }
    figures["total_cost"] = lm.attribute_costs(model).to_dict()["total"]
    if draws:
        from logikmodell.returns import monte_carlo

        figures["p_npv_positive"] = monte_carlo(model, draws, seed).to_dict()[
            "probability_npv_positive"
        ]
    figures.update(_ledger(model, returns))
    figures.update(_follow_up(model))
    figures.update(_evaluation(model))
    return {k: v if isinstance(v, str) else json.dumps(v) for k, v in figures.items()}


def _ledger(model: lm.LogicModel, returns: dict[str, Any]) -> dict[str, object]:
    shown = ["pv_costs", "pv_benefits", "net"]
    if model.transfers:
        shown += ["transfers_in", "transfers_out"]
    figures: dict[str, object] = {
        f"actors.{actor}.{key}": ledger[key]
        for actor, ledger in returns["actors"].items()
        for key in shown
    }
    figures.update({f"transfers.{id}": value for id, value in returns["transfers"].items()})
    for key, reference in returns.get("references", {}).items():
        figures[f"references.{key}.index_factor"] = reference["index_factor"]
    return figures


def _follow_up(model: lm.LogicModel) -> dict[str, object]:
    measured = any(i.measurements for i in model.indicators)
    spent = any(getattr(node, "actuals", ()) for node in model)
    if not (measured or spent):
        return {}
    data: dict[str, Any] = lm.follow_up(model).to_dict()
    spend = data["spend"]
    figures: dict[str, object] = {
        "as_of": data["as_of"],
        "flag": data["flag"],
        "goal_progress": data["goal_progress"],
        **{
            f"spend.{key}": spend[key]
            for key in ("planned_total", "planned", "spent", "spend_ratio")
        },
    }
    for id, resource in spend["resources"].items():
        for key in ("planned", "spent", "planned_total", "spend_ratio"):
            figures[f"spend.resources.{id}.{key}"] = resource[key]
    for id, status in data["indicators"].items():
        figures[f"indicators.{id}.progress"] = status["progress"]
        figures[f"indicators.{id}.expected"] = status["expected"]
    if data["as_of"] is None:
        del figures["as_of"]
    return {f"follow-up.{path}": value for path, value in figures.items()}


def _evaluation(model: lm.LogicModel) -> dict[str, object]:
    compared = any(
        i.comparison_baseline is not None or i.comparison_measurements for i in model.indicators
    )
    realised = any(
        getattr(node, "realised_from", None) is not None
        or getattr(node, "realised_quantity", None) is not None
        for node in model
    )
    if not (compared or realised):
        return {}
    from logikmodell.evaluation import evaluate

    data: dict[str, Any] = evaluate(model).to_dict()
    figures: dict[str, object] = {}
    if data["delivered"]:
        figures["fidelity"] = data["fidelity"]
    for id, effect in data["indicators"].items():
        for key in ("difference", "did", "change"):
            figures[f"indicators.{id}.{key}"] = effect[key]
    for id, outcome in data["outcomes"].items():
        for key in ("planned", "realised"):
            figures[f"outcomes.{id}.{key}"] = outcome[key]
    for id, share in data["delivered"].items():
        figures[f"delivered.{id}"] = share
    for case in ("planned", "realised"):
        if data["planned"] is not None and data["realised"] is not None:
            for key in ("pv_costs", "pv_benefits", "npv", "bcr", "payback_year"):
                figures[f"{case}.{key}"] = data[case][key]
    return {f"evaluation.{path}": value for path, value in figures.items()}


def hostile_model() -> lm.LogicModel:
    """The example with user text that would run script if it were not escaped."""
    model = load_example()
    first = model.nodes[0]
    import attrs

    model.replace_node(attrs.evolve(first, label=HOSTILE_LABEL, description=HOSTILE_LABEL))
    model.replace_info(owner=HOSTILE_LABEL, title=f'Titel {HOSTILE_LABEL} "citat" </style>')
    return model


__all__ += ["load_example"]
