"""What the report says: every figure and row, computed once through the public API.

The templates only lay out what :func:`build` returns; they compute nothing. Every key
figure carries the value that the ``returns``, ``costs``, ``follow-up`` and
``evaluate`` JSON give for it (:class:`Figure`), so that a tool can read the report's
figures back exactly. The summary's figures are named by their JSON keys (``npv``,
``total_cost``, ...); the others by their path in their command's JSON, the
``follow-up`` and ``evaluation`` ones behind that prefix: ``actors.soc.net``,
``transfers.lan``, ``references.placering.unit_cost.index_factor``,
``follow-up.spend.spend_ratio``, ``evaluation.realised.npv``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from fractions import Fraction

import attrs

from logikmodell.costs import CostAttribution, attribute_costs
from logikmodell.evaluation import Evaluation, evaluate
from logikmodell.followup import FollowUp, follow_up
from logikmodell.graph import LogicModel
from logikmodell.i18n import error_text
from logikmodell.model.catalogue import (
    ReferencedQuantity,
    UsedReference,
    reference_data,
    references_in,
)
from logikmodell.model.elements import Indicator, Link, Observation, Risk
from logikmodell.model.enums import NodeKind
from logikmodell.model.nodes import Need, Node, Outcome, Resource
from logikmodell.numbers import Lang
from logikmodell.returns import Appraisal, AppraisalError, appraise, monte_carlo, one_way
from logikmodell.returns.montecarlo import MonteCarlo
from logikmodell.returns.sensitivity import Sensitivity
from logikmodell.validation import Report, validate

__all__ = [
    "SECTIONS",
    "STAGES",
    "Figure",
    "ReportContent",
    "RiskCell",
    "Source",
    "build",
    "has_evaluation_data",
    "has_follow_up_data",
]

#: The sections of the report, in order (DESIGN §17); each appears when it has content.
SECTIONS = (
    "summary",
    "logic-model",
    "needs",
    "validation",
    "indicators",
    "risks",
    "costs",
    "returns",
    "actors",
    "sensitivity",
    "follow-up",
    "evaluation",
    "sources",
)

#: The stages of the chain whose attributed costs the costs section shows.
STAGES = (
    NodeKind.RESOURCE,
    NodeKind.ACTIVITY,
    NodeKind.OUTPUT,
    NodeKind.SHORT_TERM_OUTCOME,
    NodeKind.LONG_TERM_OUTCOME,
    NodeKind.IMPACT,
)


@attrs.frozen
class Figure:
    """A key figure: its JSON name, its exact value, and that value as the JSON has it.

    ``data_value`` is what ``data-value`` holds: the JSON string itself for money
    (``"4442812.40"``) and other text (a flag, a date), a number's JSON text for
    ratios and years, ``null`` when absent. ``kind`` says how the report writes it:
    ``money``, ``ratio`` (two decimals), ``share`` (a percentage), ``payback``,
    ``number``, ``date`` or ``text``.
    """

    name: str
    value: Fraction | float | int | str | None
    data_value: str
    kind: str = "money"


@attrs.frozen
class RiskCell:
    """One cell of the likelihood × consequence matrix."""

    likelihood: int
    consequence: int
    risks: tuple[Risk, ...]

    @property
    def score(self) -> int:
        """``likelihood × consequence``, 1–25."""
        return self.likelihood * self.consequence


@attrs.frozen
class Source:
    """Where a figure or a claim comes from: what it is about, and the source given."""

    about: str
    kind: str
    source: str | None


@attrs.frozen(kw_only=True)
class ReportContent:
    """Everything the templates lay out. Sections without content are None or empty."""

    model: LogicModel
    lang: Lang
    validation: Report
    costs: CostAttribution | None
    appraisal: Appraisal | None
    appraisal_problem: str | None
    sensitivity: Sensitivity | None
    simulation: MonteCarlo | None
    figures: Mapping[str, Figure]
    needs: tuple[tuple[Need, tuple[Outcome, ...]], ...]
    reach: tuple[tuple[Node, tuple[tuple[Outcome, str | None], ...]], ...]
    links: tuple[Link, ...]
    indicators: tuple[tuple[Indicator, Node, Observation | None], ...]
    risk_matrix: tuple[tuple[RiskCell, ...], ...]
    stages: tuple[tuple[NodeKind, Fraction], ...]
    sources: tuple[Source, ...]
    references: tuple[UsedReference, ...] = ()
    follow_up: FollowUp | None = None
    evaluation: Evaluation | None = None

    @property
    def sections(self) -> tuple[str, ...]:
        """The ids of the sections that have content, in the order of :data:`SECTIONS`."""
        present = {
            "summary": True,
            "logic-model": len(self.model) > 0,
            "needs": bool(self.needs),
            "validation": True,
            "indicators": bool(self.indicators),
            "risks": bool(self.model.risks),
            "costs": self.costs is not None and self.costs.total.amount > 0,
            "returns": self.appraisal is not None,
            "actors": self.appraisal is not None and bool(self.appraisal.actors),
            "sensitivity": bool(self.sensitivity and self.sensitivity.rows)
            or bool(self.simulation),
            "follow-up": self.follow_up is not None,
            "evaluation": self.evaluation is not None,
            "sources": bool(self.sources) or bool(self.references),
        }
        return tuple(section for section in SECTIONS if present[section])


def build(
    model: LogicModel, *, lang: Lang, draws: int | None = None, seed: int = 0
) -> ReportContent:
    """Compute what the report of ``model`` shows.

    Args:
        model: the model.
        lang: the language of the report.
        draws: run a Monte Carlo simulation of this many draws (None: none).
        seed: the simulation's seed.
    """
    report = validate(model, lang=lang)
    refusing = [f for f in report.errors if f.code in ("LM101", "LM601")]
    costs = None if refusing else attribute_costs(model)
    appraisal, problem, sensitivity, simulation = None, None, None, None
    if not refusing:
        try:
            appraisal = appraise(model)
        except AppraisalError as exc:
            problem = error_text(lang, exc)
        else:
            sensitivity = one_way(model)
            simulation = monte_carlo(model, draws, seed) if draws else None
    followed = follow_up(model) if has_follow_up_data(model) else None
    evaluated = evaluate(model) if not refusing and has_evaluation_data(model) else None
    references = tuple(references_in(model.nodes))
    figures = _figures(costs, appraisal, simulation)
    figures.update(_reference_figures(references))
    if followed is not None:
        figures.update(_follow_up_figures(followed))
    if evaluated is not None:
        figures.update(_evaluation_figures(evaluated))
    return ReportContent(
        model=model,
        lang=lang,
        validation=report,
        costs=costs,
        appraisal=appraisal,
        appraisal_problem=problem,
        sensitivity=sensitivity,
        simulation=simulation,
        figures=figures,
        needs=_needs(model),
        reach=_reach(model),
        links=model.links,
        indicators=tuple(_indicator_rows(model)),
        risk_matrix=_risk_matrix(model.risks),
        stages=_stages(model, costs),
        sources=tuple(_sources(model)),
        references=references,
        follow_up=followed,
        evaluation=evaluated,
    )


def has_follow_up_data(model: LogicModel) -> bool:
    """Whether the model has anything to follow up: a measurement or an actual."""
    return any(indicator.measurements for indicator in model.indicators) or any(
        resource.actuals for resource in model.of_type(Resource)
    )


def has_evaluation_data(model: LogicModel) -> bool:
    """Whether the model has comparison data or a realised quantity to evaluate."""
    compared = any(
        indicator.comparison_baseline is not None or indicator.comparison_measurements
        for indicator in model.indicators
    )
    realised = any(
        outcome.realised_from is not None or outcome.realised_quantity is not None
        for outcome in model.of_type(Outcome)
    )
    return compared or realised


def _json_text(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, str):
        return value
    import json

    return json.dumps(value)


def _figures(
    costs: CostAttribution | None, appraisal: Appraisal | None, simulation: MonteCarlo | None
) -> dict[str, Figure]:
    figures: dict[str, Figure] = {}
    if costs is not None:
        figures["total_cost"] = Figure(
            "total_cost", costs.total.amount, _json_text(costs.to_dict()["total"])
        )
    if appraisal is not None:
        data = appraisal.to_dict()
        exact: dict[str, Fraction | int | None] = {
            "pv_costs": appraisal.pv_costs,
            "pv_benefits": appraisal.pv_benefits,
            "npv": appraisal.npv,
            "bcr": appraisal.bcr,
            "payback_year": appraisal.payback_year,
        }
        kinds = {"bcr": "ratio", "payback_year": "payback"}
        for name, value in exact.items():
            figures[name] = Figure(name, value, _json_text(data[name]), kinds.get(name, "money"))
        figures.update(_ledger_figures(data))
    if simulation is not None:
        probability = simulation.to_dict()["probability_npv_positive"]
        figures["p_npv_positive"] = Figure(
            "p_npv_positive", simulation.probability_positive, _json_text(probability), "share"
        )
    return figures


def _json_figure(name: str, value: object, kind: str) -> Figure:
    """A figure whose shown value is its JSON value (money: the rounded string)."""
    shown: Fraction | float | int | str | None
    if kind == "money" and isinstance(value, str):
        shown = Fraction(value)
    elif isinstance(value, (int, float, str)) or value is None:
        shown = value
    else:
        raise TypeError(f"not a JSON figure: {value!r}")
    return Figure(name, shown, _json_text(value), kind)


def _ledger_figures(data: Mapping[str, object]) -> dict[str, Figure]:
    """Each actor's ledger and each transfer, as the ``returns`` JSON rounds them."""
    figures: dict[str, Figure] = {}
    actors = data["actors"]
    assert isinstance(actors, dict)
    for actor, ledger in actors.items():
        for key, value in ledger.items():
            name = f"actors.{actor}.{key}"
            figures[name] = _json_figure(name, value, "money")
    transfers = data["transfers"]
    assert isinstance(transfers, dict)
    for transfer, value in transfers.items():
        name = f"transfers.{transfer}"
        figures[name] = _json_figure(name, value, "money")
    return figures


