"""Transfers in the diagram: dashed arrows between actors, in DOT, Mermaid and SVG."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from render_helpers import svg_texts

import logikmodell as lm
from logikmodell.rendering import to_dot, to_mermaid, to_svg

EXAMPLES = Path(__file__).parent.parent.parent / "examples"


def _contract() -> lm.LogicModel:
    return lm.load(EXAMPLES / "utfallskontrakt.yaml")


def test_the_dot_text_draws_each_transfer_as_a_dashed_arrow_between_actors() -> None:
    source = to_dot(_contract(), lang="sv").source
    assert "subgraph cluster_transfers" in source
    assert "Överföringar mellan aktörer" in source
    arrows = [line.replace("\xa0", " ") for line in source.splitlines() if "arrowhead=open" in line]
    assert len(arrows) == 3
    assert all("style=dashed" in line for line in arrows)
    assert any("Finansiärens lån: 10 MSEK" in line for line in arrows)
    assert any("420 000 SEK/person (Färre" in line for line in arrows)
    assert "Extern finansiär" in source


def test_a_model_without_transfers_draws_no_box_for_them() -> None:
    model = _contract()
    for transfer in model.transfers:
        model.remove_transfer(transfer.id)
    assert "cluster_transfers" not in to_dot(model).source
    assert "subgraph transfers" not in to_mermaid(model)


def test_a_hostile_transfer_label_stays_text() -> None:
    model = _contract()
    model.remove_transfer("fast")
    model.add_transfer(
        lm.Transfer(
            id="fast",
            label='</td></tr></table>> ]; x -> y [label="',
            from_actor="soc",
            to_actor="investor",
            amount="4 MSEK",
            year=5,
        )
    )
    source = to_dot(model, lang="en").source
    assert "Transfers between actors" in source
    assert "</td></tr></table>> ]" not in source
    assert "&lt;/td&gt;" in source
    text = to_mermaid(model, lang="en")
    assert 'subgraph transfers["Transfers between actors"]' in text
    assert "</td>" not in text


def test_mermaid_draws_the_transfers_as_dotted_arrows() -> None:
    text = to_mermaid(_contract(), lang="sv")
    assert 'subgraph transfers["Överföringar mellan aktörer"]' in text
    assert text.count('-. "') == 3


@pytest.mark.needs_dot
def test_dot_lays_out_the_transfers() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        svg = to_svg(_contract(), lang="sv")
    texts = " ".join(svg_texts(svg)).replace("\xa0", " ")
    assert "Överföringar mellan aktörer" in texts
    assert "Extern finansiär" in texts
    assert "Finansiärens lån: 10 MSEK" in texts
