"""The returns as plain text for a fund's board: totals, who pays and who gains, years.

Every word comes from the message catalogues and every figure is written in the form
of the language (:mod:`logikmodell.i18n`, :mod:`logikmodell.numbers`); the columns are
as wide as their content.
"""

from __future__ import annotations

from fractions import Fraction

from logikmodell.costs.resources import UNASSIGNED
from logikmodell.graph import LogicModel
from logikmodell.i18n import N_, resolve_lang, translate
from logikmodell.model.enums import ValueType
from logikmodell.model.nodes import Outcome
from logikmodell.numbers import (
    Lang,
    format_decimal,
    format_money,
    format_ore,
    format_percent,
    round_conserving,
)
from logikmodell.rendering.labels import unit_name
from logikmodell.returns.appraisal import Appraisal
from logikmodell.returns.montecarlo import MonteCarlo
from logikmodell.returns.parameters import Parameter
from logikmodell.returns.sensitivity import Sensitivity
from logikmodell.text._table import columns

__all__ = ["returns_text"]

_MINUS = "−"

#: The names of the ranged fields in a parameter's label.
_FIELDS = {
    "quantity": N_("quantity"),
    "unit_cost": N_("unit cost"),
    "cost": N_("cost"),
    "deadweight": N_("deadweight"),
    "attribution": N_("attribution"),
    "displacement": N_("displacement"),
    "drop_off": N_("drop-off"),
    "amount": N_("amount"),
    "rate": N_("rate"),
}


class _Figures:
    """The figure formatters of one language."""

    def __init__(self, lang: Lang, currency: str) -> None:
        self.lang = lang
        self.currency = currency

    def ore(self, ore: int) -> str:
        return format_ore(ore, group=True, minus=_MINUS, lang=self.lang)

    def money(self, amount: Fraction | float) -> str:
        """Money, and ratios with two decimals always (``2.04``, ``1.70``)."""
        return format_money(amount, group=True, minus=_MINUS, lang=self.lang)

    def amount(self, amount: Fraction | float) -> str:
        """Money with its currency: ``800,00 kr``, ``SEK 800.00``."""
        return format_money(
            amount, group=True, minus=_MINUS, currency=self.currency, lang=self.lang
        )

    def number(self, value: Fraction | float, places: int = 2) -> str:
        return format_decimal(
            Fraction(value), group=True, places=places, minus=_MINUS, lang=self.lang
        )

    def factor(self, value: Fraction | float) -> str:
        """A discount factor with four decimals always: ``0,9662``."""
        return format_decimal(Fraction(value), places=4, fixed=True, lang=self.lang)

    def percent(self, value: Fraction | float, places: int = 1) -> str:
        return format_percent(value, places=places, minus=_MINUS, lang=self.lang)

    def exact_percent(self, rate: Fraction) -> str:
        """A rate as written, with all its decimals: ``3,5 %``."""
        places = 0
        while (rate * 100 * 10**places).denominator != 1 and places < 4:
            places += 1
        return format_percent(rate, places=places, minus=_MINUS, lang=self.lang)


def _rate_text(model: LogicModel, fig: _Figures) -> str:
    rate = model.economics.discount_rate
    lang = fig.lang
    if isinstance(rate, Fraction):
        return translate(lang, "{rate} a year", rate=fig.exact_percent(rate))
    bands = ", ".join(
        translate(lang, "{rate} from year {year}", rate=fig.exact_percent(b.rate), year=b.from_year)
        for b in rate
    )
    return translate(lang, "a declining schedule ({bands})", bands=bands)


def returns_text(
    model: LogicModel,
    appraisal: Appraisal,
    *,
    sensitivity: Sensitivity | None = None,
    monte_carlo: MonteCarlo | None = None,
    lang: str | None = None,
) -> str:
    """The appraisal as text: a summary, the ledger per actor, break-even and the years.

    Money is written to the öre in the form of the language; each column of the
    ledger sums to its total.

    Args:
        model: the appraised model (for labels and units).
        appraisal: its appraisal.
        sensitivity: a one-way sensitivity table to add.
        monte_carlo: a simulation to add.
        lang: ``"sv"``, ``"en"``, or ``None`` for the language of the environment
            (:func:`logikmodell.i18n.resolve_lang`).
    """
    fig = _Figures(resolve_lang(lang), appraisal.currency)
    lines = _summary_lines(model, appraisal, fig)
    lines += _case_lines(model, appraisal, fig)
    lines += _ledger_lines(model, appraisal, fig)
    lines += _break_even_lines(model, appraisal, fig)
    lines += _year_lines(appraisal, fig)
    if sensitivity is not None:
        lines += _sensitivity_lines(model, sensitivity, fig)
    if monte_carlo is not None:
        lines += _monte_carlo_lines(monte_carlo, fig)
    return "\n".join(lines)


