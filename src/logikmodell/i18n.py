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
from collections.abc import Mapping
from pathlib import Path
from typing import get_args

from logikmodell._text import N_
from logikmodell.errors import InvalidValueError, LogikmodellError
from logikmodell.numbers import Lang

__all__ = [
    "DOMAIN",
    "LANGUAGES",
    "LOCALE_DIR",
    "N_",
    "Lang",
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
