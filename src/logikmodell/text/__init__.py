"""Text for people: the tables and sentences of ``logikmodell costs``, ``returns``
and ``follow-up``.

Figures are written with the formatters of :mod:`logikmodell.numbers`.
"""

from logikmodell.text.costs import cost_summary, cost_table
from logikmodell.text.evaluation import evaluation_text
from logikmodell.text.followup import follow_up_text
from logikmodell.text.returns import returns_text

__all__ = ["cost_summary", "cost_table", "evaluation_text", "follow_up_text", "returns_text"]
