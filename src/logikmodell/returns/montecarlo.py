"""Monte Carlo simulation of the returns: how likely is a positive NPV.

:func:`monte_carlo` draws every ranged parameter (see
:mod:`logikmodell.returns.parameters`) from a triangular distribution (low, mode =
value, high) with ``random.Random(seed)``, and gives the mean and percentiles of NPV
and the benefit–cost ratio, and the probability that NPV > 0. It works in floating
point throughout, with :class:`~logikmodell.returns.floats.FloatModel`: it is a
statistic, not an account.
"""

from __future__ import annotations

import math
import random
from array import array
from collections.abc import Callable, Sequence
from fractions import Fraction

import attrs

from logikmodell._arguments import check_type
from logikmodell.errors import InvalidValueError
from logikmodell.graph import LogicModel
from logikmodell.i18n import N_, translate
from logikmodell.numbers import format_money
from logikmodell.returns.appraisal import appraise
from logikmodell.returns.floats import FloatModel
from logikmodell.returns.parameters import parameters
from logikmodell.tables import Kind, Table, Tabular, money_cell, number_cell, table

__all__ = ["MAX_DRAWS", "Distribution", "MonteCarlo", "monte_carlo", "percentile"]

#: The most draws one simulation makes. Past a million, the percentiles of a logic
#: model's figures no longer move in the digits reported, and the draws are kept
#: (16 bytes each, at most 16 MiB) to compute them exactly.
MAX_DRAWS = 1_000_000


@attrs.frozen(kw_only=True)
class Distribution:
    """Summary of a simulated figure: mean and the 5th, 50th and 95th percentiles."""

    mean: float
    p5: float
    p50: float
    p95: float


@attrs.frozen(kw_only=True)
class MonteCarlo(Tabular):
    """The result of a seeded Monte Carlo simulation.

    Attributes:
        draws: the number of draws.
        seed: the seed of ``random.Random``.
        parameters: the names of the parameters drawn (those with low < high).
        npv: NPV over the draws.
        bcr: the benefit–cost ratio over the draws (``inf`` in a draw with no cost).
        probability_positive: the share of draws with NPV > 0.
        currency: the model's currency (None when not known).

    Its one table (:meth:`tables`), ``monte_carlo``, has a row per statistic:
    ``statistic`` (``mean``, ``p5``, ``p50``, ``p95``), ``npv`` (``Decimal``),
    ``bcr`` (``float``, None where infinite), and ``draws``, ``seed`` and
    ``probability_npv_positive`` repeated on every row.
    """

    draws: int
    seed: int
    parameters: tuple[str, ...]
    npv: Distribution
    bcr: Distribution
    probability_positive: float
    currency: str | None = None

    def tables(self, lang: str | None = None) -> tuple[Table, ...]:
        """The one table ``monte_carlo`` (see the class's docstring)."""
        return (
            table(
                "monte_carlo",
                N_("Monte Carlo"),
                [
                    ("statistic", Kind.TEXT, N_("Statistic")),
                    ("npv", Kind.MONEY, N_("NPV")),
                    ("bcr", Kind.RATIO, N_("Benefit–cost ratio")),
                    ("draws", Kind.INTEGER, N_("Draws")),
                    ("seed", Kind.INTEGER, N_("Seed")),
                    ("probability_npv_positive", Kind.SHARE, N_("Probability that NPV > 0")),
                ],
                [
                    (
                        key,
                        money_cell(Fraction(getattr(self.npv, key))),
                        number_cell(getattr(self.bcr, key)),
                        self.draws,
                        self.seed,
                        self.probability_positive,
                    )
                    for key in ("mean", "p5", "p50", "p95")
                ],
                currency=self.currency,
            ),
        )

    def to_dict(self) -> dict[str, object]:
        """The JSON form: NPV figures as two-decimal strings, ratios as numbers or null."""

        def money(value: float) -> str:
            return format_money(Fraction(value))

        def ratio(value: float) -> float | None:
            return value if math.isfinite(value) else None

        return {
            "draws": self.draws,
            "seed": self.seed,
            "parameters": list(self.parameters),
            "npv": {k: money(getattr(self.npv, k)) for k in ("mean", "p5", "p50", "p95")},
            "bcr": {k: ratio(getattr(self.bcr, k)) for k in ("mean", "p5", "p50", "p95")},
            "probability_npv_positive": self.probability_positive,
        }


