"""Small helpers for the sentences in messages."""

from __future__ import annotations

__all__ = ["with_article"]


def with_article(noun: str) -> str:
    """The noun with its indefinite article: ``an activity``, ``a need``."""
    return f"an {noun}" if noun[:1] in "aeiou" else f"a {noun}"
