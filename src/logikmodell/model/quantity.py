"""Quantities as written in a model file: an exact number and a unit."""

from __future__ import annotations

from fractions import Fraction

import attrs

from logikmodell.numbers import (
    MAX_MAGNITUDE,
    describe,
    format_decimal,
    split_number,
    to_fraction,
)

__all__ = ["Quantity", "check_quantity_range"]


def check_quantity_range(value: Fraction) -> None:
    """A quantity's number lies in [0, 10^15].

    Raises:
        ValueError: it does not.
    """
    if value < 0:
        raise ValueError(f"must be ≥ 0, got {describe(value)}")
    if value > MAX_MAGNITUDE:
        raise ValueError("must be at most 10^15")


def _check_value(instance: Quantity, attribute: attrs.Attribute[Fraction], value: Fraction) -> None:
    check_quantity_range(value)
    try:
        format_decimal(value)
    except ValueError:
        raise ValueError(f"{value} has no exact decimal form") from None


def _normalize_unit(unit: str) -> str:
    return " ".join(unit.split())


@attrs.frozen(kw_only=True)
class Quantity:
    """An exact, non-negative number with a unit, such as ``620 000 SEK/year``.

    The unit is kept as written (spaces collapsed); whether it is known and of the
    right dimension is checked when the quantity joins a :class:`LogicModel`. A
    bare number is dimensionless (``unit == ""``).

    Example:
        >>> Quantity.parse("3,5 MSEK")
        Quantity(value=Fraction(7, 2), unit='MSEK')
        >>> str(Quantity.parse("620000 SEK/year"))
        '620 000 SEK/year'
    """

    value: Fraction = attrs.field(converter=to_fraction, validator=_check_value)
    unit: str = attrs.field(default="", converter=_normalize_unit)

    @classmethod
    def parse(cls, text: str) -> Quantity:
        """Read ``"<number> <unit>"`` (decimal comma and grouped thousands accepted).

        Raises:
            ValueError: the text does not start with a number, or the number is
                negative, too large or not finite.
        """
        split = split_number(text)
        if split is None:
            raise ValueError(f"expected '<number> <unit>', got {text!r}")
        value, unit = split
        return cls(value=value, unit=unit)

    def __str__(self) -> str:
        number = format_decimal(self.value, group=True)
        return f"{number} {self.unit}" if self.unit else number
