"""The unit registry: currencies, counts and time, built once and on first use.

pint is imported here only, and only when a unit is first resolved, so that
``import logikmodell`` stays light. Magnitudes are exact Fractions throughout.
"""

from __future__ import annotations

import functools
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from logikmodell.errors import UnitError

if TYPE_CHECKING:
    import pint

    from logikmodell.model.quantity import Quantity

__all__ = [
    "CURRENCIES",
    "Dimension",
    "Resolved",
    "registry",
    "require_count",
    "require_currency",
    "resolve",
    "resolve_unit",
]

#: The currencies the registry knows, each its own dimension: no implicit exchange.
CURRENCIES = ("SEK", "NOK", "DKK", "EUR", "USD", "GBP")

_DEFINITIONS = [
    # Time. A year is the Julian year so that hours, days and months convert exactly.
    "hour = [time] = h = hr",
    "day = 24 hour = d",
    "week = 7 day = wk",
    "year = 365.25 day = yr = a = år",
    "month = year / 12",
    "quarter = year / 4",
    # Counts: each is its own dimension so that "per participant" cannot be mixed
    # up with "per session".
    "person = [person] = persons = pers = individual",
    "participant = [participant]",
    "session = [session]",
    "visit = [visit]",
    "placement = [placement]",
    "fte = [fte] = FTE = åa = årsarbetare",
    "piece = [piece] = st = pcs",
    "case = [case]",
    "place = [place]",
    "percent = 0.01 = %",
]
# Currencies with their thousands and millions, written out: no SI prefixes at all,
# so that "mSEK" (milli) is unknown rather than a thousandth.
for _code in CURRENCIES:
    _DEFINITIONS += [
        f"{_code} = [currency_{_code}]",
        f"k{_code} = 1000 {_code}",
        f"M{_code} = 1000000 {_code}",
    ]
_DEFINITIONS += ["kr = SEK", "tkr = kSEK", "mnkr = MSEK", "Mkr = MSEK"]
del _code


@functools.cache
def registry() -> pint.UnitRegistry[Fraction]:
    """The one unit registry, with exact (Fraction) magnitudes. Built on first call."""
    import pint

    ureg: pint.UnitRegistry[Fraction] = pint.UnitRegistry(
        None, non_int_type=Fraction, cache_folder=None
    )
    for definition in _DEFINITIONS:
        ureg.define(definition)
    return ureg


@attrs.frozen
class Dimension:
    """A dimension as a sorted tuple of (base dimension, exponent), e.g. SEK/year."""

    terms: tuple[tuple[str, int], ...]

    @property
    def currencies(self) -> tuple[str, ...]:
        """The currencies among the base dimensions."""
        return tuple(name[9:] for name, _ in self.terms if name.startswith("currency_"))

    def __mul__(self, other: Dimension) -> Dimension:
        exps = dict(self.terms)
        for name, exp in other.terms:
            exps[name] = exps.get(name, 0) + exp
        return Dimension(tuple(sorted((n, e) for n, e in exps.items() if e)))

    def __truediv__(self, other: Dimension) -> Dimension:
        return self * Dimension(tuple((n, -e) for n, e in other.terms))

    def __str__(self) -> str:
        if not self.terms:
            return "dimensionless"
        num = [self._name(n, e) for n, e in self.terms if e > 0]
        den = [self._name(n, -e) for n, e in self.terms if e < 0]
        text = " × ".join(num) or "1"
        return text + "".join(f" / {d}" for d in den)

    @staticmethod
    def _name(name: str, exp: int) -> str:
        name = name.removeprefix("currency_")
        return name if exp == 1 else f"{name}^{exp}"


DIMENSIONLESS = Dimension(())
TIME = Dimension((("time", 1),))


@attrs.frozen
class Resolved:
    """A quantity reduced to base units: ``factor × value`` in ``dimension``.

    Base units are: the currency itself (SEK, not kSEK), the count unit itself, and
    the hour for time.
    """

    value: Fraction
    dimension: Dimension


@functools.lru_cache(maxsize=4096)
def resolve_unit(unit: str) -> tuple[Fraction, Dimension]:
    """The factor to base units and the dimension of a unit text such as ``kr/hour``.

    Raises:
        ValueError: the unit is unknown or malformed.
    """
    if not unit:
        return Fraction(1), DIMENSIONLESS
    import pint

    ureg = registry()
    try:
        parsed = ureg.parse_units(unit)
        factor, base = ureg.get_base_units(parsed)
        dims = base.dimensionality
    except pint.UndefinedUnitError as exc:
        names = ", ".join(repr(u) for u in sorted(exc.unit_names)) or repr(unit)
        raise ValueError(f"unknown unit {names} in {unit!r}") from None
    except Exception:
        # pint's parser reports malformed expressions with assorted exceptions.
        raise ValueError(f"cannot read the unit {unit!r}") from None
    terms = tuple(sorted((str(k).strip("[]"), int(v)) for k, v in dims.items() if v))  # type: ignore[arg-type]
    return Fraction(factor), Dimension(terms)  # type: ignore[call-overload]


def resolve(quantity: Quantity) -> Resolved:
    """Reduce a quantity to base units, exactly."""
    factor, dimension = resolve_unit(quantity.unit)
    return Resolved(quantity.value * factor, dimension)


def _dimension_of(field: str, quantity: Quantity) -> tuple[Fraction, Dimension]:
    try:
        factor, dimension = resolve_unit(quantity.unit)
    except ValueError as exc:
        raise UnitError(field, str(exc)) from None
    return quantity.value * factor, dimension


def require_currency(field: str, quantity: Quantity, currency: str) -> Fraction:
    """The amount of ``quantity`` in ``currency``, which must be its only dimension.

    Raises:
        UnitError: the unit is unknown, or the dimension is not the currency.
    """
    value, dimension = _dimension_of(field, quantity)
    if dimension != Dimension(((f"currency_{currency}", 1),)):
        raise UnitError(
            field, f"expected an amount in {currency}, got {quantity} (dimension {dimension})"
        )
    return value


def require_count(field: str, quantity: Quantity) -> Dimension:
    """Check a unit is known and return its dimension.

    Raises:
        UnitError: the unit is unknown or malformed.
    """
    return _dimension_of(field, quantity)[1]
