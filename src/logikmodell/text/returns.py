"""The returns as plain text for a fund's board: totals, who pays and who gains, years."""

from __future__ import annotations

from fractions import Fraction

from logikmodell.costs.resources import UNASSIGNED
from logikmodell.graph import LogicModel
from logikmodell.model.nodes import Outcome
from logikmodell.numbers import format_decimal, format_money, format_ore, round_conserving
from logikmodell.returns.appraisal import Appraisal
from logikmodell.returns.montecarlo import MonteCarlo
from logikmodell.returns.sensitivity import Sensitivity

__all__ = ["returns_text"]

_LABEL_WIDTH = 40


def _ore(ore: int) -> str:
    return format_ore(ore, group=True, minus="−")


def _money(amount: Fraction | float) -> str:
    """Money, and ratios with two decimals always (``2.04``, ``1.70``)."""
    return format_money(amount, group=True, minus="−")


def _number(value: Fraction | float, places: int = 2) -> str:
    return format_decimal(Fraction(value), group=True, places=places, minus="−")


def _percent(value: Fraction | float, places: int = 1) -> str:
    return f"{_number(Fraction(value) * 100, places)} %"


def _exact_percent(rate: Fraction) -> str:
    return f"{format_decimal(rate * 100)} %"


def _cut(text: str, width: int = _LABEL_WIDTH) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _rate_text(model: LogicModel) -> str:
    rate = model.economics.discount_rate
    if isinstance(rate, Fraction):
        return f"{_exact_percent(rate)} a year"
    bands = ", ".join(f"{_exact_percent(band.rate)} from year {band.from_year}" for band in rate)
    return f"a declining schedule ({bands})"


def returns_text(
    model: LogicModel,
    appraisal: Appraisal,
    *,
    sensitivity: Sensitivity | None = None,
    monte_carlo: MonteCarlo | None = None,
) -> str:
    """The appraisal as text: a summary, the ledger per actor, break-even and the years.

    Money is written to the öre with spaces between thousands; each column of the
    ledger sums to its total.
    """
    cur = appraisal.currency
    lines = _summary_lines(model, appraisal)
    lines += _ledger_lines(model, appraisal)
    lines += _break_even_lines(model, appraisal)
    lines += _year_lines(appraisal)
    if sensitivity is not None:
        lines += _sensitivity_lines(sensitivity, cur)
    if monte_carlo is not None:
        lines += _monte_carlo_lines(monte_carlo, cur)
    return "\n".join(lines)


def _summary_lines(model: LogicModel, appraisal: Appraisal) -> list[str]:
    cur = appraisal.currency
    lines = [f"Returns: {model.title}"]
    price_year = f"{model.info.price_year} prices, " if model.info.price_year else ""
    lines.append(
        f"Present values in {price_year}{cur}, at year 0, discounted at {_rate_text(model)}; "
        f"benefits counted to year {appraisal.horizon_years}."
    )
    lines.append("")
    payback = (
        f"year {appraisal.payback_year}"
        if appraisal.payback_year is not None
        else f"not within {appraisal.horizon_years} years"
    )
    summary = [
        ("Costs (present value)", f"{_money(appraisal.pv_costs)} {cur}"),
        ("Benefits (present value)", f"{_money(appraisal.pv_benefits)} {cur}"),
        ("Net present value (NPV)", f"{_money(appraisal.npv)} {cur}"),
        (
            "Benefit–cost ratio (SROI)",
            f"{_money(appraisal.bcr)}: each {cur} spent returns {_money(appraisal.bcr)} {cur}",
        ),
        ("Net return on investment", _percent(appraisal.net_roi)),
        ("Payback", payback),
    ]
    lines += [f"  {name:<28}{value}" for name, value in summary]
    return lines


def _ledger_lines(model: LogicModel, appraisal: Appraisal) -> list[str]:
    """Who pays and who gains; each column rounded so that it sums to its total."""
    labels = {actor.id: actor.label for actor in model.actors}
    labels[UNASSIGNED] = "No payer given"
    ledgers = list(appraisal.actors.values())
    columns = [
        round_conserving([ledger.pv_costs for ledger in ledgers], appraisal.pv_costs),
        round_conserving([ledger.pv_benefits for ledger in ledgers], appraisal.pv_benefits),
        round_conserving([ledger.net for ledger in ledgers], appraisal.npv),
    ]
    lines = ["", f"Who pays and who gains (present values, {appraisal.currency})"]
    header = f"  {'Actor':<{_LABEL_WIDTH}}{'Costs':>16}{'Benefits':>16}{'Net':>16}"
    lines.append(header)
    for index, ledger in enumerate(ledgers):
        name = _cut(labels.get(ledger.actor, ledger.actor))
        cells = "".join(f"{_ore(column[index]):>16}" for column in columns)
        lines.append(f"  {name:<{_LABEL_WIDTH}}{cells}")
    totals = (appraisal.pv_costs, appraisal.pv_benefits, appraisal.npv)
    lines.append(f"  {'Total':<{_LABEL_WIDTH}}" + "".join(f"{_money(t):>16}" for t in totals))
    return lines


