"""Returns: appraisal (NPV, SROI ratio, payback, break-even), sensitivity, Monte Carlo.

Every module here uses the one present-value kernel of
:mod:`logikmodell.returns.kernel`: exactly in :func:`appraise` and :func:`one_way`, in
floats in :func:`monte_carlo`.
"""

from logikmodell.costs.resources import UNASSIGNED
from logikmodell.errors import AppraisalError
from logikmodell.returns.appraisal import (
    ActorLedger,
    Appraisal,
    YearRow,
    appraise,
    appraise_terms,
    present_values,
)
from logikmodell.returns.kernel import discount_factors
from logikmodell.returns.montecarlo import Distribution, MonteCarlo, monte_carlo, percentile
from logikmodell.returns.parameters import Parameter, parameters
from logikmodell.returns.sensitivity import OneWayRow, Sensitivity, one_way
from logikmodell.returns.terms import CostTerms, OutcomeTerms, cost_terms, outcome_terms

__all__ = [
    "UNASSIGNED",
    "ActorLedger",
    "Appraisal",
    "AppraisalError",
    "CostTerms",
    "Distribution",
    "MonteCarlo",
    "OneWayRow",
    "OutcomeTerms",
    "Parameter",
    "Sensitivity",
    "YearRow",
    "appraise",
    "appraise_terms",
    "cost_terms",
    "discount_factors",
    "monte_carlo",
    "one_way",
    "outcome_terms",
    "parameters",
    "percentile",
    "present_values",
]
