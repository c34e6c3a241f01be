"""Appraisal of returns: present values, NPV, the SROI ratio, payback, break-even.

Years are indexes from 0. A resource's cost falls in its ``year`` (or is spread by
its ``schedule``) in whole öre, as
:func:`~logikmodell.costs.resources.resource_cost_by_year` gives it. An outcome with
``quantity`` q and, per actor, an ``amount`` a per unit and year gives in its first
benefit year::

    impact₁ = q × a × (1 − deadweight)(1 − attribution)(1 − displacement)

and in its k-th year (k = 1 … duration_years) ``impact₁ × (1 − drop_off)^(k−1)``,
falling in year ``start_year + k − 1``; benefit years after ``horizon_years`` are
cut. Every cost is raised by the optimism bias, ``cost × (1 + ob)``, before it is
discounted. Discount factors are ``DF(0) = 1`` and ``DF(y) = DF(y−1) / (1 + r(y))``. The
formulas are those of :mod:`logikmodell.returns.kernel`.

Every figure is an exact :class:`~fractions.Fraction`; money is rounded to the öre
only when it is written.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction

import attrs

from logikmodell._arguments import check_type
from logikmodell.costs.resources import UNASSIGNED
from logikmodell.errors import AppraisalError
from logikmodell.graph import LogicModel
from logikmodell.i18n import N_
from logikmodell.model.catalogue import UsedReference, reference_data, references_in
from logikmodell.model.elements import Economics
from logikmodell.model.enums import ValueType
from logikmodell.model.nodes import Outcome, Resource
from logikmodell.numbers import format_money, format_ore, round_conserving, to_json_number
from logikmodell.returns.kernel import discount_factors, present_value
from logikmodell.returns.terms import (
    CostTerms,
    OutcomeTerms,
    TransferTerms,
    cost_terms,
    outcome_terms,
    transfer_terms,
)
from logikmodell.tables import Kind, Table, Tabular, money_cell, number_cell, ore_cell, table

__all__ = [
    "ActorLedger",
    "Appraisal",
    "ValueCase",
    "YearRow",
    "appraise",
    "appraise_terms",
    "model_transfers",
    "present_values",
]


@attrs.frozen(kw_only=True)
class YearRow:
    """One year of the cash flow.

    Attributes:
        year: the year index (0 is the first year, undiscounted).
        costs: the costs falling in the year, undiscounted.
        benefits: the benefits falling in the year, undiscounted.
        discount_factor: ``DF(year)``.
        cumulative_net: the discounted net benefit of years 0 … ``year``.
    """

    year: int
    costs: Fraction
    benefits: Fraction
    discount_factor: Fraction
    cumulative_net: Fraction

    @property
    def pv_costs(self) -> Fraction:
        """The year's costs in present value."""
        return self.costs * self.discount_factor

    @property
    def pv_benefits(self) -> Fraction:
        """The year's benefits in present value."""
        return self.benefits * self.discount_factor


@attrs.frozen(kw_only=True)
class ActorLedger:
    """What one actor pays and gains, in present value: a line of the ledger.

    Attributes:
        actor: the actor's id, or ``"_unassigned"`` for costs without a payer.
        pv_costs: the present value of the costs of the resources it pays for.
        pv_benefits: the present value of the values it gains.
        transfers_in: the present value of the transfers it receives.
        transfers_out: the present value of the transfers it pays.
    """

    actor: str
    pv_costs: Fraction
    pv_benefits: Fraction
    transfers_in: Fraction = Fraction(0)
    transfers_out: Fraction = Fraction(0)

    @property
    def net(self) -> Fraction:
        """``pv_benefits − pv_costs + transfers_in − transfers_out``: positive when the
        actor comes out ahead."""
        return self.pv_benefits - self.pv_costs + self.transfers_in - self.transfers_out


@attrs.frozen(kw_only=True)
class ValueCase:
    """The returns counting some value types only: the financial or the social case.

    Attributes:
        pv_benefits: the present value of the benefits of the types counted.
        npv: ``pv_benefits − pv_costs``.
        bcr: ``pv_benefits / pv_costs``.
    """

    pv_benefits: Fraction
    npv: Fraction
    bcr: Fraction


