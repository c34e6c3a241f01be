"""Units and their dimensions: the registry, and every dimension check of the model.

The registry knows currencies, counts and time, and is built once and on first use:
pint is imported here only, and only when a unit is first resolved, so that
``import logikmodell`` stays light. Magnitudes are exact Fractions throughout.

A :class:`Dimension` answers what a unit measures (``is_currency``, ``is_count``);
:func:`check_node_units` holds the rules a node's quantities must follow, which a
:class:`~logikmodell.graph.LogicModel` applies to every node it takes.
"""

from __future__ import annotations

import difflib
import functools
import re
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from logikmodell.errors import InvalidValueError, UnitError
from logikmodell.i18n import translate
from logikmodell.model._checks import check_bound
from logikmodell.model.elements import Indicator
from logikmodell.model.nodes import (
    RANGED_RESOURCE_FIELDS,
    Node,
    Outcome,
    Output,
    Resource,
)
from logikmodell.model.transfers import Transfer

if TYPE_CHECKING:
    import pint

    from logikmodell.model.quantity import Quantity

__all__ = [
    "CURRENCIES",
    "DIMENSIONLESS",
    "TIME",
    "UNIT_NAMES",
    "Dimension",
    "Resolved",
    "check_node_units",
    "check_transfer_units",
    "closest_units",
    "convert",
    "count_factor",
    "dimension_of",
    "registry",
    "require_count",
    "require_currency",
    "resolve",
    "resolve_unit",
]

#: The currencies the registry knows, each its own dimension: no implicit exchange.
CURRENCIES = ("SEK", "NOK", "DKK", "EUR", "USD", "GBP")

#: The base dimension of each currency, and the currency of each such dimension.
_CURRENCY_BASE = {code: f"currency_{code}" for code in CURRENCIES}
_CURRENCY_OF = {base: code for code, base in _CURRENCY_BASE.items()}

# Swedish names are aliases only where they mean one thing: "dygn" is a day of 24
# hours, "mån" a month (månad), "år" a year, "kronor" and "kr" Swedish kronor (the
# Norwegian and Danish are "kroner"), "tkr" and "Tkr" thousands of kronor (there is no
# tera prefix to take "T" for).
_DEFINITIONS = [
    # Time. A year is the Julian year so that hours, days and months convert exactly.
    "hour = [time] = h = hr",
    "day = 24 hour = d = dygn",
    "week = 7 day = wk",
    "year = 365.25 day = yr = a = år",
    "month = year / 12 = mån",
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
        f"{_code} = [{_CURRENCY_BASE[_code]}]",
        f"k{_code} = 1000 {_code}",
        f"M{_code} = 1000000 {_code}",
    ]
_DEFINITIONS += [
    "kr = SEK",
    "kronor = SEK",
    "tkr = kSEK",
    "Tkr = kSEK",
    "mnkr = MSEK",
    "Mkr = MSEK",
]
del _code


def _names(definition: str) -> list[str]:
    """The unit names a definition gives: ``hour = [time] = h = hr`` gives hour, h, hr."""
    name, _, *aliases = definition.split(" = ")
    return [name, *aliases]


#: Every unit name the registry knows, with its aliases, in definition order (a
#: plural with ``s`` is read too: ``hours``, ``persons``).
UNIT_NAMES: tuple[str, ...] = tuple(n for d in _DEFINITIONS for n in _names(d))

#: The unit each name stands for: the first name of its definition.
_CANONICAL = {n: _names(d)[0] for d in _DEFINITIONS for n in _names(d)}


def closest_units(name: str, limit: int = 3) -> list[str]:
    """The known unit names closest to ``name``, closest first, one per unit.

    A name that differs only in case from a known one (``sek``) gets that one alone.

    Example:
        >>> closest_units("dag")
        ['day']
        >>> closest_units("kronr")
        ['kronor']
    """
    by_folded: dict[str, str] = {}
    for known in UNIT_NAMES:
        by_folded.setdefault(known.casefold(), known)
    if name.casefold() in by_folded:
        return [by_folded[name.casefold()]]
    found = difflib.get_close_matches(name.casefold(), list(by_folded), n=10, cutoff=0.6)
    closest: dict[str, str] = {}
    for folded in found:
        known = by_folded[folded]
        closest.setdefault(_CANONICAL[known], known)
    return list(closest.values())[:limit]


