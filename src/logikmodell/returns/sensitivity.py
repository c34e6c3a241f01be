"""How sure are the returns: one-way sensitivity and switching values.

:func:`one_way` gives NPV at the low and at the high end of each ranged parameter
(see :mod:`logikmodell.returns.parameters`), the others at their values, ordered by
swing (tornado data), with each parameter's switching value: where NPV = 0, the
others fixed.

The one-way figures are exact. The switching values of the linear parameters are
exact too; those of drop-off and the discount rate are found by bisection in
floating point, with :class:`~logikmodell.returns.floats.FloatModel`.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

import attrs

from logikmodell._arguments import check_type
from logikmodell.graph import LogicModel
from logikmodell.i18n import N_
from logikmodell.model.elements import Economics
from logikmodell.model.nodes import Outcome, Resource
from logikmodell.model.quantity import Quantity
from logikmodell.numbers import format_money, to_json_number
from logikmodell.returns.appraisal import appraise, present_values
from logikmodell.returns.floats import FloatModel
from logikmodell.returns.parameters import Parameter, parameters
from logikmodell.returns.terms import (
    CostTerms,
    OutcomeTerms,
    amount_scale,
    cost_terms,
    outcome_terms,
)
from logikmodell.tables import Kind, Table, Tabular, money_cell, number_cell, table

__all__ = ["OneWayRow", "Sensitivity", "one_way"]

_FRACTION_FIELDS = ("deadweight", "attribution", "displacement", "drop_off")


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
class Sensitivity(Tabular):
    """The one-way table, ordered by swing (largest first), and the base NPV.

    Its one table (:meth:`tables`), ``sensitivity``, has a row per ranged
    parameter: ``parameter`` (its name), ``label``, ``unit``, ``low``, ``value``,
    ``high`` (``float``), ``npv_low``, ``npv_high``, ``swing`` (money as
    ``Decimal``), ``switching_value`` (``float``, None where there is none), as in
    the JSON.

    Attributes:
        npv: the base NPV.
        rows: the one-way rows, largest swing first.
        currency: the model's currency (None when not known).
    """

    npv: Fraction
    rows: tuple[OneWayRow, ...]
    currency: str | None = None

    def tables(self, lang: str | None = None) -> tuple[Table, ...]:
        """The one table ``sensitivity`` (see the class's docstring)."""
        return (
            table(
                "sensitivity",
                N_("Sensitivity"),
                [
                    ("parameter", Kind.TEXT, N_("Parameter")),
                    ("label", Kind.TEXT, N_("Label")),
                    ("unit", Kind.TEXT, N_("Unit")),
                    ("low", Kind.QUANTITY, N_("Low")),
                    ("value", Kind.QUANTITY, N_("Value")),
                    ("high", Kind.QUANTITY, N_("High")),
                    ("npv_low", Kind.MONEY, N_("NPV at low")),
                    ("npv_high", Kind.MONEY, N_("NPV at high")),
                    ("swing", Kind.MONEY, N_("Swing")),
                    ("switching_value", Kind.QUANTITY, N_("Switching value (NPV = 0)")),
                ],
                [
                    (
                        row.parameter.name,
                        row.parameter.label,
                        row.parameter.unit,
                        number_cell(row.parameter.low),
                        number_cell(row.parameter.value),
                        number_cell(row.parameter.high),
                        money_cell(row.npv_low),
                        money_cell(row.npv_high),
                        money_cell(row.swing),
                        number_cell(row.switching_value),
                    )
                    for row in self.rows
                ],
                currency=self.currency,
            ),
        )

    def to_dict(self) -> dict[str, object]:
        """The JSON form: money as two-decimal strings, parameter values as numbers.

        A switching value beyond a float's range is ``None``, as when there is none.
        """
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
                    else to_json_number(row.switching_value),
                }
                for row in self.rows
            ],
        }


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
        if parameter.transfer is not None:
            pass  # a transfer moves money between actors: NPV stays as it is
        elif parameter.node is None:
            economic_changes: dict[str, object] = {
                field: x,
                f"{field}_low": None,
                f"{field}_high": None,
            }
            economics = attrs.evolve(economics, **economic_changes)  # type: ignore[arg-type]
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
                    amounts[value_index] = (actor, x * amount_scale(node, value_index))
                    benefits[index] = attrs.evolve(term, amounts=tuple(amounts))
                else:
                    fraction_changes: dict[str, object] = {field: x}
                    benefits[index] = attrs.evolve(term, **fraction_changes)  # type: ignore[arg-type]
        pv_costs, pv_benefits = present_values(costs, benefits, economics)
        return pv_benefits - pv_costs


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
    check_type("one_way()", "model", model, LogicModel)
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
    return Sensitivity(npv=npv, rows=tuple(rows[i] for i in order), currency=model.currency)


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
    floats = FloatModel(model, params, frozenset({index}))
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
