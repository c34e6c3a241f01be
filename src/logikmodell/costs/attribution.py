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

from collections.abc import Iterable, Iterator, Mapping, Sequence
from fractions import Fraction
from math import lcm
from typing import TYPE_CHECKING, TypeVar

import attrs

from logikmodell.costs.resources import resource_cost_by_year
from logikmodell.errors import LogikmodellError
from logikmodell.model.enums import NodeKind
from logikmodell.model.money import Money
from logikmodell.model.nodes import Node, Outcome, Output, Resource
from logikmodell.model.quantity import Quantity

if TYPE_CHECKING:
    from logikmodell.graph import LogicModel
    from logikmodell.validate import Finding

__all__ = ["UNASSIGNED", "CostAttribution", "CostAttributionError", "attribute_costs"]

#: The payer key under which resources without a ``payer`` are summed.
UNASSIGNED = "_unassigned"

#: The kinds of the chain, in order: every kind but ``need``.
_CHAIN_KINDS: tuple[NodeKind, ...] = tuple(kind for kind in NodeKind if kind is not NodeKind.NEED)

K = TypeVar("K")


class CostAttributionError(LogikmodellError, ValueError):
    """The model cannot be costed: it has a cycle (LM101) or over-allocated shares (LM601).

    Attributes:
        findings: the error findings that stop the attribution, in report order.
    """

    def __init__(self, findings: Iterable[Finding]) -> None:
        self.findings: tuple[Finding, ...] = tuple(findings)
        super().__init__(self.__str__())

    def __str__(self) -> str:
        head = "cannot attribute costs: the model has a cycle or over-allocated shares"
        return "\n".join([head, *(f"  {finding}" for finding in self.findings)])


# ---------------------------------------------------------------------- views
class _MoneyView(Mapping[K, Money]):
    """A read-only mapping of öre integers, handed out as :class:`Money`."""

    __slots__ = ("_currency", "_ore")

    def __init__(self, ore: Mapping[K, int], currency: str) -> None:
        self._ore = ore
        self._currency = currency

    def __getitem__(self, key: K) -> Money:
        return Money(Fraction(self._ore[key], 100), self._currency)

    def __iter__(self) -> Iterator[K]:
        return iter(self._ore)

    def __len__(self) -> int:
        return len(self._ore)

    def __repr__(self) -> str:
        items = ", ".join(f"{key!r}: {_format_ore(ore)}" for key, ore in self._ore.items())
        return f"{{{items}}}"


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

    def __iter__(self) -> Iterator[str]:
        return iter(self._attributed)

    def __len__(self) -> int:
        return len(self._attributed)

    def __repr__(self) -> str:
        return repr(dict(self))


class _YearsView(Mapping[str, Mapping[int, Money]]):
    """Per node, its cost per year index: öre vectors aligned with the model's years."""

    __slots__ = ("_currency", "_vectors", "_years")

    def __init__(
        self, vectors: Mapping[str, Sequence[int]], years: Sequence[int], currency: str
    ) -> None:
        self._vectors = vectors
        self._years = years
        self._currency = currency

    def __getitem__(self, key: str) -> Mapping[int, Money]:
        vector = self._vectors[key]
        return _MoneyView(dict(zip(self._years, vector, strict=True)), self._currency)

    def __iter__(self) -> Iterator[str]:
        return iter(self._vectors)

    def __len__(self) -> int:
        return len(self._vectors)

    def __repr__(self) -> str:
        return repr(dict(self))


class _FlowsView(Mapping[tuple[str, str], Money]):
    """What each link carried: read from the splits, gathered on first use."""

    __slots__ = ("_currency", "_ids", "_ore", "_plans", "_split")

    def __init__(
        self,
        ids: Sequence[str],
        plans: Sequence[_Plan | None],
        split: Sequence[Sequence[int] | None],
        currency: str,
    ) -> None:
        self._ids = ids
        self._plans = plans
        self._split = split
        self._currency = currency
        self._ore: dict[tuple[str, str], int] | None = None

    def _flows(self) -> dict[tuple[str, str], int]:
        if self._ore is None:
            ids = self._ids
            flows: dict[tuple[str, str], int] = {}
            for u, (plan, parts) in enumerate(zip(self._plans, self._split, strict=True)):
                if plan is None:
                    continue
                for t, part in zip(plan.targets, parts or [0] * len(plan.targets), strict=False):
                    flows[(ids[u], ids[t])] = part
            self._ore = flows
        return self._ore

    def __getitem__(self, key: tuple[str, str]) -> Money:
        return Money(Fraction(self._flows()[key], 100), self._currency)

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return iter(self._flows())

    def __len__(self) -> int:
        return len(self._flows())

    def __repr__(self) -> str:
        return repr(dict(self))


