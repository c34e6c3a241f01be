"""User text made safe and readable for a diagram: cleaned, wrapped and escaped."""

from __future__ import annotations

import html
import textwrap
import unicodedata

__all__ = ["clean", "html_text", "wrap"]

_REPLACEMENT = "\ufffd"


def clean(text: str) -> str:
    """Normalise line breaks and tabs; replace other control characters.

    Control characters (and lone surrogates) cannot appear in a drawing nor in
    XML; each becomes U+FFFD so that the reader sees something was there.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return "".join(
        ch if ch == "\n" or unicodedata.category(ch) not in ("Cc", "Cs") else _REPLACEMENT
        for ch in text
    )


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most about ``width`` characters; the user's own line breaks kept.

    Words longer than ``width`` stay whole rather than being cut.
    """
    lines: list[str] = []
    for paragraph in clean(text).split("\n"):
        lines.extend(
            textwrap.wrap(
                paragraph,
                width,
                break_long_words=False,
                break_on_hyphens=False,
            )
            or [""]
        )
    return lines


def html_text(text: str) -> str:
    """Escape text for a Graphviz HTML-like label.

    ``& < > " '`` become entities. Graphviz expands ``\\N``, ``\\G`` and the like
    even inside HTML-like labels, and after entities are decoded, so a backslash
    is written as the escape ``\\\\``, which Graphviz turns back into one
    backslash.
    """
    return html.escape(text, quote=True).replace("\\", "\\\\")