@attrs.frozen(kw_only=True)
class Appraisal(Tabular):
    """The returns of a social investment, exact.

    Attributes:
        currency: the model's currency.
        horizon_years: the last benefit year counted.
        pv_costs, pv_benefits: present values in year 0.
        npv: ``pv_benefits − pv_costs``.
        bcr: the benefit–cost ratio (SROI ratio), ``pv_benefits / pv_costs``.
        net_roi: ``npv / pv_costs``.
        payback_year: the first year, from the first year with a cost, whose
            cumulative discounted net benefit is ≥ 0; None if none within the horizon.
        break_even: per valued outcome, the ``quantity`` (in the outcome's own unit)
            at which NPV = 0 with everything else fixed; None when the outcome's
            benefits are 0. It may be negative: the investment then pays off even
            if nobody reaches that outcome.
        outcomes: the present value of each valued outcome's benefits.
        actors: the ledger, per actor who pays or gains (model order, then
            ``_unassigned``); it sums to the totals exactly.
        years: the cash flow, from year 0 to the horizon (or the last cost year).
        optimism_bias: the share by which every cost was raised before discounting.
        by_type: the returns by value type, cumulative: ``fiscal`` counts fiscal
            value alone (the financial case), ``economic`` fiscal and economic
            value, ``social`` all three (the totals).
        transfers: the present value of each transfer between actors (model
            order). Transfers net to zero for society: they move money between
            lines of the ledger and leave every total unchanged.
        references: the catalogue entries the model's costs and values come from;
            the JSON names each (``references``) when there are any.

    Tables (:meth:`tables`, :meth:`~logikmodell.tables.Tabular.to_rows`; money as
    ``Decimal``, exactly the figures of the JSON, ratios and shares as ``float``):

    * ``summary`` (one row): ``currency``, ``pv_costs``, ``pv_benefits``, ``npv``,
      ``bcr``, ``net_roi``, ``payback_year`` (None if none), ``horizon_years``,
      ``optimism_bias``.
    * ``actors``: ``actor``, ``pv_costs``, ``pv_benefits``, ``transfers_in``,
      ``transfers_out``, ``net``; each column sums to its total.
    * ``years``: ``year``, ``costs``, ``benefits`` (undiscounted),
      ``discount_factor``, ``cumulative_net`` (the discounted net of years 0 …
      ``year``).
    * ``outcomes``: ``outcome``, ``pv_benefits``, ``break_even`` (the quantity at
      which NPV = 0, None when the outcome yields nothing).
    * ``by_type``: ``type`` (fiscal, economic, social; cumulative), ``pv_benefits``,
      ``npv``, ``bcr``.
    * ``transfers`` (when the model has transfers): ``transfer``, ``pv``.
    """

    currency: str
    horizon_years: int
    pv_costs: Fraction
    pv_benefits: Fraction
    npv: Fraction
    bcr: Fraction
    net_roi: Fraction
    payback_year: int | None
    break_even: Mapping[str, Fraction | None] = attrs.field(hash=False)
    outcomes: Mapping[str, Fraction] = attrs.field(hash=False)
    actors: Mapping[str, ActorLedger] = attrs.field(hash=False)
    years: tuple[YearRow, ...]
    optimism_bias: Fraction = Fraction(0)
    by_type: Mapping[ValueType, ValueCase] = attrs.field(factory=dict, hash=False)
    transfers: Mapping[str, Fraction] = attrs.field(factory=dict, hash=False)
    references: tuple[UsedReference, ...] = ()

    def to_dict(self) -> dict[str, object]:
        """The JSON form of the `returns` command: money as two-decimal strings, ratios as numbers.

        Each column of the actor ledger is rounded so that it sums to its rounded
        total (``net`` to NPV, ``transfers_in`` and ``transfers_out`` to the present
        value of all transfers, as the transfers themselves do); the yearly benefits
        likewise sum to their rounded total. A ratio beyond a float's range (``bcr``,
        ``net_roi``, a ``break_even``, ...) is ``None``
        (:func:`logikmodell.numbers.to_json_number`).
        """
        ledger = self._ledger_ore()
        actors = {
            actor: {key: format_ore(ore) for key, ore in figures.items()}
            for actor, figures in ledger.items()
        }
        years = [
            {
                "year": row.year,
                "costs": format_money(row.costs),
                "benefits": format_ore(benefit),
                "discount_factor": float(row.discount_factor),
                "cumulative_net": format_money(row.cumulative_net),
            }
            for row, benefit in zip(self.years, self._benefits_ore(), strict=True)
        ]
        data: dict[str, object] = {
            "currency": self.currency,
            "optimism_bias": to_json_number(self.optimism_bias),
            "pv_costs": format_money(self.pv_costs),
            "pv_benefits": format_money(self.pv_benefits),
            "npv": format_money(self.npv),
            "bcr": to_json_number(self.bcr),
            "net_roi": to_json_number(self.net_roi),
            "payback_year": self.payback_year,
            "break_even": {
                key: None if value is None else to_json_number(value)
                for key, value in self.break_even.items()
            },
            "by_type": {
                kind.value: {
                    "pv_benefits": format_money(case.pv_benefits),
                    "npv": format_money(case.npv),
                    "bcr": to_json_number(case.bcr),
                }
                for kind, case in self.by_type.items()
            },
            "actors": actors,
            "transfers": {id: format_ore(ore) for id, ore in self._transfers_ore().items()},
            "years": years,
        }
        if self.references:
            data["references"] = reference_data(self.references)
        return data

    def _ledger_ore(self) -> dict[str, dict[str, int]]:
        """Per actor, each column of the ledger in öre, rounded to sum to its total."""
        moved = sum(self.transfers.values(), Fraction())
        currency_total = {
            "pv_costs": self.pv_costs,
            "pv_benefits": self.pv_benefits,
            "transfers_in": moved,
            "transfers_out": moved,
            "net": self.npv,
        }
        columns = {
            key: round_conserving([getattr(ledger, key) for ledger in self.actors.values()], total)
            for key, total in currency_total.items()
        }
        return {
            actor: {key: columns[key][index] for key in currency_total}
            for index, actor in enumerate(self.actors)
        }

    def _benefits_ore(self) -> list[int]:
        """The yearly benefits in öre, rounded to sum to their rounded total."""
        return round_conserving(
            [row.benefits for row in self.years], sum((r.benefits for r in self.years), Fraction())
        )

    def _transfers_ore(self) -> dict[str, int]:
        """Each transfer's present value in öre, rounded to sum to the rounded total."""
        values = list(self.transfers.values())
        rounded = round_conserving(values, sum(values, Fraction()))
        return dict(zip(self.transfers, rounded, strict=True))

    def tables(self, lang: str | None = None) -> tuple[Table, ...]:
        """The tables ``summary``, ``actors``, ``years``, ``outcomes``, ``by_type`` and,
        with transfers, ``transfers``; the class's docstring lists their columns."""
        cur = self.currency
        summary = table(
            "summary",
            N_("Summary"),
            [
                ("currency", Kind.TEXT, N_("Currency")),
                ("pv_costs", Kind.MONEY, N_("Costs (present value)")),
                ("pv_benefits", Kind.MONEY, N_("Benefits (present value)")),
                ("npv", Kind.MONEY, N_("Net present value (NPV)")),
                ("bcr", Kind.RATIO, N_("Benefit–cost ratio (SROI)")),
                ("net_roi", Kind.SHARE, N_("Net return on investment")),
                ("payback_year", Kind.INTEGER, N_("Payback year")),
                ("horizon_years", Kind.INTEGER, N_("Horizon (years)")),
                ("optimism_bias", Kind.SHARE, N_("Optimism bias")),
            ],
            [
                (
                    cur,
                    money_cell(self.pv_costs),
                    money_cell(self.pv_benefits),
                    money_cell(self.npv),
                    number_cell(self.bcr),
                    number_cell(self.net_roi),
                    self.payback_year,
                    self.horizon_years,
                    number_cell(self.optimism_bias),
                )
            ],
            currency=cur,
        )
        ledger_keys = ("pv_costs", "pv_benefits", "transfers_in", "transfers_out", "net")
        actors = table(
            "actors",
            N_("Per actor"),
            [
                ("actor", Kind.TEXT, N_("Actor")),
                ("pv_costs", Kind.MONEY, N_("Costs")),
                ("pv_benefits", Kind.MONEY, N_("Benefits")),
                ("transfers_in", Kind.MONEY, N_("Transfers in")),
                ("transfers_out", Kind.MONEY, N_("Transfers out")),
                ("net", Kind.MONEY, N_("Net")),
            ],
            [
                (actor, *(ore_cell(figures[key]) for key in ledger_keys))
                for actor, figures in self._ledger_ore().items()
            ],
            currency=cur,
        )
        return (summary, actors, self._years_table(), *self._other_tables())

    def _years_table(self) -> Table:
        return table(
            "years",
            N_("Per year"),
            [
                ("year", Kind.INTEGER, N_("Year")),
                ("costs", Kind.MONEY, N_("Costs")),
                ("benefits", Kind.MONEY, N_("Benefits")),
                ("discount_factor", Kind.FACTOR, N_("Discount factor")),
                ("cumulative_net", Kind.MONEY, N_("Cumulative PV net")),
            ],
            [
                (
                    row.year,
                    money_cell(row.costs),
                    ore_cell(benefit),
                    number_cell(row.discount_factor),
                    money_cell(row.cumulative_net),
                )
                for row, benefit in zip(self.years, self._benefits_ore(), strict=True)
            ],
            currency=self.currency,
        )

    def _other_tables(self) -> list[Table]:
        cur = self.currency
        found = [
            table(
                "outcomes",
                N_("Per outcome"),
                [
                    ("outcome", Kind.TEXT, N_("Outcome")),
                    ("pv_benefits", Kind.MONEY, N_("Benefits (present value)")),
                    ("break_even", Kind.QUANTITY, N_("Break-even quantity")),
                ],
                [
                    (id, money_cell(pv), number_cell(self.break_even.get(id)))
                    for id, pv in self.outcomes.items()
                ],
                currency=cur,
            ),
            table(
                "by_type",
                N_("Per value type"),
                [
                    ("type", Kind.TEXT, N_("Value type")),
                    ("pv_benefits", Kind.MONEY, N_("Benefits (present value)")),
                    ("npv", Kind.MONEY, N_("NPV")),
                    ("bcr", Kind.RATIO, N_("Benefit–cost ratio")),
                ],
                [
                    (
                        kind.value,
                        money_cell(case.pv_benefits),
                        money_cell(case.npv),
                        number_cell(case.bcr),
                    )
                    for kind, case in self.by_type.items()
                ],
                currency=cur,
            ),
        ]
        if self.transfers:
            found.append(
                table(
                    "transfers",
                    N_("Transfers"),
                    [
                        ("transfer", Kind.TEXT, N_("Transfer")),
                        ("pv", Kind.MONEY, N_("Present value")),
                    ],
                    [(id, ore_cell(ore)) for id, ore in self._transfers_ore().items()],
                    currency=cur,
                )
            )
        return found


