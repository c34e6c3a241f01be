"""The sensitivity and Monte Carlo figures quoted in docs/returns.md."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from logikmodell.graph import LogicModel
from logikmodell.returns import monte_carlo, one_way

_BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_returns.py"


def _ranged_example() -> LogicModel:
    # The benchmark builds the ranged example the docs quote; it imports its siblings.
    if str(_BENCH.parent) not in sys.path:
        sys.path.insert(0, str(_BENCH.parent))
    spec = importlib.util.spec_from_file_location("bench_returns", _BENCH)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    model = module.ranged_example()
    assert isinstance(model, LogicModel)
    return model


def test_documented_one_way_row_and_simulation() -> None:
    model = _ranged_example()
    data = one_way(model).to_dict()
    rows = data["parameters"]
    assert isinstance(rows, list)
    assert rows[0] == {
        "parameter": "behorighet.quantity",
        "label": "Behörighet till gymnasiet: quantity",
        "unit": "person",
        "low": 6.0,
        "value": 12.0,
        "high": 18.0,
        "npv_low": "1218660.20",
        "npv_high": "7666964.60",
        "swing": "6448304.40",
        "switching_value": rows[0]["switching_value"],
    }
    assert round(rows[0]["switching_value"], 10) == round(3.7321290283402457, 10)
    result = monte_carlo(model, 10_000, seed=1).to_dict()
    assert result["npv"] == {
        "mean": "3323439.25",
        "p5": "793973.25",
        "p50": "3201538.64",
        "p95": "6334062.39",
    }
    bcr = result["bcr"]
    assert isinstance(bcr, dict)
    assert [round(bcr[k], 2) for k in ("mean", "p5", "p50", "p95")] == [1.73, 1.17, 1.70, 2.40]
    assert result["probability_npv_positive"] == 0.9913