def _unknown_message(names: list[str], unit: str) -> str:
    """``unknown unit 'dag' in 'kr/dag'; did you mean 'day'?``, and where the units are."""
    unknown = ", ".join(repr(n) for n in names)
    suggestions = list(dict.fromkeys(s for n in names for s in closest_units(n)))
    head = translate(None, "unknown unit {unknown} in {unit}", unknown=unknown, unit=repr(unit))
    if len(suggestions) == 1:
        hint = translate(None, "did you mean {unit}?", unit=repr(suggestions[0]))
    elif suggestions:
        choices = ", ".join(repr(s) for s in suggestions)
        hint = translate(None, "did you mean one of {units}?", units=choices)
    else:
        return f"{head}; " + translate(
            None, "the units are listed in the file format's documentation"
        )
    listed = translate(None, "The units are listed in the file format's documentation.")
    return f"{head}; {hint} {listed}"


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

    @classmethod
    def of_currency(cls, code: str) -> Dimension:
        """The dimension of an amount in the currency ``code``.

        Raises:
            KeyError: the registry knows no such currency.
        """
        return cls(((_CURRENCY_BASE[code], 1),))

    @property
    def currencies(self) -> tuple[str, ...]:
        """The currencies among the base dimensions."""
        return tuple(_CURRENCY_OF[name] for name, _ in self.terms if name in _CURRENCY_OF)

    def is_currency(self, code: str) -> bool:
        """Whether this is an amount in ``code`` and nothing else (``SEK``, not ``SEK/h``)."""
        return self.terms == ((_CURRENCY_BASE.get(code), 1),)

    def has_currency(self, code: str) -> bool:
        """Whether ``code`` comes to the first power and no other currency appears
        (``SEK/person`` has; ``SEK²`` and ``SEK·EUR`` have not)."""
        base = _CURRENCY_BASE.get(code)
        return any(name == base and exp == 1 for name, exp in self.terms) and self.currencies == (
            code,
        )

    @property
    def is_count(self) -> bool:
        """Whether this counts something: one base dimension other than time and money,
        to the first power (``person``, ``session``)."""
        if len(self.terms) != 1:
            return False
        name, exp = self.terms[0]
        return exp == 1 and name != _TIME_BASE and name not in _CURRENCY_OF

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
        name = _CURRENCY_OF.get(name, name)
        return name if exp == 1 else f"{name}^{exp}"


_TIME_BASE = "time"

DIMENSIONLESS = Dimension(())
TIME = Dimension(((_TIME_BASE, 1),))


@attrs.frozen
class Resolved:
    """A quantity reduced to base units: ``factor × value`` in ``dimension``.

    Base units are: the currency itself (SEK, not kSEK), the count unit itself, and
    the hour for time.
    """

    value: Fraction
    dimension: Dimension


#: The longest unit text read (``kr/placering/dygn`` has 17 characters).
MAX_UNIT_LENGTH = 200
#: The largest power a unit may be raised to, either way (``year**-1``, ``SEK^2``).
MAX_EXPONENT = 6

_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
_SUPERSCRIPT_RUN = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺]+")
_POWER = re.compile(r"\*\*|\^")
# A whole exponent, bracketed or not, that ends where the number ends (not ``1.5``).
_WHOLE_POWER = re.compile(r"(?:\*\*|\^)\s*(?:\(\s*([-+]?\d+)\s*\)|([-+]?\d+))(?![\d.eE])")


def _check_unit_text(unit: str) -> None:
    """Refuse a unit text whose exponents would make pint compute without bound.

    ``kSEK**100000000`` would take pint minutes and ``kSEK**1.5`` would pass through
    a float; every exponent must be a whole number from -6 to 6, and the text at
    most 200 characters long.

    Raises:
        ValueError: the text is too long, or an exponent is out of range or not whole.
    """
    if len(unit) > MAX_UNIT_LENGTH:
        raise ValueError(
            f"the unit {unit[:40]!r}… is longer than the limit of {MAX_UNIT_LENGTH} characters"
        )
    text = _SUPERSCRIPT_RUN.sub(lambda m: "**" + m[0].translate(_SUPERSCRIPTS), unit)
    if not _POWER.search(text):
        return
    whole = list(_WHOLE_POWER.finditer(text))
    if len(whole) != len(_POWER.findall(text)):
        raise ValueError(
            f"every exponent in the unit {unit!r} must be a whole number "
            f"from {-MAX_EXPONENT} to {MAX_EXPONENT}"
        )
    for match in whole:
        digits = match[1] or match[2]
        if len(digits) > 4 or abs(int(digits)) > MAX_EXPONENT:
            raise ValueError(
                f"the exponent {digits} in the unit {unit!r} is outside the range "
                f"{-MAX_EXPONENT} to {MAX_EXPONENT}"
            )


