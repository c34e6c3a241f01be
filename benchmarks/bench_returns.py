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

from fractions import Fraction

import attrs
from _timing import best

from logikmodell.examples import load_example
from logikmodell.graph import LogicModel
from logikmodell.model import Outcome, Quantity, Resource
from logikmodell.returns import appraise, monte_carlo, one_way

DRAWS = 10_000
SAMPLE = 1_000
REPEATS = 3


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

    def loop() -> None:
        for _ in range(SAMPLE):
            appraise(model)

    baseline = best(loop, REPEATS) * DRAWS / SAMPLE
    simulation = best(lambda: monte_carlo(model, DRAWS, seed=1), REPEATS)
    table_time = best(lambda: one_way(model), REPEATS)
    result = monte_carlo(model, DRAWS, seed=1)
    rows = len(one_way(model).rows)

    assert len(result.parameters) == 19
    print(f"parameters drawn:                          {len(result.parameters)}")
    print(
        f"baseline: {DRAWS} deterministic appraisals:  {baseline:8.3f} s "
        f"(best of {REPEATS} runs of {SAMPLE}, scaled)"
    )
    print(f"monte_carlo, {DRAWS} draws:               {simulation:8.3f} s (best of {REPEATS})")
    print(f"ratio (baseline / monte_carlo):            {baseline / simulation:8.1f}x")
    print(f"one-way table ({rows} parameters, exact):    {table_time:8.3f} s")
    print(
        f"P(NPV > 0) = {result.probability_positive:.3f}; "
        f"NPV P5/P50/P95 = {result.npv.p5:,.0f} / {result.npv.p50:,.0f} / {result.npv.p95:,.0f}"
    )


if __name__ == "__main__":
    main()