# ---------------------------------------------------------------------- appraisal
def appraise(model: LogicModel) -> Appraisal:
    """Appraise a model's returns.

    Args:
        model: the model; its resources give the costs and its outcomes with a
            ``quantity`` and ``values`` the benefits.

    Returns:
        The present values, NPV, benefit–cost (SROI) ratio, payback year,
        break-even per outcome, the ledger per actor and the cash flow by year,
        exact as fractions.

    Raises:
        AppraisalError: the model has no cost (no resource with a cost above 0) or
            no valued outcome (an outcome with both a ``quantity`` and ``values``).

    Example:
        >>> from logikmodell.examples import load_example
        >>> appraisal = appraise(load_example())
        >>> appraisal.npv == appraisal.pv_benefits - appraisal.pv_costs
        True
    """
    check_type("appraise()", "model", model, LogicModel)
    costs = [cost_terms(r, model.currency) for r in model.of_type(Resource)]
    benefits = [t for t in map(outcome_terms, model.of_type(Outcome)) if t is not None]
    actor_order = [actor.id for actor in model.actors]
    appraisal = appraise_terms(
        costs,
        benefits,
        model.economics,
        currency=model.currency,
        actor_order=actor_order,
        transfers=model_transfers(model),
    )
    used = tuple(references_in(model.nodes, model.transfers))
    return attrs.evolve(appraisal, references=used) if used else appraisal