@functools.lru_cache(maxsize=4096)
def resolve_unit(unit: str) -> tuple[Fraction, Dimension]:
    """The factor to base units and the dimension of a unit text such as ``kr/hour``.

    Raises:
        ValueError: the unit is unknown or malformed.
    """
    if not unit:
        return Fraction(1), DIMENSIONLESS
    _check_unit_text(unit)
    import pint

    ureg = registry()
    try:
        parsed = ureg.parse_units(unit)
        factor, base = ureg.get_base_units(parsed)
        dims = base.dimensionality
    except pint.UndefinedUnitError as exc:
        raise ValueError(_unknown_message(sorted(exc.unit_names) or [unit], unit)) from None
    except Exception:
        # pint's parser reports malformed expressions with assorted exceptions.
        raise ValueError(f"cannot read the unit {unit!r}") from None
    terms = tuple(sorted((str(k).strip("[]"), int(v)) for k, v in dims.items() if v))  # type: ignore[arg-type]
    return Fraction(factor), Dimension(terms)  # type: ignore[call-overload]


def resolve(quantity: Quantity) -> Resolved:
    """Reduce a quantity to base units, exactly."""
    factor, dimension = resolve_unit(quantity.unit)
    return Resolved(quantity.value * factor, dimension)


def dimension_of(field: str, quantity: Quantity) -> Dimension:
    """The dimension of a quantity's unit, which must be known.

    Raises:
        UnitError: the unit is unknown or malformed.
    """
    return _resolved(field, quantity)[1]


def _resolved(field: str, quantity: Quantity) -> tuple[Fraction, Dimension]:
    try:
        factor, dimension = resolve_unit(quantity.unit)
    except ValueError as exc:
        raise UnitError(field, str(exc)) from None
    return quantity.value * factor, dimension


def convert(quantity: Quantity, unit: str) -> Fraction:
    """The number of ``unit`` in ``quantity``, exactly: ``convert(0.5 MSEK, "kSEK") == 500``.

    Raises:
        ValueError: a unit is unknown, or the two are of different dimensions.
    """
    if quantity.unit == unit:
        return quantity.value
    factor, dimension = resolve_unit(quantity.unit)
    target_factor, target_dimension = resolve_unit(unit)
    if dimension != target_dimension:
        raise ValueError(
            translate(
                None,
                "expected a quantity in {unit} or a unit of its dimension ({dimension}), "
                "got {quantity}",
                unit=unit or "1",
                dimension=str(target_dimension),
                quantity=str(quantity),
            )
        )
    return quantity.value * factor / target_factor


def require_currency(field: str, quantity: Quantity, currency: str) -> Fraction:
    """The amount of ``quantity`` in ``currency``, which must be its only dimension.

    Raises:
        UnitError: the unit is unknown, or the dimension is not the currency.
    """
    value, dimension = _resolved(field, quantity)
    if not dimension.is_currency(currency):
        raise UnitError(
            field, f"expected an amount in {currency}, got {quantity} (dimension {dimension})"
        )
    return value


def require_count(field: str, quantity: Quantity) -> Dimension:
    """Check a unit is known and return its dimension (the same as :func:`dimension_of`).

    Raises:
        UnitError: the unit is unknown or malformed.
    """
    return dimension_of(field, quantity)


@functools.lru_cache(maxsize=256)
def count_factor(unit: str) -> Fraction | None:
    """The factor from ``unit`` to its count unit, or None if it counts nothing.

    A bare number (no unit) counts with factor 1; time, money and percentages do
    not count.

    Raises:
        ValueError: the unit is unknown or malformed.
    """
    factor, dimension = resolve_unit(unit)
    if unit and not dimension.is_count:
        return None
    return factor


# ---------------------------------------------------------------------- node checks
def check_node_units(node: Node, currency: str) -> None:
    """Check that a node's quantities have known units of the dimensions it needs.

    A resource's ``cost`` is an amount in ``currency``, and so is
    ``quantity × unit_cost``; an outcome's ``amount × quantity`` per year is too
    (with no quantity, ``amount`` per year is money in ``currency`` per something).
    A range bound in another unit than its value's (``cost_low: 0 SEK`` beside
    ``cost: 1 MSEK``) must be of the same dimension, and is compared after conversion.

    Raises:
        UnitError: naming the field, the node and the dimension found.
        InvalidValueError: a converted bound lies on the wrong side of its value.
    """
    if isinstance(node, Resource):
        _check_resource(node, currency)
        _check_ranges(node, RANGED_RESOURCE_FIELDS)
    elif isinstance(node, Output) and node.quantity is not None:
        dimension_of("quantity", node.quantity)
    elif isinstance(node, Outcome):
        _check_outcome(node, currency)
        _check_ranges(node, ("quantity",))
        for index, value in enumerate(node.values):
            _check_ranges(value, ("amount",), prefix=f"values[{index}].")


