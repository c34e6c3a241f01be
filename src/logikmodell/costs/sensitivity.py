"""How sure are the returns: one-way sensitivity, switching values and Monte Carlo.

Parameters carry ranges in the file as ``<field>_low`` and ``<field>_high`` (see
``docs/returns.md``): amounts, outcome quantities and the four adjustments, resource
quantities, unit costs and costs, and a constant discount rate. A side left out
equals the value itself.

* :func:`one_way` — NPV at the low and at the high end of each parameter, the others
  at their values, ordered by swing (tornado data), with each parameter's
  switching value: where NPV = 0, the others fixed.
* :func:`monte_carlo` — draws every ranged parameter from a triangular distribution
  (low, mode = value, high) with ``random.Random(seed)``; the mean and percentiles
  of NPV and the benefit–cost ratio, and the probability that NPV > 0.

The one-way figures are exact. The switching values of the linear parameters are
exact too; those of drop-off and the discount rate are found by bisection in
floating point. Monte Carlo works in floating point throughout: it is a statistic,
not an account.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence
from fractions import Fraction

import attrs

from logikmodell.costs.returns import (
    CostTerms,
    OutcomeTerms,
    appraise,
    cost_terms,
    discount_factors,
    format_money,
    outcome_terms,
    present_values,
)
from logikmodell.graph import LogicModel
from logikmodell.model.elements import Economics
from logikmodell.model.nodes import (
    RANGED_OUTCOME_FIELDS,
    RANGED_RESOURCE_FIELDS,
    Outcome,
    Resource,
)
from logikmodell.model.quantity import Quantity

__all__ = [
    "Distribution",
    "MonteCarlo",
    "OneWayRow",
    "Parameter",
    "Sensitivity",
    "monte_carlo",
    "one_way",
    "parameters",
    "percentile",
]

_FRACTION_FIELDS = ("deadweight", "attribution", "displacement", "drop_off")


@attrs.frozen(kw_only=True)
class Parameter:
    """A parameter with a range.

    Attributes:
        name: its path in the model, e.g. ``behorighet.quantity``,
            ``behorighet.values[1].amount``, ``mentorer.unit_cost`` or
            ``economics.discount_rate``.
        label: a readable name: the node's label and the field.
        unit: the unit of the numbers (as written in the file; empty for fractions).
        low, value, high: the range and the value, ``low ≤ value ≤ high``.
        node: the id of the node it belongs to (None for the discount rate).
        field: ``quantity``, ``unit_cost``, ``cost``, ``amount``, ``deadweight`` …
        value_index: the index of the valuation for an ``amount``, else None.
    """

    name: str
    label: str
    unit: str
    low: Fraction
    value: Fraction
    high: Fraction
    node: str | None = None
    field: str = ""
    value_index: int | None = None


@attrs.frozen(kw_only=True)
class OneWayRow:
    """One line of the one-way table.

    Attributes:
        parameter: the parameter.
        npv_low, npv_high: NPV with the parameter at its low and high end.
        switching_value: the parameter's value at which NPV = 0, the others at
            their values; None where there is none in the parameter's domain
            (≥ 0, and at most 1 for fractions, below 1 for the discount rate).
    """

    parameter: Parameter
    npv_low: Fraction
    npv_high: Fraction
    switching_value: Fraction | float | None

    @property
    def swing(self) -> Fraction:
        """``|npv_high − npv_low|``: the length of the tornado bar."""
        return abs(self.npv_high - self.npv_low)


@attrs.frozen(kw_only=True)
class Sensitivity:
    """The one-way table, ordered by swing (largest first), and the base NPV."""

    npv: Fraction
    rows: tuple[OneWayRow, ...]

    def to_dict(self) -> dict[str, object]:
        """The JSON form: money as two-decimal strings, parameter values as numbers."""
        return {
            "npv": format_money(self.npv),
            "parameters": [
                {
                    "parameter": row.parameter.name,
                    "label": row.parameter.label,
                    "unit": row.parameter.unit,
                    "low": float(row.parameter.low),
                    "value": float(row.parameter.value),
                    "high": float(row.parameter.high),
                    "npv_low": format_money(row.npv_low),
                    "npv_high": format_money(row.npv_high),
                    "swing": format_money(row.swing),
                    "switching_value": None
                    if row.switching_value is None
                    else float(row.switching_value),
                }
                for row in self.rows
            ],
        }


@attrs.frozen(kw_only=True)
class Distribution:
    """Summary of a simulated figure: mean and the 5th, 50th and 95th percentiles."""

    mean: float
    p5: float
    p50: float
    p95: float


@attrs.frozen(kw_only=True)
class MonteCarlo:
    """The result of a seeded Monte Carlo simulation.

    Attributes:
        draws: the number of draws.
        seed: the seed of ``random.Random``.
        parameters: the names of the parameters drawn (those with low < high).
        npv: NPV over the draws.
        bcr: the benefit–cost ratio over the draws (``inf`` in a draw with no cost).
        probability_positive: the share of draws with NPV > 0.
    """

    draws: int
    seed: int
    parameters: tuple[str, ...]
    npv: Distribution
    bcr: Distribution
    probability_positive: float

    def to_dict(self) -> dict[str, object]:
        """The JSON form: NPV figures as two-decimal strings, ratios as numbers or null."""

        def money(value: float) -> str:
            return format_money(Fraction(value))

        def ratio(value: float) -> float | None:
            return value if math.isfinite(value) else None

        return {
            "draws": self.draws,
            "seed": self.seed,
            "parameters": list(self.parameters),
            "npv": {k: money(getattr(self.npv, k)) for k in ("mean", "p5", "p50", "p95")},
            "bcr": {k: ratio(getattr(self.bcr, k)) for k in ("mean", "p5", "p50", "p95")},
            "probability_npv_positive": self.probability_positive,
        }


# ---------------------------------------------------------------------- parameters
def _bounds(item: object, field: str, value: Fraction) -> tuple[Fraction, Fraction] | None:
    low, high = getattr(item, f"{field}_low"), getattr(item, f"{field}_high")
    if low is None and high is None:
        return None
    low_value = value if low is None else (low if isinstance(low, Fraction) else low.value)
    high_value = value if high is None else (high if isinstance(high, Fraction) else high.value)
    return low_value, high_value


def parameters(model: LogicModel) -> tuple[Parameter, ...]:
    """The ranged parameters that bear on the returns, in model order, the rate last.

    Ranges on outcomes that are not valued (no quantity or no values) and on
    resources without a cost change nothing and are left out.
    """
    found: list[Parameter] = []

    def add(
        name: str,
        label: str,
        unit: str,
        value: Fraction,
        item: object,
        field: str,
        node: str | None = None,
        value_index: int | None = None,
    ) -> None:
        bounds = _bounds(item, field, value)
        if bounds is not None:
            found.append(
                Parameter(
                    name=name,
                    label=label,
                    unit=unit,
                    low=bounds[0],
                    value=value,
                    high=bounds[1],
                    node=node,
                    field=field,
                    value_index=value_index,
                )
            )

    for node in model.nodes:
        if isinstance(node, Resource):
            for field in RANGED_RESOURCE_FIELDS:
                quantity = getattr(node, field)
                if quantity is not None:
                    label = f"{node.label}: {field.replace('_', ' ')}"
                    name = f"{node.id}.{field}"
                    add(name, label, quantity.unit, quantity.value, node, field, node.id)
        elif isinstance(node, Outcome) and outcome_terms(node) is not None:
            for field in RANGED_OUTCOME_FIELDS:
                label = f"{node.label}: {field.replace('_', ' ')}"
                if field == "quantity":
                    assert node.quantity is not None
                    unit, value = node.quantity.unit, node.quantity.value
                else:
                    unit, value = "", getattr(node, field)
                add(f"{node.id}.{field}", label, unit, value, node, field, node.id)
            for index, valuation in enumerate(node.values):
                what = valuation.label or valuation.actor
                add(
                    f"{node.id}.values[{index}].amount",
                    f"{node.label}: {what}",
                    valuation.amount.unit,
                    valuation.amount.value,
                    valuation,
                    "amount",
                    node.id,
                    index,
                )
    economics = model.economics
    if isinstance(economics.discount_rate, Fraction):
        add(
            "economics.discount_rate",
            "Discount rate",
            "",
            economics.discount_rate,
            economics,
            "discount_rate",
        )
    return tuple(found)


# ---------------------------------------------------------------------- exact scenarios
@attrs.frozen(kw_only=True)
class _Base:
    model: LogicModel
    costs: tuple[CostTerms, ...]
    benefits: tuple[OutcomeTerms, ...]
    economics: Economics

    @classmethod
    def of(cls, model: LogicModel) -> _Base:
        costs = tuple(cost_terms(r, model.currency) for r in model.of_type(Resource))
        benefits = tuple(
            t for t in (outcome_terms(o) for o in model.of_type(Outcome)) if t is not None
        )
        return cls(model=model, costs=costs, benefits=benefits, economics=model.economics)

    def npv(self, parameter: Parameter, x: Fraction) -> Fraction:
        """NPV with one parameter set to ``x``, exactly."""
        costs, benefits, economics = list(self.costs), list(self.benefits), self.economics
        field = parameter.field
        if parameter.node is None:
            economics = attrs.evolve(
                economics, discount_rate=x, discount_rate_low=None, discount_rate_high=None
            )
        else:
            node = self.model.node(parameter.node)
            if isinstance(node, Resource):
                index = next(i for i, c in enumerate(costs) if c.id == node.id)
                changes: dict[str, object] = {
                    field: Quantity(value=x, unit=parameter.unit),
                    f"{field}_low": None,
                    f"{field}_high": None,
                }
                changed = attrs.evolve(node, **changes)  # type: ignore[arg-type]
                costs[index] = cost_terms(changed, self.model.currency)
            else:
                index = next(i for i, b in enumerate(benefits) if b.id == node.id)
                term = benefits[index]
                value_index = parameter.value_index
                if value_index is not None:
                    amounts = list(term.amounts)
                    actor = amounts[value_index][0]
                    assert isinstance(node, Outcome)
                    amounts[value_index] = (actor, x * _amount_scale(node, value_index))
                    benefits[index] = attrs.evolve(term, amounts=tuple(amounts))
                else:
                    fraction_changes: dict[str, object] = {field: x}
                    benefits[index] = attrs.evolve(term, **fraction_changes)  # type: ignore[arg-type]
        pv_costs, pv_benefits = present_values(costs, benefits, economics)
        return pv_benefits - pv_costs


def _amount_scale(outcome: Outcome, index: int) -> Fraction:
    """Money per written unit of quantity and year, per written unit of the amount."""
    from logikmodell.costs.returns import _hours_per_year
    from logikmodell.model.units import resolve_unit

    assert outcome.quantity is not None
    amount_unit = outcome.values[index].amount.unit
    return resolve_unit(amount_unit)[0] * resolve_unit(outcome.quantity.unit)[0] * _hours_per_year()


def _domain(parameter: Parameter) -> tuple[Fraction, Fraction | None, bool]:
    """(lowest, highest or None, whether the highest is excluded)."""
    if parameter.field == "discount_rate":
        return Fraction(0), Fraction(1), True
    if parameter.field in _FRACTION_FIELDS:
        return Fraction(0), Fraction(1), False
    return Fraction(0), None, False


def _in_domain(parameter: Parameter, x: float | Fraction) -> bool:
    lowest, highest, open_top = _domain(parameter)
    if x < lowest:
        return False
    if highest is None:
        return True
    return x < highest if open_top else x <= highest


def one_way(model: LogicModel) -> Sensitivity:
    """The one-way table with switching values, ordered by swing.

    Raises:
        AppraisalError: the model cannot be appraised.
    """
    base_appraisal = appraise(model)
    base = _Base.of(model)
    npv = base_appraisal.npv
    rows: list[OneWayRow] = []
    for parameter in parameters(model):
        npv_low = base.npv(parameter, parameter.low) if parameter.low != parameter.value else npv
        npv_high = base.npv(parameter, parameter.high) if parameter.high != parameter.value else npv
        rows.append(
            OneWayRow(
                parameter=parameter,
                npv_low=npv_low,
                npv_high=npv_high,
                switching_value=_switching_value(model, base, parameter, npv, npv_low, npv_high),
            )
        )
    order = sorted(range(len(rows)), key=lambda i: (-rows[i].swing, i))
    return Sensitivity(npv=npv, rows=tuple(rows[i] for i in order))


def _switching_value(
    model: LogicModel,
    base: _Base,
    parameter: Parameter,
    npv: Fraction,
    npv_low: Fraction,
    npv_high: Fraction,
) -> Fraction | float | None:
    if npv == 0:
        return parameter.value
    if parameter.field in ("drop_off", "discount_rate"):
        return _switching_by_bisection(model, parameter)
    # NPV is linear in every other parameter (costs up to the rounding to öre).
    if parameter.high != parameter.low:
        slope = (npv_high - npv_low) / (parameter.high - parameter.low)
    else:
        # A second point inside every domain: 0 → 1, (0, 1] → +1, above 1 → halved.
        probe = parameter.value / 2 if parameter.value > 1 else parameter.value + 1
        slope = (base.npv(parameter, probe) - npv) / (probe - parameter.value)
    if slope == 0:
        return None
    x = parameter.value - npv / slope
    return x if _in_domain(parameter, x) else None


def _switching_by_bisection(model: LogicModel, parameter: Parameter) -> float | None:
    params = parameters(model)
    index = next(i for i, p in enumerate(params) if p.name == parameter.name)
    floats = _FloatModel(model, params, frozenset({index}))
    x = [float(p.value) for p in params]

    def npv_at(value: float) -> float:
        x[index] = value
        pv_costs, pv_benefits = floats.evaluate(x)
        return pv_benefits - pv_costs

    # Scan the domain on a grid, bisect each sign change, keep the root nearest the value.
    top = 1.0 if parameter.field == "drop_off" else 0.999
    grid = [top * i / 200 for i in range(201)]
    values = [npv_at(g) for g in grid]
    start = float(parameter.value)
    best: float | None = None
    for i in range(len(grid) - 1):
        a, fa, b, fb = grid[i], values[i], grid[i + 1], values[i + 1]
        if fa == 0:
            root: float | None = a
        elif (fa < 0) != (fb < 0):
            root = _bisect(npv_at, a, b, fa)
        else:
            root = None
        if root is not None and (best is None or abs(root - start) < abs(best - start)):
            best = root
    if best is None and values[-1] == 0:
        best = grid[-1]
    return best


def _bisect(f: Callable[[float], float], a: float, b: float, fa: float) -> float:
    for _ in range(100):
        mid = (a + b) / 2
        fm = f(mid)
        if fm == 0 or b - a < 1e-15:
            return mid
        if (fm < 0) == (fa < 0):
            a, fa = mid, fm
        else:
            b = mid
    return (a + b) / 2


# ---------------------------------------------------------------------- float model
_Factor = tuple[int, float, float]  # (parameter index or -1, scale, constant value)


class _FloatModel:
    """NPV as a function of the parameter vector, in floats, for fast repeated use.

    Items none of whose parameters vary (and all items, if the rate does not vary)
    are summed once, exactly, and turned into one float; only the varying items are
    recomputed per evaluation.
    """

    def __init__(
        self, model: LogicModel, params: Sequence[Parameter], varying: frozenset[int]
    ) -> None:
        index = {p.name: i for i, p in enumerate(params)}
        self.varying = varying

        def factor(name: str, scale: Fraction, value: Fraction) -> _Factor:
            i = index.get(name, -1)
            return (i if i in varying else -1, float(scale), float(value * scale))

        economics = model.economics
        self.horizon = economics.horizon_years
        rate_index = index.get("economics.discount_rate", -1)
        self.rate_index = rate_index if rate_index in varying else -1
        self.rate = float(economics.rate(0))
        resources = [
            r for r in model.of_type(Resource) if r.cost is not None or r.quantity is not None
        ]
        last_year = max(
            [self.horizon, *(year for r in resources for year in r.years)],
        )
        self.last_year = last_year
        exact_df = discount_factors(economics, last_year)
        self.df = [float(f) for f in exact_df]
        constant = Fraction()

        # Costs: amount = product of factors; spread by the schedule's shares.
        self.costs: list[tuple[list[_Factor], list[tuple[int, float]], float]] = []
        for resource in resources:
            terms = cost_terms(resource, model.currency)
            shares = [(year, float(share)) for year, share in sorted(resource.years.items())]
            factors: list[_Factor] = []
            if resource.cost is not None:
                factors.append(
                    factor(f"{resource.id}.cost", _unit_scale(resource.cost), resource.cost.value)
                )
            else:
                assert resource.quantity is not None
                assert resource.unit_cost is not None
                for field, quantity in (
                    ("quantity", resource.quantity),
                    ("unit_cost", resource.unit_cost),
                ):
                    factors.append(
                        factor(f"{resource.id}.{field}", _unit_scale(quantity), quantity.value)
                    )
            dynamic = self.rate_index >= 0 or any(f[0] >= 0 for f in factors)
            if dynamic:
                weight = sum(share * self.df[year] for year, share in shares)
                self.costs.append((factors, shares, weight))
            else:
                constant += sum(
                    (Fraction(ore, 100) * exact_df[y] for y, ore in terms.by_year.items()),
                    Fraction(),
                )
        self.constant_costs = constant
        constant = Fraction()

        # Benefits: q × Σ amounts × Π (1 − adjustment) × Σ_k (1 − drop_off)^(k−1) DF.
        self.benefits: list[tuple[_Factor, list[_Factor], list[_Factor], _Factor, int, int]] = []
        for outcome in model.of_type(Outcome):
            terms_or_none = outcome_terms(outcome)
            if terms_or_none is None:
                continue
            term = terms_or_none
            assert outcome.quantity is not None
            q = factor(f"{outcome.id}.quantity", Fraction(1), term.quantity)
            amounts = [
                factor(
                    f"{outcome.id}.values[{i}].amount",
                    _amount_scale(outcome, i),
                    value.amount.value,
                )
                for i, value in enumerate(outcome.values)
            ]
            adjustments = [
                factor(f"{outcome.id}.{name}", Fraction(1), getattr(term, name))
                for name in ("deadweight", "attribution", "displacement")
            ]
            drop = factor(f"{outcome.id}.drop_off", Fraction(1), term.drop_off)
            items = [q, *amounts, *adjustments, drop]
            if self.rate_index >= 0 or any(f[0] >= 0 for f in items):
                self.benefits.append(
                    (q, amounts, adjustments, drop, term.start_year, term.duration_years)
                )
            else:
                unit_pv = sum(
                    (keep * exact_df[year] for year, keep in term.years(self.horizon)), Fraction()
                )
                total = sum((a for _, a in term.amounts), Fraction())
                constant += term.quantity * term.factor * total * unit_pv
        self.constant_benefits = constant
        self.pv_costs_constant = float(self.constant_costs)
        self.pv_benefits_constant = float(self.constant_benefits)

    def evaluate(self, x: Sequence[float]) -> tuple[float, float]:
        """``(pv_costs, pv_benefits)`` for the parameter vector ``x``."""
        df = self.df
        if self.rate_index >= 0:
            factor = 1.0 / (1.0 + x[self.rate_index])
            df = [1.0]
            for _ in range(self.last_year):
                df.append(df[-1] * factor)
        pv_costs = self.pv_costs_constant
        for factors, shares, weight in self.costs:
            amount = 1.0
            for i, scale, const in factors:
                amount *= x[i] * scale if i >= 0 else const
            if self.rate_index >= 0:
                weight = sum(share * df[year] for year, share in shares)
            pv_costs += amount * weight
        pv_benefits = self.pv_benefits_constant
        horizon = self.horizon
        for q, amounts, adjustments, drop, start, duration in self.benefits:
            total = 0.0
            for i, scale, const in amounts:
                total += x[i] * scale if i >= 0 else const
            value = (x[q[0]] if q[0] >= 0 else q[2]) * total
            for i, _, const in adjustments:
                value *= 1.0 - (x[i] if i >= 0 else const)
            keep_factor = 1.0 - (x[drop[0]] if drop[0] >= 0 else drop[2])
            keep = 1.0
            unit_pv = 0.0
            for year in range(start, min(start + duration, horizon + 1)):
                unit_pv += keep * df[year]
                keep *= keep_factor
            pv_benefits += value * unit_pv
        return pv_costs, pv_benefits


def _unit_scale(quantity: Quantity) -> Fraction:
    from logikmodell.model.units import resolve_unit

    return resolve_unit(quantity.unit)[0]


# ---------------------------------------------------------------------- Monte Carlo
def percentile(sorted_values: Sequence[float], p: float) -> float:
    """The ``p``-th percentile (0–100) by linear interpolation between order statistics.

    Position ``p/100 × (n − 1)`` in the sorted values (Hyndman and Fan's type 7,
    numpy's default).

    Example:
        >>> percentile([1.0, 2.0, 3.0, 4.0], 50)
        2.5
    """
    if not sorted_values:
        raise ValueError("percentile of no values")
    position = p / 100 * (len(sorted_values) - 1)
    lower = math.floor(position)
    upper = min(lower + 1, len(sorted_values) - 1)
    fraction = position - lower
    a, b = sorted_values[lower], sorted_values[upper]
    if fraction == 0 or a == b:
        return a
    return a + (b - a) * fraction


def _distribution(values: list[float]) -> Distribution:
    values.sort()
    finite = all(math.isfinite(v) for v in values)
    return Distribution(
        mean=math.fsum(values) / len(values) if finite else math.inf,
        p5=percentile(values, 5),
        p50=percentile(values, 50),
        p95=percentile(values, 95),
    )


def monte_carlo(model: LogicModel, draws: int = 10_000, seed: int = 0) -> MonteCarlo:
    """Simulate the returns: every ranged parameter drawn from triangular(low, value, high).

    Parameters are drawn in the order of :func:`parameters`, each draw in turn, from
    one ``random.Random(seed)``: the same seed gives the same figures. Parameters
    whose range is collapsed (low = high) keep their value, and with every range
    collapsed each draw is the deterministic result.

    Args:
        model: the model.
        draws: the number of draws, at least 1.
        seed: the seed.

    Raises:
        AppraisalError: the model cannot be appraised.
        ValueError: ``draws`` is below 1.
    """
    if draws < 1:
        raise ValueError(f"draws: expected at least 1, got {draws}")
    appraise(model)  # refuse what cannot be appraised, with the same message
    params = parameters(model)
    varying = tuple(i for i, p in enumerate(params) if p.low < p.high)
    floats = _FloatModel(model, params, frozenset(varying))
    x = [float(p.value) for p in params]
    spec = [(i, float(params[i].low), float(params[i].high), x[i]) for i in varying]
    rng = random.Random(seed)  # noqa: S311 -- a seeded simulation, reproducible on purpose
    triangular = rng.triangular
    npvs: list[float] = []
    ratios: list[float] = []
    positive = 0
    evaluate = floats.evaluate
    for _ in range(draws):
        for i, low, high, mode in spec:
            x[i] = triangular(low, high, mode)
        pv_costs, pv_benefits = evaluate(x)
        npv = pv_benefits - pv_costs
        npvs.append(npv)
        ratios.append(pv_benefits / pv_costs if pv_costs > 0 else math.inf)
        positive += npv > 0
    return MonteCarlo(
        draws=draws,
        seed=seed,
        parameters=tuple(params[i].name for i in varying),
        npv=_distribution(npvs),
        bcr=_distribution(ratios),
        probability_positive=positive / draws,
    )
