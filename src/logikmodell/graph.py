"""LogicModel: the container that holds a logic model's parts and their links."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

import attrs

from logikmodell._arguments import check_type
from logikmodell._text import with_article
from logikmodell.errors import (
    DuplicateIdError,
    InvalidValueError,
    LogikmodellError,
    UnknownIdError,
)
from logikmodell.model.elements import Actor, Economics, Indicator, Link, Period, Risk, TargetGroup
from logikmodell.model.enums import NodeKind
from logikmodell.model.frozen import FrozenDict
from logikmodell.model.header import ModelInfo
from logikmodell.model.nodes import Need, Node, Outcome, Resource
from logikmodell.model.transfers import Transfer
from logikmodell.model.units import check_node_units, check_realised_from, check_transfer_units
from logikmodell.positions import Positions

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["LogicModel", "PartProblem"]

#: A part that could not be added while building: its path (``$.nodes[3]``) and why.
PartProblem = tuple[str, LogikmodellError]

N = TypeVar("N", bound=Node)


class LogicModel:
    """A logic model: nodes of the chain, the links between them, and what surrounds them.

    The model is edited only through its own methods, each of which checks what it
    adds (unknown and duplicate ids, units and currency) and raises an error naming
    the offence; the parts themselves are frozen values. Iteration follows the order
    in which parts were added, so the same model always dumps to the same bytes.

    Two models are equal when their header and their parts, in order, are equal,
    however they were made (in code or loaded from any format). Where the parts
    stood in a loaded text (:attr:`positions`) takes no part in equality.

    Example:
        >>> from logikmodell.model import Activity, Resource
        >>> m = LogicModel(title="Mentorskap")
        >>> m.add_node(Resource(id="mentor", label="Mentor", cost="620 000 SEK"))
        >>> m.add_node(Activity(id="mentorskap", label="Mentorskap"))
        >>> m.link("mentor", "mentorskap")
        >>> [n.id for n in m.successors("mentor")]
        ['mentorskap']
    """

    __slots__ = (
        "_actors",
        "_ids",
        "_indicators",
        "_info",
        "_links",
        "_nodes",
        "_positions",
        "_pred",
        "_risks",
        "_succ",
        "_transfers",
    )
    __hash__ = None  # type: ignore[assignment]

    def __init__(
        self,
        info: ModelInfo | None = None,
        *,
        title: str | None = None,
        actors: Iterable[Actor] = (),
        nodes: Iterable[Node] = (),
        links: Iterable[Link] = (),
        indicators: Iterable[Indicator] = (),
        risks: Iterable[Risk] = (),
        transfers: Iterable[Transfer] = (),
        **header: Any,
    ) -> None:
        """Make a model from a header and its parts.

        Args:
            info: the header; or give ``title`` and header fields (``currency``,
                ``owner``, ``period`` …) as keywords.
            actors, nodes, links, indicators, risks, transfers: the parts, added in
                that order.

        Raises:
            LogikmodellError: the first problem with a part (a duplicate or unknown
                id, a unit of the wrong dimension …).
        """
        if info is None:
            if title is None:
                raise InvalidValueError("title", "a model needs a title")
            info = ModelInfo(title=title, **header)
        elif title is not None or header:
            raise TypeError("give either info or header keywords, not both")
        check_type("LogicModel()", "info", info, ModelInfo)
        self._info = info
        self._positions: Positions | None = None
        self._ids: dict[str, str] = {}
        self._nodes: dict[str, Node] = {}
        self._links: dict[tuple[str, str], Link] = {}
        self._indicators: dict[str, Indicator] = {}
        self._risks: dict[str, Risk] = {}
        self._actors: dict[str, Actor] = {}
        self._transfers: dict[str, Transfer] = {}
        # Adjacency in the order links were added: node id -> neighbour id -> link.
        self._succ: dict[str, dict[str, Link]] = {}
        self._pred: dict[str, dict[str, Link]] = {}
        problems = self._fill(actors, nodes, links, indicators, risks, transfers)
        if problems:
            raise problems[0][1]

    # ------------------------------------------------------------------ building
    def _fill(
        self,
        actors: Iterable[Actor],
        nodes: Iterable[Node],
        links: Iterable[Link],
        indicators: Iterable[Indicator],
        risks: Iterable[Risk],
        transfers: Iterable[Transfer] = (),
    ) -> list[PartProblem]:
        """Add every part, collecting each problem with its path instead of stopping."""
        problems: list[PartProblem] = []

        def each(name: str, items: Iterable[Any], add: Callable[[Any], None]) -> None:
            for index, item in enumerate(items):
                try:
                    add(item)
                except LogikmodellError as exc:
                    problems.append((f"$.{name}[{index}]", exc))

        each("actors", actors, self.add_actor)
        node_list = list(nodes)
        each("nodes", node_list, lambda n: self._add_node(n, refs=False))
        each("nodes", node_list, self._check_node_refs)
        each("links", links, self.add_link)
        each("indicators", indicators, self.add_indicator)
        each("nodes", node_list, self._check_realised_from)
        each("risks", risks, self.add_risk)
        each("transfers", transfers, self.add_transfer)
        return problems

    @classmethod
    def build(
        cls,
        info: ModelInfo,
        *,
        actors: Iterable[Actor] = (),
        nodes: Iterable[Node] = (),
        links: Iterable[Link] = (),
        indicators: Iterable[Indicator] = (),
        risks: Iterable[Risk] = (),
        transfers: Iterable[Transfer] = (),
    ) -> tuple[LogicModel, list[PartProblem]]:
        """Build a model from its parts, collecting every problem instead of stopping.

        Parts are added as by the constructor (actors, nodes, links, indicators,
        risks, transfers, each in order; a goal may address a need listed after it). A part
        that breaks a rule is left out and reported; the rest are added.

        Returns:
            The model of every part that could be added, and one
            ``(path, error)`` per part left out, in order: ``("$.links[2]",
            UnknownIdError(...))``. The error's ``field``, where it has one, says
            which field of the part is wrong.

        Example:
            >>> from logikmodell.model import Activity, Link
            >>> model, problems = LogicModel.build(
            ...     ModelInfo(title="T"),
            ...     nodes=[Activity(id="a", label="A")],
            ...     links=[Link(from_id="a", to_id="x")],
            ... )
            >>> len(model), [(path, str(exc)) for path, exc in problems]
            (1, [('$.links[0]', "to: unknown node id 'x'")])
        """
        model = cls(info)
        return model, model._fill(actors, nodes, links, indicators, risks, transfers)

    def _claim(self, id: str, what: str) -> None:
        first = self._ids.get(id)
        if first is not None:
            raise DuplicateIdError(id, first, what)

    def add_actor(self, actor: Actor) -> None:
        """Add an actor.

        Raises:
            DuplicateIdError: the id is taken.
        """
        check_type("LogicModel.add_actor()", "actor", actor, Actor)
        self._claim(actor.id, "actor")
        self._ids[actor.id] = "actor"
        self._actors[actor.id] = actor

    def add_node(self, node: Node) -> None:
        """Add a node; the actors and needs it names must be there already.

        Raises:
            DuplicateIdError: the id is taken.
            UnknownIdError: its payer, a valuation's actor or a need it addresses is
                unknown.
            UnitError: a quantity has an unknown unit or the wrong dimension.
            TypeError: ``node`` is not a :class:`~logikmodell.model.Node`.
        """
        self._add_node(node, refs=True)

    def _add_node(self, node: Node, *, refs: bool) -> None:
        check_type("LogicModel.add_node()", "node", node, Node)
        self._claim(node.id, "node")
        self._check_units(node)
        if refs:
            self._check_node_refs(node)
        self._ids[node.id] = "node"
        self._nodes[node.id] = node
        self._succ[node.id] = {}
        self._pred[node.id] = {}

    def _check_node_refs(self, node: Node) -> None:
        if isinstance(node, Resource) and node.payer is not None:
            self._require_actor(node.payer, "payer")
        if isinstance(node, Outcome):
            for index, value in enumerate(node.values):
                self._require_actor(value.actor, f"values[{index}].actor")
            for index, need in enumerate(node.addresses):
                target = self._nodes.get(need)
                if target is None:
                    raise UnknownIdError(need, "need", f"addresses[{index}]")
                if not isinstance(target, Need):
                    raise InvalidValueError(
                        f"addresses[{index}]",
                        f"{need!r} is {with_article(target.kind.value)}, not a need",
                    )

    def _check_realised_from(self, node: Node) -> None:
        """An outcome's ``realised_from`` names an indicator that counts its unit."""
        if not isinstance(node, Outcome) or node.realised_from is None:
            return
        indicator = self._indicators.get(node.realised_from)
        if indicator is None:
            raise UnknownIdError(node.realised_from, "indicator", "realised_from")
        check_realised_from(node, indicator)

    def _require_actor(self, id: str, field: str) -> None:
        if id not in self._actors:
            raise UnknownIdError(id, "actor", field)

    def _check_units(self, node: Node) -> None:
        check_node_units(node, self._info.currency)

    def add_link(self, link: Link) -> None:
        """Add a link between two nodes already in the model.

        Raises:
            UnknownIdError: an end is not a node.
            InvalidValueError: an end is a need (needs take no links), or the link
                is already there.
        """
        check_type("LogicModel.add_link()", "link", link, Link)
        for field, id in (("from", link.from_id), ("to", link.to_id)):
            node = self._nodes.get(id)
            if node is None:
                raise UnknownIdError(id, "node", field)
            if isinstance(node, Need):
                raise InvalidValueError(
                    field, f"{id!r} is a need: needs take no links (goals name them in addresses)"
                )
        if link.key in self._links:
            raise InvalidValueError("to", f"duplicate link {link.from_id} → {link.to_id}")
        self._links[link.key] = link
        self._succ[link.from_id][link.to_id] = link
        self._pred[link.to_id][link.from_id] = link

    def link(self, from_id: str, to_id: str, **fields: Any) -> None:
        """Add a link by its ends: ``model.link("a", "b", effect=Effect.DECREASES)``."""
        self.add_link(Link(from_id=from_id, to_id=to_id, **fields))

    def add_indicator(self, indicator: Indicator) -> None:
        """Add an indicator of a node already in the model.

        Raises:
            DuplicateIdError: the id is taken.
            UnknownIdError: the measured node is unknown.
        """
        check_type("LogicModel.add_indicator()", "indicator", indicator, Indicator)
        self._claim(indicator.id, "indicator")
        if indicator.measures not in self._nodes:
            raise UnknownIdError(indicator.measures, "node", "measures")
        self._ids[indicator.id] = "indicator"
        self._indicators[indicator.id] = indicator

    def add_risk(self, risk: Risk) -> None:
        """Add a risk; the nodes it threatens and its owner must be there already.

        Raises:
            DuplicateIdError: the id is taken.
            UnknownIdError: a threatened node or the owner is unknown.
        """
        check_type("LogicModel.add_risk()", "risk", risk, Risk)
        self._claim(risk.id, "risk")
        for index, id in enumerate(risk.threatens):
            if id not in self._nodes:
                raise UnknownIdError(id, "node", f"threatens[{index}]")
        if risk.owner is not None:
            self._require_actor(risk.owner, "owner")
        self._ids[risk.id] = "risk"
        self._risks[risk.id] = risk

    def add_transfer(self, transfer: Transfer) -> None:
        """Add a transfer between two actors already in the model.

        Raises:
            DuplicateIdError: the id is taken.
            UnknownIdError: an actor, or the outcome of a rate, is unknown.
            InvalidValueError: the outcome of a rate is not an outcome, or has no
                quantity.
            UnitError: the amount is not money in the model's currency, or rate ×
                the outcome's quantity is not.
        """
        self._claim(transfer.id, "transfer")
        self._require_actor(transfer.from_actor, "from")
        self._require_actor(transfer.to_actor, "to")
        outcome: Outcome | None = None
        if transfer.outcome is not None:
            node = self._nodes.get(transfer.outcome)
            if node is None:
                raise UnknownIdError(transfer.outcome, "node", "outcome")
            if not isinstance(node, Outcome):
                raise InvalidValueError(
                    "outcome",
                    f"{node.id!r} is {with_article(node.kind.value)}, not an outcome",
                )
            outcome = node
        check_transfer_units(transfer, outcome, self._info.currency)
        self._ids[transfer.id] = "transfer"
        self._transfers[transfer.id] = transfer

    def remove_transfer(self, id: str) -> Transfer:
        """Remove a transfer.

        Raises:
            UnknownIdError: no such transfer.
        """
        transfer = self._transfers.pop(id, None)
        if transfer is None:
            raise UnknownIdError(id, "transfer")
        del self._ids[id]
        return transfer

    def remove_node(self, id: str) -> Node:
        """Remove a node with its links, its indicators, and every reference to it.

        Risks that threatened it and goals that addressed it keep their other
        references; transfers paid on it go with it.

        Raises:
            UnknownIdError: no such node.
        """
        node = self.node(id)
        for source in self._pred.pop(id):
            del self._links[(source, id)]
            del self._succ[source][id]
        for target in self._succ.pop(id):
            del self._links[(id, target)]  # a self-link went with the first loop
            del self._pred[target][id]
        del self._nodes[id]
        del self._ids[id]
        for ind in [i for i in self._indicators.values() if i.measures == id]:
            del self._indicators[ind.id]
            del self._ids[ind.id]
        for transfer in [t for t in self._transfers.values() if t.outcome == id]:
            del self._transfers[transfer.id]
            del self._ids[transfer.id]
        for risk in list(self._risks.values()):
            if id in risk.threatens:
                threatens: tuple[str, ...] = tuple(t for t in risk.threatens if t != id)
                self._risks[risk.id] = attrs.evolve(risk, threatens=threatens)
        if isinstance(node, Need):
            for other in list(self._nodes.values()):
                if isinstance(other, Outcome) and id in other.addresses:
                    addresses: tuple[str, ...] = tuple(a for a in other.addresses if a != id)
                    self._nodes[other.id] = attrs.evolve(other, addresses=addresses)
        return node

    def remove_link(self, from_id: str, to_id: str) -> Link:
        """Remove a link.

        Raises:
            UnknownIdError: no such link.
        """
        link = self._links.pop((from_id, to_id), None)
        if link is None:
            raise UnknownIdError(f"{from_id} → {to_id}", "link")
        del self._succ[from_id][to_id]
        del self._pred[to_id][from_id]
        return link

    def replace_node(self, node: Node) -> None:
        """Replace the node with the same id (same kind), keeping its place and links.

        Raises:
            UnknownIdError: no node with that id.
            InvalidValueError: the kind differs.
            TypeError: ``node`` is not a :class:`~logikmodell.model.Node`.
        """
        check_type("LogicModel.replace_node()", "node", node, Node)
        old = self.node(node.id)
        if old.kind is not node.kind:
            raise InvalidValueError(
                "kind", f"cannot change {node.id!r} from {old.kind} to {node.kind}"
            )
        self._check_units(node)
        self._check_node_refs(node)
        if isinstance(node, Outcome):
            for transfer in self._transfers.values():
                if transfer.outcome == node.id:
                    check_transfer_units(transfer, node, self._info.currency)
        self._nodes[node.id] = node

    def replace_indicator(self, indicator: Indicator) -> None:
        """Replace the indicator with the same id, keeping its place.

        Raises:
            UnknownIdError: no indicator with that id, or the measured node is unknown.
        """
        if indicator.id not in self._indicators:
            raise UnknownIdError(indicator.id, "indicator")
        if indicator.measures not in self._nodes:
            raise UnknownIdError(indicator.measures, "node", "measures")
        self._indicators[indicator.id] = indicator

    def replace_info(self, **changes: Any) -> None:
        """Change header fields: ``model.replace_info(owner="Socialnämnden")``."""
        info = attrs.evolve(self._info, **changes)
        if info.currency != self._info.currency and self._nodes:
            raise InvalidValueError("currency", "cannot change the currency of a model with nodes")
        self._info = info

    def copy(self) -> LogicModel:
        """An independent copy (the parts are immutable and shared)."""
        new = LogicModel(self._info)
        new._ids = dict(self._ids)
        new._nodes = dict(self._nodes)
        new._links = dict(self._links)
        new._indicators = dict(self._indicators)
        new._risks = dict(self._risks)
        new._actors = dict(self._actors)
        new._transfers = dict(self._transfers)
        new._succ = {id: dict(targets) for id, targets in self._succ.items()}
        new._pred = {id: dict(sources) for id, sources in self._pred.items()}
        new._positions = self._positions
        return new

    @property
    def positions(self) -> Positions | None:
        """Where the parts stood in the YAML or JSON text the model was loaded from.

        None for a model built in code (or loaded from TOML, or with
        ``positions=False``). Not part of the model's content: equality ignores it.
        """
        return self._positions

    @positions.setter
    def positions(self, positions: Positions | None) -> None:
        self._positions = positions

    # ------------------------------------------------------------------ header
    @property
    def info(self) -> ModelInfo:
        """The header as one frozen record."""
        return self._info

    @property
    def title(self) -> str:
        """The title."""
        return self._info.title

    @property
    def id(self) -> str | None:
        """The model's own id, if any."""
        return self._info.id

    @property
    def owner(self) -> str | None:
        """The owner (projektägare)."""
        return self._info.owner

    @property
    def period(self) -> Period | None:
        """The period the investment runs."""
        return self._info.period

    @property
    def currency(self) -> str:
        """The ISO 4217 code every amount is in."""
        return self._info.currency

    @property
    def target_group(self) -> TargetGroup | None:
        """The target group."""
        return self._info.target_group

    @property
    def comparison(self) -> str | None:
        """The comparison alternative."""
        return self._info.comparison

    @property
    def economics(self) -> Economics:
        """Discounting and horizon."""
        return self._info.economics

    @property
    def metadata(self) -> FrozenDict[str, object]:
        """Free-form data, preserved on round trip."""
        return self._info.metadata

    # ------------------------------------------------------------------ queries
    @property
    def nodes(self) -> tuple[Node, ...]:
        """Every node, in the order added."""
        return tuple(self._nodes.values())

    @property
    def links(self) -> tuple[Link, ...]:
        """Every link, in the order added."""
        return tuple(self._links.values())

    @property
    def indicators(self) -> tuple[Indicator, ...]:
        """Every indicator, in the order added."""
        return tuple(self._indicators.values())

    @property
    def risks(self) -> tuple[Risk, ...]:
        """Every risk, in the order added."""
        return tuple(self._risks.values())

    @property
    def actors(self) -> tuple[Actor, ...]:
        """Every actor, in the order added."""
        return tuple(self._actors.values())

    @property
    def transfers(self) -> tuple[Transfer, ...]:
        """Every transfer between actors, in the order added."""
        return tuple(self._transfers.values())

    def node(self, id: str) -> Node:
        """The node with this id.

        Raises:
            UnknownIdError: no such node.
        """
        try:
            return self._nodes[id]
        except KeyError:
            raise UnknownIdError(id, "node") from None

    def actor(self, id: str) -> Actor:
        """The actor with this id.

        Raises:
            UnknownIdError: no such actor.
        """
        try:
            return self._actors[id]
        except KeyError:
            raise UnknownIdError(id, "actor") from None

    def get_link(self, from_id: str, to_id: str) -> Link:
        """The link between two nodes.

        Raises:
            UnknownIdError: no such link.
        """
        try:
            return self._links[(from_id, to_id)]
        except KeyError:
            raise UnknownIdError(f"{from_id} → {to_id}", "link") from None

    def __contains__(self, id: object) -> bool:
        return id in self._nodes

    def __iter__(self) -> Iterator[Node]:
        return iter(self._nodes.values())

    def __len__(self) -> int:
        return len(self._nodes)

    def of_kind(self, kind: NodeKind) -> tuple[Node, ...]:
        """The nodes of one kind, in order."""
        return tuple(n for n in self._nodes.values() if n.kind is kind)

    def of_type(self, cls: type[N]) -> tuple[N, ...]:
        """The nodes of one class (or its subclasses), typed: ``of_type(Resource)``."""
        return tuple(n for n in self._nodes.values() if isinstance(n, cls))

    def goals(self) -> tuple[Outcome, ...]:
        """Long-term outcomes and impacts, in order."""
        return tuple(n for n in self.of_type(Outcome) if n.kind.is_goal)

    def out_links(self, id: str) -> tuple[Link, ...]:
        """Links leaving a node, in the order added."""
        self.node(id)
        return tuple(self._succ[id].values())

    def in_links(self, id: str) -> tuple[Link, ...]:
        """Links entering a node, in the order added."""
        self.node(id)
        return tuple(self._pred[id].values())

    def successors(self, id: str) -> tuple[Node, ...]:
        """The nodes a node links to."""
        self.node(id)
        return tuple(self._nodes[t] for t in self._succ[id])

    def predecessors(self, id: str) -> tuple[Node, ...]:
        """The nodes linking to a node."""
        self.node(id)
        return tuple(self._nodes[s] for s in self._pred[id])

    def indicators_for(self, id: str) -> tuple[Indicator, ...]:
        """The indicators that measure a node."""
        return tuple(i for i in self._indicators.values() if i.measures == id)

    def to_networkx(self) -> nx.DiGraph[str]:
        """A copy of the graph: node ids with attribute ``node``, edges with ``link``.

        Changing the copy does not change the model. networkx is imported here, on
        first use, not with logikmodell.
        """
        import networkx as nx

        graph: nx.DiGraph[str] = nx.DiGraph()
        graph.add_nodes_from((id, {"node": node}) for id, node in self._nodes.items())
        graph.add_edges_from((f, t, {"link": link}) for (f, t), link in self._links.items())
        return graph

    # ------------------------------------------------------------------ dunder
    def _content(self) -> tuple[object, ...]:
        return (
            self._info,
            tuple(self._actors.values()),
            tuple(self._nodes.values()),
            tuple(self._links.values()),
            tuple(self._indicators.values()),
            tuple(self._risks.values()),
            tuple(self._transfers.values()),
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, LogicModel):
            return NotImplemented
        return self._content() == other._content()

    #: How Jupyter draws a model: a function from the model to SVG text that may
    #: raise a LogikmodellError (Graphviz missing, say). :mod:`logikmodell.rendering`
    #: sets it when imported (as ``import logikmodell`` does), so that this module
    #: does not depend on the layer above it. None: text only.
    svg_display: ClassVar[Callable[[LogicModel], str] | None] = None

    def _repr_mimebundle_(self, include: object = None, exclude: object = None) -> dict[str, str]:
        """Show the diagram as SVG in Jupyter; only text where Graphviz is missing."""
        text = {"text/plain": repr(self)}
        draw = LogicModel.svg_display
        if draw is None:
            return text
        try:
            return {"image/svg+xml": draw(self), **text}
        except LogikmodellError:
            return text

    def __repr__(self) -> str:
        return (
            f"<LogicModel {self.title!r}: {len(self._nodes)} nodes, {len(self._links)} links, "
            f"{len(self._indicators)} indicators, {len(self._risks)} risks>"
        )
