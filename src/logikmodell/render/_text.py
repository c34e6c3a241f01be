"""User text made safe and readable for a diagram: cleaned, wrapped and escaped."""

from __future__ import annotations

import html
import textwrap
import unicodedata

__all__ = ["clean", "html_text", "wrap"]

_REPLACEMENT = "\ufffd"


def clean(text: str) -> str:
    """Normalise line breaks and tabs; replace other control characters.

    Control characters, lone surrogates and noncharacters cannot appear in a
    drawing nor in XML; each becomes U+FFFD so that the reader sees something was
    there.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return "".join(_REPLACEMENT if _unfit(ch) else ch for ch in text)


def _unfit(ch: str) -> bool:
    """Control characters, surrogates and Unicode noncharacters (not allowed in XML)."""
    if ch == "\n":
        return False
    code = ord(ch)
    if 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE:
        return True
    return unicodedata.category(ch) in ("Cc", "Cs")


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
    return html.escape(clean(text), quote=True).replace("\\", "\\\\")
