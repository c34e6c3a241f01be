"""Benchmark: Monte Carlo draws against repeated deterministic appraisals.

The embedded example gets ranges on every unit cost, outcome quantity, amount,
deadweight and drop-off, and on the discount rate (19 parameters). Then, in the
same run:

* the baseline: ``appraise`` (exact Fractions) called ``SAMPLE`` times, scaled to
  ``DRAWS`` calls — what a simulation that re-appraised the model per draw would cost;
* ``monte_carlo(model, DRAWS)``, which reuses the linear structure of NPV in floats.

Run: ``.venv/bin/python benchmarks/bench_returns.py``
"""

from __future__ import annotations

import time
from fractions import Fraction

import attrs

from logikmodell.costs.returns import appraise
from logikmodell.costs.sensitivity import monte_carlo, one_way
from logikmodell.examples import load_example
from logikmodell.graph import LogicModel
from logikmodell.model import Outcome, Quantity, Resource

DRAWS = 10_000
SAMPLE = 1_000


def _scaled(quantity: Quantity, factor: Fraction) -> Quantity:
    return Quantity(value=quantity.value * factor, unit=quantity.unit)


def ranged_example() -> LogicModel:
    """The example with ranges on its costs, quantities, amounts, adjustments and rate."""
    model = load_example()
    for node in model.nodes:
        if isinstance(node, Resource) and node.unit_cost is not None:
            model.replace_node(
                attrs.evolve(
                    node,
                    unit_cost_low=_scaled(node.unit_cost, Fraction(9, 10)),
                    unit_cost_high=_scaled(node.unit_cost, Fraction(13, 10)),
                )
            )
        elif isinstance(node, Outcome) and node.values and node.quantity is not None:
            values = tuple(
                attrs.evolve(
                    v,
                    amount_low=_scaled(v.amount, Fraction(3, 4)),
                    amount_high=_scaled(v.amount, Fraction(5, 4)),
                )
                for v in node.values
            )
            model.replace_node(
                attrs.evolve(
                    node,
                    values=values,
                    quantity_low=_scaled(node.quantity, Fraction(1, 2)),
                    quantity_high=_scaled(node.quantity, Fraction(3, 2)),
                    deadweight_low=node.deadweight / 2,
                    deadweight_high=min(Fraction(1), node.deadweight * 2),
                    drop_off_low=Fraction(0),
                    drop_off_high=max(node.drop_off, Fraction(3, 10)),
                )
            )
    model.replace_info(
        economics=attrs.evolve(
            model.economics,
            discount_rate_low=Fraction(1, 100),
            discount_rate_high=Fraction(5, 100),
        )
    )
    return model


def main() -> None:
    model = ranged_example()
    appraise(model)  # warm the unit registry
    start = time.perf_counter()
    for _ in range(SAMPLE):
        appraise(model)
    loop = (time.perf_counter() - start) * DRAWS / SAMPLE

    start = time.perf_counter()
    result = monte_carlo(model, DRAWS, seed=1)
    simulation = time.perf_counter() - start

    start = time.perf_counter()
    table = one_way(model)
    table_time = time.perf_counter() - start

    assert len(result.parameters) == 19
    print(f"parameters drawn:                          {len(result.parameters)}")
    print(f"baseline: {DRAWS} deterministic appraisals:  {loop:8.3f} s (measured {SAMPLE}, scaled)")
    print(f"monte_carlo, {DRAWS} draws:               {simulation:8.3f} s")
    print(f"ratio (baseline / monte_carlo):            {loop / simulation:8.1f}x")
    print(f"one-way table ({len(table.rows)} parameters, exact):    {table_time:8.3f} s")
    print(
        f"P(NPV > 0) = {result.probability_positive:.3f}; "
        f"NPV P5/P50/P95 = {result.npv.p5:,.0f} / {result.npv.p50:,.0f} / {result.npv.p95:,.0f}"
    )


if __name__ == "__main__":
    main()