def _break_even_lines(model: LogicModel, appraisal: Appraisal) -> list[str]:
    if not appraisal.break_even:
        return []
    lines = ["", "Break-even: how many must reach each outcome for NPV to be 0"]
    for outcome_id, quantity in appraisal.break_even.items():
        node = model.node(outcome_id)
        assert isinstance(node, Outcome)
        assert node.quantity is not None
        unit = node.quantity.unit
        expected = f"{_number(node.quantity.value)} {unit}".strip()
        if quantity is None:
            verdict = "no benefit to compare"
        elif quantity <= 0:
            verdict = "pays off even if none do"
        else:
            verdict = f"break-even at {_number(quantity)} {unit}".strip()
        lines.append(f"  {_cut(node.label):<{_LABEL_WIDTH}}  {expected} expected; {verdict}")
    return lines


def _year_lines(appraisal: Appraisal) -> list[str]:
    lines = ["", f"Year by year ({appraisal.currency}; costs and benefits undiscounted)"]
    lines.append(
        f"  {'Year':>4}{'Costs':>16}{'Benefits':>16}{'Discount factor':>17}"
        f"{'Cumulative PV net':>20}"
    )
    benefits = round_conserving(
        [row.benefits for row in appraisal.years],
        sum((row.benefits for row in appraisal.years), Fraction()),
    )
    for row, benefit in zip(appraisal.years, benefits, strict=True):
        lines.append(
            f"  {row.year:>4}{_money(row.costs):>16}{_ore(benefit):>16}"
            f"{float(row.discount_factor):>17.4f}{_money(row.cumulative_net):>20}"
        )
    return lines


def _sensitivity_lines(sensitivity: Sensitivity, cur: str) -> list[str]:
    lines = ["", f"What matters most (one-way sensitivity; NPV in {cur}, largest swing first)"]
    if not sensitivity.rows:
        lines.append("  No parameter has a range (give `<field>_low` and `<field>_high`).")
        return lines
    width = 46
    lines.append(
        f"  {'Parameter, and its range':<{width}}{'NPV at low':>16}{'NPV at high':>16}"
        "  Switching value (NPV = 0)"
    )
    for row in sensitivity.rows:
        p = row.parameter
        fraction = p.unit == "" and p.field != "quantity"
        show = _percent if fraction else _number
        unit = "" if fraction or not p.unit else f" {p.unit}"
        value = row.switching_value
        fixed = _percent if fraction else _money  # two decimals: 3.73 person, 1 749 806.10 SEK
        switching = "none in range" if value is None else f"{fixed(value)}{unit}"
        lines.append(
            f"  {_cut(p.label, width - 1):<{width}}{_money(row.npv_low):>16}"
            f"{_money(row.npv_high):>16}  {switching}"
        )
        lines.append(f"      {show(p.low)} – {show(p.high)}{unit} (value {show(p.value)}{unit})")
    return lines


def _monte_carlo_lines(result: MonteCarlo, cur: str) -> list[str]:
    npv, bcr = result.npv, result.bcr
    lines = [
        "",
        f"Uncertainty (Monte Carlo: {_number(result.draws)} draws, seed {result.seed}; "
        "each ranged parameter triangular on low, value, high)",
        f"  NPV: mean {_money(npv.mean)} {cur}; median {_money(npv.p50)}; "
        f"90 % of draws between {_money(npv.p5)} and {_money(npv.p95)}",
    ]
    if all(map(_finite, (bcr.mean, bcr.p5, bcr.p95))):
        lines.append(
            f"  Benefit–cost ratio: mean {_money(bcr.mean)}; median {_money(bcr.p50)}; "
            f"90 % of draws between {_money(bcr.p5)} and {_money(bcr.p95)}"
        )
    lines.append(f"  Probability that NPV > 0: {_percent(result.probability_positive)}")
    if not result.parameters:
        lines.append("  No parameter has a range: every draw is the result above.")
    return lines


def _finite(value: float) -> bool:
    return value not in (float("inf"), float("-inf")) and value == value