def _format_ore(ore: int) -> str:
    sign = "-" if ore < 0 else ""
    return f"{sign}{abs(ore) // 100}.{abs(ore) % 100:02d}"


# ---------------------------------------------------------------------- result
@attrs.frozen(kw_only=True)
class CostAttribution:
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
            total; the resource stage equals it.
        per_participant: ``total`` ÷ the target group's size, when it has one.
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

    def to_dict(self) -> dict[str, object]:
        """The attribution as JSON data, exactly as DESIGN §7.

        Money is a string with two decimals, rounded half away from zero.

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
        per_unit = self.per_unit
        nodes: dict[str, object] = {}
        for id, attributed in self.attributed.items():
            unit = per_unit[id]
            nodes[id] = {
                "attributed": attributed.format(),
                "upstream": self.upstream[id].format(),
                "per_unit": None if unit is None else unit.format(),
            }
        return {
            "currency": self.currency,
            "total": self.total.format(),
            "nodes": nodes,
            "unallocated": {id: money.format() for id, money in self.unallocated.items()},
            "payers": {id: money.format() for id, money in self.payers.items()},
        }


# ---------------------------------------------------------------------- splitting
def _largest_remainder(total: int, weights: Sequence[int], weight_sum: int) -> list[int]:
    """Split ``total ≥ 0`` in proportion to integer ``weights`` (summing to ``weight_sum``).

    The same largest-remainder allocation as :func:`logikmodell.model.money.allocate`
    (floors first, then one unit each to the largest remainders, ties to the earlier
    part), in integer arithmetic only: this runs once per node and year.
    """
    if total == 0 or weight_sum == 0:
        return [0] * len(weights)
    parts: list[int] = []
    remainders: list[int] = []
    for weight in weights:
        part, remainder = divmod(total * weight, weight_sum)
        parts.append(part)
        remainders.append(remainder)
    left = total - sum(parts)
    if left:
        # sorted() is stable also with reverse=True: equal remainders keep index order.
        for index in sorted(range(len(parts)), key=remainders.__getitem__, reverse=True)[:left]:
            parts[index] += 1
    return parts


def _equal_split(total: int, count: int) -> list[int]:
    """Largest-remainder split into ``count`` equal weights: the first parts get the rest."""
    part, left = divmod(total, count)
    return [part + 1] * left + [part] * (count - left)


@attrs.frozen(kw_only=True)
class _Plan:
    """How one node splits what it holds.

    ``targets`` are node indexes in target-id order. ``weights`` is None for an
    equal split, else one integer weight per target plus, when ``unallocated``, a
    last weight for the rest that stays at the node.
    """

    targets: tuple[int, ...]
    weights: tuple[int, ...] | None
    weight_sum: int
    unallocated: bool


def _plan(shares: Sequence[tuple[str, int, Fraction | None]]) -> _Plan | None:
    """The split of a node with outgoing links ``(target id, target index, share)``.

    Returns None when the shares sum to more than 1 (LM601).
    """
    ordered = sorted(shares)
    targets = tuple(index for _, index, _ in ordered)
    given = [share for _, _, share in ordered if share is not None]
    if not given:
        return _Plan(targets=targets, weights=None, weight_sum=len(targets), unallocated=False)
    given_sum = sum(given, Fraction(0))
    if given_sum > 1:
        return None
    free = len(targets) - len(given)
    rest = 1 - given_sum
    exact = [rest / free if share is None else share for _, _, share in ordered]
    unallocated = free == 0 and rest > 0
    if unallocated:
        exact.append(rest)
    denominator = lcm(*(weight.denominator for weight in exact))
    weights = tuple(int(weight * denominator) for weight in exact)
    return _Plan(targets=targets, weights=weights, weight_sum=sum(weights), unallocated=unallocated)


def _count(quantity: Quantity | None) -> Fraction | None:
    """The number of units in a count quantity (``120 person``, a bare ``120``), else None."""
    if quantity is None:
        return None
    from logikmodell.model.units import resolve_unit

    factor, dimension = resolve_unit(quantity.unit)
    if quantity.unit and not (
        len(dimension.terms) == 1
        and dimension.terms[0][1] == 1
        and dimension.terms[0][0] != "time"
        and not dimension.currencies
    ):
        return None
    value = quantity.value * factor
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
    currency = model.currency
    chain = [node for node in model.nodes if node.kind is not NodeKind.NEED]
    ids = [node.id for node in chain]
    index = {id: i for i, id in enumerate(ids)}
    size = len(chain)

    # Outgoing links per node (target id, target index, share); predecessors.
    outgoing: list[list[tuple[str, int, Fraction | None]]] = [[] for _ in range(size)]
    predecessors: list[list[int]] = [[] for _ in range(size)]
    for link in model.links:
        source = index[link.from_id]
        target = index[link.to_id]
        outgoing[source].append((link.to_id, target, link.share))
        predecessors[target].append(source)

    plans: list[_Plan | None] = [None] * size
    for i, links in enumerate(outgoing):
        if links:
            plan = _plan(links)
            if plan is None:
                raise _refusal(model)
            plans[i] = plan

    # What each resource costs, per year.
    resource_years: dict[int, dict[int, int]] = {}
    for i, node in enumerate(chain):
        if isinstance(node, Resource):
            resource_years[i] = resource_cost_by_year(node, currency)
    years = sorted({year for by_year in resource_years.values() for year in by_year})
    year_count = len(years)
    year_index = {year: j for j, year in enumerate(years)}

    amount = [0] * size
    own = [0] * size
    vectors: list[list[int] | None] = [None] * size
    for i, by_year in resource_years.items():
        cost = sum(by_year.values())
        amount[i] = own[i] = cost
        if year_count > 1:
            vector = [0] * year_count
            for year, ore in by_year.items():
                vector[year_index[year]] = ore
            vectors[i] = vector

    empty: frozenset[int] = frozenset()
    upstream_sets: list[frozenset[int]] = [empty] * size
    upstream = [0] * size
    pending = [len(links) for links in outgoing]

    unallocated: dict[int, int] = {}
    unallocated_vectors: dict[int, list[int]] = {}
    split: list[list[int] | None] = [None] * size
    indegree = [len(preds) for preds in predecessors]
    queue = [i for i in range(size) if not indegree[i]]
    for u in queue:
        # Upstream: the resources with a path here, shared with a predecessor when
        # nothing is added, so that chains cost no set operations.
        preds = predecessors[u]
        if not preds:
            reached, value = empty, 0
        elif len(preds) == 1:
            p = preds[0]
            reached, value = upstream_sets[p], upstream[p]
        else:
            best = max(preds, key=lambda p: len(upstream_sets[p]))
            reached, value = upstream_sets[best], upstream[best]
            extra: set[int] = set()
            for p in preds:
                other = upstream_sets[p]
                if other is not reached:
                    extra.update(other - reached)
            if extra:
                reached = reached | extra
                value += sum(own[r] for r in extra)
        for p in preds:
            pending[p] -= 1
            if not pending[p]:
                upstream_sets[p] = empty
        if u in resource_years and u not in reached:
            reached = reached | {u}
            value += own[u]
        upstream[u] = value
        if pending[u]:
            upstream_sets[u] = reached

        plan = plans[u]
        if plan is None:
            continue
        targets = plan.targets
        total = amount[u]
        weights = plan.weights
        if weights is None:
            parts = _equal_split(total, len(targets))
        else:
            parts = _largest_remainder(total, weights, plan.weight_sum)
        split[u] = parts
        for t, part in zip(targets, parts, strict=False):
            amount[t] += part
            indegree[t] -= 1
            if not indegree[t]:
                queue.append(t)
        if plan.unallocated:
            unallocated[u] = parts[-1]

        if year_count > 1:
            vector = vectors[u] or [0] * year_count
            left = total
            remaining = list(vector)
            shares: list[list[int]] = []
            for part in parts:
                if part == left:  # the rest of the node, and nothing for later parts
                    share, remaining = remaining, [0] * year_count
                elif part:
                    share = _largest_remainder(part, remaining, left)
                    remaining = [a - b for a, b in zip(remaining, share, strict=True)]
                else:
                    share = [0] * year_count
                left -= part
                shares.append(share)
            for t, share in zip(targets, shares, strict=False):
                current = vectors[t]
                if current is None:
                    vectors[t] = list(share)
                else:
                    vectors[t] = [a + b for a, b in zip(current, share, strict=True)]
            if plan.unallocated:
                unallocated_vectors[u] = shares[-1]

    if len(queue) < size:
        raise _refusal(model)

    return _result(
        model=model,
        chain=chain,
        amount=amount,
        upstream=upstream,
        unallocated=unallocated,
        outgoing=outgoing,
        plans=plans,
        split=split,
        resource_years=resource_years,
        years=years,
        vectors=vectors,
        unallocated_vectors=unallocated_vectors,
    )


def _result(
    *,
    model: LogicModel,
    chain: Sequence[Node],
    amount: Sequence[int],
    upstream: Sequence[int],
    unallocated: Mapping[int, int],
    outgoing: Sequence[Sequence[object]],
    plans: Sequence[_Plan | None],
    split: Sequence[Sequence[int] | None],
    resource_years: Mapping[int, Mapping[int, int]],
    years: Sequence[int],
    vectors: Sequence[Sequence[int] | None],
    unallocated_vectors: Mapping[int, Sequence[int]],
) -> CostAttribution:
    """Gather the flow's integer figures into the read-only result."""
    currency = model.currency
    ids = [node.id for node in chain]
    attributed = dict(zip(ids, amount, strict=True))
    total = sum(sum(by_year.values()) for by_year in resource_years.values())

    counts: dict[str, Fraction] = {}
    stage_ore = dict.fromkeys(_CHAIN_KINDS, 0)
    for node, ore in zip(chain, amount, strict=True):
        stage_ore[node.kind] += ore
        if isinstance(node, Output | Outcome):
            count = _count(node.quantity)
            if count is not None:
                counts[node.id] = count

    payer_ore: dict[str, int] = {}
    year_ore = dict.fromkeys(years, 0)
    for i, by_year in resource_years.items():
        resource = chain[i]
        assert isinstance(resource, Resource)
        key = resource.payer or UNASSIGNED
        payer_ore[key] = payer_ore.get(key, 0) + sum(by_year.values())
        for year, ore in by_year.items():
            year_ore[year] += ore
    order = {actor.id: n for n, actor in enumerate(model.actors)}
    payer_ore = dict(sorted(payer_ore.items(), key=lambda item: order.get(item[0], len(order))))

    # Per year: the flow carried öre vectors only when costs fall in several years.
    node_vectors: dict[str, Sequence[int]]
    unallocated_node_vectors: dict[str, Sequence[int]]
    if len(years) > 1:
        zeros = [0] * len(years)
        node_vectors = {id: vector or zeros for id, vector in zip(ids, vectors, strict=True)}
        unallocated_node_vectors = {ids[i]: unallocated_vectors[i] for i in sorted(unallocated)}
    else:
        node_vectors = {id: [ore][: len(years)] for id, ore in attributed.items()}
        unallocated_node_vectors = {
            ids[i]: [unallocated[i]][: len(years)] for i in sorted(unallocated)
        }

    size = model.target_group.size if model.target_group is not None else None
    return CostAttribution(
        currency=currency,
        total=Money(Fraction(total, 100), currency),
        attributed=_MoneyView(attributed, currency),
        upstream=_MoneyView(dict(zip(ids, upstream, strict=True)), currency),
        per_unit=_PerUnitView(attributed, counts, currency),
        unallocated=_MoneyView({ids[i]: unallocated[i] for i in sorted(unallocated)}, currency),
        terminal=frozenset(id for id, links in zip(ids, outgoing, strict=True) if not links),
        flows=_FlowsView(ids, plans, split, currency),
        payers=_MoneyView(payer_ore, currency),
        years=_MoneyView(year_ore, currency),
        by_year=_YearsView(node_vectors, years, currency),
        unallocated_by_year=_YearsView(unallocated_node_vectors, years, currency),
        stages=_MoneyView(stage_ore, currency),
        per_participant=Money(Fraction(total, 100 * size), currency) if size else None,
    )


def _refusal(model: LogicModel) -> CostAttributionError:
    """The error for a model the flow cannot run on, carrying validation's findings."""
    from logikmodell.validate import validate

    report = validate(model, select=["LM101", "LM601"])
    return CostAttributionError(report.errors)
