"""What the rules share: the model as compact arrays, its topological order, its cycles.

Nodes and links are numbered in model order (a :class:`~logikmodell.topology.Topology`);
the algorithms work on those numbers, and the rules turn them back into ids and
labels only for their messages. Everything is computed once per validation run, in
time linear in the number of nodes and links, and only when a rule asks for it.
"""

from __future__ import annotations

import datetime as dt
from functools import cached_property

import attrs

from logikmodell.graph import LogicModel
from logikmodell.i18n import Message
from logikmodell.model.elements import Actor, Indicator, Link, Risk
from logikmodell.model.enums import Effect, NodeKind
from logikmodell.model.nodes import Node, Outcome
from logikmodell.topology import Topology

__all__ = [
    "MODEL_PLACE",
    "Context",
    "Place",
    "describe",
    "desired_sign",
    "kind_name",
    "the_kind",
]

#: Each kind in words for a message: bare, with ``a``/``an``, and with ``the``.
_KIND_NAMES: dict[NodeKind, tuple[Message, Message, Message]] = {
    NodeKind.NEED: (Message("need"), Message("a need"), Message("the need")),
    NodeKind.RESOURCE: (Message("resource"), Message("a resource"), Message("the resource")),
    NodeKind.ACTIVITY: (Message("activity"), Message("an activity"), Message("the activity")),
    NodeKind.OUTPUT: (Message("output"), Message("an output"), Message("the output")),
    NodeKind.SHORT_TERM_OUTCOME: (
        Message("short-term outcome"),
        Message("a short-term outcome"),
        Message("the short-term outcome"),
    ),
    NodeKind.LONG_TERM_OUTCOME: (
        Message("long-term outcome"),
        Message("a long-term outcome"),
        Message("the long-term outcome"),
    ),
    NodeKind.IMPACT: (Message("impact"), Message("an impact"), Message("the impact")),
}


@attrs.frozen
class Place:
    """Which element a finding is about and where it is in the file format.

    Attributes:
        subject: the element's id (a link as ``"from->to"``); None for the model.
        path: the element's path, or one of its fields', e.g. ``$.nodes[3].quantity``.
    """

    subject: str | None
    path: str


#: The place of a finding about the model as a whole.
MODEL_PLACE = Place(None, "$")


def _field(path: str, field: str | None) -> str:
    return path if field is None else f"{path}.{field}"


def kind_name(kind: NodeKind, *, article: bool = False) -> Message:
    """A kind in words for a message: ``short-term outcome`` (``an output`` with article)."""
    bare, indefinite, _ = _KIND_NAMES[kind]
    return indefinite if article else bare


def the_kind(kind: NodeKind) -> Message:
    """A kind with the definite article: ``the output`` (``prestationen`` in Swedish)."""
    return _KIND_NAMES[kind][2]


def describe(node: Node) -> str:
    """A node named for a message: ``'Ökad närvaro' (narvaro)``."""
    return f"'{node.label}' ({node.id})"


def desired_sign(node: Node) -> int | None:
    """+1 or -1 for the way a node should move; None if it has no direction.

    Activities and outputs count as +1 (more of them); resources and needs, and
    outcomes without ``direction``, have none.
    """
    if node.kind is NodeKind.ACTIVITY or node.kind is NodeKind.OUTPUT:
        return 1
    if isinstance(node, Outcome) and node.direction is not None:
        return node.direction.sign
    return None