def percentile(sorted_values: Sequence[float], p: float) -> float:
    """The ``p``-th percentile (0–100) by linear interpolation between order statistics.

    Position ``p/100 × (n − 1)`` in the sorted values (Hyndman and Fan's type 7,
    numpy's default).

    Example:
        >>> percentile([1.0, 2.0, 3.0, 4.0], 50)
        2.5
    """
    if not sorted_values:
        raise ValueError("percentile of no values")
    position = p / 100 * (len(sorted_values) - 1)
    lower = math.floor(position)
    upper = min(lower + 1, len(sorted_values) - 1)
    fraction = position - lower
    a, b = sorted_values[lower], sorted_values[upper]
    if fraction == 0 or a == b:
        return a
    return a + (b - a) * fraction


def _distribution(draws: array[float]) -> Distribution:
    values = sorted(draws)
    finite = all(math.isfinite(v) for v in values)
    return Distribution(
        mean=math.fsum(values) / len(values) if finite else math.inf,
        p5=percentile(values, 5),
        p50=percentile(values, 50),
        p95=percentile(values, 95),
    )


def monte_carlo(
    model: LogicModel,
    draws: int = 10_000,
    seed: int = 0,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> MonteCarlo:
    """Simulate the returns: every ranged parameter drawn from triangular(low, value, high).

    Parameters are drawn in the order of :func:`parameters`, each draw in turn, from
    one ``random.Random(seed)``: the same seed gives the same figures. Parameters
    whose range is collapsed (low = high) keep their value, and with every range
    collapsed each draw is the deterministic result.

    Args:
        model: the model.
        draws: the number of draws, at least 1.
        seed: the seed, a whole number ≥ 0 (``random.Random`` would take ``-7`` for
            ``7``, so negative seeds are refused rather than run twice under two names).
        progress: called as ``progress(done, draws)`` about a hundred times during
            the run (the command line draws a progress bar with it).

    Raises:
        AppraisalError: the model cannot be appraised.
        ValueError: ``draws`` is below 1 or above ``MAX_DRAWS`` (1 000 000), or ``seed``
            below 0.
    """
    check_type("monte_carlo()", "model", model, LogicModel)
    if draws < 1:
        raise ValueError(f"draws: expected at least 1, got {draws}")
    if draws > MAX_DRAWS:
        raise InvalidValueError(
            "draws", f"expected at most {MAX_DRAWS} draws (the limit of a simulation), got {draws}"
        )
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise TypeError(
            translate(None, "seed: expected a whole number, got {value}", value=repr(seed))
        )
    if seed < 0:
        raise InvalidValueError(
            "seed", translate(None, "expected a whole number ≥ 0, got {text}", text=repr(seed))
        )
    appraise(model)  # refuse what cannot be appraised, with the same message
    params = parameters(model)
    varying = tuple(i for i, p in enumerate(params) if p.low < p.high)
    floats = FloatModel(model, params, frozenset(varying))
    x = [float(p.value) for p in params]
    spec = [(i, float(params[i].low), float(params[i].high), x[i]) for i in varying]
    rng = random.Random(seed)  # noqa: S311 -- a seeded simulation, reproducible on purpose
    triangular = rng.triangular
    npvs: array[float] = array("d")
    ratios: array[float] = array("d")
    positive = 0
    evaluate = floats.evaluate
    step = max(draws // 100, 1) if progress is not None else draws + 1
    for done in range(1, draws + 1):
        for i, low, high, mode in spec:
            x[i] = triangular(low, high, mode)
        pv_costs, pv_benefits = evaluate(x)
        npv = pv_benefits - pv_costs
        npvs.append(npv)
        ratios.append(pv_benefits / pv_costs if pv_costs > 0 else math.inf)
        positive += npv > 0
        if progress is not None and (done % step == 0 or done == draws):
            progress(done, draws)
    return MonteCarlo(
        draws=draws,
        seed=seed,
        parameters=tuple(params[i].name for i in varying),
        npv=_distribution(npvs),
        bcr=_distribution(ratios),
        probability_positive=positive / draws,
        currency=model.currency,
    )
