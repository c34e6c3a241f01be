"""Exact money: amounts in öre-exact rational numbers, and allocation that conserves."""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction
from typing import Self

import attrs

from logikmodell.model._numbers import format_decimal, to_fraction

__all__ = ["Money", "allocate", "format_ore", "round_half_away"]


def round_half_away(value: Fraction) -> int:
    """Round to the nearest integer, halves away from zero (``2.5 → 3``, ``-2.5 → -3``)."""
    sign = -1 if value < 0 else 1
    magnitude = abs(value)
    whole, rest = divmod(magnitude.numerator, magnitude.denominator)
    if 2 * rest >= magnitude.denominator:
        whole += 1
    return sign * whole


def format_ore(ore: int, *, group: bool = False, minus: str = "-") -> str:
    """An amount in öre as text with two decimals: ``"1240000.00"``.

    Args:
        ore: the amount in hundredths.
        group: separate thousands with spaces (``"1 240 000.00"``).
        minus: the sign for negative amounts (``"−"`` for text meant for print).
    """
    whole = abs(ore) // 100
    whole_text = f"{whole:,}".replace(",", " ") if group else str(whole)
    return f"{minus if ore < 0 else ''}{whole_text}.{abs(ore) % 100:02d}"


def allocate(total: int, weights: Sequence[Fraction | int]) -> list[int]:
    """Split an integer ``total`` in proportion to ``weights``, parts summing to it exactly.

    Largest-remainder (Hamilton) allocation: each part first gets the floor of its
    exact share; the units left over go one each to the parts with the largest
    remainders, ties to the earlier part. A zero total or all-zero weights give
    zeros.

    Args:
        total: the whole, e.g. an amount in öre (may be negative).
        weights: non-negative weights; they need not sum to 1.

    Returns:
        One integer per weight, summing to ``total`` (or all zero when the weights
        sum to zero).

    Example:
        >>> allocate(100, [1, 1, 1])
        [34, 33, 33]
    """
    # On a common denominator the weights are integers, and so is all that follows.
    denominator = math.lcm(*(Fraction(w).denominator for w in weights)) if weights else 1
    scaled = [int(Fraction(w) * denominator) for w in weights]
    weight_sum = sum(scaled)
    if weight_sum == 0 or total == 0:
        return [0] * len(weights)
    if any(w < 0 for w in scaled):
        raise ValueError("weights must be non-negative")
    sign = -1 if total < 0 else 1
    magnitude = abs(total)
    parts: list[int] = []
    remainders: list[tuple[int, int]] = []
    for index, weight in enumerate(scaled):
        floor, remainder = divmod(magnitude * weight, weight_sum)
        parts.append(floor)
        remainders.append((-remainder, index))
    left = magnitude - sum(parts)
    remainders.sort()  # largest remainder first, ties to the earlier part
    for _, index in remainders[:left]:
        parts[index] += 1
    return [sign * p for p in parts]


@attrs.frozen(order=True)
class Money:
    """An exact amount of money in one currency.

    The amount is a Fraction of the major unit (kronor), never a float; arithmetic
    stays exact and :meth:`rounded` goes to whole öre (half away from zero) only
    when a figure is written.

    Example:
        >>> Money("1240000.005").rounded()
        Money(amount=Fraction(124000001, 100), currency='SEK')
        >>> [part.format() for part in Money(10).allocate([1, 1, 1])]
        ['3.34', '3.33', '3.33']
    """

    amount: Fraction = attrs.field(converter=to_fraction)
    currency: str = "SEK"

    @classmethod
    def from_ore(cls, ore: int, currency: str = "SEK") -> Self:
        """Money from an integer number of hundredths (öre, cents)."""
        return cls(Fraction(ore, 100), currency)

    @property
    def ore(self) -> int:
        """The amount in hundredths, rounded half away from zero."""
        return round_half_away(self.amount * 100)

    def rounded(self) -> Money:
        """The amount rounded to whole hundredths, half away from zero."""
        return Money(Fraction(self.ore, 100), self.currency)

    def allocate(self, weights: Sequence[Fraction | int]) -> tuple[Money, ...]:
        """Split into parts proportional to ``weights`` that sum to the rounded whole."""
        return tuple(Money.from_ore(p, self.currency) for p in allocate(self.ore, weights))

    def format(self) -> str:
        """Two decimals, rounded half away from zero, no grouping: ``"1240000.00"``."""
        return format_ore(self.ore)

    def _same(self, other: Money) -> None:
        if other.currency != self.currency:
            raise ValueError(f"cannot combine {self.currency} and {other.currency}")

    def __add__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.amount - other.amount, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.amount, self.currency)

    def __mul__(self, factor: Fraction | int) -> Money:
        return Money(self.amount * factor, self.currency)

    __rmul__ = __mul__

    def __str__(self) -> str:
        return f"{format_decimal(self.rounded().amount, group=True)} {self.currency}"
