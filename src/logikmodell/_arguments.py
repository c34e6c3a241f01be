"""Checks of what callers pass: the wrong type is a TypeError that names the argument.

A model built in code can hand a public function ``None`` or a text where an object
belongs; without a check that surfaces as an ``AttributeError`` deep inside, or is
taken in silently and fails much later. These checks say at once which argument of
which function was wrong, and what it should have been.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from logikmodell.i18n import translate

__all__ = ["check_type", "instance", "optional_instance", "tuple_of"]

T = TypeVar("T")


def _names(expected: type | tuple[type, ...]) -> str:
    types = expected if isinstance(expected, tuple) else (expected,)
    return " or ".join(t.__name__ for t in types)


def check_type(
    function: str, argument: str, value: object, expected: type | tuple[type, ...]
) -> None:
    """Raise unless ``value`` is an instance of ``expected``.

    Raises:
        TypeError: ``add_node(): argument node must be Node, not str``.
    """
    if not isinstance(value, expected):
        raise TypeError(
            translate(
                None,
                "{function}: argument {argument} must be {expected}, not {got}",
                function=function,
                argument=argument,
                expected=_names(expected),
                got=type(value).__name__,
            )
        )


def optional_instance(cls: type[T], field: str, value: object) -> T | None:
    """``value`` if it is ``None`` or an instance of ``cls``: the body of a field converter.

    Raises:
        TypeError: ``baseline: expected Observation or None, got str``.
    """
    if value is None or isinstance(value, cls):
        return value
    raise TypeError(
        translate(
            None,
            "{field}: expected {expected} or None, got {got}",
            field=field,
            expected=cls.__name__,
            got=type(value).__name__,
        )
    )


def instance(cls: type[T], field: str, value: object) -> T:
    """``value`` if it is an instance of ``cls``: the body of a field converter.

    Raises:
        TypeError: ``economics: expected Economics, got str``.
    """
    if isinstance(value, cls):
        return value
    raise TypeError(
        translate(
            None,
            "{field}: expected {expected}, got {got}",
            field=field,
            expected=cls.__name__,
            got=type(value).__name__,
        )
    )


def tuple_of(cls: type[T], field: str, value: Iterable[T]) -> tuple[T, ...]:
    """``value`` as a tuple of instances of ``cls``: a list or tuple, not a text.

    Raises:
        TypeError: ``values: expected a list of Valuation, got str`` or
            ``values[0]: expected Valuation, got dict``.
    """
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise TypeError(
            translate(
                None,
                "{field}: expected a list of {expected}, got {got}",
                field=field,
                expected=cls.__name__,
                got=type(value).__name__,
            )
        )
    items = tuple(value)
    for index, item in enumerate(items):
        if not isinstance(item, cls):
            raise TypeError(
                translate(
                    None,
                    "{field}[{index}]: expected {expected}, got {got}",
                    field=field,
                    index=index,
                    expected=cls.__name__,
                    got=type(item).__name__,
                )
            )
    return items
