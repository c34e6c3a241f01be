"""Small helpers for the sentences in messages."""

from __future__ import annotations

import re

# Characters that would break a message out of its line or take over a terminal:
# C0 and C1 controls (newline, ESC), DEL, line and paragraph separators, and the
# bidirectional overrides that reorder what a reader sees.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}

__all__ = ["N_", "one_line", "plural", "with_article"]


def with_article(noun: str) -> str:
    """The noun with its indefinite article: ``an activity``, ``a need``."""
    return f"an {noun}" if noun[:1] in "aeiou" else f"a {noun}"


def plural(count: int, word: str) -> str:
    """A count with its noun: ``1 error finding``, ``2 error findings``."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def N_(message: str) -> str:  # noqa: N802 - the name gettext tools look for
    """Mark ``message`` for the catalogue without translating it (it is translated later)."""
    return message


def one_line(text: str) -> str:
    """``text`` with every control character escaped (``\\n``, ``\\x1b``), so that one
    message is one line and cannot write to the terminal.

    Example:
        >>> print(one_line("a\\nLM101 error: b\\x1b[31m"))
        a\\nLM101 error: b\\x1b[31m
    """
    if not _CONTROLS.search(text):
        return text
    return _CONTROLS.sub(_escaped, text)


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
