"""The parameters of a model that carry ranges: what sensitivity and Monte Carlo vary.

Parameters carry ranges in the file as ``<field>_low`` and ``<field>_high`` (see
``docs/returns.md``): amounts, outcome quantities and the four adjustments, resource
quantities, unit costs and costs, transfers' amounts and rates, a constant discount
rate and the optimism bias. Transfers net to zero for society: their ranges change
who bears the result, never NPV. A side left out equals the value itself; a side in
another unit of the value's dimension is converted to the value's unit.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

import attrs

from logikmodell.graph import LogicModel
from logikmodell.model.elements import Economics
from logikmodell.model.nodes import (
    RANGED_OUTCOME_FIELDS,
    RANGED_RESOURCE_FIELDS,
    Outcome,
    Resource,
)
from logikmodell.model.quantity import Quantity
from logikmodell.model.transfers import RANGED_TRANSFER_FIELDS
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
        transfer: the id of the transfer it belongs to, else None.
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
    transfer: str | None = None


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
    """The ranged parameters that bear on the returns, in model order (nodes, then
    transfers), then the discount rate and the optimism bias.

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
        transfer: str | None = None,
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
                    transfer=transfer,
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
    for item in model.transfers:
        for field in RANGED_TRANSFER_FIELDS:
            quantity = getattr(item, field)
            if quantity is not None:
                label = f"{item.label}: {field}"
                name = f"{item.id}.{field}"
                add(name, label, quantity.unit, quantity.value, item, field, transfer=item.id)
    _economic_parameters(model.economics, add)
    return tuple(found)


def _economic_parameters(economics: Economics, add: Callable[..., None]) -> None:
    """The discount rate (a constant one) and the optimism bias, if they have ranges."""
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
