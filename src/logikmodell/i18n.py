"""The language of everything a person reads: choosing it, and the message catalogues.

Messages are written in English in the code and translated through the gettext
catalogues in ``logikmodell/locale/<lang>/LC_MESSAGES/logikmodell.mo``, read with the
standard library's :mod:`gettext` (babel is needed only to extract and compile them).
Messages name their placeholders, so that a translation may reorder them::

    translate("sv", "{node} has no path to a goal", node="a1")

The language, when none is given (DESIGN §11): ``LOGIKMODELL_LANG``; else ``sv``
when the first of ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` that is set begins with
``sv``; else ``en``.

Example:
    >>> resolve_lang(environ={"LANG": "sv_SE.UTF-8"})
    'sv'
    >>> resolve_lang(environ={"LOGIKMODELL_LANG": "en", "LANG": "sv_SE.UTF-8"})
    'en'
    >>> translate("sv", "Total")
    'Totalt'
"""

from __future__ import annotations

import functools
import gettext as _gettext
import os
from collections.abc import Mapping, Sequence
from fractions import Fraction
from pathlib import Path
from typing import get_args

from logikmodell._text import N_
from logikmodell.errors import InvalidValueError, LogikmodellError
from logikmodell.numbers import Lang, format_decimal

__all__ = [
    "DOMAIN",
    "LANGUAGES",
    "LOCALE_DIR",
    "N_",
    "Lang",
    "Message",
    "and_list",
    "check_lang",
    "error_text",
    "resolve_lang",
    "translate",
    "translate_plural",
    "translation",
]

#: The languages, Swedish first.
LANGUAGES: tuple[Lang, ...] = get_args(Lang)

#: The gettext domain of the catalogues.
DOMAIN = "logikmodell"

#: Where the catalogues are: ``<lang>/LC_MESSAGES/logikmodell.po`` and ``.mo``.
LOCALE_DIR = Path(__file__).parent / "locale"

_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def check_lang(lang: str) -> Lang:
    """Return ``lang`` if logikmodell speaks it.

    Raises:
        InvalidValueError: the language is not ``sv`` or ``en``.
    """
    if lang == "sv":
        return "sv"
    if lang == "en":
        return "en"
    raise InvalidValueError("lang", f"expected one of {', '.join(LANGUAGES)}, got {lang!r}")


def resolve_lang(lang: str | None = None, *, environ: Mapping[str, str] | None = None) -> Lang:
    """The language to write in: ``lang`` if given, else the one the environment asks for.

    Args:
        lang: ``"sv"``, ``"en"`` or ``None`` for the default of DESIGN §11.
        environ: the environment to read (``os.environ`` when ``None``).

    Raises:
        InvalidValueError: ``lang`` or ``LOGIKMODELL_LANG`` is neither ``sv`` nor ``en``.
    """
    if lang is not None:
        return check_lang(lang)
    env = os.environ if environ is None else environ
    chosen = env.get("LOGIKMODELL_LANG", "").strip()
    if chosen:
        return check_lang(chosen)
    for name in _LOCALE_VARIABLES:
        value = env.get(name, "")
        if value:
            return "sv" if value.lower().startswith("sv") else "en"
    return "en"


@functools.cache
def translation(lang: Lang) -> _gettext.NullTranslations:
    """The compiled catalogue of ``lang`` (English falls back to the source text)."""
    return _gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)


def translate(lang: Lang | None, message: str, /, **values: object) -> str:
    """``message`` in ``lang``, its ``{name}`` placeholders filled from ``values``.

    ``lang=None`` resolves the language from the environment (:func:`resolve_lang`).
    """
    text = translation(resolve_lang(lang)).gettext(message)
    return text.format(**values) if values else text


def translate_plural(
    lang: Lang | None, singular: str, plural: str, n: int, /, **values: object
) -> str:
    """The form of ``singular``/``plural`` for ``n`` in ``lang``; ``{n}`` is filled too."""
    text = translation(resolve_lang(lang)).ngettext(singular, plural, n)
    return text.format(n=n, **values)


class Message:
    """A sentence of the catalogue and its values, written in a language when it is read.

    The text is the English message with ``{name}`` placeholders (the catalogue's
    message id); a value that is itself a :class:`Message` is written in the same
    language, so that a sentence can take translated words (``the activity``). The
    command ``make catalogues`` extracts the text of every ``Message(...)`` call.

    Example:
        >>> risk = Message("the risk {risk}", risk="'Personalbrist' (r1)")
        >>> Message("{what} has no owner", what=risk).in_lang("en")
        "the risk 'Personalbrist' (r1) has no owner"
    """

    __slots__ = ("text", "values")

    def __init__(self, text: str, /, **values: object) -> None:
        self.text = text
        self.values: dict[str, object] = values

    def in_lang(self, lang: Lang | None) -> str:
        """The sentence in ``lang`` (``None``: the environment's, :func:`resolve_lang`)."""
        language = resolve_lang(lang)
        values = {name: _value(value, language) for name, value in self.values.items()}
        return translate(language, self.text, **values)

    def sentence(self, lang: Lang | None) -> str:
        """The sentence in ``lang`` with its first letter upper-case."""
        text = self.in_lang(lang)
        return text[:1].upper() + text[1:]

    def __str__(self) -> str:
        return self.in_lang("en")

    def __repr__(self) -> str:
        values = "".join(f", {name}={value!r}" for name, value in self.values.items())
        return f"Message({self.text!r}{values})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Message):
            return NotImplemented
        return self.text == other.text and self.values == other.values

    def __hash__(self) -> int:
        return hash((self.text, tuple(sorted(self.values))))


def and_list(items: Sequence[object]) -> object:
    """Items joined for a sentence: ``a``, ``a and b``, ``a, b and c`` (``och`` in Swedish)."""
    if len(items) == 1:
        return items[0]
    if len(items) == 2:
        return Message("{first} and {second}", first=items[0], second=items[1])
    return Message("{first}, {rest}", first=items[0], rest=and_list(items[1:]))


def _value(value: object, lang: Lang) -> object:
    """A value of a :class:`Message` as the language writes it: numbers and nested messages."""
    if isinstance(value, Message):
        return value.in_lang(lang)
    if isinstance(value, Fraction):
        written = None if lang == "en" else lang
        try:
            return format_decimal(value, lang=written)
        except ValueError:
            return format_decimal(value, places=4, lang=written)
    return value


def error_text(lang: Lang | None, error: BaseException, /) -> str:
    """What an error says, in ``lang``.

    An error of logikmodell that carries a catalogue message
    (:meth:`~logikmodell.errors.LogikmodellError.message_template`) is translated;
    any other error says what ``str(error)`` says.

    Example:
        >>> from logikmodell.errors import GraphvizNotFoundError
        >>> error_text("sv", GraphvizNotFoundError())[:43]
        'Graphviz-programmet dot finns inte på PATH;'
    """
    template = error.message_template() if isinstance(error, LogikmodellError) else None
    if template is None:
        return str(error)
    message, values = template
    return translate(lang, message, **values)
