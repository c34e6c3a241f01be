"""Exact numbers: parsing, rounding, allocation that conserves, and writing them as text.

Every money or number figure of the library passes through here: amounts are read
into exact :class:`~fractions.Fraction` values, split with the one largest-remainder
:func:`allocate`, rounded half away from zero, and written by one formatter family
(:func:`format_decimal`, :func:`format_ore`, :func:`format_money`).

The formatters take a ``lang`` keyword. Without it they write the plain form used in
JSON and messages (``1 240 000.00``: spaces between thousands, a decimal point); with
``lang="sv"`` or ``lang="en"`` they write the form of that language from babel's
locale data (CLDR): ``4 442 812,40 kr`` with no-break spaces and a decimal comma, or
``SEK 4,442,812.40``; percentages ``103,8 %`` or ``103.8%``; dates ``1 mars 2025`` or
``March 1, 2025``. Babel is imported only when such a form is asked for.

Example:
    >>> parse_number("620 000,50")
    Fraction(1240001, 2)
    >>> allocate(100, [1, 1, 1])
    [34, 33, 33]
    >>> format_ore(124000001, group=True)
    '1 240 000.01'
    >>> format_money(Fraction(2480000), places=0, group=True, currency="SEK", lang="en")
    'SEK\\xa02,480,000'
"""

from __future__ import annotations

import datetime
import functools
import math
import re
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Literal

__all__ = [
    "MAX_MAGNITUDE",
    "Lang",
    "allocate",
    "allocate_equally",
    "decimal_text",
    "describe",
    "format_date",
    "format_decimal",
    "format_money",
    "format_ore",
    "format_percent",
    "is_float_exact",
    "parse_number",
    "round_conserving",
    "round_half_away",
    "split_number",
    "to_fraction",
    "to_json_number",
]

#: The largest magnitude an amount, cost or quantity may have (DESIGN §3).
MAX_MAGNITUDE = 10**15

#: A language that figures can be written in.
Lang = Literal["sv", "en"]

# A number as people write it: a sign, digits optionally grouped by three with spaces
# (plain, no-break, thin or narrow no-break), a decimal point or comma, an exponent.
_NUMBER = re.compile(
    r"""
    (?P<sign>[+-]?)
    (?P<int>\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+|\d+)
    (?:[.,](?P<frac>\d+))?
    (?:[eE](?P<exp>[+-]?\d{1,4}))?
    """,
    re.VERBOSE,
)
_SPACES = re.compile(r"[ \u00a0\u2009\u202f]")


# ---------------------------------------------------------------------- reading
def split_number(text: str) -> tuple[Fraction, str] | None:
    """Split ``"620 000 SEK/year"`` into ``(Fraction(620000), "SEK/year")``.

    Returns ``None`` when the text does not start with a number. The exponent is
    bounded to four digits so that ``1e99999`` cannot cost memory.
    """
    text = text.strip()
    match = _NUMBER.match(text)
    if match is None:
        return None
    rest = text[match.end() :]
    if rest[:1] in (",", ".") or rest.lstrip()[:1].isdigit():
        return None  # "1,000,000" or "1 00": the number did not end cleanly
    digits = _SPACES.sub("", match["int"])
    frac = match["frac"] or ""
    exp = int(match["exp"] or 0)
    if abs(exp) > 1000:
        return None
    value = Fraction(int(digits + frac), 10 ** len(frac))
    value *= Fraction(10) ** exp
    if match["sign"] == "-":
        value = -value
    return value, " ".join(rest.split())


def parse_number(text: str) -> Fraction:
    """Parse a bare number (decimal comma and grouped thousands accepted).

    Raises:
        ValueError: the text is not exactly one number.
    """
    split = split_number(text)
    if split is None or split[1]:
        raise ValueError(f"expected a number, got {text!r}")
    return split[0]


def to_json_number(value: Fraction | float) -> float | None:
    """A ratio for JSON: the nearest float, or None when it is beyond a float's range.

    JSON numbers are read as doubles almost everywhere, and a double ends near
    1.8 × 10³⁰⁸: a larger ratio (a cent of cost a thousand years away at a rate near
    100 %) would be read as infinity, or not at all. It is written as ``null`` instead;
    the text tables show it in full.

    Example:
        >>> to_json_number(Fraction(1, 4))
        0.25
        >>> to_json_number(Fraction(10**400)) is None
        True
    """
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if math.isfinite(number) else None