def _summary_lines(model: LogicModel, appraisal: Appraisal, fig: _Figures) -> list[str]:
    lang, cur = fig.lang, fig.currency
    lines = [translate(lang, "Returns: {title}", title=model.title)]
    if model.info.price_year:
        basis = translate(
            lang,
            "Present values in {year} prices, {currency}",
            year=model.info.price_year,
            currency=cur,
        )
    else:
        basis = translate(lang, "Present values in {currency}", currency=cur)
    lines.append(
        translate(
            lang,
            "{basis}, at year 0, discounted at {rate}; benefits counted to year {horizon}.",
            basis=basis,
            rate=_rate_text(model, fig),
            horizon=appraisal.horizon_years,
        )
    )
    if appraisal.optimism_bias:
        lines.append(
            translate(
                lang,
                "Every cost is raised by an optimism bias of {share}.",
                share=fig.exact_percent(appraisal.optimism_bias),
            )
        )
    lines.append("")
    if appraisal.payback_year is not None:
        payback = translate(lang, "year {year}", year=appraisal.payback_year)
    else:
        payback = translate(lang, "not within {n} years", n=appraisal.horizon_years)
    ratio = fig.money(appraisal.bcr)
    summary = [
        (translate(lang, "Costs (present value)"), fig.amount(appraisal.pv_costs)),
        (translate(lang, "Benefits (present value)"), fig.amount(appraisal.pv_benefits)),
        (translate(lang, "Net present value (NPV)"), fig.amount(appraisal.npv)),
        (
            translate(lang, "Benefit–cost ratio (SROI)"),
            translate(
                lang,
                "{ratio}: each {currency} spent returns {amount}",
                ratio=ratio,
                currency=cur,
                amount=fig.amount(appraisal.bcr),
            ),
        ),
        (translate(lang, "Net return on investment"), fig.percent(appraisal.net_roi)),
        (translate(lang, "Payback"), payback),
    ]
    lines += columns(summary, "ll")
    return lines


def _case_lines(model: LogicModel, appraisal: Appraisal, fig: _Figures) -> list[str]:
    """The financial case (fiscal value) beside the social case, when they differ."""
    kinds = {value.type for node in model.of_type(Outcome) for value in node.values}
    if kinds <= {ValueType.FISCAL} or not appraisal.by_type:
        return []
    lang = fig.lang
    names = {
        ValueType.FISCAL: translate(lang, "Financial case (fiscal value)"),
        ValueType.ECONOMIC: translate(lang, "Fiscal and economic value"),
        ValueType.SOCIAL: translate(lang, "Social case (all value)"),
    }
    rows: list[tuple[str, ...]] = [
        (
            translate(lang, "Case"),
            translate(lang, "Benefits"),
            translate(lang, "NPV"),
            translate(lang, "Benefit–cost ratio"),
        )
    ]
    for kind, case in appraisal.by_type.items():
        rows.append(
            (names[kind], fig.money(case.pv_benefits), fig.money(case.npv), fig.money(case.bcr))
        )
    heading = translate(
        lang,
        "Financial and social case (present values, {currency}; each row adds a value type)",
        currency=fig.currency,
    )
    return ["", heading, *columns(rows, "lrrr")]


