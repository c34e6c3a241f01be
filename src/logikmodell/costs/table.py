"""Deprecated: the cost tables moved to :mod:`logikmodell.text.costs`.

This module keeps the old import path for one release and warns on import.
"""

import warnings

from logikmodell.model.money import Money
from logikmodell.text.costs import cost_summary, cost_table

__all__ = ["cost_summary", "cost_table", "format_amount"]


def format_amount(money: Money) -> str:
    """Deprecated: ``money.format(group=True)``."""
    return money.format(group=True)


warnings.warn(
    "logikmodell.costs.table is deprecated and will be removed in the next release; "
    "import from logikmodell.text",
    DeprecationWarning,
    stacklevel=2,
)
