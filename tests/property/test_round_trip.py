"""Round trips over everything the public strategies generate."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import logikmodell as lm
from logikmodell.testing import strategies as lst

FORMATS = ("yaml", "json", "toml")


@given(lst.logic_models(), st.sampled_from(FORMATS))
def test_any_model_round_trips_in_any_format(model: lm.LogicModel, format: str) -> None:
    text = lm.dumps(model, format)
    again = lm.loads(text, format)
    assert again == model
    assert lm.dumps(again, format) == text  # same model, same bytes


@given(lst.logic_models())
def test_yaml_json_toml_json_gives_identical_json(model: lm.LogicModel) -> None:
    json_text = lm.dumps(lm.loads(lm.dumps(model, "yaml"), "yaml"), "json")
    via_toml = lm.loads(lm.dumps(lm.loads(json_text, "json"), "toml"), "toml")
    assert lm.dumps(via_toml, "json") == json_text


@given(st.from_type(lm.LogicModel))
def test_strategies_are_registered_for_logic_model(model: lm.LogicModel) -> None:
    assert isinstance(model, lm.LogicModel)
    assert lm.loads(lm.dumps(model, "json"), "json") == model


@given(lst.logic_models(min_nodes=3, max_nodes=3, kinds=[lm.NodeKind.ACTIVITY]))
def test_strategy_options_are_honoured(model: lm.LogicModel) -> None:
    assert len(model) == 3
    assert {node.kind for node in model} == {lm.NodeKind.ACTIVITY}
