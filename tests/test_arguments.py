"""Library misuse: the wrong type for an argument is a TypeError that names it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import logikmodell as lm
from logikmodell import model as m
from logikmodell.returns import monte_carlo, one_way

_NONE: Any = None  # what a caller passes by mistake (typed Any so the calls type-check)
_TEXT: Any = "x"
_DICT: Any = {"actor": "a"}


def _model() -> lm.LogicModel:
    return lm.LogicModel(title="T")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: _model().add_node(_TEXT),
            "LogicModel.add_node(): argument node must be Node, not str",
        ),
        (
            lambda: _model().add_link(_TEXT),
            "LogicModel.add_link(): argument link must be Link, not str",
        ),
        (lambda: _model().add_actor(_NONE), "LogicModel.add_actor(): argument actor must be Actor"),
        (lambda: _model().add_indicator(_TEXT), "argument indicator must be Indicator, not str"),
        (lambda: _model().add_risk(_TEXT), "LogicModel.add_risk(): argument risk must be Risk"),
        (
            lambda: _model().replace_node(_TEXT),
            "LogicModel.replace_node(): argument node must be Node",
        ),
        (lambda: lm.LogicModel(_TEXT), "LogicModel(): argument info must be ModelInfo, not str"),
        (lambda: lm.validate(_NONE), "validate(): argument model must be LogicModel, not NoneType"),
        (lambda: lm.attribute_costs(_NONE), "attribute_costs(): argument model must be LogicModel"),
        (lambda: lm.appraise(_NONE), "appraise(): argument model must be LogicModel"),
        (lambda: one_way(_NONE), "one_way(): argument model must be LogicModel"),
        (lambda: monte_carlo(_NONE), "monte_carlo(): argument model must be LogicModel"),
        (lambda: lm.to_dot(_NONE), "to_dot(): argument model must be LogicModel"),
        (lambda: lm.render(_NONE, "x.svg"), "render(): argument model must be LogicModel"),
        (lambda: lm.dumps(_NONE), "dumps(): argument model must be LogicModel"),
        (lambda: lm.dump(_NONE, "x.yaml"), "dump(): argument model must be LogicModel"),
        (lambda: lm.loads(_NONE), "loads(): argument text must be str or bytes, not NoneType"),
        (lambda: lm.load(5), "load(): argument path must be str or PathLike, not int"),  # type: ignore[arg-type]
        (
            lambda: m.LongTermOutcome(id="g", label="G", values=_TEXT),
            "values: expected a list of Valuation, got str",
        ),
        (
            lambda: m.LongTermOutcome(id="g", label="G", values=[_DICT]),
            "values[0]: expected Valuation, got dict",
        ),
        (lambda: m.Valuation(actor="a", amount=_NONE), "amount: expected Quantity, got NoneType"),
        (
            lambda: m.Indicator(id="i", measures="o", label="L", baseline=_TEXT),
            "baseline: expected Observation or None, got str",
        ),
        (
            lambda: m.Indicator(id="i", measures="o", label="L", measurements=_TEXT),
            "measurements: expected a list of Observation, got str",
        ),
        (lambda: m.ModelInfo(title="T", period=_TEXT), "period: expected Period or None"),
        (lambda: m.ModelInfo(title="T", target_group=_TEXT), "target_group: expected TargetGroup"),
        (lambda: m.ModelInfo(title="T", economics=_TEXT), "economics: expected Economics, got str"),
        (
            lambda: m.Economics(discount_rate=[_TEXT]),
            "discount_rate[0]: expected RateBand, got str",
        ),
    ],
)
def test_misuse_is_a_type_error_naming_the_argument(
    call: Callable[[], object], message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # nothing may be written, but if it were, not here
    with pytest.raises(TypeError) as info:
        call()
    assert message in str(info.value)
    assert list(tmp_path.iterdir()) == []


def test_the_right_types_still_pass() -> None:
    outcome = m.LongTermOutcome(
        id="g", label="G", values=(m.Valuation(actor="a", amount="1 SEK/person/year"),)
    )
    assert outcome.values[0].amount == m.Quantity.parse("1 SEK/person/year")
    assert m.Indicator(id="i", measures="o", label="L", measurements=[]).measurements == ()
    assert lm.loads(b"logikmodell: 1\ntitle: T\n").title == "T"