def _reference_figures(references: Sequence[UsedReference]) -> dict[str, Figure]:
    """The index factor of each catalogue reference, as the JSON gives it."""
    figures = {}
    for key, data in reference_data(references).items():
        name = f"references.{key}.index_factor"
        figures[name] = _json_figure(name, data["index_factor"], "number")
    return figures


def _follow_up_figures(result: FollowUp) -> dict[str, Figure]:
    """The follow-up's key figures by their path in its JSON, behind ``follow-up.``."""
    data = result.to_dict()
    spend = data["spend"]
    assert isinstance(spend, dict)
    found: list[tuple[str, object, str]] = [
        ("as_of", data["as_of"], "date"),
        ("flag", data["flag"], "text"),
        ("goal_progress", data["goal_progress"], "share"),
        ("spend.planned_total", spend["planned_total"], "money"),
        ("spend.planned", spend["planned"], "money"),
        ("spend.spent", spend["spent"], "money"),
        ("spend.spend_ratio", spend["spend_ratio"], "share"),
    ]
    for id, resource in spend["resources"].items():
        found += [
            (f"spend.resources.{id}.{key}", resource[key], "money")
            for key in ("planned", "spent", "planned_total")
        ]
        found.append((f"spend.resources.{id}.spend_ratio", resource["spend_ratio"], "share"))
    indicators = data["indicators"]
    assert isinstance(indicators, dict)
    for id, status in indicators.items():
        found.append((f"indicators.{id}.progress", status["progress"], "share"))
        found.append((f"indicators.{id}.expected", status["expected"], "share"))
    return {
        f"follow-up.{path}": _json_figure(f"follow-up.{path}", value, kind)
        for path, value, kind in found
    }


