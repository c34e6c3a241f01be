"""Small helpers for the sentences in messages."""

from __future__ import annotations

__all__ = ["N_", "plural", "with_article"]


def with_article(noun: str) -> str:
    """The noun with its indefinite article: ``an activity``, ``a need``."""
    return f"an {noun}" if noun[:1] in "aeiou" else f"a {noun}"


def plural(count: int, word: str) -> str:
    """A count with its noun: ``1 error finding``, ``2 error findings``."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def N_(message: str) -> str:  # noqa: N802 - the name gettext tools look for
    """Mark ``message`` for the catalogue without translating it (it is translated later)."""
    return message
