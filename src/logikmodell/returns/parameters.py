"""The parameters of a model that carry ranges: what sensitivity and Monte Carlo vary.

Parameters carry ranges in the file as ``<field>_low`` and ``<field>_high`` (see
``docs/returns.md``): amounts, outcome quantities and the four adjustments, resource
quantities, unit costs and costs, a constant discount rate and the optimism bias. A
side left out equals the value itself; a side in another unit of the value's dimension
is converted to the value's unit.
"""

from __future__ import annotations

from fractions import Fraction

import attrs

from logikmodell.graph import LogicModel
from logikmodell.model.nodes import (
    RANGED_OUTCOME_FIELDS,
    RANGED_RESOURCE_FIELDS,
    Outcome,
    Resource,
)
from logikmodell.model.quantity import Quantity
from logikmodell.model.units import convert
from logikmodell.returns.terms import outcome_terms

__all__ = ["Parameter", "parameters"]


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
        node: the id of the node it belongs to (None for the discount rate and
            the optimism bias).
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


def _bounds(item: object, field: str, value: Fraction) -> tuple[Fraction, Fraction] | None:
    """The range of ``item.<field>``, in the unit of the value itself."""
    low, high = getattr(item, f"{field}_low"), getattr(item, f"{field}_high")
    if low is None and high is None:
        return None
    quantities = isinstance(low, Quantity) or isinstance(high, Quantity)
    unit = getattr(item, field).unit if quantities else ""

    def number(bound: Fraction | Quantity | None) -> Fraction:
        if bound is None:
            return value
        return bound if isinstance(bound, Fraction) else convert(bound, unit)

    return number(low), number(high)


def parameters(model: LogicModel) -> tuple[Parameter, ...]:
    """The ranged parameters that bear on the returns, in model order, then the
    discount rate and the optimism bias.

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
    add(
        "economics.optimism_bias",
        "Optimism bias",
        "",
        economics.optimism_bias,
        economics,
        "optimism_bias",
    )
    return tuple(found)
