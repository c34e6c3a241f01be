"""Small models and SVG helpers shared by the rendering tests."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import logikmodell as lm

SVG = "{http://www.w3.org/2000/svg}"

#: Labels that would break or inject DOT or Mermaid if they were not escaped.
HOSTILE = (
    'Citat "så här"',
    "Snedstreck \\ och \\\\ dubbla",
    "Escape \\N \\G \\L \\n \\l \\E \\T \\H",
    "<b>fet</b> & <i>kursiv</i>",
    "{a|b} | <port>",
    "-> x;",
    "]; digraph evil {",
    "Rad ett\nRad två",
    "Åsa, Ärlig & Öberg: å ä ö",
    "#35; %% %%{init}%% end",
    '["]) subgraph click n0 call alert(1)',
    "--> x ==> y -.- z",
    "&amp; &lt; &#92;",
    "trailing backslash \\",
)


def small_model() -> lm.LogicModel:
    """One of each kind, a decreasing link, an indicator and a risk: the golden model."""
    return lm.loads(
        """
logikmodell: 1
title: Mentorskap i åk 7
owner: Utbildningsnämnden
period: {start: 2026-01-01, end: 2026-12-31}
target_group: {label: Elever med hög frånvaro, size: 40}
actors:
  - {id: utb, label: Utbildningsförvaltningen}
nodes:
  - {id: behov, kind: need, label: Hög skolfrånvaro}
  - {id: mentor, kind: resource, label: Mentor, cost: 620 000 SEK, payer: utb}
  - {id: samtal, kind: activity, label: Mentorssamtal}
  - {id: elever, kind: output, label: Elever med mentor, quantity: 40 person}
  - {id: stress, kind: short_term_outcome, label: Stress, direction: decrease}
  - {id: narvaro, kind: short_term_outcome, label: Närvaro, direction: increase}
  - {id: behorighet, kind: long_term_outcome, label: Behörighet, direction: increase,
     addresses: [behov], quantity: 4 person}
  - {id: fullfoljd, kind: impact, label: Fullföljda studier, direction: increase}
links:
  - {from: mentor, to: samtal}
  - {from: samtal, to: elever}
  - {from: elever, to: stress, effect: decreases, evidence: research}
  - {from: stress, to: narvaro, effect: decreases, evidence: proven_experience}
  - {from: narvaro, to: behorighet, evidence: assumption}
  - {from: behorighet, to: fullfoljd}
indicators:
  - {id: ind, measures: narvaro, label: Närvaro i procent, unit: percent,
     baseline: {value: 78, date: 2025-06-30}, target: {value: 88, date: 2026-06-30}}
risks:
  - {id: risk, label: Mentorn slutar, threatens: [samtal], likelihood: 3, consequence: 4}
""",
        "yaml",
    )


def hostile_model(labels: tuple[str, ...] = HOSTILE) -> lm.LogicModel:
    """A chain whose every piece of user text is one of ``labels``, in turn."""
    from logikmodell.model import (
        Activity,
        Actor,
        Impact,
        Indicator,
        LongTermOutcome,
        Need,
        Output,
        Resource,
        Risk,
        ShortTermOutcome,
    )

    kinds = (Resource, Activity, Output, ShortTermOutcome, LongTermOutcome, Impact)
    model = lm.LogicModel(title=labels[0], owner=labels[1])
    model.add_actor(Actor(id="payer", label=labels[2]))
    model.add_node(Need(id="need", label=labels[3]))
    previous: str | None = None
    for index, label in enumerate(labels):
        cls = kinds[index % len(kinds)]
        node_id = f"k{index}"
        if cls is Resource:
            model.add_node(Resource(id=node_id, label=label, cost="1000 SEK", payer="payer"))
        elif cls is LongTermOutcome:
            model.add_node(LongTermOutcome(id=node_id, label=label, addresses=("need",)))
        else:
            model.add_node(cls(id=node_id, label=label))
        if previous is not None and cls is not Resource:
            model.link(previous, node_id)
        previous = node_id
    for index, label in enumerate(labels):
        model.add_indicator(
            Indicator(id=f"i{index}", measures=f"k{index}", label=label, unit=label)
        )
        model.add_risk(
            Risk(id=f"r{index}", label=label, threatens=(f"k{index}",), likelihood=2, consequence=2)
        )
    return model


def svg_texts(svg: str) -> list[str]:
    """The text of every ``<text>`` element of an SVG, parsed as XML."""
    root = ET.fromstring(svg)  # noqa: S314 - SVG that our own dot run just wrote
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


def svg_node_boxes(svg: str) -> dict[str, tuple[float, float]]:
    """The x extent of each node, by its DOT name (``n0``…), from the SVG."""
    root = ET.fromstring(svg)  # noqa: S314 - SVG that our own dot run just wrote
    boxes: dict[str, tuple[float, float]] = {}
    for group in root.iter(f"{SVG}g"):
        if group.get("class") != "node":
            continue
        title = group.find(f"{SVG}title")
        assert title is not None
        assert title.text is not None
        xs: list[float] = []
        for element in group.iter():
            if element.tag in (f"{SVG}polygon", f"{SVG}polyline"):
                points = element.get("points", "")
                xs += [float(p.split(",")[0]) for p in points.split()]
            elif element.tag == f"{SVG}path":
                numbers = re.findall(r"-?\d+(?:\.\d+)?,-?\d+(?:\.\d+)?", element.get("d", ""))
                xs += [float(n.split(",")[0]) for n in numbers]
            elif element.tag == f"{SVG}text" and element.get("x"):
                xs.append(float(element.get("x", "0")))
        if xs:
            boxes[title.text] = (min(xs), max(xs))
    return boxes
