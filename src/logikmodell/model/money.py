"""Exact money: an amount in one currency, kept as an exact rational number.

The arithmetic of amounts (rounding, allocation, text) lives in
:mod:`logikmodell.numbers`; ``allocate``, ``format_ore`` and ``round_half_away`` are
also importable from here.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import Self

import attrs

from logikmodell.numbers import (
    Lang,
    allocate,
    format_decimal,
    format_ore,
    round_half_away,
    to_fraction,
)

__all__ = ["Money", "allocate", "format_ore", "round_half_away"]


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

    def format(self, *, group: bool = False, lang: Lang | None = None) -> str:
        """Two decimals, rounded half away from zero: ``"1240000.00"``.

        Args:
            group: separate thousands (``"1 240 000.00"``).
            lang: the form of :func:`logikmodell.numbers.format_ore`.
        """
        return format_ore(self.ore, group=group, lang=lang)

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