class Context:
    """A model prepared for the rules.

    The graph's arrays, order and cycles come from its :class:`~logikmodell.topology.Topology`.

    Attributes:
        model: the model being validated.
        topology: the model's graph as index arrays.
        nodes: the nodes by id, in model order.
        node_list: the nodes in model order; node ``i`` is ``node_list[i]``.
        id_list: the id of node ``i``.
        index: the number of each node id.
        kinds: the kind of node ``i``.
        links: the links in model order; link ``k`` is ``links[k]``.
        heads: the number of the node link ``k`` leaves.
        tails: the number of the node link ``k`` enters.
        out: the numbers of the links leaving node ``i``.
        into: the numbers of the links entering node ``i``.
        given_as_of: the date the follow-up rules judge at, as the caller gave it
            (None: see :attr:`as_of`).
    """

    def __init__(self, model: LogicModel, *, as_of: dt.date | None = None) -> None:
        self.model = model
        self.given_as_of = as_of
        self.topology = topology = Topology.of_model(model)
        self.node_list: tuple[Node, ...] = model.nodes
        self.nodes: dict[str, Node] = {node.id: node for node in self.node_list}
        self.id_list: list[str] = topology.ids
        self.index: dict[str, int] = topology.index
        self.kinds: list[NodeKind] = [node.kind for node in self.node_list]
        self.links: tuple[Link, ...] = model.links
        self.heads: list[int] = topology.heads
        self.tails: list[int] = topology.tails
        self.out: list[list[int]] = topology.out
        self.into: list[list[int]] = topology.into
        #: Results that several rules share, computed by the first that needs them.
        self.memo: dict[str, object] = {}

    def name(self, id: str) -> str:
        """The node with this id, named for a message."""
        return describe(self.nodes[id])

    def node_place(self, id: str, field: str | None = None) -> Place:
        """The place of a node (or of one of its fields: ``field="quantity"``)."""
        return Place(id, _field(f"$.nodes[{self.index[id]}]", field))

    def link_place(self, k: int, field: str | None = None) -> Place:
        """The place of link ``k``: subject ``"from->to"``, path ``$.links[k]``."""
        link = self.links[k]
        return Place(f"{link.from_id}->{link.to_id}", _field(f"$.links[{k}]", field))

    def link_number(self, from_id: str, to_id: str) -> int:
        """The number of the link between two nodes."""
        numbers = self.memo.get("link_numbers")
        if numbers is None:
            numbers = self.memo["link_numbers"] = {link.key: k for k, link in enumerate(self.links)}
        assert isinstance(numbers, dict)
        number: int = numbers[from_id, to_id]
        return number

    def indicator_place(self, j: int, field: str | None = None) -> Place:
        """The place of the model's indicator ``j`` (or of one of its fields)."""
        indicator = self.indicators[j]
        return Place(indicator.id, _field(f"$.indicators[{j}]", field))

    def risk_place(self, j: int, field: str | None = None) -> Place:
        """The place of the model's risk ``j`` (or of one of its fields)."""
        risk = self.risks[j]
        return Place(risk.id, _field(f"$.risks[{j}]", field))

    def actor_place(self, j: int, field: str | None = None) -> Place:
        """The place of the model's actor ``j`` (or of one of its fields)."""
        actor = self.actors[j]
        return Place(actor.id, _field(f"$.actors[{j}]", field))

    def model_place(self, field: str | None = None) -> Place:
        """The place of the model, or of one of its top-level fields (subject None)."""
        return Place(None, "$" if field is None else f"$.{field}")

    def ids_of(self, *kinds: NodeKind) -> list[int]:
        """The numbers of the nodes of these kinds, in model order."""
        key = "ids_of:" + ",".join(kinds)
        found = self.memo.get(key)
        if found is None:
            wanted = set(kinds)
            found = self.memo[key] = [i for i, kind in enumerate(self.kinds) if kind in wanted]
        return found  # type: ignore[return-value]

    def goal_numbers(self) -> list[int]:
        """The numbers of the goals (long-term outcomes and impacts)."""
        return self.ids_of(NodeKind.LONG_TERM_OUTCOME, NodeKind.IMPACT)

    @cached_property
    def as_of(self) -> dt.date | None:
        """The date the follow-up rules (LM308) judge at: the one given, else the
        date of the model's latest measurement; None for a model without any."""
        if self.given_as_of is not None:
            return self.given_as_of
        from logikmodell.followup.due import latest_measurement_date

        return latest_measurement_date(self.model)

    @cached_property
    def indicators(self) -> tuple[Indicator, ...]:
        """The model's indicators, in model order."""
        return self.model.indicators

    @cached_property
    def risks(self) -> tuple[Risk, ...]:
        """The model's risks, in model order."""
        return self.model.risks

    @cached_property
    def actors(self) -> tuple[Actor, ...]:
        """The model's actors, in model order."""
        return self.model.actors

    @cached_property
    def signs(self) -> list[int | None]:
        """The desired sign of node ``i`` (activities and outputs +1), or None."""
        return [desired_sign(node) for node in self.node_list]

    @cached_property
    def decreasing(self) -> list[bool]:
        """Whether link ``k`` has the effect ``decreases``."""
        return [link.effect is Effect.DECREASES for link in self.links]

    @cached_property
    def measured(self) -> frozenset[str]:
        """The ids of the nodes that some indicator measures."""
        return frozenset(indicator.measures for indicator in self.model.indicators)

    @cached_property
    def cycles(self) -> tuple[tuple[str, ...], ...]:
        """One cycle per strongly connected component that has one, as node ids.

        Each cycle starts at its smallest id and follows the links; the cycles are
        sorted by that first id.
        """
        ids = self.id_list
        return tuple(tuple(ids[i] for i in cycle) for cycle in self.topology.cycles)

    @property
    def cyclic(self) -> bytearray:
        """``cyclic[i]`` is 1 when node ``i`` lies on a cycle."""
        return self.topology.cyclic

    @property
    def order(self) -> list[int]:
        """A topological order of the nodes that lie on no cycle.

        Links to and from nodes on a cycle are left out, so that the rules that
        need an order (the direction and evidence rules) run on the acyclic rest.
        """
        return self.topology.acyclic_order

    @property
    def acyclic_out(self) -> list[list[int]]:
        """The links leaving node ``i``, without those into or out of a node on a cycle."""
        return self.topology.acyclic_out
