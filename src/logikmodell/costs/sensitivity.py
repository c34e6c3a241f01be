"""Deprecated: sensitivity and Monte Carlo moved to :mod:`logikmodell.returns`.

This module keeps the old import path for one release and warns on import.
"""

import warnings

from logikmodell.returns.montecarlo import Distribution, MonteCarlo, monte_carlo, percentile
from logikmodell.returns.parameters import Parameter, parameters
from logikmodell.returns.sensitivity import OneWayRow, Sensitivity, one_way

__all__ = [
    "Distribution",
    "MonteCarlo",
    "OneWayRow",
    "Parameter",
    "Sensitivity",
    "monte_carlo",
    "one_way",
    "parameters",
    "percentile",
]

warnings.warn(
    "logikmodell.costs.sensitivity is deprecated and will be removed in the next release; "
    "import from logikmodell.returns",
    DeprecationWarning,
    stacklevel=2,
)
