"""Evaluation (utvärdering) against the comparison alternative: SKR component 5.

:func:`evaluate` asks what the investment achieved beside its comparison (per
indicator the difference and the difference-in-differences), how faithfully it was
carried out (fidelity, from the process indicators of its outputs), what it
returned in fact beside what was planned (the appraisal with realised quantities
and actual costs), which parts worked, and, for component 6, what ordinary
operations at full scale would cost and return (``scale_to``).
"""

from logikmodell.evaluation.effects import Design, IndicatorEffect
from logikmodell.evaluation.evaluate import (
    Evaluation,
    OutcomeResult,
    PartResult,
    ScaleUp,
    evaluate,
)

__all__ = [
    "Design",
    "Evaluation",
    "IndicatorEffect",
    "OutcomeResult",
    "PartResult",
    "ScaleUp",
    "evaluate",
]