def model_transfers(model: LogicModel) -> list[TransferTerms]:
    """The exact terms of a model's transfers, in model order."""
    terms = []
    for transfer in model.transfers:
        outcome = None
        if transfer.outcome is not None:
            node = model.node(transfer.outcome)
            assert isinstance(node, Outcome)
            outcome = node
        terms.append(transfer_terms(transfer, outcome, model.currency))
    return terms


def _refuse(costs: Sequence[CostTerms], benefits: Sequence[OutcomeTerms]) -> None:
    if not any(amount for term in costs for amount in term.by_year.values()):
        raise AppraisalError(
            N_(
                "cannot appraise the returns: no resource has a cost "
                "(give a resource `cost` or `quantity` and `unit_cost`)"
            )
        )
    if not benefits:
        raise AppraisalError(
            N_(
                "cannot appraise the returns: no outcome is valued "
                "(give an outcome both a `quantity` and `values`)"
            )
        )


def _last_year(
    costs: Sequence[CostTerms], economics: Economics, transfers: Sequence[TransferTerms] = ()
) -> int:
    """The last year of the cash flow: the horizon, or a later cost or transfer year."""
    return max(
        [
            economics.horizon_years,
            *(year for term in costs for year in term.by_year),
            *(year for term in transfers for year in term.years),
        ]
    )


