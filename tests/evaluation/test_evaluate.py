"""Evaluation: differences, difference-in-differences, realised quantities, fidelity,
realised returns and scale-up, each against figures computed by hand."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import attrs
import pytest

import logikmodell as lm
from logikmodell.evaluation import Design, evaluate
from logikmodell.examples import load_example
from logikmodell.model import Outcome, Resource

MODEL = """
logikmodell: 1
title: Utvärdering
currency: SEK
target_group: {label: Elever, size: 40}
economics: {discount_rate: 0, horizon_years: 5}
actors:
  - {id: a, label: Kommunen}
nodes:
  - {id: r, kind: resource, label: Mentorer, cost: 100 000 SEK, payer: a,
     actuals: [{year: 0, amount: 120 000 SEK}]}
  - {id: dev, kind: resource, label: Utveckling, cost: 50 000 SEK, payer: a, fixed: true}
  - {id: act, kind: activity, label: Mentorskap}
  - {id: out, kind: output, label: Elever med mentor, quantity: 40 person}
  - {id: goal, kind: long_term_outcome, label: Behörighet, direction: increase,
     quantity: 10 person, deadweight: 0.2, start_year: 1, duration_years: 1,
     realised_from: i-goal,
     values: [{actor: a, amount: 20 000 SEK/person/year}]}
  - {id: fewer, kind: long_term_outcome, label: Färre placeringar, direction: decrease}
links:
  - {from: r, to: act}
  - {from: dev, to: act}
  - {from: act, to: out}
  - {from: out, to: goal}
  - {from: out, to: fewer}
indicators:
  - id: i-out
    measures: out
    label: Elever med mentor
    unit: person
    target: {value: 40, date: 2027-06-30}
    measurements: [{value: 30, date: 2026-06-30}]
  - id: i-goal
    measures: goal
    label: Behöriga
    unit: person
    direction: increase
    baseline: {value: 5, date: 2025-06-30}
    measurements: [{value: 12, date: 2026-06-30}, {value: 15, date: 2027-06-30}]
    comparison_baseline: {value: 4, date: 2025-06-30}
    comparison_measurements: [{value: 8, date: 2026-06-30}]
  - id: i-dec
    measures: fewer
    label: Placeringar
    direction: decrease
    baseline: {value: 50, date: 2025-06-30}
    measurements: [{value: 40, date: 2026-06-30}]
    comparison_baseline: {value: 50, date: 2025-06-30}
    comparison_measurements: [{value: 48, date: 2026-06-30}]
  - id: i-before
    measures: fewer
    label: Enbart före och efter
    baseline: {value: 3}
    measurements: [{value: 5}]