def to_fraction(value: object) -> Fraction:
    """Turn an int, Decimal, float, Fraction or numeric string into an exact Fraction.

    A float is read as the shortest decimal that prints it (``0.1`` is one tenth), so
    numbers written in a file as ``0.6``, ``0.3`` and ``0.1`` add up to exactly 1.

    Raises:
        ValueError: NaN, an infinity, a bool, or something that is not a number.
    """
    if isinstance(value, bool):
        raise ValueError(f"expected a number, got {value!r}")
    if type(value) is Fraction:
        return value
    if isinstance(value, int | Fraction):
        return Fraction(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"expected a finite number, got {value}")
        if abs(value.adjusted()) > 1000:
            raise ValueError(f"number out of range: {value}")
        return Fraction(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"expected a finite number, got {value}")
        return Fraction(repr(value))
    if isinstance(value, str):
        return parse_number(value)
    raise ValueError(f"expected a number, got {type(value).__name__}")


def _is_terminating(value: Fraction) -> bool:
    d = value.denominator
    for p in (2, 5):
        while d % p == 0:
            d //= p
    return d == 1


def is_float_exact(value: Fraction) -> bool:
    """Whether ``value`` survives a trip through a float and its shortest repr."""
    if value.denominator == 1:
        return True
    if not _is_terminating(value):
        return False
    return Fraction(repr(float(value))) == value


# ---------------------------------------------------------------------- rounding
def round_half_away(value: Fraction) -> int:
    """Round to the nearest integer, halves away from zero (``2.5 → 3``, ``-2.5 → -3``)."""
    sign = -1 if value < 0 else 1
    magnitude = abs(value)
    whole, rest = divmod(magnitude.numerator, magnitude.denominator)
    if 2 * rest >= magnitude.denominator:
        whole += 1
    return sign * whole


def _top_up(parts: list[int], remainders: Sequence[Fraction | int], left: int) -> None:
    """Add one unit each to the ``left`` parts with the largest remainders, ties earlier."""
    if left > 0:
        # sorted() is stable also with reverse=True: equal remainders keep index order.
        order = sorted(range(len(parts)), key=remainders.__getitem__, reverse=True)
        for index in order[:left]:
            parts[index] += 1


def _integer_weights(weights: Sequence[Fraction | int]) -> tuple[Sequence[int], int]:
    """The weights on a common denominator, as integers, and their sum."""
    scaled: Sequence[int]
    if all(type(weight) is int for weight in weights):
        scaled = weights  # type: ignore[assignment]
    else:
        denominator = math.lcm(*(Fraction(w).denominator for w in weights))
        scaled = [int(Fraction(w) * denominator) for w in weights]
    weight_sum = sum(scaled)
    if weight_sum and min(scaled) < 0:
        raise ValueError("weights must be non-negative")
    return scaled, weight_sum


def allocate(
    total: int, weights: Sequence[Fraction | int], *, weight_sum: int | None = None
) -> list[int]:
    """Split an integer ``total`` in proportion to ``weights``, parts summing to it exactly.

    Largest-remainder (Hamilton) allocation: each part first gets the floor of its
    exact share; the units left over go one each to the parts with the largest
    remainders, ties to the earlier part. A zero total or all-zero weights give
    zeros. A negative total is split as its magnitude, then negated.

    Args:
        total: the whole, e.g. an amount in öre (may be negative).
        weights: non-negative weights; they need not sum to 1.
        weight_sum: for a split made many times over (once per node and year), the
            sum of ``weights`` when they are already non-negative integers; the
            weights are then used as given, without checks.

    Returns:
        One integer per weight, summing to ``total`` (or all zero when the weights
        sum to zero).

    Raises:
        ValueError: a weight is negative.

    Example:
        >>> allocate(100, [1, 1, 1])
        [34, 33, 33]
        >>> allocate(10, [Fraction(6, 10), Fraction(3, 10), Fraction(1, 10)])
        [6, 3, 1]
    """
    scaled: Sequence[int]
    if weight_sum is None:
        scaled, weight_sum = _integer_weights(weights)
    else:
        scaled = weights  # type: ignore[assignment]
    if weight_sum == 0 or total == 0:
        return [0] * len(scaled)
    magnitude = -total if total < 0 else total
    parts: list[int] = []
    remainders: list[int] = []
    for weight in scaled:
        part, remainder = divmod(magnitude * weight, weight_sum)
        parts.append(part)
        remainders.append(remainder)
    left = magnitude - sum(parts)
    if left:
        _top_up(parts, remainders, left)
    return parts if total > 0 else [-part for part in parts]