def _evaluation_figures(result: Evaluation) -> dict[str, Figure]:
    """The evaluation's key figures by their path in its JSON, behind ``evaluation.``."""
    data = result.to_dict()
    found: list[tuple[str, object, str]] = [("fidelity", data["fidelity"], "share")]
    for id, effect in _mapping(data["indicators"]).items():
        found += [
            (f"indicators.{id}.{key}", effect[key], "number")
            for key in ("difference", "did", "change")
        ]
    for id, outcome in _mapping(data["outcomes"]).items():
        found += [
            (f"outcomes.{id}.{key}", outcome[key], "number") for key in ("planned", "realised")
        ]
    for id, share in _mapping(data["delivered"]).items():
        found.append((f"delivered.{id}", share, "share"))
    kinds = {"bcr": "ratio", "payback_year": "payback"}
    for case in ("planned", "realised"):
        summary = data[case]
        if isinstance(summary, dict):
            for key in ("pv_costs", "pv_benefits", "npv", "bcr", "payback_year"):
                found.append((f"{case}.{key}", summary[key], kinds.get(key, "money")))
    return {
        f"evaluation.{path}": _json_figure(f"evaluation.{path}", value, kind)
        for path, value, kind in found
    }


def _mapping(value: object) -> dict[str, dict[str, object]]:
    assert isinstance(value, dict)
    return value


def _needs(model: LogicModel) -> tuple[tuple[Need, tuple[Outcome, ...]], ...]:
    goals = model.of_type(Outcome)
    return tuple(
        (need, tuple(goal for goal in goals if need.id in goal.addresses))
        for need in model.of_type(Need)
    )