@attrs.define
class _Flows:
    """The cash flow of an appraisal, accumulated term by term."""

    factors: list[Fraction]
    horizon: int
    year_costs: list[Fraction]
    year_benefits: list[Fraction]
    cost_factor: Fraction = Fraction(1)
    type_benefits: dict[ValueType, Fraction] = attrs.field(factory=dict)
    actor_costs: dict[str, Fraction] = attrs.field(factory=dict)
    actor_benefits: dict[str, Fraction] = attrs.field(factory=dict)
    actor_in: dict[str, Fraction] = attrs.field(factory=dict)
    actor_out: dict[str, Fraction] = attrs.field(factory=dict)
    transfer_pv: dict[str, Fraction] = attrs.field(factory=dict)
    outcome_pv: dict[str, Fraction] = attrs.field(factory=dict)

    def add_cost(self, term: CostTerms) -> None:
        if not term.by_year:
            return  # a resource without a cost puts no payer in the ledger
        flows = [(year, amount * self.cost_factor) for year, amount in term.flows()]
        for year, amount in flows:
            self.year_costs[year] += amount
        pv = present_value(flows, self.factors)
        self.actor_costs[term.payer] = self.actor_costs.get(term.payer, Fraction()) + pv

    def add_benefit(self, outcome: OutcomeTerms) -> None:
        # Benefits are linear in the amount: the present value and the flows of one
        # unit of money per unit and year, scaled by each actor's amount.
        flows: list[tuple[int, Fraction]] = []
        per_amount = outcome.present_value(self.factors, self.horizon, Fraction(1), flows)
        total = outcome.amount
        for year, benefit in flows:
            self.year_benefits[year] += benefit * total
        pv_total = Fraction()
        for index, (actor, amount) in enumerate(outcome.amounts):
            pv = per_amount * amount
            self.actor_benefits[actor] = self.actor_benefits.get(actor, Fraction()) + pv
            kind = outcome.type_of(index)
            self.type_benefits[kind] = self.type_benefits.get(kind, Fraction()) + pv
            pv_total += pv
        self.outcome_pv[outcome.id] = pv_total

    def add_transfer(self, term: TransferTerms) -> None:
        pv = term.present_value(self.factors, self.horizon)
        self.actor_out[term.payer] = self.actor_out.get(term.payer, Fraction()) + pv
        self.actor_in[term.payee] = self.actor_in.get(term.payee, Fraction()) + pv
        self.transfer_pv[term.id] = pv

    def rows(self) -> tuple[YearRow, ...]:
        rows: list[YearRow] = []
        cumulative = Fraction()
        for year, factor in enumerate(self.factors):
            cumulative += (self.year_benefits[year] - self.year_costs[year]) * factor
            rows.append(
                YearRow(
                    year=year,
                    costs=self.year_costs[year],
                    benefits=self.year_benefits[year],
                    discount_factor=factor,
                    cumulative_net=cumulative,
                )
            )
        return tuple(rows)

    def ledger(self, actor_order: Sequence[str]) -> dict[str, ActorLedger]:
        """Per actor, in model order, others sorted, costs without a payer last."""
        known = {*self.actor_costs, *self.actor_benefits, *self.actor_in, *self.actor_out}
        order = [a for a in actor_order if a in known]
        order += sorted(a for a in known if a not in order)
        if UNASSIGNED in order:
            order.remove(UNASSIGNED)
            order.append(UNASSIGNED)
        return {
            actor: ActorLedger(
                actor=actor,
                pv_costs=self.actor_costs.get(actor, Fraction()),
                pv_benefits=self.actor_benefits.get(actor, Fraction()),
                transfers_in=self.actor_in.get(actor, Fraction()),
                transfers_out=self.actor_out.get(actor, Fraction()),
            )
            for actor in order
        }