def allocate_equally(total: int, count: int) -> list[int]:
    """:func:`allocate` with ``count`` equal weights, in closed form: the first parts get the rest.

    Example:
        >>> allocate_equally(100, 3)
        [34, 33, 33]
    """
    if count == 0:
        return []
    magnitude = -total if total < 0 else total
    part, left = divmod(magnitude, count)
    parts = [part + 1] * left + [part] * (count - left)
    return parts if total >= 0 else [-p for p in parts]


def round_conserving(values: Sequence[Fraction], total: Fraction | None = None) -> list[int]:
    """Round amounts to öre so that the parts sum to the rounded total.

    Each part is its exact value rounded down or up (never further than one öre);
    the öre left over go to the parts with the largest fractional remainders, ties
    to the earlier part.

    Args:
        values: exact amounts (any sign).
        total: their sum, if already known.

    Returns:
        One öre integer per value; they sum to ``round_half_away(total × 100)``.

    Example:
        >>> round_conserving([Fraction(1, 300)] * 3)
        [1, 0, 0]
    """
    if total is None:
        total = sum(values, Fraction())
    target = round_half_away(total * 100)
    hundredths = [value * 100 for value in values]
    parts = [h.numerator // h.denominator for h in hundredths]
    remainders = [h - part for h, part in zip(hundredths, parts, strict=True)]
    _top_up(parts, remainders, target - sum(parts))
    return parts


# ---------------------------------------------------------------------- writing
@functools.cache
def _symbols(lang: Lang) -> tuple[str, str]:
    """The thousands separator and decimal mark of ``lang``, from babel's locale data."""
    from babel.numbers import get_decimal_symbol, get_group_symbol

    return get_group_symbol(lang), get_decimal_symbol(lang)


@functools.cache
def _affixes(lang: Lang, currency: str | None) -> tuple[str, str]:
    """What ``lang`` writes before and after a positive amount of ``currency``.

    ``currency=None`` gives the affixes of a percentage. A currency symbol of letters
    is set apart from the digits by a no-break space (CLDR's currency spacing).
    """
    from babel import Locale
    from babel.numbers import get_currency_symbol

    locale = Locale.parse(lang)
    if currency is None:
        pattern = locale.percent_formats[None]
        return pattern.prefix[0], pattern.suffix[0]
    pattern = locale.currency_formats["standard"]
    symbol = get_currency_symbol(currency, locale)
    prefix = pattern.prefix[0].replace("\u00a4", symbol)
    suffix = pattern.suffix[0].replace("\u00a4", symbol)
    if prefix and prefix[-1].isalpha():
        prefix += "\u00a0"
    if suffix and suffix[0].isalpha():
        suffix = "\u00a0" + suffix
    return prefix, suffix


def _group(whole: int, group: bool, lang: Lang | None) -> str:
    """The digits of a non-negative integer, thousands separated when ``group``."""
    if not group:
        return str(whole)
    text = f"{whole:,}"
    return text.replace(",", _symbols(lang)[0] if lang is not None else " ")


def _point(lang: Lang | None) -> str:
    return _symbols(lang)[1] if lang is not None else "."


def format_decimal(
    value: Fraction,
    *,
    group: bool = False,
    places: int | None = None,
    minus: str = "-",
    lang: Lang | None = None,
    fixed: bool = False,
) -> str:
    """Write a number as its exact decimal text (no exponent, no trailing zeros).

    Args:
        value: the number; without ``places`` it must have a terminating decimal
            expansion.
        group: separate thousands in the integer part (``620 000``).
        places: round half away from zero to at most this many decimals first.
        minus: the sign for negative numbers (``"−"`` for text meant for print).
        lang: ``None`` for the plain form (``620 000.5``), ``"sv"`` (``620 000,5``
            with no-break spaces) or ``"en"`` (``620,000.5``).
        fixed: write exactly ``places`` decimals, trailing zeros kept (``1.0000``).

    Raises:
        ValueError: no ``places`` and the number has no finite decimal expansion
            (e.g. 1/3).

    Example:
        >>> format_decimal(Fraction(-1, 8))
        '-0.125'
        >>> format_decimal(Fraction(200, 3), places=2)
        '66.67'
    """
    if places is not None:
        value = Fraction(round_half_away(value * 10**places), 10**places)
    elif not _is_terminating(value):
        raise ValueError(f"{value} has no exact decimal form")
    sign = minus if value < 0 else ""
    value = abs(value)
    count = 0
    while value.denominator != 1:
        value *= 10
        count += 1
    if fixed and places is not None and count < places:
        value *= 10 ** (places - count)
        count = places
    whole, frac = divmod(value.numerator, 10**count)
    frac_part = f"{_point(lang)}{frac:0{count}d}" if count else ""
    return sign + _group(whole, group, lang) + frac_part


def format_ore(
    ore: int,
    *,
    group: bool = False,
    minus: str = "-",
    places: int = 2,
    currency: str | None = None,
    lang: Lang | None = None,
) -> str:
    """An amount in öre (hundredths) as text with fixed decimals: ``"1240000.00"``.

    Args:
        ore: the amount in hundredths; a negative amount carries ``minus``.
        group: separate thousands (``"1 240 000.00"``).
        minus: the sign for negative amounts (``"−"`` for text meant for print).
        places: the decimals shown, 0 to 2; fewer than 2 round half away from zero
            (``places=0`` gives whole kronor).
        currency: a currency code to write with the amount, in the form of ``lang``
            (``2 480 000 kr`` in Swedish, ``SEK 2,480,000`` in English, ``… SEK``
            in the plain form).
        lang: ``None`` for the plain form, or ``"sv"``/``"en"`` (see the module).

    Example:
        >>> format_ore(-123456, group=True, minus="−")
        '−1 234.56'
        >>> format_ore(248_000_050, places=0, group=True, currency="SEK", lang="sv")
        '2\\xa0480\\xa0001\\xa0kr'
    """
    magnitude = -ore if ore < 0 else ore
    if places == 2:
        whole, cents = divmod(magnitude, 100)
        text = f"{_group(whole, group, lang)}{_point(lang)}{cents:02d}"
    else:
        step = 10 ** (2 - places)
        scaled = (magnitude + step // 2) // step  # half away from zero, on the magnitude
        whole, frac = divmod(scaled, 10**places)
        text = _group(whole, group, lang) + (f"{_point(lang)}{frac:0{places}d}" if places else "")
    sign = minus if ore < 0 else ""
    if currency is None:
        return sign + text
    if lang is None:
        return f"{sign}{text} {currency}"
    prefix, suffix = _affixes(lang, currency)
    return f"{sign}{prefix}{text}{suffix}"


def format_money(
    amount: Fraction | int | float,
    *,
    group: bool = False,
    minus: str = "-",
    places: int = 2,
    currency: str | None = None,
    lang: Lang | None = None,
) -> str:
    """An exact amount of the major unit (kronor) as text, rounded to öre half away.

    Takes the same keywords as :func:`format_ore`. A float is taken at its exact
    binary value.

    Example:
        >>> format_money(Fraction(1, 200))
        '0.01'
        >>> format_money(Fraction(444281240, 100), group=True)
        '4 442 812.40'
    """
    ore = round_half_away(Fraction(amount) * 100)
    return format_ore(ore, group=group, minus=minus, places=places, currency=currency, lang=lang)


def format_percent(
    value: Fraction | float,
    *,
    places: int = 1,
    minus: str = "-",
    lang: Lang | None = None,
) -> str:
    """A fraction as a percentage, rounded half away to ``places`` decimals.

    Example:
        >>> format_percent(Fraction(1038, 1000))
        '103.8 %'
        >>> format_percent(Fraction(1038, 1000), lang="sv")
        '103,8\\xa0%'
        >>> format_percent(Fraction(1038, 1000), lang="en")
        '103.8%'
    """
    hundredfold = Fraction(value) * 100
    number = format_decimal(hundredfold, group=True, places=places, minus="", lang=lang)
    sign = minus if round_half_away(hundredfold * 10**places) < 0 else ""
    if lang is None:
        return f"{sign}{number} %"
    prefix, suffix = _affixes(lang, None)
    return f"{sign}{prefix}{number}{suffix}"


def format_date(value: datetime.date, *, lang: Lang | None = None) -> str:
    """A date: ISO 8601 in the plain form, else the long form of ``lang``.

    Example:
        >>> format_date(datetime.date(2025, 3, 1))
        '2025-03-01'
        >>> format_date(datetime.date(2025, 3, 1), lang="sv")
        '1 mars 2025'
    """
    if lang is None:
        return value.isoformat()
    from babel.dates import format_date as babel_date

    return babel_date(value, "long", locale=lang)


def describe(value: Fraction) -> str:
    """A number for a message: exact when short, else in scientific notation."""
    scientific = f"{Decimal(value.numerator) / Decimal(value.denominator):.6g}"
    if abs(value) >= 10**16 or (value != 0 and abs(value) < Fraction(1, 10**6)):
        return scientific
    try:
        return format_decimal(value)
    except ValueError:
        return scientific


def decimal_text(value: Fraction) -> str:
    """An exact number for a message, in decimals: ``12``, ``62.5``.

    A fraction whose decimals never end is rounded to four places (``33.3333``).
    """
    return format_decimal(value, places=None if _is_terminating(value) else 4)
