"""The old import paths of the returns and the text tables still work, with a warning."""

from __future__ import annotations

import importlib
import sys

import pytest

import logikmodell.errors
import logikmodell.numbers
import logikmodell.returns
import logikmodell.text
from logikmodell import Money

# Old module → (new module, names to compare).
_MOVED = {
    "logikmodell.costs.returns": (
        logikmodell.returns,
        ["Appraisal", "AppraisalError", "UNASSIGNED", "appraise", "discount_factors"],
    ),
    "logikmodell.costs.sensitivity": (
        logikmodell.returns,
        ["MonteCarlo", "Parameter", "Sensitivity", "monte_carlo", "one_way", "parameters"],
    ),
    "logikmodell.costs.returns_text": (logikmodell.text, ["returns_text"]),
    "logikmodell.costs.table": (logikmodell.text, ["cost_summary", "cost_table"]),
}


@pytest.mark.parametrize("old", sorted(_MOVED))
def test_the_old_path_warns_and_gives_the_same_objects(old: str) -> None:
    sys.modules.pop(old, None)
    with pytest.warns(DeprecationWarning, match=f"{old} is deprecated"):
        module = importlib.import_module(old)
    new, names = _MOVED[old]
    for name in names:
        assert getattr(module, name) is getattr(new, name), name
    assert set(names) <= set(module.__all__)


def test_the_old_money_helpers_are_those_of_numbers() -> None:
    sys.modules.pop("logikmodell.costs.returns", None)
    with pytest.warns(DeprecationWarning, match="costs.returns is deprecated"):
        old = importlib.import_module("logikmodell.costs.returns")
    assert old.format_money is logikmodell.numbers.format_money
    assert old.round_conserving is logikmodell.numbers.round_conserving


def test_the_old_format_amount_writes_grouped_ore() -> None:
    sys.modules.pop("logikmodell.costs.table", None)
    with pytest.warns(DeprecationWarning, match="costs.table is deprecated"):
        table = importlib.import_module("logikmodell.costs.table")
    assert table.format_amount(Money(1240000)) == "1 240 000.00"


def test_appraisal_error_is_one_class_everywhere() -> None:
    assert logikmodell.AppraisalError is logikmodell.errors.AppraisalError
    assert logikmodell.returns.AppraisalError is logikmodell.errors.AppraisalError
    assert issubclass(logikmodell.errors.AppraisalError, logikmodell.errors.LogikmodellError)
