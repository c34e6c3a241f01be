"""Hypothesis strategies that generate logikmodell values and whole models.

Every model :func:`logic_models` generates loads without error: ids are unique,
references resolve, units reduce to the currency, and every number can be written
to YAML, JSON and TOML and read back exactly. Models need not be *valid* in the
sense of :func:`logikmodell.validation` (they may have cycles, backward links or
missing indicators), which is what a validator's tests want.

Example:
    >>> from hypothesis import given
    >>> from logikmodell.testing import strategies as lst
    >>> @given(lst.logic_models(max_nodes=5))
    ... def test_round_trip(model):
    ...     assert lst.logic_models is not None
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from fractions import Fraction

import attrs
from hypothesis import strategies as st

from logikmodell.graph import LogicModel
from logikmodell.model import (
    Activity,
    Actor,
    Actual,
    Aggregation,
    Catalogue,
    CatalogueEntry,
    Direction,
    Economics,
    Effect,
    Evidence,
    FrozenDict,
    FrozenList,
    Impact,
    Indicator,
    Link,
    LongTermOutcome,
    ModelInfo,
    Money,
    Need,
    Node,
    NodeKind,
    Observation,
    Outcome,
    Output,
    Period,
    PriceIndex,
    Quantity,
    RateBand,
    Resource,
    Risk,
    ShortTermOutcome,
    TargetGroup,
    Transfer,
    Valuation,
    ValueType,
)
from logikmodell.model.nodes import RANGED_OUTCOME_FIELDS, RANGED_RESOURCE_FIELDS
from logikmodell.model.transfers import RANGED_TRANSFER_FIELDS

__all__ = [
    "actors",
    "catalogue_entries",
    "catalogues",
    "decimals",
    "fractions",
    "ids",
    "indicators",
    "labels",
    "links",
    "logic_models",
    "metadata",
    "money",
    "nodes",
    "price_indices",
    "quantities",
    "transfers",
]

_ID_ALPHABET = "abcdefghijklmnopqrstuvwxyzåäöABCÅÄÖ0123456789_-."
_COUNT_UNITS = ("person", "participant", "session", "visit", "placement", "fte", "piece")
# (quantity unit, unit cost unit) pairs whose product is an amount in the currency.
_COST_PAIRS = (
    ("hour", "{c}/hour"),
    ("year", "k{c}/year"),
    ("month", "{c}/year"),
    ("day", "{c}/day"),
    ("person", "{c}/person"),
    ("fte", "k{c}/fte"),
    ("", "{c}"),
)


def _check_bounds(name: str, low: int, high: int) -> None:
    if low < 0 or high < low:
        raise ValueError(f"{name}: expected 0 ≤ min ≤ max, got {low} and {high}")


def ids(*, prefix: str = "") -> st.SearchStrategy[str]:
    """Ids of the file format: letters of any script, digits, ``_``, ``-``, ``.``."""
    return st.text(_ID_ALPHABET, min_size=1, max_size=12).map(lambda s: (prefix + s)[:100])


def labels() -> st.SearchStrategy[str]:
    """Non-empty labels of any printable text, including å, ä, ö and quotes."""
    return st.text(
        st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30
    ).filter(lambda s: bool(s.strip()))


def decimals(
    *, max_value: int = 10**9, places: int = 2, min_value: int = 0
) -> st.SearchStrategy[Fraction]:
    """Exact decimal numbers with at most ``places`` decimals in ``[min_value, max_value]``."""
    if places < 0:
        raise ValueError(f"places: expected ≥ 0, got {places}")
    scale = 10**places
    return st.integers(min_value * scale, max_value * scale).map(lambda n: Fraction(n, scale))


def fractions() -> st.SearchStrategy[Fraction]:
    """Fractions in [0, 1] with at most three decimals (shares, deadweight …)."""
    return st.integers(0, 1000).map(lambda n: Fraction(n, 1000))


def quantities(
    *, units: Sequence[str] = _COUNT_UNITS, max_value: int = 10**6
) -> st.SearchStrategy[Quantity]:
    """Quantities with one of ``units`` (count units by default)."""
    if not units:
        raise ValueError("units: expected at least one unit")
    return st.builds(
        lambda value, unit: Quantity(value=value, unit=unit),
        decimals(max_value=max_value),
        st.sampled_from(list(units)),
    )


def money(*, currency: str = "SEK", max_value: int = 10**9) -> st.SearchStrategy[Money]:
    """Exact amounts of money, in whole öre, from 0 to ``max_value``."""
    return decimals(max_value=max_value).map(lambda amount: Money(amount, currency))


def _cost_quantity(currency: str) -> st.SearchStrategy[Quantity]:
    return st.builds(
        lambda value, prefix: Quantity(value=value, unit=f"{prefix}{currency}"),
        decimals(max_value=10**7),
        st.sampled_from(["", "k", "M"]),
    )


@st.composite
def _schedule(draw: st.DrawFn) -> dict[int, Fraction]:
    years = draw(st.lists(st.integers(0, 12), min_size=1, max_size=4, unique=True))
    cuts = sorted(
        draw(st.lists(st.integers(0, 100), min_size=len(years) - 1, max_size=len(years) - 1))
    )
    bounds = [0, *cuts, 100]
    return {year: Fraction(bounds[i + 1] - bounds[i], 100) for i, year in enumerate(sorted(years))}


@st.composite
def _resource(
    draw: st.DrawFn, id: str, label: str, payers: Sequence[str], currency: str
) -> Resource:
    form = draw(st.sampled_from(["none", "cost", "unit"]))
    fields: dict[str, object] = {}
    if form == "cost":
        fields["cost"] = draw(_cost_quantity(currency))
    elif form == "unit":
        quantity_unit, cost_unit = draw(st.sampled_from(_COST_PAIRS))
        fields["quantity"] = Quantity(value=draw(decimals(max_value=5000)), unit=quantity_unit)
        fields["unit_cost"] = Quantity(
            value=draw(decimals(max_value=10**6)), unit=cost_unit.format(c=currency)
        )
    wants_payer: bool = draw(st.booleans())
    if payers and wants_payer:
        fields["payer"] = draw(st.sampled_from(list(payers)))
    timing = draw(st.sampled_from(["default", "year", "schedule"]))
    if timing == "year":
        fields["year"] = draw(st.integers(0, 12))
    elif timing == "schedule":
        fields["schedule"] = draw(_schedule())
    _add_ranges(draw, fields, RANGED_RESOURCE_FIELDS)
    years = draw(st.lists(st.integers(0, 12), max_size=3, unique=True))
    if years:
        fields["actuals"] = tuple(
            Actual(year=year, amount=draw(_cost_quantity(currency))) for year in sorted(years)
        )
    fields["fixed"] = draw(st.booleans())
    return Resource(id=id, label=label, **fields)  # type: ignore[arg-type]


def _range_of(draw: st.DrawFn, value: object) -> tuple[object, object]:
    """A low and a high around ``value``: same unit, low ≤ value ≤ high, in bounds."""
    below = Fraction(draw(st.integers(0, 100)), 100)
    if isinstance(value, Quantity):
        high = value.value + draw(decimals(max_value=1000))
        return (
            Quantity(value=value.value * below, unit=value.unit),
            Quantity(value=high, unit=value.unit),
        )
    assert isinstance(value, Fraction)
    above = Fraction(draw(st.integers(0, 100)), 100)
    return value * below, value + (1 - value) * above


def _add_ranges(draw: st.DrawFn, fields: dict[str, object], names: Sequence[str]) -> None:
    """Sometimes give fields a sensitivity range (``<name>_low``/``<name>_high``)."""
    for name in names:
        value = fields.get(name)
        if value is None or not draw(st.booleans()):
            continue
        low, high = _range_of(draw, value)
        if draw(st.booleans()):
            fields[f"{name}_low"] = low
        if draw(st.booleans()):
            fields[f"{name}_high"] = high


@st.composite
def _outcome(
    draw: st.DrawFn,
    cls: type[Outcome],
    id: str,
    label: str,
    actor_ids: Sequence[str],
    need_ids: Sequence[str],
    currency: str,
) -> Outcome:
    unit = draw(st.sampled_from(_COUNT_UNITS))
    fields: dict[str, object] = {
        "direction": draw(st.none() | st.sampled_from(Direction)),
        "deadweight": draw(fractions()),
        "attribution": draw(fractions()),
        "displacement": draw(fractions()),
        "drop_off": draw(fractions()),
        "start_year": draw(st.integers(0, 5)),
        "duration_years": draw(st.integers(1, 8)),
    }
    if need_ids:
        fields["addresses"] = tuple(
            draw(st.lists(st.sampled_from(list(need_ids)), max_size=2, unique=True))
        )
    if draw(st.booleans()):
        fields["quantity"] = Quantity(value=draw(decimals(max_value=1000)), unit=unit)
    wants_values: bool = draw(st.booleans())
    if actor_ids and wants_values:
        fields["values"] = tuple(
            _valuation(draw, actor, f"{currency}/{unit}/year")
            for actor in draw(st.lists(st.sampled_from(list(actor_ids)), max_size=3, unique=True))
        )
    _add_ranges(draw, fields, RANGED_OUTCOME_FIELDS)
    return cls(id=id, label=label, **fields)  # type: ignore[arg-type]


def _valuation(draw: st.DrawFn, actor: str, unit: str) -> Valuation:
    fields: dict[str, object] = {
        "amount": Quantity(value=draw(decimals(max_value=10**6)), unit=unit),
        "label": draw(st.none() | labels()),
        "type": draw(st.sampled_from(ValueType)),
    }
    _add_ranges(draw, fields, ("amount",))
    return Valuation(actor=actor, **fields)  # type: ignore[arg-type]


@st.composite
def _transfer(
    draw: st.DrawFn,
    id: str,
    actor_ids: Sequence[str],
    outcomes: Sequence[Outcome],
    currency: str,
) -> Transfer:
    payer, payee = draw(st.permutations(list(actor_ids)))[:2]
    fields: dict[str, object] = {"label": draw(labels())}
    paying = [o for o in outcomes if o.quantity is not None]
    by_rate: bool = draw(st.booleans())
    if paying and by_rate:
        outcome = draw(st.sampled_from(paying))
        assert outcome.quantity is not None
        unit = f"{currency}/{outcome.quantity.unit}" if outcome.quantity.unit else currency
        fields["rate"] = Quantity(value=draw(decimals(max_value=10**5)), unit=unit)
        fields["outcome"] = outcome.id
    else:
        unit = draw(st.sampled_from([currency, f"k{currency}"]))
        fields["amount"] = Quantity(value=draw(decimals(max_value=10**6)), unit=unit)
        if draw(st.booleans()):
            fields["schedule"] = draw(_schedule())
        else:
            fields["year"] = draw(st.none() | st.integers(0, 12))
    _add_ranges(draw, fields, RANGED_TRANSFER_FIELDS)
    return Transfer(id=id, from_actor=payer, to_actor=payee, **fields)  # type: ignore[arg-type]


def transfers(
    actor_ids: Sequence[str],
    outcomes: Sequence[Outcome] = (),
    *,
    currency: str = "SEK",
    id_prefix: str = "t",
) -> st.SearchStrategy[Transfer]:
    """Transfers between two of ``actor_ids``: a fixed amount, or a rate on one of
    ``outcomes`` that has a quantity.

    Raises:
        ValueError: fewer than two actors.
    """
    if len(actor_ids) < 2:
        raise ValueError("actor_ids: a transfer needs at least two actors")
    return ids(prefix=id_prefix).flatmap(
        lambda id: _transfer(id, list(actor_ids), list(outcomes), currency)
    )


def _transfer_list(
    draw: st.DrawFn, actor_ids: Sequence[str], nodes: Sequence[Node], currency: str
) -> list[Transfer]:
    if len(actor_ids) < 2:
        return []
    outcomes = [node for node in nodes if isinstance(node, Outcome)]
    count = draw(st.integers(0, 3))
    return [draw(_transfer(f"t{index}", actor_ids, outcomes, currency)) for index in range(count)]


_SIMPLE: dict[NodeKind, type[Node]] = {NodeKind.NEED: Need, NodeKind.ACTIVITY: Activity}
_OUTCOMES: dict[NodeKind, type[Outcome]] = {
    NodeKind.SHORT_TERM_OUTCOME: ShortTermOutcome,
    NodeKind.LONG_TERM_OUTCOME: LongTermOutcome,
    NodeKind.IMPACT: Impact,
}


@st.composite
def _node(
    draw: st.DrawFn,
    kind: NodeKind,
    id: str,
    actor_ids: Sequence[str],
    need_ids: Sequence[str],
    currency: str,
) -> Node:
    label = draw(labels())
    if kind is NodeKind.RESOURCE:
        return draw(_resource(id, label, actor_ids, currency))
    if kind is NodeKind.OUTPUT:
        quantity = draw(st.none() | quantities())
        return Output(id=id, label=label, quantity=quantity)
    if kind in _OUTCOMES:
        return draw(_outcome(_OUTCOMES[kind], id, label, actor_ids, need_ids, currency))
    return _SIMPLE[kind](id=id, label=label, metadata=draw(_METADATA))


def nodes(
    *, kinds: Sequence[NodeKind] | None = None, currency: str = "SEK"
) -> st.SearchStrategy[Node]:
    """Single nodes that need no actors or needs (no payer, values or addresses)."""
    chosen = list(kinds) if kinds is not None else list(NodeKind)
    if not chosen:
        raise ValueError("kinds: expected at least one kind")
    return st.builds(lambda kind, id: (kind, id), st.sampled_from(chosen), ids()).flatmap(
        lambda pair: _node(pair[0], pair[1], (), (), currency)
    )


def links(from_ids: Sequence[str], to_ids: Sequence[str]) -> st.SearchStrategy[Link]:
    """Links between the given ids, with any effect, share and evidence."""
    if not from_ids or not to_ids:
        raise ValueError("links: expected at least one id at each end")
    return st.builds(
        Link,
        from_id=st.sampled_from(list(from_ids)),
        to_id=st.sampled_from(list(to_ids)),
        effect=st.sampled_from(Effect),
        share=st.none() | fractions(),
        evidence=st.none() | st.sampled_from(Evidence),
        source=st.none() | labels(),
        metadata=_METADATA,
    )


def _dates() -> st.SearchStrategy[dt.date]:
    return st.dates(dt.date(2000, 1, 1), dt.date(2060, 12, 31))


def _observations() -> st.SearchStrategy[Observation]:
    return st.builds(
        Observation,
        value=decimals(max_value=10**6, min_value=-(10**6)),
        date=st.none() | _dates(),
    )


def indicators(
    measured_ids: Sequence[str], *, id_prefix: str = "i"
) -> st.SearchStrategy[Indicator]:
    """Indicators of the given nodes, with baselines, targets and measurements."""
    if not measured_ids:
        raise ValueError("indicators: expected at least one measured id")
    return st.builds(
        Indicator,
        id=ids(prefix=id_prefix),
        measures=st.sampled_from(list(measured_ids)),
        label=labels(),
        unit=st.none() | st.sampled_from(["percent", "person", "piece"]),
        direction=st.none() | st.sampled_from(Direction),
        baseline=st.none() | _observations(),
        target=st.none() | _observations(),
        source=st.none() | labels(),
        frequency=st.none() | st.sampled_from(["month", "quarter", "year"]),
        measurements=st.lists(_observations(), max_size=3).map(tuple),
        comparison_baseline=st.none() | _observations(),
        comparison_measurements=st.lists(_observations(), max_size=3).map(tuple),
        aggregation=st.sampled_from(Aggregation),
    )


def actors(*, id_prefix: str = "a") -> st.SearchStrategy[Actor]:
    """Actors with any label and level."""
    return st.builds(
        Actor,
        id=ids(prefix=id_prefix),
        label=labels(),
        level=st.none() | st.sampled_from(["kommun", "region", "stat", "individ"]),
        metadata=_METADATA,
    )


_JSON_LEAVES = (
    st.booleans()
    | st.integers(-(10**12), 10**12)
    | st.floats(allow_nan=False, allow_infinity=False, width=64)
    | st.text(max_size=10)
)


def _sorted_frozen(items: Mapping[str, object]) -> FrozenDict[str, object]:
    return FrozenDict(sorted(items.items()))


_METADATA = st.dictionaries(
    st.text(min_size=1, max_size=8),
    st.recursive(
        _JSON_LEAVES,
        lambda inner: (
            st.lists(inner, max_size=3).map(FrozenList)
            | st.dictionaries(st.text(min_size=1, max_size=5), inner, max_size=3).map(
                _sorted_frozen
            )
        ),
        max_leaves=6,
    ),
    max_size=3,
).map(_sorted_frozen)


def metadata() -> st.SearchStrategy[FrozenDict[str, object]]:
    """Read-only metadata that every format writes and reads back exactly.

    Text keys, and values that are booleans, integers, finite floats, text, and
    lists and mappings of them (as :class:`~logikmodell.model.FrozenList` and
    :class:`~logikmodell.model.FrozenDict`, keys sorted as a model keeps them).
    """
    return _METADATA


def _unique(prefix: str, raw: Sequence[str]) -> list[str]:
    # Unique across the whole model because each collection has its own prefix, and
    # within it because the index ends at the first "." (so "n1" + "0" ≠ "n10" + "").
    return [f"{prefix}{i}.{r}"[:100] for i, r in enumerate(raw)]


@st.composite
def _economics(draw: st.DrawFn) -> Economics:
    if draw(st.booleans()):
        rate: Fraction | tuple[RateBand, ...] = draw(
            st.integers(0, 999).map(lambda n: Fraction(n, 10000))
        )
    else:
        starts = sorted(draw(st.lists(st.integers(1, 80), max_size=3, unique=True)))
        rate = tuple(
            RateBand(from_year=start, rate=Fraction(draw(st.integers(0, 999)), 10000))
            for start in [0, *starts]
        )
    fields: dict[str, object] = {"discount_rate": rate}
    if draw(st.booleans()):
        fields["optimism_bias"] = Fraction(draw(st.integers(0, 100)), 100)
        _add_ranges(draw, fields, ("optimism_bias",))
    if isinstance(rate, Fraction):
        _add_ranges(draw, fields, ("discount_rate",))
        # A rate lies in [0, 1): keep the high side below 1.
        if fields.get("discount_rate_high") == 1:
            fields["discount_rate_high"] = Fraction(999, 1000)
    return Economics(horizon_years=draw(st.integers(0, 40)), **fields)


@st.composite
def _info(draw: st.DrawFn, currency: str) -> ModelInfo:
    period = None
    if draw(st.booleans()):
        start = draw(_dates())
        period = Period(start=start, end=start + dt.timedelta(days=draw(st.integers(0, 3650))))
    target_group = None
    if draw(st.booleans()):
        target_group = TargetGroup(
            label=draw(labels()), size=draw(st.none() | st.integers(0, 10**6))
        )
    return ModelInfo(
        title=draw(labels()),
        id=draw(st.none() | ids()),
        description=draw(st.none() | st.text(max_size=40)),
        owner=draw(st.none() | labels()),
        period=period,
        currency=currency,
        price_year=draw(st.none() | st.integers(2000, 2060)),
        target_group=target_group,
        comparison=draw(st.none() | labels()),
        economics=draw(_economics()),
        metadata=draw(_METADATA),
    )


def logic_models(
    *,
    valid: bool = False,
    min_nodes: int = 0,
    max_nodes: int = 12,
    kinds: Sequence[NodeKind] | None = None,
    currency: str = "SEK",
    max_links: int | None = None,
) -> st.SearchStrategy[LogicModel]:
    """Whole models that load without error.

    Args:
        valid: only models without error findings: a forward chain in which every
            activity reaches a goal and every goal is reached, directions agree on
            every link, shares never over-allocate, indicators' targets follow
            their direction. With ``valid=False`` (the default), any shape the
            format allows: links may go backwards or form cycles, shares may
            over-allocate.
        min_nodes, max_nodes: bounds on the number of nodes (a valid model has at
            least two: an activity and a goal).
        kinds: the node kinds to draw from (all by default; not with ``valid``).
        currency: the model currency.
        max_links: bound on the number of links (default: twice the nodes; not
            with ``valid``).

    Raises:
        ValueError: the options contradict each other.
    """
    _check_bounds("nodes", min_nodes, max_nodes)
    if valid:
        if kinds is not None or max_links is not None:
            raise ValueError("valid=True chooses its own kinds and links")
        if max_nodes < 2:
            raise ValueError("a valid model has at least two nodes: an activity and a goal")
        return _valid_models(max(min_nodes, 2), max_nodes, currency)
    chosen = list(kinds) if kinds is not None else list(NodeKind)
    if not chosen:
        raise ValueError("kinds: expected at least one kind")
    return _any_models(min_nodes, max_nodes, chosen, currency, max_links)


@st.composite
def _any_models(
    draw: st.DrawFn,
    min_nodes: int,
    max_nodes: int,
    chosen: list[NodeKind],
    currency: str,
    max_links: int | None,
) -> LogicModel:
    info = draw(_info(currency))
    actor_ids = _unique("a", draw(st.lists(st.text(_ID_ALPHABET, max_size=4), max_size=3)))
    actor_list = [
        Actor(
            id=id, label=draw(labels()), level=draw(st.none() | st.sampled_from(["kommun", "stat"]))
        )
        for id in actor_ids
    ]
    node_kinds = draw(st.lists(st.sampled_from(chosen), min_size=min_nodes, max_size=max_nodes))
    node_kinds.sort(key=lambda kind: kind is not NodeKind.NEED)  # needs first, for addresses
    node_ids = _unique(
        "n",
        draw(
            st.lists(
                st.text(_ID_ALPHABET, max_size=4),
                min_size=len(node_kinds),
                max_size=len(node_kinds),
            )
        ),
    )
    need_ids = [id for id, kind in zip(node_ids, node_kinds, strict=True) if kind is NodeKind.NEED]
    node_list = [
        draw(_node(kind, id, actor_ids, need_ids, currency))
        for kind, id in zip(node_kinds, node_ids, strict=True)
    ]
    node_list = draw(st.permutations(node_list))
    chain = [node.id for node in node_list if node.kind is not NodeKind.NEED]
    link_list: list[Link] = []
    if chain:
        limit = 2 * len(chain) if max_links is None else max_links
        raw_links = draw(
            st.lists(links(chain, chain), max_size=limit, unique_by=lambda link: link.key)
        )
        link_list = [link for link in raw_links if link.from_id != link.to_id]
    indicator_list: list[Indicator] = []
    risk_list: list[Risk] = []
    all_ids = [node.id for node in node_list]
    if all_ids:
        raw = draw(st.lists(indicators(all_ids), max_size=4))
        indicator_list = [
            attrs.evolve(ind, id=f"i{index}{ind.id}"[:100]) for index, ind in enumerate(raw)
        ]
        for index in range(draw(st.integers(0, 3))):
            risk_list.append(
                Risk(
                    id=f"r{index}",
                    label=draw(labels()),
                    threatens=tuple(
                        draw(st.lists(st.sampled_from(all_ids), max_size=2, unique=True))
                    ),
                    likelihood=draw(st.integers(1, 5)),
                    consequence=draw(st.integers(1, 5)),
                    mitigation=draw(st.none() | labels()),
                    owner=draw(st.none() | st.sampled_from(actor_ids)) if actor_ids else None,
                )
            )
    return LogicModel(
        info,
        actors=actor_list,
        nodes=node_list,
        links=link_list,
        indicators=indicator_list,
        risks=risk_list,
        transfers=_transfer_list(draw, actor_ids, node_list, currency),
    )


_CHAIN = [kind for kind in NodeKind if kind is not NodeKind.NEED]


def _sign(node: Node) -> int:
    direction = getattr(node, "direction", None)
    return direction.sign if isinstance(direction, Direction) else 1


@st.composite
def _valid_models(draw: st.DrawFn, min_nodes: int, max_nodes: int, currency: str) -> LogicModel:
    info = draw(_info(currency))
    actor_ids = [f"a{i}" for i in range(draw(st.integers(0, 3)))]
    actor_list = [Actor(id=id, label=draw(labels())) for id in actor_ids]
    count = draw(st.integers(min_nodes, max_nodes))
    goal_kind = draw(st.sampled_from([NodeKind.LONG_TERM_OUTCOME, NodeKind.IMPACT]))
    extra = draw(
        st.lists(st.sampled_from([*_CHAIN, NodeKind.NEED]), min_size=count - 2, max_size=count - 2)
    )
    kinds = sorted([NodeKind.ACTIVITY, goal_kind, *extra], key=lambda kind: kind.stage)
    ids = [f"v{index}" for index in range(len(kinds))]
    need_ids = [id for id, kind in zip(ids, kinds, strict=True) if kind is NodeKind.NEED]
    nodes: list[Node] = []
    for kind, id in zip(kinds, ids, strict=True):
        node = draw(_node(kind, id, actor_ids, need_ids, currency))
        if isinstance(node, Outcome):
            node = attrs.evolve(node, direction=draw(st.sampled_from(Direction)))
        nodes.append(node)
    by_id = {node.id: node for node in nodes}
    activities = [n.id for n in nodes if n.kind is NodeKind.ACTIVITY]
    link_list: list[Link] = []
    keys: set[tuple[str, str]] = set()

    def add(source: str, target: str) -> None:
        if (source, target) in keys:
            return
        keys.add((source, target))
        sign = _sign(by_id[source]) * _sign(by_id[target])
        evidence = draw(st.none() | st.sampled_from(Evidence))
        effect = Effect.INCREASES if sign > 0 else Effect.DECREASES
        link_list.append(Link(from_id=source, to_id=target, effect=effect, evidence=evidence))

    for node in nodes:
        if node.kind is NodeKind.RESOURCE:
            target = draw(st.sampled_from(activities))
            keys.add((node.id, target))
            share = draw(st.sampled_from([None, Fraction(1)]))
            link_list.append(Link(from_id=node.id, to_id=target, share=share))
        elif node.kind.stage > NodeKind.ACTIVITY.stage:
            # Reached from an activity: every earlier node was, by induction.
            earlier = [
                n.id for n in nodes if NodeKind.ACTIVITY.stage <= n.kind.stage < node.kind.stage
            ]
            for source in draw(
                st.lists(st.sampled_from(earlier), min_size=1, max_size=2, unique=True)
            ):
                add(source, node.id)
    goals = [n.id for n in nodes if n.kind.is_goal]
    for node in nodes:
        leads_on = any(key[0] == node.id for key in keys)
        if NodeKind.ACTIVITY.stage <= node.kind.stage and not node.kind.is_goal and not leads_on:
            later = [g for g in goals if by_id[g].kind.stage > node.kind.stage]
            add(node.id, draw(st.sampled_from(later)))
    indicator_list = []
    for index, node in enumerate(n for n in nodes if n.kind.stage >= NodeKind.ACTIVITY.stage):
        if not draw(st.booleans()):
            continue
        base = draw(decimals(max_value=1000))
        step = draw(decimals(max_value=100))
        start = draw(_dates())
        indicator_list.append(
            Indicator(
                id=f"i{index}",
                measures=node.id,
                label=draw(labels()),
                baseline=Observation(value=base, date=start),
                target=Observation(
                    value=base + _sign(node) * step,
                    date=start + dt.timedelta(days=draw(st.integers(1, 2000))),
                ),
                source=draw(st.none() | labels()),
            )
        )
    return LogicModel(
        info,
        actors=actor_list,
        nodes=nodes,
        links=link_list,
        indicators=indicator_list,
        transfers=_transfer_list(draw, actor_ids, nodes, currency),
    )


# ---------------------------------------------------------------------- catalogues
_ENTRY_UNITS = ("{c}/day", "{c}/month", "k{c}/year", "{c}/person/year", "{c}/placement", "{c}")
_ACTOR_LEVELS = ("kommun", "region", "stat", "individ", "other")


def price_indices(
    *,
    id: str = "pkv",
    years: Sequence[int] = tuple(range(2015, 2031)),
    values: st.SearchStrategy[Fraction] | None = None,
) -> st.SearchStrategy[PriceIndex]:
    """Price indices with a value for some of ``years`` (all of them at least once).

    Args:
        id: the index id.
        years: the years an index value may be given for.
        values: the index values (default: 50 to 300 with one decimal).
    """
    if not years:
        raise ValueError("years: expected at least one year")
    chosen = values if values is not None else decimals(min_value=50, max_value=300, places=1)
    return st.builds(
        lambda label, mapping: PriceIndex(id=id, label=label, values=mapping),
        labels(),
        st.dictionaries(st.sampled_from(list(years)), chosen.filter(lambda v: v > 0), min_size=1),
    )


@st.composite
def _entry(
    draw: st.DrawFn, id: str, index_ids: Sequence[str], currency: str, years: Sequence[int]
) -> CatalogueEntry:
    return CatalogueEntry(
        id=id,
        label=draw(labels()),
        amount=Quantity(
            value=draw(decimals(max_value=10**6)),
            unit=draw(st.sampled_from(_ENTRY_UNITS)).format(c=currency),
        ),
        price_year=draw(st.sampled_from(list(years))),
        index=draw(st.none() | st.sampled_from(list(index_ids))) if index_ids else None,
        actor_level=draw(st.none() | st.sampled_from(_ACTOR_LEVELS)),
        value_type=draw(st.none() | st.sampled_from(("fiscal", "economic", "social"))),
        confidence=draw(st.none() | st.sampled_from(("high", "medium", "low"))),
        source=draw(st.none() | labels()),
        includes_overhead=draw(st.none() | st.booleans()),
    )


def catalogue_entries(
    *,
    id: str = "e",
    index_ids: Sequence[str] = (),
    currency: str = "SEK",
    years: Sequence[int] = tuple(range(2015, 2031)),
) -> st.SearchStrategy[CatalogueEntry]:
    """Catalogue entries: money per unit in ``currency``, in one of ``years``' prices,
    moved by one of ``index_ids`` or by none."""
    if not years:
        raise ValueError("years: expected at least one year")
    return _entry(id, list(index_ids), currency, list(years))


@st.composite
def _catalogues(
    draw: st.DrawFn,
    currency: str,
    min_entries: int,
    max_entries: int,
    years: Sequence[int],
    values: st.SearchStrategy[Fraction] | None,
) -> Catalogue:
    index_ids = draw(st.lists(st.sampled_from(["pkv", "kpi", "lon"]), unique=True, max_size=2))
    indices = [draw(price_indices(id=i, years=years, values=values)) for i in index_ids]
    count = draw(st.integers(min_entries, max_entries))
    entries = [draw(_entry(f"e{n}", index_ids, currency, years)) for n in range(count)]
    return Catalogue(
        title=draw(labels()),
        currency=currency,
        indices=tuple(indices),
        entries=tuple(entries),
        metadata=draw(_METADATA),
    )


def catalogues(
    *,
    currency: str = "SEK",
    min_entries: int = 0,
    max_entries: int = 8,
    years: Sequence[int] = tuple(range(2015, 2031)),
    index_values: st.SearchStrategy[Fraction] | None = None,
) -> st.SearchStrategy[Catalogue]:
    """Whole unit-cost catalogues that load without error (entries ``e0``, ``e1`` …).

    Args:
        currency: the catalogue's currency.
        min_entries, max_entries: bounds on the number of entries.
        years: the price years of entries and indices.
        index_values: the strategy of index values (default: 50 to 300, one decimal).

    Raises:
        ValueError: the bounds contradict each other, or no years.
    """
    _check_bounds("entries", min_entries, max_entries)
    if not years:
        raise ValueError("years: expected at least one year")
    return _catalogues(currency, min_entries, max_entries, list(years), index_values)
