"""User text made safe and readable for a diagram: cleaned, wrapped and escaped."""

from __future__ import annotations

import html
import re
import textwrap

__all__ = ["clean", "html_text", "wrap"]

_REPLACEMENT = "\ufffd"


def _unfit_class() -> str:
    ranges = ["\\x00-\\x09", "\\x0b-\\x1f", "\\x7f-\\x9f", "\\ud800-\\udfff", "\\ufdd0-\\ufdef"]
    ranges += [f"\\U{plane:04x}fffe-\\U{plane:04x}ffff" for plane in range(17)]
    return "[" + "".join(ranges) + "]"


# Control characters (Cc) but the line feed, surrogates (Cs) and the Unicode
# noncharacters: none can appear in a drawing nor in XML.
_UNFIT = re.compile(_unfit_class())


def clean(text: str) -> str:
    """Normalise line breaks and tabs; replace other control characters.

    Control characters, lone surrogates and noncharacters cannot appear in a
    drawing nor in XML; each becomes U+FFFD so that the reader sees something was
    there.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _UNFIT.sub(_REPLACEMENT, text)


# A space between a number and its unit, or inside a number: "20 %", "620 000 kr".
_UNITS = r"%|‰|kr|tkr|mnkr|Mkr|[kM]?SEK|[kM]?EUR|år|mån|dagar|dygn|timmar|h|st|procent"
_NUMBER_SPACE = re.compile(rf"(?<=\d) (?=(?:\d{{3}}|{_UNITS})(?!\w))")


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most about ``width`` characters; the user's own line breaks kept.

    Words longer than ``width`` stay whole rather than being cut, and a number stays
    whole and on the line of its unit (``20 %``, ``620 000 kr``): those spaces become
    no-break spaces.
    """
    lines: list[str] = []
    for paragraph in _NUMBER_SPACE.sub("\u00a0", clean(text)).split("\n"):
        if len(paragraph) <= width and paragraph == paragraph.strip(" "):
            lines.append(paragraph)
            continue
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

    ``& < > " ' ]`` become entities. Graphviz expands ``\\N``, ``\\G`` and the like
    even inside HTML-like labels, and after entities are decoded, so a backslash
    is written as the escape ``\\\\``, which Graphviz turns back into one
    backslash.
    """
    escaped = html.escape(clean(text), quote=True).replace("\\", "\\\\")
    # Graphviz's HTML-like label parser fails on a "]" right after a tag ("<b>]</b>"):
    # the entity reads the same and parses everywhere.
    return escaped.replace("]", "&#93;")