def _reach(model: LogicModel) -> tuple[tuple[Node, tuple[tuple[Outcome, str | None], ...]], ...]:
    """Per activity, the goals it reaches and the weakest evidence on the way there."""
    rows = []
    for activity in model.of_kind(NodeKind.ACTIVITY):
        reached: dict[str, str | None] = {}
        for goal_id, evidence in _walk(model, activity.id):
            reached[goal_id] = evidence
        goals = tuple((goal, reached[goal.id]) for goal in model.goals() if goal.id in reached)
        rows.append((activity, goals))
    return tuple(rows)


_STRENGTH = {"research": 0, "proven_experience": 1, "assumption": 2}


def _weaker(first: str | None, second: str | None) -> str | None:
    """The weaker of two evidence grades; a grade not stated (None) counts as no grade."""
    if first is None or second is None:
        return first if second is None else second
    return first if _STRENGTH[first] >= _STRENGTH[second] else second


def _walk(model: LogicModel, start: str) -> Iterator[tuple[str, str | None]]:
    """``(goal id, grade)`` per goal reached: the weakest grade stated on the best path.

    The best path to a node is the one whose weakest stated grade is strongest; links
    without a grade are passed over, and a goal reached only through such links has
    None.
    """
    goals = {goal.id for goal in model.goals()}
    best: dict[str, str | None] = {}
    stack: list[tuple[str, str | None]] = [(start, None)]
    while stack:
        id, grade = stack.pop()
        for link in model.out_links(id):
            reached = _weaker(grade, None if link.evidence is None else link.evidence.value)
            if link.to_id in best and not _stronger(reached, best[link.to_id]):
                continue
            best[link.to_id] = reached
            stack.append((link.to_id, reached))
    for id, grade in best.items():
        if id in goals:
            yield id, grade


def _stronger(first: str | None, second: str | None) -> bool:
    """Whether ``first`` is a strictly better weakest grade than ``second`` (None: worst)."""
    if first is None:
        return False
    return second is None or _STRENGTH[first] < _STRENGTH[second]


def _latest(indicator: Indicator) -> Observation | None:
    dated = [m for m in indicator.measurements if m.date is not None]
    if dated:
        return max(dated, key=lambda m: m.date or 0)
    return indicator.measurements[-1] if indicator.measurements else None


def _indicator_rows(model: LogicModel) -> Iterator[tuple[Indicator, Node, Observation | None]]:
    for indicator in model.indicators:
        yield indicator, model.node(indicator.measures), _latest(indicator)


def _risk_matrix(risks: Sequence[Risk]) -> tuple[tuple[RiskCell, ...], ...]:
    """Rows from consequence 5 down to 1, columns from likelihood 1 to 5."""
    return tuple(
        tuple(
            RiskCell(
                likelihood,
                consequence,
                tuple(
                    r for r in risks if r.likelihood == likelihood and r.consequence == consequence
                ),
            )
            for likelihood in range(1, 6)
        )
        for consequence in range(5, 0, -1)
    )


def _stages(
    model: LogicModel, costs: CostAttribution | None
) -> tuple[tuple[NodeKind, Fraction], ...]:
    if costs is None:
        return ()
    return tuple(
        (kind, costs.stages[kind].amount)
        for kind in STAGES
        if kind in costs.stages and model.of_kind(kind)
    )


def _sources(model: LogicModel) -> Iterator[Source]:
    for outcome in model.of_type(Outcome):
        for value in outcome.values:
            if isinstance(value.amount, ReferencedQuantity) and value.source is None:
                continue  # its source is the catalogue entry's, listed with the entries
            what = value.label or value.actor
            yield Source(f"{outcome.label} ({what})", "valuation", value.source)
    for resource in model.of_type(Resource):
        source = resource.metadata.get("source")
        if isinstance(source, str):
            yield Source(resource.label, "unit_cost", source)
    for transfer in model.transfers:
        yield Source(transfer.label, "transfer", transfer.source)
    for link in model.links:
        if link.source is not None:
            yield Source(f"{link.from_id} → {link.to_id}", "evidence", link.source)
    for indicator in model.indicators:
        if indicator.source is not None:
            yield Source(indicator.label, "indicator", indicator.source)
    general = model.metadata.get("sources")
    listed = (general,) if isinstance(general, str) else general
    for text in listed if isinstance(listed, (tuple, list)) else ():
        if isinstance(text, str):
            yield Source(model.title, "general", text)
