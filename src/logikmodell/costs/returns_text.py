"""Deprecated: the returns as text moved to :mod:`logikmodell.text.returns`.

This module keeps the old import path for one release and warns on import.
"""

import warnings

from logikmodell.text.returns import returns_text

__all__ = ["returns_text"]

warnings.warn(
    "logikmodell.costs.returns_text is deprecated and will be removed in the next release; "
    "import from logikmodell.text",
    DeprecationWarning,
    stacklevel=2,
)
