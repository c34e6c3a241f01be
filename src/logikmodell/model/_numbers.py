"""Exact numbers: parsing the numbers people write, and writing them back exactly."""

from __future__ import annotations

import math
import re
from decimal import Decimal
from fractions import Fraction

__all__ = [
    "MAX_MAGNITUDE",
    "describe",
    "format_decimal",
    "is_float_exact",
    "parse_number",
    "split_number",
    "to_fraction",
]

#: The largest magnitude an amount, cost or quantity may have (DESIGN §3).
MAX_MAGNITUDE = 10**15

# A number as people write it: a sign, digits optionally grouped by three with spaces
# (plain, no-break or thin), a decimal point or comma, an exponent.
_NUMBER = re.compile(
    r"""
    (?P<sign>[+-]?)
    (?P<int>\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)
    (?:[.,](?P<frac>\d+))?
    (?:[eE](?P<exp>[+-]?\d{1,4}))?
    """,
    re.VERBOSE,
)
_SPACES = re.compile(r"[ \u00a0\u202f]")


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


def format_decimal(value: Fraction, *, group: bool = False) -> str:
    """Write a terminating Fraction as its exact decimal text (no exponent).

    Args:
        value: the number; must have a terminating decimal expansion.
        group: separate thousands in the integer part with spaces (``620 000``).

    Raises:
        ValueError: the number has no finite decimal expansion (e.g. 1/3).
    """
    if not _is_terminating(value):
        raise ValueError(f"{value} has no exact decimal form")
    sign = "-" if value < 0 else ""
    value = abs(value)
    places = 0
    while value.denominator != 1:
        value *= 10
        places += 1
    digits = str(value.numerator).rjust(places + 1, "0")
    int_part, frac_part = digits[: len(digits) - places], digits[len(digits) - places :]
    if group:
        int_part = f"{int(int_part):,}".replace(",", " ")
    return sign + int_part + ("." + frac_part if frac_part else "")


def describe(value: Fraction) -> str:
    """A number for a message: exact when short, else in scientific notation."""
    scientific = f"{Decimal(value.numerator) / Decimal(value.denominator):.6g}"
    if abs(value) >= 10**16 or (value != 0 and abs(value) < Fraction(1, 10**6)):
        return scientific
    try:
        return format_decimal(value)
    except ValueError:
        return scientific


def is_float_exact(value: Fraction) -> bool:
    """Whether ``value`` survives a trip through a float and its shortest repr."""
    if value.denominator == 1:
        return True
    if not _is_terminating(value):
        return False
    return Fraction(repr(float(value))) == value
