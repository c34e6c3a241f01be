"""Properties of ``validate`` on generated models.

On any model the strategies generate, ``validate`` never raises and is
deterministic; its direction verdicts (LM202, LM203) and evidence verdicts (LM502)
agree with a brute-force enumeration of every path on small models.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
from collections.abc import Iterator
from random import Random

import attrs
import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

import logikmodell as lm
from logikmodell.model import (
    Activity,
    Actor,
    Direction,
    Effect,
    Evidence,
    Indicator,
    Link,
    Need,
    Node,
    NodeKind,
    Observation,
    Outcome,
    Output,
    Resource,
    Risk,
    TargetGroup,
    Valuation,
    node_class,
)
from logikmodell.testing import strategies as lst

_CHAIN: list[NodeKind] = [kind for kind in NodeKind if kind is not NodeKind.NEED]
_WEIGHTED_KINDS: list[NodeKind] = [
    *_CHAIN,
    NodeKind.ACTIVITY,
    NodeKind.SHORT_TERM_OUTCOME,
    NodeKind.IMPACT,
]
_DIRECTIONS = st.none() | st.sampled_from(Direction)
_EVIDENCE = st.none() | st.sampled_from(Evidence)


def _node(kind: NodeKind, id: str, needs: list[str], draw: st.DrawFn) -> Node:
    label = f"Nod {id}"
    if kind is NodeKind.NEED:
        return Need(id=id, label=label)
    if kind is NodeKind.RESOURCE:
        return Resource(
            id=id,
            label=label,
            cost=draw(st.none() | st.just("100 SEK")),
            payer=draw(st.none() | st.just("utb")),
        )
    if kind is NodeKind.ACTIVITY:
        return Activity(id=id, label=label)
    if kind is NodeKind.OUTPUT:
        return Output(id=id, label=label)
    cls = node_class(kind)
    values = [Valuation(actor="utb", amount="10 SEK/person/year")] if draw(st.booleans()) else []
    return cls(  # type: ignore[call-arg]
        id=id,
        label=label,
        direction=draw(_DIRECTIONS),
        addresses=draw(st.lists(st.sampled_from(needs), unique=True)) if needs else (),
        quantity=draw(st.none() | st.just("3 person")),
        values=values,
    )


@st.composite
def _models(draw: st.DrawFn, *, acyclic: bool = False, max_nodes: int = 12) -> lm.LogicModel:
    """Small models of any shape: cycles and backward links unless ``acyclic``."""
    kinds = draw(st.lists(st.sampled_from(_WEIGHTED_KINDS), min_size=1, max_size=max_nodes))
    if draw(st.booleans()):
        kinds = [NodeKind.NEED, *kinds][:max_nodes]
    ids = [f"n{index}" for index in range(len(kinds))]
    needs = [id for id, kind in zip(ids, kinds, strict=True) if kind is NodeKind.NEED]
    nodes = [_node(kind, id, needs, draw) for id, kind in zip(ids, kinds, strict=True)]
    chain = [index for index, kind in enumerate(kinds) if kind is not NodeKind.NEED]
    pairs = [(i, j) for i in chain for j in chain if i != j and (i < j or not acyclic)]
    links = []
    if pairs:
        chosen = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=3 * len(chain)))
        for i, j in chosen:
            links.append(
                Link(
                    from_id=ids[i],
                    to_id=ids[j],
                    effect=draw(st.sampled_from(Effect)),
                    evidence=draw(_EVIDENCE),
                    share=draw(st.none() | st.sampled_from(["0.25", "0.5", "1"])),
                )
            )
    indicators = [
        Indicator(
            id=f"i{index}",
            measures=draw(st.sampled_from(ids)),
            label="Indikator",
            direction=draw(_DIRECTIONS),
            baseline=draw(st.none() | st.builds(Observation, value=st.integers(0, 9), date=_DATES)),
            target=draw(st.none() | st.builds(Observation, value=st.integers(0, 9), date=_DATES)),
            source=draw(st.none() | st.just("Register")),
        )
        for index in range(draw(st.integers(0, 3)))
    ]
    risks = [
        Risk(
            id=f"r{index}",
            label="Risk",
            threatens=draw(st.lists(st.sampled_from(ids), unique=True, max_size=2)),
            likelihood=draw(st.integers(1, 5)),
            consequence=draw(st.integers(1, 5)),
            mitigation=draw(st.none() | st.just("Plan")),
            owner=draw(st.none() | st.just("utb")),
        )
        for index in range(draw(st.integers(0, 2)))
    ]
    return lm.LogicModel(
        title="Genererad",
        comparison=draw(st.none() | st.just("Kohort")),
        target_group=draw(st.none() | st.builds(TargetGroup, label=st.just("Unga"), size=_SIZES)),
        actors=[Actor(id="utb", label="Utbildningsförvaltningen")],
        nodes=nodes,
        links=links,
        indicators=indicators,
        risks=risks,
    )


_DATES = st.none() | st.dates(dt.date(2024, 1, 1), dt.date(2024, 1, 5))
_SIZES = st.none() | st.integers(0, 200)
_MODELS = _models() | _models(acyclic=True)


@given(_MODELS)
def test_validate_never_raises_and_is_deterministic(model: lm.LogicModel) -> None:
    report = lm.validate(model)
    again = lm.validate(model)
    assert report == again
    assert list(report.findings) == sorted(report.findings, key=lm.Finding.sort_key)
    assert report.ok == (report.counts["error"] == 0)
    text = lm.dumps(model, format="json")
    assert lm.validate(lm.loads(text, "json", positions=False)) == report
    placed = lm.validate(lm.loads(text, "json"))
    assert [attrs.evolve(f, line=None, column=None) for f in placed.findings] == list(
        report.findings
    )


def _cyclic(graph: nx.DiGraph[str]) -> set[str]:
    """Nodes on a cycle, found the slow way: a path from a successor back to the node."""
    return {
        node for node in graph if any(nx.has_path(graph, succ, node) for succ in graph.succ[node])
    }


def _paths(model: lm.LogicModel) -> Iterator[tuple[str, str, list[tuple[str, str]]]]:
    """Every path (as links) from an activity to a goal, avoiding nodes on a cycle."""
    graph = model.to_networkx()
    graph.remove_nodes_from(_cyclic(graph))
    for activity in model.of_kind(NodeKind.ACTIVITY):
        if activity.id not in graph:
            continue
        for goal in model.goals():
            if goal.id not in graph:
                continue
            for path in nx.all_simple_paths(graph, activity.id, goal.id):
                yield activity.id, goal.id, list(itertools.pairwise(path))


def _brute_force(model: lm.LogicModel) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    signs: dict[tuple[str, str], set[int]] = {}
    for activity, goal, steps in _paths(model):
        sign = 1
        for from_id, to_id in steps:
            sign *= model.get_link(from_id, to_id).effect.sign
        signs.setdefault((activity, goal), set()).add(sign)
    against, mixed = set(), set()
    for (activity, goal), found in signs.items():
        node = model.node(goal)
        assert isinstance(node, Outcome)
        if node.direction is None:
            continue
        if found == {-node.direction.sign}:
            against.add((activity, goal))
        elif found == {1, -1}:
            mixed.add((activity, goal))
    return against, mixed


def _unsupported_goals(model: lm.LogicModel) -> set[str]:
    reached: set[str] = set()
    supported: set[str] = set()
    for _, goal, steps in _paths(model):
        reached.add(goal)
        if all(
            not model.node(to_id).kind.is_outcome
            or model.get_link(from_id, to_id).evidence
            in (Evidence.RESEARCH, Evidence.PROVEN_EXPERIENCE)
            for from_id, to_id in steps
        ):
            supported.add(goal)
    return reached - supported


@settings(max_examples=200)
@given(_MODELS)
def test_direction_verdicts_agree_with_path_enumeration(model: lm.LogicModel) -> None:
    report = lm.validate(model, select=["LM202", "LM203"])
    against, mixed = _brute_force(model)
    assert {f.nodes for f in report.by_code("LM202")} == against
    assert {f.nodes for f in report.by_code("LM203")} == mixed
    for finding in report.findings:
        activity, goal = finding.nodes
        witness = re.search(r"\(e\.g\. ([^)]*)\)", finding.message)
        assert witness is not None, finding.message
        steps = witness.group(1).split(" → ")
        assert (steps[0], steps[-1]) == (activity, goal)
        sign = 1
        for from_id, to_id in itertools.pairwise(steps):
            sign *= model.get_link(from_id, to_id).effect.sign
        node = model.node(goal)
        assert isinstance(node, Outcome)
        assert node.direction is not None
        assert sign == -node.direction.sign  # the example path goes against the goal


@settings(max_examples=200)
@given(_MODELS)
def test_evidence_verdicts_agree_with_path_enumeration(model: lm.LogicModel) -> None:
    report = lm.validate(model, select=["LM502"])
    assert {f.nodes[0] for f in report.findings} == _unsupported_goals(model)
    graph = model.to_networkx()
    for finding in report.findings:
        named = re.search(r"the link (\S+) → (\S+) (gives no evidence|is graded)", finding.message)
        assert named is not None, finding.message
        link = model.get_link(named.group(1), named.group(2))
        assert model.node(link.to_id).kind.is_outcome
        assert link.evidence in (None, Evidence.ASSUMPTION)
        assert nx.has_path(graph, link.to_id, finding.nodes[0])


@given(_MODELS)
def test_cycles_are_reported_exactly_when_the_graph_has_one(model: lm.LogicModel) -> None:
    graph = model.to_networkx()
    cycles = lm.validate(model, select=["LM101"]).findings
    assert bool(cycles) == (not nx.is_directed_acyclic_graph(graph))
    for finding in cycles:
        ring = [*finding.nodes, finding.nodes[0]]
        assert all(graph.has_edge(a, b) for a, b in itertools.pairwise(ring))
        assert len(set(finding.nodes)) == len(finding.nodes)
    assert len(cycles) == sum(
        1
        for component in nx.strongly_connected_components(graph)
        if len(component) > 1 or any(graph.has_edge(n, n) for n in component)
    )


@settings(max_examples=100)
@given(lst.logic_models(valid=True))
def test_models_the_strategies_call_valid_have_no_error_findings(model: lm.LogicModel) -> None:
    report = lm.validate(model)
    assert report.ok, report.to_text()
    report.raise_for_errors()


@given(_MODELS, st.randoms(use_true_random=False))
def test_findings_do_not_depend_on_the_order_of_links(model: lm.LogicModel, random: Random) -> None:
    links = list(model.links)
    random.shuffle(links)
    shuffled = lm.LogicModel(
        model.info,
        actors=model.actors,
        nodes=model.nodes,
        links=links,
        indicators=model.indicators,
        risks=model.risks,
    )

    def key(report: lm.Report) -> list[tuple[str, tuple[str, ...], object]]:
        # LM601 lists the shared links in the order they were given: compare it by node.
        return [(f.code, f.nodes, f.link) for f in report.findings]

    assert key(lm.validate(shuffled)) == key(lm.validate(model))


@given(lst.logic_models())
def test_validate_never_raises_on_the_public_strategies(model: lm.LogicModel) -> None:
    report = lm.validate(model)
    assert report == lm.validate(model)
    json.dumps(report.to_dict())


@given(_MODELS)
def test_reachability_rules_agree_with_networkx(model: lm.LogicModel) -> None:
    graph = model.to_networkx()
    activities = [node.id for node in model.of_kind(NodeKind.ACTIVITY)]
    goals = [node.id for node in model.goals()]
    report = lm.validate(model, select=["LM104", "LM105"])
    stranded = {f.nodes[0] for f in report.by_code("LM104")}
    unreached = {f.nodes[0] for f in report.by_code("LM105")}
    if goals:
        assert stranded == {
            a for a in activities if not any(nx.has_path(graph, a, g) for g in goals)
        }
    else:
        assert stranded == set()
    if activities:
        assert unreached == {
            g for g in goals if not any(nx.has_path(graph, a, g) for a in activities)
        }
    else:
        assert unreached == set()
