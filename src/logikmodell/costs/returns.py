"""Deprecated: the appraisal moved to :mod:`logikmodell.returns`.

This module keeps the old import path for one release and warns on import.
"""

import warnings

from logikmodell.costs.resources import UNASSIGNED
from logikmodell.errors import AppraisalError
from logikmodell.numbers import format_money, round_conserving
from logikmodell.returns.appraisal import (
    ActorLedger,
    Appraisal,
    YearRow,
    appraise,
    appraise_terms,
    present_values,
)
from logikmodell.returns.kernel import discount_factors
from logikmodell.returns.terms import CostTerms, OutcomeTerms, cost_terms, outcome_terms

__all__ = [
    "UNASSIGNED",
    "ActorLedger",
    "Appraisal",
    "AppraisalError",
    "CostTerms",
    "OutcomeTerms",
    "YearRow",
    "appraise",
    "appraise_terms",
    "cost_terms",
    "discount_factors",
    "format_money",
    "outcome_terms",
    "present_values",
    "round_conserving",
]

warnings.warn(
    "logikmodell.costs.returns is deprecated and will be removed in the next release; "
    "import from logikmodell.returns (format_money and round_conserving: logikmodell.numbers)",
    DeprecationWarning,
    stacklevel=2,
)