def _ledger_lines(model: LogicModel, appraisal: Appraisal, fig: _Figures) -> list[str]:
    """Who pays and who gains; each column rounded so that it sums to its total.

    With transfers the ledger gains the columns of what each actor receives and pays.
    """
    lang = fig.lang
    labels = _actor_labels(model, lang)
    ledgers = list(appraisal.actors.values())
    moved = sum(appraisal.transfers.values(), Fraction())
    keys = ["pv_costs", "pv_benefits", "transfers_in", "transfers_out", "net"]
    names = [
        translate(lang, "Costs"),
        translate(lang, "Benefits"),
        translate(lang, "Transfers in"),
        translate(lang, "Transfers out"),
        translate(lang, "Net"),
    ]
    totals = [appraisal.pv_costs, appraisal.pv_benefits, moved, moved, appraisal.npv]
    if not appraisal.transfers:
        keys, names, totals = keys[:2] + keys[4:], names[:2] + names[4:], totals[:2] + totals[4:]
    figures = [
        round_conserving([getattr(ledger, key) for ledger in ledgers], total)
        for key, total in zip(keys, totals, strict=True)
    ]
    heading = translate(
        lang, "Who pays and who gains (present values, {currency})", currency=fig.currency
    )
    rows: list[tuple[str, ...]] = [(translate(lang, "Actor"), *names)]
    for index, ledger in enumerate(ledgers):
        name = labels.get(ledger.actor, ledger.actor)
        rows.append((name, *(fig.ore(column[index]) for column in figures)))
    rows.append((translate(lang, "Total"), *(fig.money(t) for t in totals)))
    return ["", heading, *columns(rows), *_transfer_lines(model, appraisal, fig)]


def _actor_labels(model: LogicModel, lang: Lang) -> dict[str, str]:
    labels = {actor.id: actor.label for actor in model.actors}
    labels[UNASSIGNED] = translate(lang, "No payer given")
    return labels


def _transfer_lines(model: LogicModel, appraisal: Appraisal, fig: _Figures) -> list[str]:
    """Who pays back whom: each transfer, its payer and payee, its present value."""
    if not appraisal.transfers:
        return []
    lang = fig.lang
    labels = _actor_labels(model, lang)
    rows: list[tuple[str, ...]] = [
        (
            translate(lang, "Transfer"),
            translate(lang, "From"),
            translate(lang, "To"),
            translate(lang, "Present value"),
        )
    ]
    values = list(appraisal.transfers.values())
    written = round_conserving(values, sum(values, Fraction()))
    for transfer, ore in zip(model.transfers, written, strict=True):
        rows.append(
            (
                transfer.label,
                labels.get(transfer.from_actor, transfer.from_actor),
                labels.get(transfer.to_actor, transfer.to_actor),
                fig.ore(ore),
            )
        )
    heading = translate(
        lang,
        "Who pays back whom (transfers between actors, present values, {currency}; "
        "the totals are unchanged)",
        currency=fig.currency,
    )
    return ["", heading, *columns(rows, "lllr")]


def _break_even_lines(model: LogicModel, appraisal: Appraisal, fig: _Figures) -> list[str]:
    if not appraisal.break_even:
        return []
    lang = fig.lang
    rows: list[tuple[str, ...]] = []
    for outcome_id, quantity in appraisal.break_even.items():
        node = model.node(outcome_id)
        assert isinstance(node, Outcome)
        assert node.quantity is not None
        unit = unit_name(node.quantity.unit, lang) if node.quantity.unit else ""
        expected = f"{fig.number(node.quantity.value)} {unit}".strip()
        if quantity is None:
            verdict = translate(lang, "no benefit to compare")
        elif quantity <= 0:
            verdict = translate(lang, "pays off even if none do")
        else:
            at = f"{fig.number(quantity)} {unit}".strip()
            verdict = translate(lang, "break-even at {quantity}", quantity=at)
        rows.append(
            (
                node.label,
                translate(
                    lang, "{quantity} expected; {verdict}", quantity=expected, verdict=verdict
                ),
            )
        )
    heading = translate(lang, "Break-even: how many must reach each outcome for NPV to be 0")
    return ["", heading, *columns(rows, "ll")]


def _year_lines(appraisal: Appraisal, fig: _Figures) -> list[str]:
    lang = fig.lang
    heading = translate(
        lang, "Year by year ({currency}; costs and benefits undiscounted)", currency=fig.currency
    )
    rows: list[tuple[str, ...]] = [
        (
            translate(lang, "Year"),
            translate(lang, "Costs"),
            translate(lang, "Benefits"),
            translate(lang, "Discount factor"),
            translate(lang, "Cumulative PV net"),
        )
    ]
    benefits = round_conserving(
        [row.benefits for row in appraisal.years],
        sum((row.benefits for row in appraisal.years), Fraction()),
    )
    for row, benefit in zip(appraisal.years, benefits, strict=True):
        rows.append(
            (
                str(row.year),
                fig.money(row.costs),
                fig.ore(benefit),
                fig.factor(row.discount_factor),
                fig.money(row.cumulative_net),
            )
        )
    return ["", heading, *columns(rows, "r")]


