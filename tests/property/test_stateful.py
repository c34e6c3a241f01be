"""A model edited step by step keeps its invariants after every step."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, consumes, invariant, rule

import logikmodell as lm
from logikmodell.testing import strategies as lst

CHAIN_KINDS = [kind for kind in lm.NodeKind if kind is not lm.NodeKind.NEED]


class EditedModel(RuleBasedStateMachine):
    """Adds, links and removes nodes; checks the container and the file format."""

    ids = Bundle("ids")

    def __init__(self) -> None:
        super().__init__()
        self.model = lm.LogicModel(title="Stegvis", actors=[lm.Actor(id="utb", label="U")])
        self.counter = 0

    @rule(target=ids, node=lst.nodes(kinds=CHAIN_KINDS))
    def add_node(self, node: lm.Node) -> str:
        self.counter += 1
        id = f"s{self.counter}"
        self.model.add_node(attrs.evolve(node, id=id))
        return id

    @rule(source=ids, to=ids, effect=st.sampled_from(lm.Effect), share=st.none() | lst.fractions())
    def link(self, source: str, to: str, effect: lm.Effect, share: object) -> None:
        if source == to or source not in self.model or to not in self.model:
            return
        if any(link.to_id == to for link in self.model.out_links(source)):
            return
        self.model.link(source, to, effect=effect, share=share)

    @rule(id=consumes(ids))
    def remove_node(self, id: str) -> None:
        if id in self.model:
            self.model.remove_node(id)
            assert id not in self.model

    @rule(source=ids)
    def remove_first_link(self, source: str) -> None:
        if source in self.model and self.model.out_links(source):
            link = self.model.out_links(source)[0]
            self.model.remove_link(link.from_id, link.to_id)

    @invariant()
    def links_join_existing_nodes(self) -> None:
        graph = self.model.to_networkx()
        assert set(graph.nodes) == {node.id for node in self.model}
        assert {(f, t) for f, t in graph.edges} == {link.key for link in self.model.links}

    @invariant()
    def validate_never_raises_and_is_deterministic(self) -> None:
        first = lm.validate(self.model)
        assert lm.validate(self.model) == first
        assert first.ok == (first.counts["error"] == 0)

    @invariant()
    def costs_are_conserved_or_refused(self) -> None:
        refusing = lm.validate(self.model, select=["LM101", "LM601"])
        if not refusing.ok:
            with pytest.raises(lm.CostAttributionError) as refused:
                lm.attribute_costs(self.model)
            assert {f.code for f in refused.value.findings} <= {"LM101", "LM601"}
            return
        costs = lm.attribute_costs(self.model)
        kept = sum(costs.attributed[id].ore for id in costs.terminal)
        left = sum(money.ore for money in costs.unallocated.values())
        assert kept + left == costs.total.ore
        assert sum(money.ore for money in costs.payers.values()) == costs.total.ore

    @invariant()
    def the_diagram_is_deterministic(self) -> None:
        assert lm.to_dot(self.model).source == lm.to_dot(self.model).source

    @invariant()
    def round_trips_in_every_format(self) -> None:
        for format in ("yaml", "json", "toml"):
            assert lm.loads(lm.dumps(self.model, format), format) == self.model


TestEditedModel = EditedModel.TestCase
TestEditedModel.settings = settings(max_examples=25, stateful_step_count=15, deadline=None)
