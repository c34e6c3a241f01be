"""LogicModel: adding, linking, removing, querying, equality."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from logikmodell import (
    Activity,
    Actor,
    DuplicateIdError,
    Impact,
    Indicator,
    InvalidValueError,
    Link,
    LogicModel,
    LongTermOutcome,
    Need,
    NodeKind,
    Output,
    Resource,
    Risk,
    UnitError,
    UnknownIdError,
    Valuation,
)


def small() -> LogicModel:
    model = LogicModel(title="T", actors=[Actor(id="utb", label="U")])
    model.add_node(Need(id="behov", label="Behov"))
    model.add_node(Resource(id="r", label="R", cost="1 MSEK", payer="utb"))
    model.add_node(Activity(id="a", label="A"))
    model.add_node(Output(id="o", label="O", quantity="120 person"))
    model.add_node(LongTermOutcome(id="g", label="G", addresses=("behov",)))
    model.link("r", "a")
    model.link("a", "o")
    model.link("o", "g")
    model.add_indicator(Indicator(id="i", measures="g", label="I"))
    model.add_risk(Risk(id="risk", label="Risk", threatens=("a",), likelihood=2, consequence=2))
    return model


def test_queries_follow_insertion_order() -> None:
    model = small()
    assert [n.id for n in model.nodes] == ["behov", "r", "a", "o", "g"]
    assert [n.id for n in model.of_kind(NodeKind.OUTPUT)] == ["o"]
    assert [n.id for n in model.of_type(Resource)] == ["r"]
    assert [g.id for g in model.goals()] == ["g"]
    assert [n.id for n in model.successors("a")] == ["o"]
    assert [n.id for n in model.predecessors("o")] == ["a"]
    assert model.out_links("a") == (Link(from_id="a", to_id="o"),)
    assert model.in_links("a") == (Link(from_id="r", to_id="a"),)
    assert model.get_link("o", "g").key == ("o", "g")
    assert [i.id for i in model.indicators_for("g")] == ["i"]
    assert "a" in model
    assert len(model) == 5
    assert model.actor("utb").label == "U"
    assert "5 nodes, 3 links" in repr(model)


def test_unknown_ids() -> None:
    model = small()
    with pytest.raises(UnknownIdError, match="unknown node id 'x'"):
        model.node("x")
    with pytest.raises(KeyError):  # also the builtin
        model.successors("x")
    with pytest.raises(UnknownIdError, match="to: unknown node id 'x'"):
        model.link("a", "x")
    with pytest.raises(UnknownIdError, match="payer: unknown actor id 'nobody'"):
        model.add_node(Resource(id="r2", label="R", payer="nobody"))
    with pytest.raises(UnknownIdError, match="measures"):
        model.add_indicator(Indicator(id="i2", measures="x", label="I"))
    with pytest.raises(UnknownIdError, match=r"threatens\[0\]"):
        model.add_risk(Risk(id="r3", label="R", threatens=("x",), likelihood=1, consequence=1))
    with pytest.raises(UnknownIdError, match="owner"):
        model.add_risk(Risk(id="r3", label="R", likelihood=1, consequence=1, owner="x"))
    with pytest.raises(InvalidValueError, match=r"addresses\[0\]: 'a' is an activity, not a need"):
        model.add_node(Impact(id="imp", label="I", addresses=("a",)))
    with pytest.raises(UnknownIdError, match=r"addresses\[0\]: unknown need id 'x'"):
        model.add_node(Impact(id="imp", label="I", addresses=("x",)))
    with pytest.raises(UnknownIdError, match="link"):
        model.get_link("a", "g")


def test_duplicates() -> None:
    model = small()
    for item in (Activity(id="utb", label="X"), Activity(id="a", label="X")):
        with pytest.raises(DuplicateIdError, match="duplicate id"):
            model.add_node(item)
    with pytest.raises(DuplicateIdError, match="already used by a node, again by an actor"):
        model.add_actor(Actor(id="a", label="X"))
    with pytest.raises(InvalidValueError, match="duplicate link a → o"):
        model.link("a", "o")


def test_needs_take_no_links() -> None:
    model = small()
    with pytest.raises(InvalidValueError, match="needs take no links"):
        model.link("a", "behov")


def test_units_checked_on_add() -> None:
    model = small()
    with pytest.raises(UnitError, match="cost: expected an amount in SEK, got 5 EUR"):
        model.add_node(Resource(id="r2", label="R", cost="5 EUR"))
    with pytest.raises(UnitError, match="quantity × unit_cost must be an amount in SEK"):
        model.add_node(Resource(id="r2", label="R", quantity="2 person", unit_cost="5 SEK/hour"))
    with pytest.raises(UnitError, match="unknown unit"):
        model.add_node(Output(id="o2", label="O", quantity="3 widgets"))
    with pytest.raises(UnitError, match=r"values\[0\].amount"):
        model.add_node(
            LongTermOutcome(
                id="g2",
                label="G",
                quantity="3 person",
                values=(Valuation(actor="utb", amount="100 SEK/person"),),
            )
        )
    assert "r2" not in model  # nothing half-added


def test_constructor_raises_first_problem() -> None:
    with pytest.raises(UnknownIdError, match="from: unknown node id 'x'"):
        LogicModel(
            title="T", nodes=[Activity(id="a", label="A")], links=[Link(from_id="x", to_id="a")]
        )
    with pytest.raises(InvalidValueError, match="title"):
        LogicModel()
    with pytest.raises(TypeError, match="either info or header"):
        LogicModel(small().info, title="again")


def test_remove_node_cascades() -> None:
    model = small()
    removed = model.remove_node("a")
    assert removed.id == "a"
    assert [link.key for link in model.links] == [("o", "g")]
    assert model.risks[0].threatens == ()
    model.remove_node("g")
    assert model.indicators == ()
    model.add_node(Activity(id="g", label="The id is free again"))
    model.remove_node("behov")
    assert "behov" not in model


def test_remove_need_clears_addresses() -> None:
    model = small()
    model.remove_node("behov")
    goal = model.node("g")
    assert isinstance(goal, LongTermOutcome)
    assert goal.addresses == ()


def test_remove_and_replace() -> None:
    model = small()
    assert model.remove_link("a", "o").key == ("a", "o")
    with pytest.raises(UnknownIdError):
        model.remove_link("a", "o")
    model.replace_node(Activity(id="a", label="Renamed"))
    assert model.node("a").label == "Renamed"
    assert [n.id for n in model.nodes] == ["behov", "r", "a", "o", "g"]
    with pytest.raises(InvalidValueError, match="cannot change 'a'"):
        model.replace_node(Output(id="a", label="X"))
    model.replace_info(owner="Socialnämnden")
    assert model.owner == "Socialnämnden"


def test_to_networkx_is_a_copy() -> None:
    model = small()
    graph = model.to_networkx()
    assert set(graph.nodes) == {"behov", "r", "a", "o", "g"}
    assert graph.edges["a", "o"]["link"] == model.get_link("a", "o")
    assert graph.nodes["o"]["node"] == model.node("o")
    graph.remove_node("a")
    assert "a" in model
    assert len(model.links) == 3


def test_equality_is_by_content() -> None:
    assert small() == small()
    other = small()
    other.replace_node(Activity(id="a", label="Other"))
    assert small() != other
    assert small() != "a model"
    copy = small().copy()
    assert copy == small()
    copy.remove_node("g")
    assert copy != small()
    with pytest.raises(TypeError):
        hash(small())


def test_the_graph_does_not_import_rendering_yet_shows_svg_in_jupyter() -> None:
    import ast
    from pathlib import Path

    import logikmodell.graph
    import logikmodell.rendering

    tree = ast.parse(Path(logikmodell.graph.__file__).read_text(encoding="utf-8"))
    imported = {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert not any(name.startswith("logikmodell.rendering") for name in imported)
    assert logikmodell.graph.LogicModel.svg_display is logikmodell.rendering.to_svg


def test_self_link_goes_with_its_node() -> None:
    model = LogicModel(title="T", nodes=[Activity(id="a", label="A"), Activity(id="b", label="B")])
    model.link("a", "a")
    model.link("a", "b")
    model.link("b", "a")
    model.remove_node("a")
    assert model.links == ()
    assert model.in_links("b") == ()
    assert model.out_links("b") == ()


_IDS = ("a", "b", "c", "d")


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(("add", "link", "unlink", "remove", "copy")),
            st.sampled_from(_IDS),
            st.sampled_from(_IDS),
        ),
        max_size=40,
    )
)
def test_adjacency_agrees_with_networkx(ops: list[tuple[str, str, str]]) -> None:
    """Links, successors and predecessors, in order, after any edits, as networkx has them."""
    model = LogicModel(title="T")
    reference: nx.DiGraph[str] = nx.DiGraph()
    added: list[tuple[str, str]] = []  # the links, in the order they were added
    for op, first, second in ops:
        if op == "add" and first not in model:
            model.add_node(Activity(id=first, label=first))
            reference.add_node(first)
        elif (
            op == "link"
            and {first, second} <= set(reference)
            and not reference.has_edge(first, second)
        ):
            model.link(first, second)
            reference.add_edge(first, second)
            added.append((first, second))
        elif op == "unlink" and reference.has_edge(first, second):
            model.remove_link(first, second)
            reference.remove_edge(first, second)
            added.remove((first, second))
        elif op == "remove" and first in model:
            model.remove_node(first)
            reference.remove_node(first)
            added = [key for key in added if first not in key]
        elif op == "copy":
            model = model.copy()
    assert [link.key for link in model.links] == added
    assert set(model.to_networkx().edges) == set(reference.edges)
    for id in reference:
        assert [n.id for n in model.successors(id)] == list(reference.succ[id])
        assert [n.id for n in model.predecessors(id)] == list(reference.pred[id])
        assert [link.to_id for link in model.out_links(id)] == list(reference.succ[id])
        assert [link.from_id for link in model.in_links(id)] == list(reference.pred[id])