def _check_ranges(item: object, names: tuple[str, ...], prefix: str = "") -> None:
    """Ranges in another unit than their value's: of its dimension, and in order."""
    for name in names:
        value = getattr(item, name)
        for side in ("low", "high"):
            bound = getattr(item, f"{name}_{side}")
            if value is None or bound is None or bound.unit == value.unit:
                continue  # no range, or compared when the node was made
            field = f"{prefix}{name}_{side}"
            try:
                number = convert(bound, value.unit)
            except ValueError as exc:
                raise UnitError(field, str(exc)) from None
            check_bound(field, side, number, value.value)


def _check_resource(node: Resource, currency: str) -> None:
    for index, actual in enumerate(node.actuals):
        require_currency(f"actuals[{index}].amount", actual.amount, currency)
    if node.cost is not None:
        require_currency("cost", node.cost, currency)
    if node.quantity is None or node.unit_cost is None:
        return
    product = dimension_of("quantity", node.quantity) * dimension_of("unit_cost", node.unit_cost)
    if not product.is_currency(currency):
        raise UnitError(
            "unit_cost",
            f"resource {node.id!r}: quantity × unit_cost must be an amount in "
            f"{currency}, got {node.quantity} × {node.unit_cost} "
            f"(dimension {product})",
        )


def _check_outcome(node: Outcome, currency: str) -> None:
    quantity_dim = None
    if node.quantity is not None:
        quantity_dim = dimension_of("quantity", node.quantity)
    if node.realised_quantity is not None:
        realised_dim = dimension_of("realised_quantity", node.realised_quantity)
        if quantity_dim is not None and realised_dim != quantity_dim:
            raise UnitError(
                "realised_quantity",
                f"outcome {node.id!r}: the realised quantity {node.realised_quantity} must "
                f"count what the quantity {node.quantity} counts",
            )
    for index, value in enumerate(node.values):
        field = f"values[{index}].amount"
        per_year = dimension_of(field, value.amount) * TIME
        if quantity_dim is not None:
            total = per_year * quantity_dim
            ok = total.is_currency(currency)
        else:
            total = per_year
            ok = per_year.has_currency(currency)
        if not ok:
            raise UnitError(
                field,
                f"outcome {node.id!r}: amount × quantity per year must be an amount "
                f"in {currency}, got {value.amount}"
                + (f" × {node.quantity}" if node.quantity is not None else "")
                + f" × year (dimension {total})",
            )


def check_realised_from(outcome: Outcome, indicator: Indicator) -> None:
    """Check that ``indicator`` counts what ``outcome``'s quantity counts.

    Raises:
        UnitError: the outcome has no quantity, the indicator no unit, or they differ
            in dimension.
    """
    if outcome.quantity is None:
        raise UnitError(
            "realised_from", f"outcome {outcome.id!r} has no quantity for the indicator to count"
        )
    if indicator.unit is None:
        raise UnitError(
            "realised_from",
            f"indicator {indicator.id!r} has no unit: give it the unit of "
            f"{outcome.quantity} to realise outcome {outcome.id!r} from it",
        )
    expected = dimension_of("quantity", outcome.quantity)
    try:
        found = resolve_unit(indicator.unit)[1]
    except ValueError as exc:
        raise UnitError("realised_from", str(exc)) from None
    if found != expected:
        raise UnitError(
            "realised_from",
            f"indicator {indicator.id!r} counts {indicator.unit!r}, but outcome "
            f"{outcome.id!r} counts {outcome.quantity.unit!r}",
        )


def check_transfer_units(transfer: Transfer, outcome: Outcome | None, currency: str) -> None:
    """Check a transfer's money: an ``amount`` in ``currency``; or a ``rate`` that,
    times ``outcome``'s quantity, is an amount in ``currency``.

    Raises:
        UnitError: naming the field, the transfer and the dimension found.
        InvalidValueError: a rate on an outcome without a quantity.
    """
    if transfer.amount is not None:
        require_currency("amount", transfer.amount, currency)
        return
    assert transfer.rate is not None
    if outcome is None or outcome.quantity is None:
        name = transfer.outcome
        raise InvalidValueError("outcome", f"outcome {name!r} has no quantity to pay a rate on")
    product = dimension_of("rate", transfer.rate) * dimension_of("quantity", outcome.quantity)
    if not product.is_currency(currency):
        raise UnitError(
            "rate",
            f"transfer {transfer.id!r}: rate × the quantity of {outcome.id!r} must be an "
            f"amount in {currency}, got {transfer.rate} × {outcome.quantity} "
            f"(dimension {product})",
        )