"""


@pytest.fixture
def model() -> lm.LogicModel:
    return lm.loads(MODEL)


def test_difference_and_did_at_the_latest_common_date(model: lm.LogicModel) -> None:
    effect = evaluate(model).indicators["i-goal"]
    assert effect.design is Design.COMPARISON_GROUP
    assert str(effect.date) == "2026-06-30"  # the 2027 value has no comparison
    assert effect.difference == 12 - 8
    assert effect.did == (12 - 5) - (8 - 4)
    assert effect.change == 15 - 5  # before-after, at the treated series' latest


def test_a_decreasing_indicator(model: lm.LogicModel) -> None:
    effect = evaluate(model).indicators["i-dec"]
    assert effect.did == (40 - 50) - (48 - 50)  # -8: eight fewer than the comparison


def test_designs_without_a_comparison(model: lm.LogicModel) -> None:
    effects = evaluate(model).indicators
    assert effects["i-before"].design is Design.BEFORE_AFTER
    assert effects["i-before"].did is None
    assert effects["i-before"].difference is None
    assert effects["i-out"].design is Design.NONE


def test_missing_comparison_baseline_gives_a_difference_but_no_did(model: lm.LogicModel) -> None:
    indicator = next(i for i in model.indicators if i.id == "i-goal")
    changed = lm.loads(MODEL.replace("    comparison_baseline: {value: 4, date: 2025-06-30}\n", ""))
    effect = evaluate(changed).indicators["i-goal"]
    assert indicator.comparison_baseline is not None
    assert effect.difference == 4
    assert effect.did is None


def test_realised_quantity_is_the_did_never_below_zero(model: lm.LogicModel) -> None:
    result = evaluate(model).outcomes["goal"]
    assert result.planned == 10
    assert result.realised == 3
    assert result.source == "realised_from"
    worse = lm.loads(MODEL.replace("{value: 8, date: 2026-06-30}", "{value: 20, date: 2026-06-30}"))
    assert evaluate(worse).outcomes["goal"].realised == 0


def test_fidelity_is_delivered_over_target_capped_at_one(model: lm.LogicModel) -> None:
    evaluation = evaluate(model)
    assert evaluation.delivered == {"out": Fraction(3, 4)}
    assert evaluation.fidelity == Fraction(3, 4)
    over = lm.loads(
        MODEL.replace("measurements: [{value: 30, date", "measurements: [{value: 55, date")
    )
    assert evaluate(over).fidelity == 1
    below = lm.loads(
        MODEL.replace("measurements: [{value: 30, date", "measurements: [{value: -3, date")
    )
    assert evaluate(below).delivered == {"out": 0}  # never below nothing delivered


def test_planned_and_realised_returns_by_hand(model: lm.LogicModel) -> None:
    evaluation = evaluate(model)
    assert evaluation.planned is not None
    assert evaluation.realised is not None
    assert evaluation.planned.pv_costs == 150_000
    assert evaluation.planned.pv_benefits == 10 * Fraction(8, 10) * 20_000
    assert evaluation.realised.pv_costs == 120_000 + 50_000  # the actual cost of r
    assert evaluation.realised.pv_benefits == 3 * 20_000  # deadweight 0: the DiD is net
    assert evaluation.realised.npv == 60_000 - 170_000


def test_which_parts_worked(model: lm.LogicModel) -> None:
    parts = {p.activity: dict(p.goals) for p in evaluate(model).parts}
    assert parts == {"act": {"goal": False, "fewer": None}}


def test_scale_up_by_hand(model: lm.LogicModel) -> None:
    scale = evaluate(model, scale_to=80).scale_up
    assert scale is not None
    assert scale.fixed == ("dev",)
    assert scale.scaled == ("r",)
    assert scale.pv_costs == 50_000 + 120_000 * 2
    assert scale.pv_benefits == 60_000 * 2
    assert scale.cost_per_participant == Fraction(290_000, 80)
    assert scale.net_per_participant == Fraction(120_000 - 290_000, 80)


def test_scale_up_needs_a_target_group_size(model: lm.LogicModel) -> None:
    model.replace_info(target_group=None)
    with pytest.raises(lm.InvalidValueError, match=r"target_group\.size"):
        evaluate(model, scale_to=80)


def test_realised_returns_equal_planned_when_the_realised_figures_are_the_plan() -> None:
    from logikmodell.costs.resources import resource_cost_by_year
    from logikmodell.model.nodes import Actual

    model = load_example()
    for resource in model.of_type(Resource):
        planned = resource_cost_by_year(resource, model.currency)
        actuals = tuple(
            Actual(year=year, amount=f"{Fraction(ore, 100)} SEK") for year, ore in planned.items()
        )
        model.replace_node(attrs.evolve(resource, actuals=actuals))
    for outcome in model.of_type(Outcome):
        model.replace_node(attrs.evolve(outcome, realised_from=None))  # realised = planned
    evaluation = evaluate(model)
    assert evaluation.planned is not None
    assert evaluation.realised is not None
    assert evaluation.realised.npv == evaluation.planned.npv
    assert evaluation.realised.pv_costs == evaluation.planned.pv_costs


def test_the_json_carries_the_contract_keys(model: lm.LogicModel) -> None:
    import json

    data = json.loads(json.dumps(evaluate(model).to_dict()))  # as the command prints it
    assert data["indicators"]["i-goal"] == {
        "design": "comparison_group",
        "date": "2026-06-30",
        "difference": 4.0,
        "did": 3.0,
        "change": 10.0,
    }
    assert data["outcomes"]["goal"] == {"planned": 10.0, "realised": 3.0, "from": "realised_from"}
    assert data["fidelity"] == 0.75
    assert data["realised"]["npv"] == "-110000.00"
    assert data["planned"]["npv"] == "10000.00"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("realised_from: i-goal", "realised_from: i-nothing"),
        ("    unit: person\n    direction: increase", "    unit: percent\n    direction: increase"),
    ],
)
def test_bad_realised_from_is_a_load_error(change: str, message: str) -> None:
    with pytest.raises(lm.LoadError, match="realised_from"):
        lm.loads(MODEL.replace(change, message))


def test_realised_from_and_realised_quantity_exclude_each_other() -> None:
    text = MODEL.replace(
        "realised_from: i-goal,", "realised_from: i-goal, realised_quantity: 4 person,"
    )
    with pytest.raises(lm.LoadError, match="not both"):
        lm.loads(text)


def test_the_command_prints_the_evaluation_in_swedish_and_json(tmp_path: Path) -> None:
    import json
    import subprocess
    import sys

    path = tmp_path / "m.yaml"
    path.write_text(MODEL, encoding="utf-8")
    run = [sys.executable, "-m", "logikmodell", "evaluate", str(path), "--scale-to", "80"]
    text = subprocess.run([*run, "--lang", "sv"], capture_output=True, text=True, check=True)
    assert "Effekter mot jämförelsealternativet" in text.stdout
    assert "Programtrohet" in text.stdout
    data = json.loads(
        subprocess.run(
            [*run, "--format", "json"], capture_output=True, text=True, check=True
        ).stdout
    )
    assert data["scale_up"]["pv_costs"] == "290000.00"


def test_comparison_data_and_fixed_round_trip(model: lm.LogicModel) -> None:
    for fmt in ("yaml", "json", "toml"):
        assert lm.loads(lm.dumps(model, fmt), fmt) == model


def test_the_text_gives_each_actors_net_planned_and_realised(model: lm.LogicModel) -> None:
    from logikmodell.text import evaluation_text

    evaluation = evaluate(model)
    assert evaluation.planned is not None
    assert evaluation.realised is not None
    planned = evaluation.planned.actors["a"].net
    realised = evaluation.realised.actors["a"].net
    # one actor pays and gains everything: its net is the NPV, both ways
    assert (planned, realised) == (evaluation.planned.npv, evaluation.realised.npv)
    (line,) = [
        line
        for line in evaluation_text(model, evaluation, lang="sv").splitlines()
        if "Netto för Kommunen" in line
    ]
    from logikmodell.numbers import format_money

    for net in (planned, realised):
        assert format_money(net, group=True, minus="−", currency="SEK", lang="sv") in line
    english = evaluation_text(model, evaluation, lang="en")
    assert "Net for Kommunen" in english