def _by_type(
    type_benefits: Mapping[ValueType, Fraction], pv_costs: Fraction
) -> dict[ValueType, ValueCase]:
    """The cumulative cases: fiscal; fiscal and economic; all three."""
    cases: dict[ValueType, ValueCase] = {}
    counted = Fraction()
    for kind in ValueType:
        counted += type_benefits.get(kind, Fraction())
        cases[kind] = ValueCase(pv_benefits=counted, npv=counted - pv_costs, bcr=counted / pv_costs)
    return cases


def _payback(rows: Sequence[YearRow], horizon: int) -> int | None:
    """The first year from the first cost year whose cumulative net benefit is ≥ 0."""
    first_cost_year = min(row.year for row in rows if row.costs)
    return next(
        (
            row.year
            for row in rows
            if first_cost_year <= row.year <= horizon and row.cumulative_net >= 0
        ),
        None,
    )


def _break_even(
    benefits: Sequence[OutcomeTerms], outcome_pv: Mapping[str, Fraction], npv: Fraction
) -> dict[str, Fraction | None]:
    """Per outcome, the quantity at which NPV = 0 (PV is linear in the quantity)."""
    result: dict[str, Fraction | None] = {}
    for outcome in benefits:
        pv = outcome_pv[outcome.id]
        # q* = q − NPV / (PV / q); none when the outcome yields nothing.
        result[outcome.id] = None if pv == 0 else outcome.quantity - npv * outcome.quantity / pv
    return result


def appraise_terms(
    costs: Sequence[CostTerms],
    benefits: Sequence[OutcomeTerms],
    economics: Economics,
    *,
    currency: str,
    actor_order: Sequence[str] = (),
    transfers: Sequence[TransferTerms] = (),
) -> Appraisal:
    """Appraise from reduced terms (used by :func:`appraise` and the sensitivity analysis).

    Raises:
        AppraisalError: no cost, or no valued outcome.
    """
    _refuse(costs, benefits)
    last_year = _last_year(costs, economics, transfers)
    flows = _Flows(
        factors=discount_factors(economics, last_year),
        horizon=economics.horizon_years,
        year_costs=[Fraction()] * (last_year + 1),
        year_benefits=[Fraction()] * (last_year + 1),
        cost_factor=1 + economics.optimism_bias,
    )
    for term in costs:
        flows.add_cost(term)
    for outcome in benefits:
        flows.add_benefit(outcome)
    for transfer in transfers:
        flows.add_transfer(transfer)
    pv_costs = sum(flows.actor_costs.values(), Fraction())
    pv_benefits = sum(flows.actor_benefits.values(), Fraction())
    npv = pv_benefits - pv_costs
    rows = flows.rows()
    return Appraisal(
        currency=currency,
        horizon_years=economics.horizon_years,
        pv_costs=pv_costs,
        pv_benefits=pv_benefits,
        npv=npv,
        bcr=pv_benefits / pv_costs,
        net_roi=npv / pv_costs,
        payback_year=_payback(rows, economics.horizon_years),
        break_even=_break_even(benefits, flows.outcome_pv, npv),
        outcomes=flows.outcome_pv,
        actors=flows.ledger(actor_order),
        years=rows,
        optimism_bias=economics.optimism_bias,
        by_type=_by_type(flows.type_benefits, pv_costs),
        transfers=flows.transfer_pv,
    )


def present_values(
    costs: Sequence[CostTerms], benefits: Sequence[OutcomeTerms], economics: Economics
) -> tuple[Fraction, Fraction]:
    """``(pv_costs, pv_benefits)`` of reduced terms, exactly, without any refusal.

    The costs are raised by the optimism bias of ``economics``.
    """
    horizon = economics.horizon_years
    factors = discount_factors(economics, _last_year(costs, economics))
    pv_costs = sum((present_value(term.flows(), factors) for term in costs), Fraction())
    pv_costs *= 1 + economics.optimism_bias
    pv_benefits = sum(
        (outcome.present_value(factors, horizon, outcome.amount) for outcome in benefits),
        Fraction(),
    )
    return pv_costs, pv_benefits