def _parameter_label(model: LogicModel, p: Parameter, lang: Lang) -> str:
    """The parameter's label with the field named in ``lang``."""
    if p.transfer is not None:
        labels = {transfer.id: transfer.label for transfer in model.transfers}
        return f"{labels[p.transfer]}: {translate(lang, _FIELDS[p.field])}"
    if p.node is None:
        if p.field == "optimism_bias":
            return translate(lang, "Optimism bias")
        return translate(lang, "Discount rate")
    field = _FIELDS.get(p.field)
    if p.field == "amount" or field is None:
        return p.label
    return f"{model.node(p.node).label}: {translate(lang, field)}"


def _sensitivity_lines(model: LogicModel, sensitivity: Sensitivity, fig: _Figures) -> list[str]:
    lang = fig.lang
    heading = translate(
        lang,
        "What matters most (one-way sensitivity; NPV in {currency}, largest swing first)",
        currency=fig.currency,
    )
    if not sensitivity.rows:
        text = translate(lang, "No parameter has a range (give `<field>_low` and `<field>_high`).")
        return ["", heading, f"  {text}"]
    rows: list[tuple[str, ...]] = [
        (
            translate(lang, "Parameter, and its range"),
            translate(lang, "NPV at low"),
            translate(lang, "NPV at high"),
            translate(lang, "Switching value (NPV = 0)"),
        )
    ]
    spans: list[str] = []
    for row in sensitivity.rows:
        p = row.parameter
        fraction = p.unit == "" and p.field != "quantity"
        show = fig.percent if fraction else fig.number
        unit = "" if fraction or not p.unit else f" {p.unit}"
        value = row.switching_value
        fixed = fig.percent if fraction else fig.money  # 3.73 person, 1 749 806.10 SEK
        switching = translate(lang, "none in range") if value is None else f"{fixed(value)}{unit}"
        label = _parameter_label(model, p, lang)
        rows.append((label, fig.money(row.npv_low), fig.money(row.npv_high), switching))
        spans.append(
            translate(
                lang,
                "{low} – {high}{unit} (value {value}{unit})",
                low=show(p.low),
                high=show(p.high),
                unit=unit,
                value=show(p.value),
            )
        )
    table = columns(rows, "lrrl")
    lines = ["", heading, table[0]]
    for line, span in zip(table[1:], spans, strict=True):
        lines += [line, f"      {span}"]  # the range runs under its row, outside the columns
    return lines


def _monte_carlo_lines(result: MonteCarlo, fig: _Figures) -> list[str]:
    lang = fig.lang
    npv, bcr = result.npv, result.bcr
    lines = [
        "",
        translate(
            lang,
            "Uncertainty (Monte Carlo: {draws} draws, seed {seed}; "
            "each ranged parameter triangular on low, value, high)",
            draws=fig.number(result.draws, 0),
            seed=result.seed,
        ),
        "  "
        + translate(
            lang,
            "NPV: mean {mean}; median {median}; 90 percent of draws between {low} and {high}",
            mean=fig.amount(npv.mean),
            median=fig.amount(npv.p50),
            low=fig.amount(npv.p5),
            high=fig.amount(npv.p95),
        ),
    ]
    if all(map(_finite, (bcr.mean, bcr.p5, bcr.p95))):
        lines.append(
            "  "
            + translate(
                lang,
                "Benefit–cost ratio: mean {mean}; median {median}; "
                "90 percent of draws between {low} and {high}",
                mean=fig.money(bcr.mean),
                median=fig.money(bcr.p50),
                low=fig.money(bcr.p5),
                high=fig.money(bcr.p95),
            )
        )
    probability = fig.percent(result.probability_positive)
    lines.append("  " + translate(lang, "Probability that NPV > 0: {p}", p=probability))
    if not result.parameters:
        lines.append(
            "  " + translate(lang, "No parameter has a range: every draw is the result above.")
        )
    return lines


def _finite(value: float) -> bool:
    return value not in (float("inf"), float("-inf")) and value == value
