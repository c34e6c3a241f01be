"""Cost attribution: how each resource's cost flows along the chain, exact to the öre.

The rules (DESIGN §5):

* a resource's cost (see :mod:`logikmodell.costs.resources`) enters the chain at the
  resource;
* every node passes what it holds on along all its outgoing links: a link with a
  ``share`` takes that fraction, links without one split the remainder equally;
* a node with no outgoing link keeps what it holds (a *terminal* node);
* when every outgoing link carries a share and the shares sum below 1, the rest
  stays at the node as *unallocated* cost, reported and never dropped.

Money is integer öre throughout. Every split is a largest-remainder allocation (the
rule of :func:`logikmodell.model.money.allocate`), so the parts of a split always
sum to the whole and therefore, over the whole model::

    Σ attributed over terminal nodes + Σ unallocated == total resource cost

holds to the öre, in total and in every year. Splits take the outgoing links in the
order of their target ids (an unallocated rest comes last), so reordering the nodes
or links of a file changes no figure.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Mapping, Sequence
from fractions import Fraction
from math import lcm
from typing import TypeVar

import attrs

from logikmodell._arguments import check_type
from logikmodell.costs.resources import UNASSIGNED, resource_cost, resource_cost_by_year
from logikmodell.errors import CostAttributionError
from logikmodell.graph import LogicModel
from logikmodell.i18n import N_, resolve_lang, translate
from logikmodell.model.catalogue import UsedReference, reference_data, references_in
from logikmodell.model.enums import NodeKind
from logikmodell.model.money import Money
from logikmodell.model.nodes import Node, Outcome, Output, Resource
from logikmodell.model.quantity import Quantity
from logikmodell.model.units import count_factor
from logikmodell.numbers import allocate, allocate_equally, format_ore, round_half_away
from logikmodell.tables import Kind, Table, Tabular, ore_cell, table
from logikmodell.topology import Topology

__all__ = [
    "STAGES_NOTE",
    "UNASSIGNED",
    "CostAttribution",
    "CostAttributionError",
    "attribute_costs",
]

#: The kinds of the chain, in order: every kind but ``need``.
_CHAIN_KINDS: tuple[NodeKind, ...] = tuple(kind for kind in NodeKind if kind is not NodeKind.NEED)

K = TypeVar("K")


# ---------------------------------------------------------------------- views
class _MoneyView(Mapping[K, Money]):
    """A read-only mapping of öre integers, handed out as :class:`Money`."""

    __slots__ = ("_currency", "_ore")

    def __init__(self, ore: Mapping[K, int], currency: str) -> None:
        self._ore = ore
        self._currency = currency

    def __getitem__(self, key: K) -> Money:
        return Money(Fraction(self._ore[key], 100), self._currency)

    def ore(self) -> Mapping[K, int]:
        """The figures in öre, without making a :class:`Money` of each."""
        return self._ore

    def __iter__(self) -> Iterator[K]:
        return iter(self._ore)

    def __len__(self) -> int:
        return len(self._ore)

    def __repr__(self) -> str:
        items = ", ".join(f"{key!r}: {format_ore(ore)}" for key, ore in self._ore.items())
        return f"{{{items}}}"


class _LazyMoneyView(Mapping[K, Money]):
    """A read-only mapping of öre integers, worked out on first use."""

    __slots__ = ("_compute", "_currency", "_ore")

    def __init__(self, compute: Callable[[], Mapping[K, int]], currency: str) -> None:
        self._compute = compute
        self._currency = currency
        self._ore: Mapping[K, int] | None = None

    def _figures(self) -> Mapping[K, int]:
        if self._ore is None:
            self._ore = self._compute()
        return self._ore

    def __getitem__(self, key: K) -> Money:
        return Money(Fraction(self._figures()[key], 100), self._currency)

    def __iter__(self) -> Iterator[K]:
        return iter(self._figures())

    def __len__(self) -> int:
        return len(self._figures())

    def __repr__(self) -> str:
        return repr(dict(self))


class _PerUnitView(Mapping[str, Money | None]):
    """Attributed cost ÷ count quantity, exact, for every node (None without a count)."""

    __slots__ = ("_attributed", "_counts", "_currency")

    def __init__(
        self, attributed: Mapping[str, int], counts: Mapping[str, Fraction], currency: str
    ) -> None:
        self._attributed = attributed
        self._counts = counts
        self._currency = currency

    def __getitem__(self, key: str) -> Money | None:
        ore = self._attributed[key]
        count = self._counts.get(key)
        if count is None:
            return None
        return Money(Fraction(ore, 100) / count, self._currency)

    def rounded_ore(self, key: str) -> int | None:
        """The figure of ``key`` rounded to öre (half away from zero), or None."""
        count = self._counts.get(key)
        if count is None:
            return None
        return round_half_away(self._attributed[key] / count)

    def __iter__(self) -> Iterator[str]:
        return iter(self._attributed)

    def __len__(self) -> int:
        return len(self._attributed)

    def __repr__(self) -> str:
        return repr(dict(self))


class _YearsView(Mapping[str, Mapping[int, Money]]):
    """Per node, its cost per year index, computed by the flow on first use."""

    __slots__ = ("_flow", "_unallocated")

    def __init__(self, flow: _Flow, *, unallocated: bool = False) -> None:
        self._flow = flow
        self._unallocated = unallocated

    def _vectors(self) -> dict[str, list[int]]:
        vectors = self._flow.year_vectors()
        return vectors[1] if self._unallocated else vectors[0]

    def __getitem__(self, key: str) -> Mapping[int, Money]:
        vector = self._vectors()[key]
        years = dict(zip(self._flow.years, vector, strict=True))
        return _MoneyView(years, self._flow.currency)

    def __iter__(self) -> Iterator[str]:
        return iter(self._vectors())

    def __len__(self) -> int:
        return len(self._vectors())

    def __repr__(self) -> str:
        return repr(dict(self))


class _FlowsView(Mapping[tuple[str, str], Money]):
    """What each link carried, computed by the flow on first use."""

    __slots__ = ("_flow",)

    def __init__(self, flow: _Flow) -> None:
        self._flow = flow

    def __getitem__(self, key: tuple[str, str]) -> Money:
        return Money(Fraction(self._flow.link_flows()[key], 100), self._flow.currency)

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return iter(self._flow.link_flows())

    def __len__(self) -> int:
        return len(self._flow.link_flows())

    def __repr__(self) -> str:
        return repr(dict(self))


#: What the stage figures are, said wherever they are shown.
STAGES_NOTE = N_(
    "The stages do not add up to the total: each stage shows all the cost that "
    "reaches it, and the same money passes through every stage on its way to the goals."
)


# ---------------------------------------------------------------------- result
@attrs.frozen(kw_only=True)
class CostAttribution(Tabular):
    """Where a model's resource costs end up: per node, payer, year and stage.

    Every amount is exact :class:`~logikmodell.model.money.Money` in the model's
    currency; all but ``per_unit`` are whole öre. The mappings are read-only and
    list nodes in model order (needs are left out: they are not part of the chain).

    Attributes:
        currency: the model's currency.
        total: the sum of every resource's cost.
        attributed: per node, the cost that flowed into it (a resource's own cost).
        upstream: per node, the total cost of every resource with a path to it (a
            resource included); not additive across nodes.
        per_unit: per node, ``attributed`` ÷ its count quantity (outputs and
            outcomes with a quantity in a count unit such as ``person``), exact;
            None for every other node and where the quantity is zero.
        unallocated: per node whose outgoing links all carry shares summing below
            1, the cost left there.
        terminal: the nodes with no outgoing link, which keep what flows in.
        flows: per link ``(from_id, to_id)``, the cost it carried.
        payers: per payer (actor id, or ``"_unassigned"``), its resources' cost.
        years: per year index, the cost of the resources falling in it.
        by_year: per node, its ``attributed`` cost split over the year indexes.
        unallocated_by_year: per node of ``unallocated``, that cost per year.
        stages: per kind of the chain, the sum of ``attributed`` over its nodes.
            A cost passes through several stages, so stages do not add up to the
            total; the resource stage equals it (unless links lead into resources).
        per_participant: ``total`` ÷ the target group's size, when it has one.
        references: the catalogue entries the resources' costs come from; the
            JSON names each (``references``) when there are any.
        kinds: per node, its kind (None when not known: every stage is shown).
        labels: per node, its label (None when not known).

    Tables (:meth:`tables`, :meth:`~logikmodell.tables.Tabular.to_rows`; money in the
    model's currency as ``Decimal``, exactly the figures of the JSON):

    * ``summary`` (one row): ``currency``, ``total``, ``per_participant`` (None
      without a target group size), ``unallocated`` (the sum of what is left
      unallocated).
    * ``nodes``: ``node``, ``label``, ``kind``, ``attributed``, ``upstream``,
      ``per_unit`` (None without a count quantity), ``unallocated`` (None where
      nothing is left), ``terminal`` (bool).
    * ``payers``: ``payer`` (actor id or ``_unassigned``), ``cost``.
    * ``years``: ``year`` (index), ``cost``.
    * ``stages``: ``stage`` (node kind), ``cost``; not additive (see the note).
    """

    currency: str
    total: Money
    attributed: Mapping[str, Money]
    upstream: Mapping[str, Money]
    per_unit: Mapping[str, Money | None]
    unallocated: Mapping[str, Money]
    terminal: frozenset[str]
    flows: Mapping[tuple[str, str], Money]
    payers: Mapping[str, Money]
    years: Mapping[int, Money]
    by_year: Mapping[str, Mapping[int, Money]]
    unallocated_by_year: Mapping[str, Mapping[int, Money]]
    stages: Mapping[NodeKind, Money]
    per_participant: Money | None
    references: tuple[UsedReference, ...] = ()
    kinds: Mapping[str, NodeKind] | None = None
    labels: Mapping[str, str] | None = None

    def to_dict(self, lang: str | None = None) -> dict[str, object]:
        """The attribution as JSON data, exactly as DESIGN §7, with the years and stages.

        Money is a string with two decimals, rounded half away from zero. Beyond the
        keys of the contract: ``per_participant`` (null without a target group
        size), ``years`` (the cost per year index) and ``stages`` (per stage present
        in the model, all the cost reaching it, with ``additive: false`` and the
        ``note`` saying why, in ``lang``).

        Example:
            >>> import logikmodell as lm
            >>> model = lm.loads(
            ...     "logikmodell: 1\\ntitle: T\\nnodes:\\n"
            ...     "  - {id: r, kind: resource, label: R, cost: 100 SEK}\\n"
            ...     "  - {id: a, kind: activity, label: A}\\n"
            ...     "links:\\n  - {from: r, to: a}\\n"
            ... )
            >>> lm.attribute_costs(model).to_dict()["nodes"]["a"]
            {'attributed': '100.00', 'upstream': '100.00', 'per_unit': None}
        """
        attributed = _ore_of(self.attributed)
        upstream = _ore_of(self.upstream)
        nodes: dict[str, object] = {}
        for id, ore in attributed.items():
            nodes[id] = {
                "attributed": format_ore(ore),
                "upstream": format_ore(upstream[id]),
                "per_unit": self._per_unit_text(id),
            }
        return {
            "currency": self.currency,
            "total": self.total.format(),
            "nodes": nodes,
            "unallocated": {id: money.format() for id, money in self.unallocated.items()},
            "payers": {id: money.format() for id, money in self.payers.items()},
            "per_participant": None
            if self.per_participant is None
            else self.per_participant.format(),
            "years": [{"year": year, "cost": money.format()} for year, money in self.years.items()],
            "stages": {
                "additive": False,
                "note": translate(resolve_lang(lang), STAGES_NOTE),
                "totals": {kind.value: money.format() for kind, money in self._stages().items()},
            },
            **({"references": reference_data(self.references)} if self.references else {}),
        }

    def _stages(self) -> dict[NodeKind, Money]:
        """The stages with a node in the model (every stage when the kinds are unknown)."""
        if self.kinds is None:
            return dict(self.stages)
        present = set(self.kinds.values())
        return {kind: money for kind, money in self.stages.items() if kind in present}

    def _per_unit_ore(self, id: str) -> int | None:
        if isinstance(self.per_unit, _PerUnitView):
            return self.per_unit.rounded_ore(id)
        money = self.per_unit[id]
        return None if money is None else money.ore

    def tables(self, lang: str | None = None) -> tuple[Table, ...]:
        """The tables ``summary``, ``nodes``, ``payers``, ``years`` and ``stages``.

        The class's docstring lists their columns; ``lang`` changes nothing here.
        """
        cur = self.currency
        unallocated = _ore_of(self.unallocated)
        summary = table(
            "summary",
            N_("Summary"),
            [
                ("currency", Kind.TEXT, N_("Currency")),
                ("total", Kind.MONEY, N_("Total")),
                ("per_participant", Kind.MONEY, N_("Per participant")),
                ("unallocated", Kind.MONEY, N_("Unallocated")),
            ],
            [
                (
                    cur,
                    ore_cell(self.total.ore),
                    None if self.per_participant is None else ore_cell(self.per_participant.ore),
                    ore_cell(sum(unallocated.values())),
                )
            ],
            currency=cur,
        )
        upstream = _ore_of(self.upstream)
        nodes = table(
            "nodes",
            N_("Per node"),
            [
                ("node", Kind.TEXT, N_("Node")),
                ("label", Kind.TEXT, N_("Label")),
                ("kind", Kind.TEXT, N_("Kind")),
                ("attributed", Kind.MONEY, N_("Attributed")),
                ("upstream", Kind.MONEY, N_("Upstream")),
                ("per_unit", Kind.MONEY, N_("Per unit")),
                ("unallocated", Kind.MONEY, N_("Unallocated")),
                ("terminal", Kind.BOOLEAN, N_("Terminal")),
            ],
            [
                (
                    id,
                    None if self.labels is None else self.labels.get(id),
                    None if (kind := (self.kinds or {}).get(id)) is None else kind.value,
                    ore_cell(ore),
                    ore_cell(upstream[id]),
                    None if (unit := self._per_unit_ore(id)) is None else ore_cell(unit),
                    ore_cell(unallocated[id]) if id in unallocated else None,
                    id in self.terminal,
                )
                for id, ore in _ore_of(self.attributed).items()
            ],
            currency=cur,
        )
        payers = table(
            "payers",
            N_("Per payer"),
            [("payer", Kind.TEXT, N_("Payer")), ("cost", Kind.MONEY, N_("Cost"))],
            [(id, ore_cell(ore)) for id, ore in _ore_of(self.payers).items()],
            currency=cur,
        )
        years = table(
            "years",
            N_("Per year"),
            [("year", Kind.INTEGER, N_("Year")), ("cost", Kind.MONEY, N_("Cost"))],
            [(year, ore_cell(money.ore)) for year, money in self.years.items()],
            currency=cur,
        )
        stages = table(
            "stages",
            N_("Per stage"),
            [("stage", Kind.TEXT, N_("Stage")), ("cost", Kind.MONEY, N_("Cost"))],
            [(kind.value, ore_cell(money.ore)) for kind, money in self._stages().items()],
            currency=cur,
            note=STAGES_NOTE,
        )
        return (summary, nodes, payers, years, stages)

    def _per_unit_text(self, id: str) -> str | None:
        ore = self._per_unit_ore(id)
        return None if ore is None else format_ore(ore)


def _ore_of(mapping: Mapping[str, Money]) -> Mapping[str, int]:
    """The öre figures of a mapping of money (read directly from a view)."""
    if isinstance(mapping, _MoneyView):
        return mapping.ore()
    return {key: money.ore for key, money in mapping.items()}


# ---------------------------------------------------------------------- splitting
#: How a node with shares splits what it holds: one integer weight per link (in
#: target-id order) and, when the flag is set, a last weight for the rest that
#: stays unallocated at the node; and the weights' sum. Other nodes split equally.
_Plan = tuple[list[int], int, bool]


def _plan(shares: list[Fraction | None]) -> _Plan | None:
    """The split of a node whose links, in target-id order, carry ``shares``.

    Returns None when the shares sum to more than 1 (LM601).
    """
    given_sum = sum((share for share in shares if share is not None), Fraction(0))
    if given_sum > 1:
        return None
    free = shares.count(None)
    rest = 1 - given_sum
    exact = [rest / free if share is None else share for share in shares]
    unallocated = free == 0 and rest > 0
    if unallocated:
        exact.append(rest)
    denominator = lcm(*(weight.denominator for weight in exact))
    weights = [weight.numerator * (denominator // weight.denominator) for weight in exact]
    return (weights, sum(weights), unallocated)


def _split(total: int, count: int, plan: _Plan | None) -> list[int]:
    """The parts of ``total`` over ``count`` links (and an unallocated rest, if any)."""
    if plan is None:
        return allocate_equally(total, count)
    return allocate(total, plan[0], weight_sum=plan[1])


def _count(quantity: Quantity) -> Fraction | None:
    """The number of units in a count quantity (``120 person``, a bare ``120``), else None."""
    factor = count_factor(quantity.unit)
    if factor is None:
        return None
    value = quantity.value if factor == 1 else quantity.value * factor
    return value if value else None


# ---------------------------------------------------------------------- the flow
def attribute_costs(model: LogicModel) -> CostAttribution:
    """Attribute every resource's cost along the chain, exactly and conserved to the öre.

    Args:
        model: the logic model.

    Returns:
        The cost per node, payer, year and stage (see :class:`CostAttribution`).

    Raises:
        CostAttributionError: the model has a cycle (LM101) or a node whose link
            shares sum to more than 1 (LM601); it carries those findings.

    Example:
        >>> from logikmodell import examples
        >>> costs = attribute_costs(examples.load_example())
        >>> costs.total.format(), costs.per_participant.format()
        ('4350000.00', '36250.00')
    """
    check_type("attribute_costs()", "model", model, LogicModel)
    currency = model.currency
    chain = [node for node in model.nodes if node.kind is not NodeKind.NEED]
    topology = Topology.of_model(model, chain)
    out_start, out_to = _targets_by_id(topology)
    plans = _plans(model, topology, out_start, out_to)
    order = topology.order
    if plans is None or len(order) < topology.size:
        raise _refusal(model)

    # What each resource costs; its own cost starts the flow.
    resources: dict[int, Resource] = {}
    own = [0] * topology.size
    for i, node in enumerate(chain):
        if isinstance(node, Resource):
            resources[i] = node
            own[i] = resource_cost(node, currency) or 0
    amount = list(own)
    unallocated = _pass_on(order, out_start, out_to, plans, amount)
    flow = _Flow(
        currency=currency,
        ids=topology.ids,
        order=order,
        out_start=out_start,
        out_to=out_to,
        plans=plans,
        amount=amount,
        resources=resources,
    )
    return _result(
        model=model,
        chain=chain,
        flow=flow,
        own=own,
        upstream=_upstream(topology, own, resources),
        unallocated=unallocated,
    )


def _targets_by_id(topology: Topology) -> tuple[list[int], list[int]]:
    """Every node's targets in id order, in one flat list: ``(out_start, out_to)``.

    The targets of node ``i`` are ``out_to[out_start[i]:out_start[i + 1]]``. Splits
    take the links in this order, so that reordering a file changes no figure.
    """
    out_start = topology.out_start
    out_to = list(topology.out_nodes)
    by_id = topology.ids.__getitem__
    for a, b in itertools.pairwise(out_start):
        if b - a > 1:
            out_to[a:b] = sorted(out_to[a:b], key=by_id)
    return out_start, out_to


def _plans(
    model: LogicModel, topology: Topology, out_start: list[int], out_to: list[int]
) -> dict[int, _Plan] | None:
    """The plan of every node with a share on a link; None if one over-allocates (LM601)."""
    size, heads, tails = topology.size, topology.heads, topology.tails
    shares = {
        heads[k] * size + tails[k]: link.share
        for k, link in enumerate(model.links)
        if link.share is not None
    }
    plans: dict[int, _Plan] = {}
    for i in sorted({key // size for key in shares}):
        targets = out_to[out_start[i] : out_start[i + 1]]
        plan = _plan([shares.get(i * size + t) for t in targets])
        if plan is None:
            return None
        plans[i] = plan
    return plans


def _pass_on(
    order: list[int],
    out_start: list[int],
    out_to: list[int],
    plans: Mapping[int, _Plan],
    amount: list[int],
) -> dict[int, int]:
    """Pass what each node holds on along its links, in topological order.

    ``amount`` starts as each resource's own cost and ends as what each node was
    attributed. Returns the unallocated rest per node that has one.
    """
    unallocated: dict[int, int] = {}
    for u in order:
        a, b = out_start[u], out_start[u + 1]
        if a == b:
            continue
        total = amount[u]
        plan = plans.get(u)
        if plan is None and b - a == 1:
            amount[out_to[a]] += total
            continue
        parts = _split(total, b - a, plan)
        for j in range(a, b):
            amount[out_to[j]] += parts[j - a]
        if plan is not None and plan[2]:
            unallocated[u] = parts[-1]
    return unallocated


def _upstream(topology: Topology, own: list[int], resources: Mapping[int, Resource]) -> list[int]:
    """Per node, the cost of every resource with a path to it (a resource included).

    The set of resources reaching a node is shared with its predecessor that has
    the largest, so that a chain costs no set operation; a merge adds what is new.
    A set is let go once every successor has taken it.
    """
    empty: frozenset[int] = frozenset()
    reached_by: list[frozenset[int]] = [empty] * topology.size
    upstream = [0] * topology.size
    pending = [b - a for a, b in itertools.pairwise(topology.out_start)]
    in_start, in_nodes = topology.in_start, topology.in_nodes
    for u in topology.order:
        a, b = in_start[u], in_start[u + 1]
        if b - a == 1:
            p = in_nodes[a]
            reached, value = reached_by[p], upstream[p]
            pending[p] -= 1
            if not pending[p]:
                reached_by[p] = empty
        elif a < b:
            reached, value = _merge(in_nodes[a:b], reached_by, upstream, own, pending)
        else:
            reached, value = empty, 0
        if u in resources and u not in reached:
            reached = reached | {u}
            value += own[u]
        upstream[u] = value
        if pending[u]:
            reached_by[u] = reached
    return upstream


def _merge(
    preds: list[int],
    reached_by: list[frozenset[int]],
    upstream: list[int],
    own: list[int],
    pending: list[int],
) -> tuple[frozenset[int], int]:
    """The resources reaching any of ``preds``, and their cost; lets go of the sets of
    the predecessors that no other successor waits for."""
    empty: frozenset[int] = frozenset()
    reached, value = empty, 0
    for p in preds:
        if len(reached_by[p]) > len(reached):
            reached, value = reached_by[p], upstream[p]
    extra: set[int] = set()
    for p in preds:
        other = reached_by[p]
        if other is not reached:
            extra |= other
        pending[p] -= 1
        if not pending[p]:
            reached_by[p] = empty
    extra -= reached
    if extra:
        reached = reached | extra
        value += sum([own[r] for r in extra])
    return reached, value


class _Flow:
    """The flow's integer state, kept to work out flows per link and years on demand.

    The split of every node is a function of what it holds and its plan, so the
    figures per link and per year can be recomputed exactly as the first pass made
    them, at no cost to callers who do not ask for them.
    """

    __slots__ = (
        "_link_flows",
        "_resource_years",
        "_year_vectors",
        "amount",
        "currency",
        "ids",
        "order",
        "out_start",
        "out_to",
        "plans",
        "resources",
    )

    def __init__(
        self,
        *,
        currency: str,
        ids: list[str],
        order: list[int],
        out_start: list[int],
        out_to: list[int],
        plans: dict[int, _Plan],
        amount: list[int],
        resources: dict[int, Resource],
    ) -> None:
        self.currency = currency
        self.ids = ids
        self.order = order
        self.out_start = out_start
        self.out_to = out_to
        self.plans = plans
        self.amount = amount
        self.resources = resources
        self._resource_years: dict[int, dict[int, int]] | None = None
        self._link_flows: dict[tuple[str, str], int] | None = None
        self._year_vectors: tuple[dict[str, list[int]], dict[str, list[int]]] | None = None

    def resource_years(self) -> dict[int, dict[int, int]]:
        """Per resource index, its cost in öre per year index."""
        if self._resource_years is None:
            self._resource_years = {
                i: resource_cost_by_year(resource, self.currency)
                for i, resource in self.resources.items()
            }
        return self._resource_years

    @property
    def years(self) -> list[int]:
        """The year indexes in which some resource has a cost, ascending."""
        return sorted({year for by_year in self.resource_years().values() for year in by_year})

    def year_totals(self) -> dict[int, int]:
        """Per year index, the resources' cost in öre."""
        totals = dict.fromkeys(self.years, 0)
        for by_year in self.resource_years().values():
            for year, ore in by_year.items():
                totals[year] += ore
        return totals

    def targets(self, u: int) -> list[int]:
        """The nodes ``u`` links to, in id order."""
        return self.out_to[self.out_start[u] : self.out_start[u + 1]]

    def link_flows(self) -> dict[tuple[str, str], int]:
        """Per link ``(from_id, to_id)``, the öre it carried, in node order."""
        if self._link_flows is None:
            ids = self.ids
            flows: dict[tuple[str, str], int] = {}
            for u in range(len(ids)):
                targets = self.targets(u)
                if targets:
                    parts = _split(self.amount[u], len(targets), self.plans.get(u))
                    for t, part in zip(targets, parts, strict=False):
                        flows[(ids[u], ids[t])] = part
            self._link_flows = flows
        return self._link_flows

    def year_vectors(self) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
        """Per node and per unallocated rest, the öre in each of :attr:`years`.

        At every split each part, in plan order, takes its öre from the years in
        proportion to what the node still holds in each (largest remainder), so
        both the parts and the years are conserved.
        """
        if self._year_vectors is None:
            self._year_vectors = self._compute_years()
        return self._year_vectors

    def _compute_years(self) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
        years = self.years
        count = len(years)
        slot = {year: j for j, year in enumerate(years)}
        size = len(self.ids)
        vectors = [[0] * count for _ in range(size)]
        for i, by_year in self.resource_years().items():
            for year, ore in by_year.items():
                vectors[i][slot[year]] += ore
        rests: dict[str, list[int]] = {}
        for u in self.order:
            targets = self.targets(u)
            if not targets:
                continue
            plan = self.plans.get(u)
            total = self.amount[u]
            parts = _split(total, len(targets), plan)
            left = total
            remaining = vectors[u]
            shares: list[list[int]] = []
            for part in parts:
                if part == left:  # the rest of the node, and nothing for later parts
                    share, remaining = remaining, [0] * count
                elif part:
                    share = allocate(part, remaining, weight_sum=left)
                    remaining = [a - b for a, b in zip(remaining, share, strict=True)]
                else:
                    share = [0] * count
                left -= part
                shares.append(share)
            for t, share in zip(targets, shares, strict=False):
                target = vectors[t]
                for j in range(count):
                    target[j] += share[j]
            if plan is not None and plan[2]:
                rests[self.ids[u]] = list(shares[-1])
        return dict(zip(self.ids, vectors, strict=True)), rests


def _result(
    *,
    model: LogicModel,
    chain: Sequence[Node],
    flow: _Flow,
    own: Sequence[int],
    upstream: Sequence[int],
    unallocated: Mapping[int, int],
) -> CostAttribution:
    """Gather the flow's integer figures into the read-only result."""
    currency = model.currency
    ids = flow.ids
    attributed = dict(zip(ids, flow.amount, strict=True))
    total = sum(own[i] for i in flow.resources)

    counts: dict[str, Fraction] = {}
    stage_ore = dict.fromkeys(_CHAIN_KINDS, 0)
    for node, ore in zip(chain, flow.amount, strict=True):
        stage_ore[node.kind] += ore
        if isinstance(node, Output | Outcome) and node.quantity is not None:
            count = _count(node.quantity)
            if count is not None:
                counts[node.id] = count

    payer_ore: dict[str, int] = {}
    for i, resource in flow.resources.items():
        key = resource.payer or UNASSIGNED
        payer_ore[key] = payer_ore.get(key, 0) + own[i]
    order = {actor.id: n for n, actor in enumerate(model.actors)}
    payer_ore = dict(sorted(payer_ore.items(), key=lambda item: order.get(item[0], len(order))))

    size = model.target_group.size if model.target_group is not None else None
    return CostAttribution(
        currency=currency,
        total=Money(Fraction(total, 100), currency),
        attributed=_MoneyView(attributed, currency),
        upstream=_MoneyView(dict(zip(ids, upstream, strict=True)), currency),
        per_unit=_PerUnitView(attributed, counts, currency),
        unallocated=_MoneyView({ids[i]: unallocated[i] for i in sorted(unallocated)}, currency),
        terminal=frozenset(
            ids[u] for u, (a, b) in enumerate(itertools.pairwise(flow.out_start)) if a == b
        ),
        flows=_FlowsView(flow),
        payers=_MoneyView(payer_ore, currency),
        years=_LazyMoneyView(flow.year_totals, currency),
        by_year=_YearsView(flow),
        unallocated_by_year=_YearsView(flow, unallocated=True),
        stages=_MoneyView(stage_ore, currency),
        per_participant=Money(Fraction(total, 100 * size), currency) if size else None,
        references=tuple(
            used
            for used in references_in(model.nodes)
            if isinstance(model.node(used.node), Resource)
        ),
        kinds={node.id: node.kind for node in chain},
        labels={node.id: node.label for node in chain},
    )


def _refusal(model: LogicModel) -> CostAttributionError:
    """The error for a model the flow cannot run on, carrying validation's findings."""
    from logikmodell.validation import validate

    report = validate(model, select=["LM101", "LM601"])
    return CostAttributionError(report.errors)
